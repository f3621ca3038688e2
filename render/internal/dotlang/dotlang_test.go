package dotlang

import "testing"

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", `"plain"`},
		{`a"b`, `"a\"b"`},
		{`\N`, `"\\N"`},
		{`end\`, `"end\\"`},
		{"two\nlines", `"two\nlines"`},
		{"cr\r\nlf", `"cr\nlf"`},
		{"tab\there", `"tab here"`},
		{"bell\a", "\"bell\uFFFD\""},
		{"bad\xffutf8", "\"bad\uFFFDutf8\""},
		{"中文", `"中文"`},
		{"&amp; &", `"&amp;amp; &amp;"`},
	} {
		if got := Quote(tc.in); got != tc.want {
			t.Errorf("Quote(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if got, want := QuoteTip(`\N "&"`+"\n"), `"\\\\N \"&amp;\"\n"`; got != want {
		t.Errorf("QuoteTip = %s, want %s", got, want)
	}
}

func TestHTML(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{`<img src=x onerror=alert(1)>`, `&lt;img src=x onerror=alert(1)&gt;`},
		{`a & "b"`, `a &amp; &quot;b&quot;`},
		{`&amp;`, `&amp;amp;`},
		{`\N\l`, `\\N\\l`}, // doubled: Graphviz reads escapes in HTML-like labels too
		{"中文", "中文"},
	} {
		if got := HTML(tc.in); got != tc.want {
			t.Errorf("HTML(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if got, want := HTMLLines([]string{"a<", "b"}), "a&lt;<BR/>b"; got != want {
		t.Errorf("HTMLLines = %s, want %s", got, want)
	}
}

func TestInches(t *testing.T) {
	for _, tc := range []struct {
		points float64
		want   string
	}{
		{72, "1.00"},
		{72.01, "1.01"},
		{36, "0.50"},
		{1, "0.02"},
		{151.2, "2.10"},
	} {
		if got := Inches(tc.points); got != tc.want {
			t.Errorf("Inches(%v) = %s, want %s", tc.points, got, tc.want)
		}
	}
}
