package data_test

import (
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
)

func load(t *testing.T) *graph.Graph {
	t.Helper()
	g, err := graph.Load(data.FS)
	if err != nil {
		t.Fatalf("the bundled data does not load:\n%v", err)
	}
	return g
}

// Every term the seed glossary names is a concept or an alias of one, and
// that concept has names in both languages.
func TestSeedTermsCovered(t *testing.T) {
	g := load(t)
	terms := []string{
		"RNN", "LSTM", "Transformer", "Attention", "注意力机制", "FFN", "Feed Forward Network", "RMSNorm", "LayerNorm",
		"loss", "损失", "convergence", "收敛", "收敛性", "learning rate", "学习率", "learning-rate schedule", "学习率调度",
		"Step Decay", "Cosine", "Linear", "hyperparameter", "超参数", "batch size", "FLOPs", "KV Cache", "MHA", "多头注意力",
		"GQA", "MQA", "Multi-token prediction", "FP8 Training", "Dense Model", "稠密模型", "MoE", "Mixture of Experts",
		"稀疏模型", "expert routing", "scaling law", "规模定律", "Chinchilla Scaling Law", "SFT", "监督微调", "RLHF", "PPO",
		"GRPO", "DPO", "RFT", "Rejection Fine-tuning", "Reward Model", "奖励模型", "Reasoning", "推理", "Chain-of-thought",
		"MSTS", "多模态安全测试", "Cold Start",
	}
	for _, term := range terms {
		c, err := g.Lookup(term)
		if err != nil {
			t.Errorf("seed term %q: %v", term, err)
			continue
		}
		if c.Name.En == "" || c.Name.Zh == "" || c.Summary.En == "" || c.Summary.Zh == "" {
			t.Errorf("%s (for %q) lacks a name or summary in one language", c.ID, term)
		}
	}
}

// The relations the seed states hold in the data.
func TestSeedRelations(t *testing.T) {
	g := load(t)
	for _, r := range [][3]string{
		{"gqa", "improves_on", "mha"},
		{"mqa", "improves_on", "mha"},
		{"lstm", "improves_on", "rnn"},
		{"transformer", "replaces", "rnn"},
		{"transformer", "replaces", "lstm"},
		{"rlhf", "requires", "sft"},
		{"ffn", "part_of", "transformer"},
		{"attention", "part_of", "transformer"},
		{"rmsnorm", "part_of", "transformer_block"},
		{"rmsnorm", "improves_on", "layernorm"},
		{"step_decay", "is_a", "lr_schedule"},
		{"cosine_schedule", "is_a", "lr_schedule"},
		{"linear_decay", "is_a", "lr_schedule"},
		{"moe", "alternative_to", "dense_model"},
		{"chinchilla", "refines", "scaling_law"},
		{"rlhf", "uses", "ppo"},
		{"rlhf", "uses", "reward_model"},
		{"grpo", "improves_on", "ppo"},
	} {
		found := false
		for _, e := range g.Out(r[0]) {
			if e.Relation == r[1] && e.To == r[2] {
				found = true
			}
		}
		if !found {
			t.Errorf("missing %s %s %s", r[0], r[1], r[2])
		}
	}
}

// The data is big enough to learn from, every concept is bilingual, and
// everything is connected, so path queries work across the sections.
func TestBundledShape(t *testing.T) {
	g := load(t)
	if n := len(g.Concepts()); n < 80 {
		t.Errorf("%d concepts, want 80 or more", n)
	}
	for _, c := range g.Concepts() {
		if c.Name.En == "" || c.Name.Zh == "" || c.Summary.En == "" || c.Summary.Zh == "" {
			t.Errorf("%s lacks a name or summary in one language", c.ID)
		}
		if (c.Analogy.En == "") != (c.Analogy.Zh == "") {
			t.Errorf("%s has its analogy in one language only", c.ID)
		}
		if g.Category(c.Category) == nil || c.Category == "other" {
			t.Errorf("%s has no declared category", c.ID)
		}
	}
	first := g.Concepts()[0]
	for _, c := range g.Concepts()[1:] {
		if _, err := g.Path(first, c, graph.PathOptions{}); err != nil {
			t.Errorf("%v", err)
		}
	}
	for _, r := range g.Relations() {
		if r.Label.En == "" || r.Label.Zh == "" || r.Inverse.En == "" || r.Inverse.Zh == "" {
			t.Errorf("relation type %s lacks a label in one language", r.ID)
		}
	}
}
