package export

import (
	"testing"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/internal/fonts/fontstest"
	"github.com/conceptmap/conceptmap/render/internal/rendertest"
)

// fixture is render's fixture graph, ../testdata/fixture.yaml, drawn in
// ASCII art in render's render_test.go.
func fixture(t testing.TB) *graph.Graph {
	t.Helper()
	return rendertest.Load(t, "../testdata/fixture.yaml")
}

// planOptions returns the view of the plan for gqa and opt marked with it.
func planOptions(t *testing.T, g *graph.Graph, opt render.Options) (graph.View, render.Options) {
	t.Helper()
	v, p := rendertest.Plan(t, g)
	opt.MarkPlan(p)
	return v, opt
}

// cjkFont is a font that draws Chinese, or the test is skipped (failed in
// CI).
func cjkFont(t testing.TB) *render.Font {
	t.Helper()
	f, err := render.SystemFont()
	fontstest.Require(t, f, err)
	return f
}
