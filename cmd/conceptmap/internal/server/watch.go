package server

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/conceptmap/conceptmap/graph"
)

// Watch reloads the data whenever its fingerprint changes (a data file
// changes, is added or is removed), until ctx is done. It polls every
// interval: no notification API, so it works the same everywhere, and
// data sets are small. ListenAndServe watches with Config.Watch.
func (s *Server) Watch(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.mu.RLock()
		last := s.files
		s.mu.RUnlock()
		if s.cfg.Fingerprint() == last {
			continue
		}
		if err := s.reload(); err != nil {
			var le *graph.LoadError
			n := 1
			if errors.As(err, &le) {
				n = len(le.Diags)
			}
			fmt.Fprintf(s.stderr, "conceptmap serve: the data changed and has %s; still serving the last good version:\n%v\n", graph.Plural(n, "problem"), err)
			continue
		}
		g := s.graph()
		fmt.Fprintf(s.stderr, "conceptmap serve: reloaded the data: %s, %s\n", graph.Plural(len(g.Concepts()), "concept"), graph.Plural(len(g.Edges()), "relation"))
	}
}
