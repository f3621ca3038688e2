package render

import (
	"fmt"
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// In print every relation type has its own arrowhead and its own pair of
// line style and weight, over the bundled vocabulary and over one where
// every type asks for the same style. The colour themes draw what the
// vocabulary says.
func TestPrintTellsTypesApart(t *testing.T) {
	g, err := graph.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	same := make([]*graph.RelationType, 9)
	for i := range same {
		same[i] = &graph.RelationType{ID: fmt.Sprint("r", i), Style: graph.Style{Color: "#336699", Line: "solid", Arrow: "normal"}}
	}
	for name, vocab := range map[string][]*graph.RelationType{"bundled": g.Relations(), "alike": same} {
		looks := themeOf("print").edgeLooks(vocab)
		lines, arrows := map[string]string{}, map[string]string{}
		for _, rt := range vocab {
			lk := looks[rt]
			line := fmt.Sprintf("%s %v", lk.style, lk.pen)
			if other, ok := lines[line]; ok {
				t.Errorf("%s: %s and %s are both drawn %s", name, other, rt.ID, line)
			}
			if other, ok := arrows[lk.arrow]; ok {
				t.Errorf("%s: %s and %s both end in %s", name, other, rt.ID, lk.arrow)
			}
			lines[line], arrows[lk.arrow] = rt.ID, rt.ID
			if lk.color != view.Grey(rt.Style.Color) {
				t.Errorf("%s: %s is %s, not a grey", name, rt.ID, lk.color)
			}
		}
	}
	for _, th := range []string{"light", "dark"} {
		for _, rt := range g.Relations() {
			lk := themeOf(th).edgeLooks(g.Relations())[rt]
			if lk.arrow != rt.Style.Arrow || lk.style != lineStyle(rt.Style.Line) || lk.pen != 0 {
				t.Errorf("%s: %s drawn %+v, not as the vocabulary says", th, rt.ID, lk)
			}
		}
	}
}
