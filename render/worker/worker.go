// Package worker is the out-of-process layouter that conceptmap serve
// uses: a render worker is the conceptmap binary started again with Env
// set, which lays maps out with render.Local and answers over its stdin
// and stdout. Graphviz runs as WebAssembly, and its memory grows with
// every layout (about 0.3 MB) and never shrinks; after some hundreds of
// layouts it can also fail and then fail every layout after. A worker
// keeps that away from the server, which retires it when it has grown
// past a limit, or when a layout fails, and starts a fresh one.
//
// The binary starts the worker explicitly: its main, or a test binary's
// TestMain, calls Requested first and then Serve. The package holds the
// protocol and both of its ends; it must not import the command line, the
// server or net/http.
package worker

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/conceptmap/conceptmap/render"
)

// conceptmap serve lays its maps out in a child process, a render worker:
// the same binary, started with workerEnv set. Graphviz runs as
// WebAssembly, and its memory grows with every layout (about 0.3 MB) and
// never shrinks; after some hundreds of layouts it can also fail and then
// fail every layout after. A worker keeps that away from the server: the
// server retires it when it has grown past a limit, or when a layout
// fails, and starts a fresh one.
//
// Every layout the server needs is made in a worker: the SVG of a map,
// and the xdot layout that PNG and PDF draw (the drawing itself is done in
// the server; see svgRenderer.Layout).
//
// The protocol, over the worker's stdin and stdout, is one request at a
// time: the server writes a frame holding the format ("svg" or "xdot", as
// render.LayoutFormat) and a frame of DOT; the worker answers with a
// status byte (0 ok, 1 error), its resident memory in bytes (8 bytes), and
// a frame holding the layout or the error's text. A frame is a 4-byte
// big-endian length and that many bytes.

// Env is the environment variable that, set to "1", starts a process as a
// render worker.
const Env = "CONCEPTMAP_INTERNAL_RENDER_WORKER"

// Requested reports whether this process was started as a render worker.
func Requested() bool { return os.Getenv(Env) == "1" }

// maxFrame bounds a frame, so a broken peer cannot make us allocate
// without limit.
const maxFrame = 256 << 20

// maxFormat bounds the frame that names a format.
const maxFormat = 16

// Serve lays out what in asks for and answers on out, until in ends. It
// returns the process's exit code: 0 when in ended between requests, 1
// after a broken request (reported on stderr) or a failed write.
func Serve(in io.Reader, out, stderr io.Writer) int {
	r, w := bufio.NewReader(in), bufio.NewWriter(out)
	for {
		format, err := readFrameMax(r, maxFormat)
		if err == io.EOF {
			return 0
		}
		var dot []byte
		if err == nil {
			dot, err = readFrame(r)
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "conceptmap render worker: %v\n", err)
			return 1
		}
		status, payload := byte(0), []byte(nil)
		layout, err := render.Local.Layout(context.Background(), dot, render.LayoutFormat(format))
		if err != nil {
			status, payload = 1, []byte(err.Error())
		} else {
			payload = layout
		}
		var head [9]byte
		head[0] = status
		binary.BigEndian.PutUint64(head[1:], selfRSS())
		if _, err := w.Write(head[:]); err != nil {
			return 1
		}
		if err := writeFrame(w, payload); err != nil {
			return 1
		}
		if err := w.Flush(); err != nil {
			return 1
		}
	}
}

func readFrame(r io.Reader) ([]byte, error) { return readFrameMax(r, maxFrame) }

// readFrameMax reads a frame of at most limit bytes.
func readFrameMax(r io.Reader, limit uint32) ([]byte, error) {
	var n [4]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return nil, err
	}
	size := binary.BigEndian.Uint32(n[:])
	if size > limit {
		return nil, fmt.Errorf("frame of %d bytes is too large", size)
	}
	b := make([]byte, size)
	if _, err := io.ReadFull(r, b); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return b, nil
}

