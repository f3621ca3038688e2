package paint

import (
	"bytes"
	"context"
	"encoding/binary"
	"regexp"
	"strconv"
	"testing"
)

// The PDF writer stamps the time into each embedded font; fixPDF zeroes
// it, keeps the font's checksums right and the cross-references exact,
// so a PDF made in another second has the same bytes.
func TestPDFFontStampFixed(t *testing.T) {
	f := cjkFont(t)
	l := layoutOf(t, `digraph { a [label="注意力 Attention"]; b [label="模型 Model"]; a -> b [label="需要"] }`)
	w, h := l.Size()
	b, err := PDF(context.Background(), []PDFPage{{Layout: l, W: w, H: h, Background: "#ffffff"}}, f, "标题")
	if err != nil {
		t.Fatal(err)
	}
	fonts := 0
	for _, m := range pdfStream.FindAllSubmatchIndex(b, -1) {
		n, _ := strconv.Atoi(string(b[m[4]:m[5]]))
		data, err := inflate(b[m[1] : m[1]+n])
		if err != nil || !isSFNT(data) {
			continue
		}
		fonts++
		if s := sum32(data); s != 0xB1B0AFBA {
			t.Errorf("font checksum %#x, want 0xB1B0AFBA", s)
		}
		for i := range int(binary.BigEndian.Uint16(data[4:])) {
			rec := 12 + 16*i
			if string(data[rec:rec+4]) == "head" {
				off := binary.BigEndian.Uint32(data[rec+8:])
				if mod := data[off+28 : off+36]; !bytes.Equal(mod, make([]byte, 8)) {
					t.Errorf("head.modified = %x, want zero", mod)
				}
			}
		}
	}
	if fonts == 0 {
		t.Fatal("no embedded font found")
	}
	// Every cross-reference points at its object.
	xref := regexp.MustCompile(`(?m)^(\d{10}) 00000 n `).FindAllSubmatch(b, -1)
	for i, x := range xref {
		off, _ := strconv.Atoi(string(x[1]))
		want := strconv.Itoa(i+1) + " 0 obj"
		if !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Errorf("xref %d points at %.12q", i+1, b[off:])
		}
	}
}
