package graph

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadAll checks that a file reads whole whatever size it had when
// asked: the same, smaller (it grew since), larger (it shrank) or
// unknown; and that a read error is returned, not a part of the file.
func TestReadAll(t *testing.T) {
	want := []byte(strings.Repeat("concepts:\n  - id: a\n", 700))
	for _, size := range []int64{int64(len(want)), 0, 3, int64(len(want)) - 1, int64(len(want)) * 2, -1} {
		got, err := readAll(iotest.HalfReader(bytes.NewReader(want)), size)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("size %d: read %d bytes, %v; want all %d", size, len(got), err, len(want))
		}
	}
	broken := errors.New("the disk is gone")
	got, err := readAll(io.MultiReader(bytes.NewReader(want[:100]), iotest.ErrReader(broken)), int64(len(want)))
	if !errors.Is(err, broken) || got != nil {
		t.Errorf("a failing read gave %d bytes and %v; want none and the error", len(got), err)
	}
}
