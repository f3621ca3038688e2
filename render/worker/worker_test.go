package worker

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// request is what the server writes: a frame of the format, a frame of DOT.
func request(format, dot string) []byte {
	var b bytes.Buffer
	writeFrame(&b, []byte(format))
	writeFrame(&b, []byte(dot))
	return b.Bytes()
}

// answers reads Serve's answers: status, resident memory and payload.
func answers(t *testing.T, out []byte) (status []byte, payloads []string) {
	t.Helper()
	r := bytes.NewReader(out)
	for r.Len() > 0 {
		var head [9]byte
		if _, err := io.ReadFull(r, head[:]); err != nil {
			t.Fatal(err)
		}
		if binary.BigEndian.Uint64(head[1:]) == 0 {
			t.Errorf("an answer without the worker's memory")
		}
		p, err := readFrame(r)
		if err != nil {
			t.Fatal(err)
		}
		status, payloads = append(status, head[0]), append(payloads, string(p))
	}
	return status, payloads
}

func TestServe(t *testing.T) {
	in := append(request("svg", "digraph { a -> b }"), request("xdot", "digraph { a -> b }")...)
	in = append(in, request("svg", "digraph { a -> ")...)
	var out, stderr bytes.Buffer
	if code := Serve(bytes.NewReader(in), &out, &stderr); code != 0 {
		t.Fatalf("Serve exited %d: %s", code, stderr.String())
	}
	status, payloads := answers(t, out.Bytes())
	if len(status) != 3 {
		t.Fatalf("%d answers to 3 requests", len(status))
	}
	if status[0] != 0 || !strings.Contains(payloads[0], "<svg") {
		t.Errorf("svg: status %d, %.80q", status[0], payloads[0])
	}
	if status[1] != 0 || !strings.Contains(payloads[1], "_draw_") {
		t.Errorf("xdot: status %d, %.80q", status[1], payloads[1])
	}
	if status[2] != 1 || payloads[2] == "" {
		t.Errorf("broken DOT: status %d, %q; want 1 and Graphviz's message", status[2], payloads[2])
	}
}

// TestServeBrokenInput: a request cut short, or a frame too large, ends
// the worker with exit code 1 and a message.
func TestServeBrokenInput(t *testing.T) {
	var huge bytes.Buffer
	binary.Write(&huge, binary.BigEndian, uint32(maxFormat+1))
	for name, in := range map[string][]byte{
		"cut short":       request("svg", "digraph {}")[:10],
		"format too long": huge.Bytes(),
	} {
		var out, stderr bytes.Buffer
		if code := Serve(bytes.NewReader(in), &out, &stderr); code != 1 || !strings.HasPrefix(stderr.String(), "conceptmap render worker: ") {
			t.Errorf("%s: exit %d, stderr %q", name, code, stderr.String())
		}
	}
}

// TestProcess starts this test binary as a worker (see TestMain) and lays
// maps out in it.
func TestProcess(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	w, err := Start(exe, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	svg, err := w.Layout("svg", []byte("digraph { a -> b }"), time.Minute)
	if err != nil || !bytes.Contains(svg, []byte("<svg")) || w.RSS() == 0 {
		t.Fatalf("layout: %v, %.80q, rss %d", err, svg, w.RSS())
	}
	_, err = w.Layout("svg", []byte("digraph { a -> "), time.Minute)
	var le *LayoutError
	if !errors.As(err, &le) {
		t.Errorf("broken DOT: %v, want a *LayoutError", err)
	}
	w.Stop()
	if err := w.Wait(); err != nil {
		t.Error(err)
	}
	if _, err := w.Layout("svg", []byte("digraph {}"), time.Minute); err == nil {
		t.Error("a stopped worker laid a map out")
	}
}

func TestMain(m *testing.M) {
	if Requested() {
		os.Exit(Serve(os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