func writeFrame(w io.Writer, b []byte) error {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(b)))
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

// selfRSS returns the resident memory of this process: VmRSS where /proc
// has it, else what the Go runtime holds from the system.
func selfRSS() uint64 {
	if kb := ProcStatus("self", "VmRSS"); kb > 0 {
		return kb << 10
	}
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		return s[0].Value.Uint64()
	}
	return 0
}

// ProcStatus returns a field of /proc/PID/status, in kB, or 0: VmRSS is
// the resident memory of process PID ("self" for this one), VmHWM its
// peak.
func ProcStatus(pid, field string) uint64 {
	b, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			n, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// Process is the server's side of one render worker process. It does one
// layout at a time.
type Process struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	rss    uint64 // as of its last answer
	exited chan struct{}
	once   sync.Once
}

// LayoutError is a layout that Graphviz refused, as opposed to a worker
// that broke; it holds Graphviz's message.
type LayoutError struct{ Msg string }

func (e *LayoutError) Error() string { return e.Msg }

// Start starts a render worker from the binary exe, which must call Serve
// when Requested; the worker reports on stderr.
func Start(exe string, stderr io.Writer) (*Process, error) {
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), Env+"=1")
	cmd.Stderr = stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w := &Process{cmd: cmd, in: in, out: bufio.NewReader(out), exited: make(chan struct{})}
	go func() {
		cmd.Wait()
		close(w.exited)
	}()
	return w, nil
}

// Layout lays dot out in a format, as render.Local does. A worker that
// takes longer than timeout is killed. A layout that Graphviz refuses is a
// *LayoutError; any other error means the worker broke, and is to be
// stopped.
func (w *Process) Layout(format render.LayoutFormat, dot []byte, timeout time.Duration) ([]byte, error) {
	// Killed, not stopped: a worker that is stuck, or stopped by a
	// signal, would not read the end of its input.
	t := time.AfterFunc(timeout, func() { w.cmd.Process.Kill() })
	defer t.Stop()
	if err := writeFrame(w.in, []byte(string(format))); err != nil {
		return nil, w.broken(err)
	}
	if err := writeFrame(w.in, dot); err != nil {
		return nil, w.broken(err)
	}
	var head [9]byte
	if _, err := io.ReadFull(w.out, head[:]); err != nil {
		return nil, w.broken(err)
	}
	payload, err := readFrame(w.out)
	if err != nil {
		return nil, w.broken(err)
	}
	w.rss = binary.BigEndian.Uint64(head[1:])
	if head[0] != 0 {
		return nil, &LayoutError{string(payload)}
	}
	return payload, nil
}

func (w *Process) broken(err error) error {
	select {
	case <-w.exited:
		return fmt.Errorf("render worker %d exited (%s)", w.cmd.Process.Pid, w.cmd.ProcessState)
	case <-time.After(100 * time.Millisecond):
	}
	return fmt.Errorf("render worker %d: %w", w.cmd.Process.Pid, err)
}

// RSS is the worker's resident memory in bytes, as of its last answer.
func (w *Process) RSS() uint64 { return w.rss }

// Pid is the worker's process id.
func (w *Process) Pid() int { return w.cmd.Process.Pid }

// Kill kills the worker at once, as a crash would.
func (w *Process) Kill() error { return w.cmd.Process.Kill() }

// Stop ends the worker: its input closes, so it exits, and in case it is
// stuck, it is killed.
func (w *Process) Stop() {
	w.once.Do(func() {
		w.in.Close()
		select {
		case <-w.exited:
		case <-time.After(2 * time.Second):
		}
		w.cmd.Process.Kill()
	})
}

// Wait waits, for up to ten seconds, for a stopped worker to be gone.
func (w *Process) Wait() error {
	select {
	case <-w.exited:
		return nil
	case <-time.After(10 * time.Second):
		return errors.New("render worker did not exit")
	}
}
