package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// SIGINT (Ctrl-C) and SIGTERM stop a map or slides in the middle of
// their layout: the process exits 130 within a few seconds (the bound
// is loose for a loaded machine; it exits after one second), and leaves
// neither the output file or directory nor a temporary file beside it.
func TestInterruptStopsDrawing(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "conceptmap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// A few thousand concepts, each requiring two earlier ones: a layout
	// of minutes.
	var csv strings.Builder
	csv.WriteString("from,relation,to\n")
	const n = 3000
	for i := 1; i < n; i++ {
		fmt.Fprintf(&csv, "C%d,requires,C%d\n", i, i-1)
		if j := (i*7919 + 13) % i; j != i-1 {
			fmt.Fprintf(&csv, "C%d,requires,C%d\n", i, j)
		}
	}
	for _, c := range []struct {
		args []string
		s    os.Signal
	}{
		{[]string{"map", "-o", "big.svg"}, os.Interrupt},
		{[]string{"map", "-o", "big.svg"}, syscall.SIGTERM},
		{[]string{"slides", fmt.Sprintf("C%d", n-1), "-o", "talk"}, os.Interrupt},
	} {
		s := c.s
		t.Run(c.args[0]+"/"+s.String(), func(t *testing.T) {
			dir := t.TempDir()
			data := filepath.Join(dir, "big.csv")
			if err := os.WriteFile(data, []byte(csv.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, append(c.args, "--data", data)...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "CONCEPTMAP_LANG=")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			select {
			case err := <-exited:
				t.Fatalf("%s finished before the signal (%v); the data set is too small to interrupt\n%s", c.args[0], err, stderr.String())
			case <-time.After(3 * time.Second): // loaded, and laying out
			}
			sent := time.Now()
			if err := cmd.Process.Signal(s); err != nil {
				t.Fatal(err)
			}
			var err error
			select {
			case err = <-exited:
			case <-time.After(8 * time.Second):
				cmd.Process.Kill()
				<-exited
				t.Fatalf("still running 8 s after %v", s)
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 130 {
				t.Fatalf("exit: %v, want exit status 130\n%s", err, stderr.String())
			}
			if got := stderr.String(); !strings.Contains(got, "conceptmap: interrupted") {
				t.Errorf("stderr %q does not say it was interrupted", got)
			}
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				if e.Name() != "big.csv" {
					t.Errorf("left %s behind after %v", e.Name(), s)
				}
			}
			t.Logf("%v: exited 130 after %v", s, time.Since(sent).Round(time.Millisecond))
		})
	}
}
