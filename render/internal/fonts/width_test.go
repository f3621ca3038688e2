package fonts

import "testing"

func TestTextWidth(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want float64 // at 10 points
	}{
		{"W", 9.44},
		{"il", 4.44},
		{" ", 2.78},
		{"中", 10},
		{"模型结构", 40},
		{"…", 10},
		{"，", 10}, // full-width comma
		{"é", 6},
		{"a中", 15.56},
	} {
		if got := TextWidth(tc.s, 10); got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("TextWidth(%q, 10) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
