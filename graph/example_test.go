package graph_test

import (
	"fmt"
	"os"

	"github.com/conceptmap/conceptmap/graph"
)

func ExampleGraph_Plan() {
	g, err := graph.Load(os.DirFS("testdata"), "fixture.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	rlhf, _ := g.Lookup("RLHF")
	tf, _ := g.Lookup("transformer")
	for i, s := range g.Plan([]*graph.Concept{rlhf}, []*graph.Concept{tf}).Steps {
		fmt.Println(i+1, s.Concept.Name.In(graph.Both))
	}
	// Output:
	// 1 Gradient descent (梯度下降)
	// 2 PPO (近端策略优化)
	// 3 Supervised fine-tuning (监督微调)
	// 4 RLHF (基于人类反馈的强化学习)
}

func ExampleGraph_Path() {
	g, _ := graph.Load(os.DirFS("testdata"), "fixture.yaml")
	from, _ := g.Lookup("LSTM")
	to, _ := g.Lookup("神经网络")
	hops, _ := g.Path(from, to, graph.PathOptions{})
	for _, h := range hops {
		fmt.Println(h.From, h.Relation, h.To)
	}
	// Output:
	// lstm improves_on rnn
	// rnn requires nn
}

func ExampleLoader() {
	var l graph.Loader
	l.AddFile("mine.yaml", []byte(`relations:
  - {id: requires, label: {en: requires}, first: target}
concepts:
  - {id: a, name: {en: A}}
  - {id: b, name: {en: B}, relations: [{relation: requires, to: c}]}
`))
	_, err := l.Load()
	fmt.Println(err)
	// Output:
	// mine.yaml:5:65: unknown concept "c"; fix the id, or add the concept under concepts:
	//   5 |   - {id: b, name: {en: B}, relations: [{relation: requires, to: c}]}
	//     |                                                                 ^
}
