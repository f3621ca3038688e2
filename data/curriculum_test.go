package data_test

import (
	"slices"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
)

// A curriculum is what a teacher expects of the plan for one target on the
// bundled data: concepts it must teach, concepts it must not (history,
// the internals of a black box it only uses, later alternatives), pairs in
// the order a teacher would give them, and a length band.
type curriculum struct {
	target      string
	must        []string
	mustAny     [][]string // at least one of each group
	mustNot     []string
	before      [][2]string // [a, b]: a is taught before b
	minLen, max int
	background  []string // in the background, not among the steps
}

var curricula = []curriculum{
	{
		target: "grpo",
		must:   []string{"ppo", "advantage", "reinforcement_learning", "policy", "kl_divergence", "reference_model", "llm", "sampling"},
		// GRPO scores a group of answers with a reward: a learned reward
		// model (DeepSeekMath) or rules (R1-Zero); either teaches what a
		// reward is.
		mustAny: [][]string{{"reward_model", "rule_based_reward"}},
		// GRPO uses an LLM; it does not need how its layers are built, the
		// recurrent networks before it, or the alternatives and models after it.
		mustNot: []string{"rnn", "lstm", "layernorm", "rmsnorm", "positional_encoding", "residual_connection", "dpo", "deepseek_r1", "r1_zero", "moe"},
		before:  [][2]string{{"ppo", "grpo"}, {"advantage", "ppo"}, {"reinforcement_learning", "ppo"}, {"llm", "grpo"}, {"kl_divergence", "grpo"}},
		minLen:  15, max: 30,
	},
	{
		target: "deepseek_r1",
		must:   []string{"grpo", "r1_zero", "cold_start", "sft", "rejection_sampling", "chain_of_thought", "rule_based_reward", "reasoning"},
		// R1 is trained from a base model: V3's architecture (MoE, MLA, MTP,
		// FP8) is a black box here.
		mustNot: []string{"rnn", "lstm", "fp8_training", "mtp", "mla", "moe", "deepseek_v3", "kv_cache", "layernorm", "rmsnorm", "dpo"},
		// The cold start exists to fix R1-Zero's problems.
		before: [][2]string{{"r1_zero", "cold_start"}, {"grpo", "r1_zero"}, {"sft", "cold_start"}, {"chain_of_thought", "reasoning"}},
		minLen: 25, max: 42,
	},
	{
		target:  "rlhf",
		must:    []string{"sft", "reward_model", "ppo", "preference_data", "kl_divergence", "reinforcement_learning"},
		mustNot: []string{"rnn", "lstm", "dpo", "grpo", "layernorm", "rmsnorm", "deepseek_r1"},
		before: [][2]string{{"preference_data", "reward_model"}, {"reward_model", "rlhf"}, {"ppo", "rlhf"}, {"sft", "rlhf"},
			// The recipe's stages in their order: SFT, then the reward
			// model that starts from it, then PPO against that reward.
			{"sft", "reward_model"}, {"reward_model", "ppo"}},
		minLen: 12, max: 28,
	},
	{
		target: "gqa",
		must:   []string{"mha", "mqa", "kv_cache", "attention"},
		// MLA is a later alternative; the FFN and normalisation are not
		// what GQA changes.
		mustNot: []string{"rnn", "lstm", "layernorm", "rmsnorm", "ffn", "moe", "mla"},
		before:  [][2]string{{"mha", "mqa"}, {"mqa", "gqa"}, {"kv_cache", "gqa"}, {"attention", "mha"}},
		minLen:  8, max: 24,
	},
	{
		target:  "dpo",
		must:    []string{"rlhf", "reward_model", "kl_divergence", "preference_data", "sft"},
		mustNot: []string{"rnn", "lstm", "grpo", "layernorm", "rmsnorm", "deepseek_r1"},
		// DPO is understood as what it spares: RLHF's reward model and RL loop.
		before: [][2]string{{"rlhf", "dpo"}, {"reward_model", "dpo"}, {"preference_data", "dpo"}},
		minLen: 12, max: 30,
	},
	{
		target:  "moe",
		must:    []string{"ffn", "dense_model", "expert_routing"},
		mustNot: []string{"rnn", "lstm", "deepseek_moe", "aux_loss_free_balancing", "shared_experts", "mla", "grpo"},
		before:  [][2]string{{"ffn", "moe"}, {"dense_model", "moe"}, {"expert_routing", "moe"}},
		minLen:  6, max: 24,
	},
	{
		target:  "mla",
		must:    []string{"kv_cache", "mha", "gqa", "low_rank_compression", "rope"},
		mustNot: []string{"rnn", "lstm", "moe", "layernorm", "rmsnorm"},
		before:  [][2]string{{"kv_cache", "mla"}, {"mha", "gqa"}, {"gqa", "mla"}},
		minLen:  10, max: 28,
	},
	{
		target: "kv_cache",
		must:   []string{"attention", "llm_inference", "gpu_memory"},
		// GQA, MQA and MLA shrink the cache: they come after it.
		mustNot: []string{"rnn", "lstm", "gqa", "mqa", "mla", "layernorm", "rmsnorm"},
		before:  [][2]string{{"attention", "kv_cache"}, {"llm_inference", "kv_cache"}},
		minLen:  5, max: 18,
	},
	{
		target: "transformer",
		must:   []string{"attention", "self_attention", "mha", "ffn", "positional_encoding", "residual_connection", "embedding"},
		// What the Transformer replaced is its history: background.
		mustNot:    []string{"rnn", "lstm", "gqa", "mla", "moe", "llm"},
		before:     [][2]string{{"attention", "self_attention"}, {"self_attention", "mha"}, {"mha", "transformer"}, {"embedding", "positional_encoding"}},
		background: []string{"rnn", "lstm"},
		minLen:     8, max: 22,
	},
	{
		target:  "lstm",
		must:    []string{"rnn", "vanishing_gradient", "backpropagation"},
		mustNot: []string{"transformer", "attention", "llm"},
		before:  [][2]string{{"rnn", "lstm"}, {"vanishing_gradient", "lstm"}, {"backpropagation", "vanishing_gradient"}},
		minLen:  4, max: 14,
	},
}

