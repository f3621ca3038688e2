package render

import (
	"context"
	"errors"
	"math"
	"testing"
)

// TestOptionErrors pins the errors of options no picture can be drawn
// with, each typed, and checks that SVG, PNG and PDF refuse them before
// drawing anything.
func TestOptionErrors(t *testing.T) {
	g := fixture(t)
	for _, tc := range []struct {
		opt    Options
		option string // the OptionError's, or "" for an *UnknownLayoutError
		want   string
	}{
		{Options{Look: Look{Layout: "spring"}}, "", `unknown layout "spring"; use one of dot, neato, fdp, sfdp, circo, twopi`},
		{Options{Page: Page{Scale: 21}}, "Scale", "the PNG scale must be from 0 to 20 pixels a point, not 21"},
		{Options{Page: Page{Scale: math.NaN()}}, "Scale", "the PNG scale must be from 0 to 20 pixels a point, not NaN"},
		{Options{Page: Page{PageWidth: -1, PageHeight: 540}}, "PageWidth", "the page width must be from 0 to 20000 points, not -1"},
		{Options{Page: Page{PageWidth: 960, PageHeight: 20001}}, "PageHeight", "the page height must be from 0 to 20000 points, not 20001"},
	} {
		err := tc.opt.Check()
		var le *UnknownLayoutError
		var oe *OptionError
		typed := tc.option == "" && errors.As(err, &le) && le.Name == tc.opt.Layout ||
			tc.option != "" && errors.As(err, &oe) && oe.Option == tc.option
		if err == nil || err.Error() != tc.want || !typed {
			t.Errorf("Check(%+v) = %v; want %s", tc.opt.Page, err, tc.want)
			continue
		}
		for name, draw := range map[string]func(context.Context, Renderer) ([]byte, error){
			"SVG": func(ctx context.Context, r Renderer) ([]byte, error) { return r.SVG(ctx, g, g.All(), tc.opt) },
			"PNG": func(ctx context.Context, r Renderer) ([]byte, error) { return r.PNG(ctx, g, g.All(), tc.opt) },
			"PDF": func(ctx context.Context, r Renderer) ([]byte, error) { return r.PDF(ctx, g, g.All(), tc.opt) },
		} {
			if b, err := draw(context.Background(), Renderer{}); b != nil || err == nil || err.Error() != tc.want {
				t.Errorf("%s: %d bytes, error %v; want %s", name, len(b), err, tc.want)
			}
		}
	}
	if err := (Options{Look: Look{Layout: "neato", Theme: "dark"}, Page: Page{Scale: 20, PageWidth: 20000, PageHeight: 1}}).Check(); err != nil {
		t.Errorf("Check of options in range: %v", err)
	}
}
