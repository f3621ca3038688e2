// Package fontstest lets tests require a font that draws Chinese. It
// imports only the standard library, so that the fonts room's own tests
// can use it.
package fontstest

import (
	"fmt"
	"os"
	"testing"
)

// A Font is what Require looks at: fonts.Font.
type Font interface {
	Missing(s string) []rune
	String() string
}

// Require fails the test if err is not nil, and skips it if f cannot draw
// Chinese, except in CI, which installs fonts-noto-cjk, where it fails.
func Require(t testing.TB, f Font, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	if miss := f.Missing("注意力机制模型结构"); len(miss) > 0 {
		msg := fmt.Sprintf("no font that draws Chinese (found %s); apt-get install fonts-noto-cjk", f)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}
