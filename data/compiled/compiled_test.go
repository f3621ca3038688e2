package compiled

import "testing"

func BenchmarkGraph(b *testing.B) {
	for b.Loop() {
		if _, err := Graph(); err != nil {
			b.Fatal(err)
		}
	}
}
