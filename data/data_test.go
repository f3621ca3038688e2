package data_test

import (
	"strings"
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
	if n := len(g.Concepts()); n < 125 {
		t.Errorf("%d concepts, want 125 or more", n)
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

func hasEdge(g *graph.Graph, from, rel, to string) bool {
	for _, e := range g.Out(from) {
		if e.Relation == rel && e.To == to {
			return true
		}
	}
	return false
}

// The fact audit's corrections stay corrected: the relations it set right,
// the ones it removed, the aliases it narrowed, the Chinese terms it fixed
// and the notes it put beside misleading analogies.
func TestAuditFixes(t *testing.T) {
	g := load(t)
	for _, r := range [][3]string{
		{"rope", "requires", "self_attention"},
		{"gqa", "improves_on", "mqa"},
		{"lstm", "requires", "vanishing_gradient"},
		{"dpo", "requires", "rlhf"},
		{"dpo", "requires", "reward_model"},
		{"flops", "related_to", "llm_inference"},
		{"rmsnorm", "part_of", "transformer_block"},
		{"grpo", "uses", "rule_based_reward"},
		{"mha", "part_of", "transformer"},
		{"transformer_block", "part_of", "transformer"},
		{"r1_zero", "requires", "base_model"},
		{"cold_start", "requires", "r1_zero"},
	} {
		if !hasEdge(g, r[0], r[1], r[2]) {
			t.Errorf("missing %s %s %s", r[0], r[1], r[2])
		}
	}
	for _, r := range [][3]string{
		{"rope", "uses", "self_attention"},
		{"rmsnorm", "part_of", "transformer"},
		{"grpo", "requires", "rlhf"},
		{"r1_zero", "requires", "deepseek_v3"},
	} {
		if hasEdge(g, r[0], r[1], r[2]) {
			t.Errorf("%s %s %s is back", r[0], r[1], r[2])
		}
	}
	// Broad words no longer name one narrow concept.
	for term, not := range map[string]string{
		"fine-tuning": "sft", "微调": "sft", "base model": "llm", "基座模型": "llm", "optimizer": "adam",
		"优化器": "adam", "baseline": "advantage", "基线": "advantage", "GLU": "swiglu", "decoder": "encoder_decoder",
		"reasoning model": "reasoning", "令牌": "token",
	} {
		if c, err := g.Lookup(term); err == nil && c.ID == not {
			t.Errorf("%q still names %s", term, not)
		}
	}
	for id, zh := range map[string]string{"next_token_prediction": "下一个词元预测", "reward_hacking": "奖励黑客"} {
		if c, err := g.Lookup(id); err != nil || c.Name.Zh != zh {
			t.Errorf("%s: Chinese name is not %s (%v)", id, zh, err)
		}
	}
	for _, id := range []string{"dpo", "grpo", "cosine_schedule", "mqa", "gqa", "convergence"} {
		c, err := g.Lookup(id)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(c.Analogy.En, "(Note: ") || !strings.Contains(c.Analogy.Zh, "(注意:") {
			t.Errorf("%s: the analogy has no correcting note in both languages", id)
		}
	}
	if c, _ := g.Lookup("moe"); c == nil || strings.Contains(c.Analogy.Zh, "AI届") {
		t.Errorf("the MoE analogy still says AI届")
	}
}

// Every relation of the bundled data says why, in both languages.
func TestBundledWhyEverywhere(t *testing.T) {
	g := load(t)
	for _, c := range g.Concepts() {
		for _, e := range g.Out(c.ID) {
			if e.Why.En == "" || e.Why.Zh == "" {
				t.Errorf("%s %s %s has no why in one language", e.From, e.Relation, e.To)
			}
		}
	}
}
