package render

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// TestNativeDotAccepts checks that native Graphviz, the program users run
// on DOT files, accepts every DOT golden case without a warning. It needs
// the graphviz package: in CI (CI set) a missing dot is a failure.
func TestNativeDotAccepts(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("native dot not found; .ci/run must install graphviz")
		}
		t.Skip("native dot not found; apt-get install graphviz to run this test")
	}
	g := fixture(t)
	for _, tc := range goldenCases(t, g) {
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin = bytes.NewReader(DOT(g, tc.v, tc.opt))
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Errorf("%s: dot failed: %v\n%s", tc.name, err, stderr.String())
			continue
		}
		if stderr.Len() > 0 {
			t.Errorf("%s: dot warned:\n%s", tc.name, stderr.String())
		}
		if !bytes.Contains(stdout.Bytes(), []byte("</svg>")) {
			t.Errorf("%s: dot wrote no SVG", tc.name)
		}
	}
}
