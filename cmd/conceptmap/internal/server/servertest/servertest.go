// Package servertest holds what the tests of the server, and of the
// serve command that starts it, share: a buffer that goroutines may write
// to, and a GET that returns the whole response. It is for tests only; it
// must not import package server.
package servertest

import (
	"bytes"
	"io"
	"net/http"
	"sync"
	"testing"
)

// Buffer is a buffer that several goroutines (a server, its render
// workers' stderr copiers) may write to.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *Buffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *Buffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Response is an answer read whole.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Get asks for u and reads the answer whole.
func Get(t testing.TB, u string) Response {
	t.Helper()
	r, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return Response{r.StatusCode, r.Header, b}
}