func TestCurriculum(t *testing.T) {
	g := load(t)
	for _, c := range curricula {
		t.Run(c.target, func(t *testing.T) {
			target := g.Concept(c.target)
			if target == nil {
				t.Fatalf("no concept %s", c.target)
			}
			p := g.Plan([]*graph.Concept{target}, nil)
			pos := map[string]int{}
			for i, s := range p.Steps {
				pos[s.Concept.ID] = i
			}
			for _, id := range c.must {
				if _, ok := pos[id]; !ok {
					t.Errorf("lacks %s", id)
				}
			}
			for _, group := range c.mustAny {
				if !slices.ContainsFunc(group, func(id string) bool { _, ok := pos[id]; return ok }) {
					t.Errorf("lacks all of %v", group)
				}
			}
			for _, id := range c.mustNot {
				if i, ok := pos[id]; ok {
					t.Errorf("teaches %s (step %d), which it should not", id, i+1)
				}
			}
			for _, ab := range c.before {
				i, okA := pos[ab[0]]
				j, okB := pos[ab[1]]
				if okA && okB && i > j {
					t.Errorf("%s (step %d) comes after %s (step %d)", ab[0], i+1, ab[1], j+1)
				}
			}
			if n := len(p.Steps); n < c.minLen || n > c.max {
				t.Errorf("%d steps, want %d to %d", n, c.minLen, c.max)
			}
			var bg []string
			for _, s := range p.Background {
				bg = append(bg, s.Concept.ID)
			}
			for _, id := range c.background {
				if !slices.Contains(bg, id) {
					t.Errorf("background %v lacks %s", bg, id)
				}
			}
		})
	}
}

// No plan teaches the RNN or the LSTM as a step but theirs: they are the
// Transformer's history, background where they are offered at all.
func TestCurriculumNoRecurrentHistory(t *testing.T) {
	g := load(t)
	history := []string{"rnn", "lstm"}
	for _, c := range g.Concepts() {
		if slices.Contains(history, c.ID) {
			continue
		}
		for _, s := range g.Plan([]*graph.Concept{c}, nil).Steps {
			if slices.Contains(history, s.Concept.ID) {
				t.Errorf("the plan for %s teaches %s", c.ID, s.Concept.ID)
			}
		}
	}
}

// The plans a reader of the DeepSeek papers starts from come just in
// time: each concept waits on average at most 2.5 steps, and at most 12,
// for the first step that needs it.
func TestCurriculumWaits(t *testing.T) {
	g := load(t)
	for _, id := range []string{"grpo", "deepseek_r1", "dpo", "moe", "gqa"} {
		p := g.Plan([]*graph.Concept{g.Concept(id)}, nil)
		mean, longest := waits(g, p.Steps)
		t.Logf("%s: %d steps, mean wait %.2f, longest %d", id, len(p.Steps), mean, longest)
		if mean > 2.5 || longest > 12 {
			t.Errorf("%s: mean wait %.2f, longest %d; want at most 2.5 and 12", id, mean, longest)
		}
	}
}

// waits measures a plan from the data alone: for each step that a later
// step directly needs (a relation with an order puts it first), the steps
// to the first such.
func waits(g *graph.Graph, steps []graph.Step) (float64, int) {
	pos := map[string]int{}
	for i, s := range steps {
		pos[s.Concept.ID] = i
	}
	first := map[string]int{}
	for _, e := range g.Edges() {
		a, b := e.To, e.From
		switch g.Relation(e.Relation).First {
		case graph.FirstNone:
			continue
		case graph.FirstSource:
			a, b = e.From, e.To
		}
		i, okA := pos[a]
		j, okB := pos[b]
		if okA && okB && j > i {
			if f, ok := first[a]; !ok || j < f {
				first[a] = j
			}
		}
	}
	sum, longest := 0, 0
	for a, j := range first {
		w := j - pos[a]
		sum += w
		longest = max(longest, w)
	}
	if len(first) == 0 {
		return 0, 0
	}
	return float64(sum) / float64(len(first)), longest
}
