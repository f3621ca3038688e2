package engine

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The tests below run this test binary again as a child, which lays a map
// out and says what it saw: go-graphviz sets itself up in its package init,
// once a process, so each case needs a process of its own.

const helperEnv = "CONCEPTMAP_ENGINE_CACHE_HELPER"

type helperReport struct {
	TMPDIR string // TMPDIR after the inits, as the program sees it
	Dir    string // CacheDir
	Err    string
}

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) == "1" {
		if _, err := Run(context.Background(), []byte(twoNodes), SVG); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		r := helperReport{TMPDIR: os.Getenv("TMPDIR")}
		dir, err := CacheDir()
		r.Dir = dir
		if err != nil {
			r.Err = err.Error()
		}
		json.NewEncoder(os.Stdout).Encode(r)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// child runs the helper with TMPDIR and XDG_CACHE_HOME set, and returns
// its report and its standard error.
func child(t *testing.T, tmpdir, cacheHome string, env ...string) (helperReport, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=1", "TMPDIR="+tmpdir, "XDG_CACHE_HOME="+cacheHome)
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("helper: %v\n%s", err, stderr.String())
	}
	var r helperReport
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("helper's report %q: %v", stdout.String(), err)
	}
	return r, stderr.String()
}

// TestCacheInitOrder checks what the private cache rests on: the Go runtime
// runs gvcache's init, which points TMPDIR away, before go-graphviz's.
func TestCacheInitOrder(t *testing.T) {
	_, stderr := child(t, t.TempDir(), t.TempDir(), "GODEBUG=inittrace=1")
	var order []string
	sc := bufio.NewScanner(strings.NewReader(stderr))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) > 2 && f[0] == "init" {
			order = append(order, f[1])
		}
	}
	ours := slices.Index(order, "github.com/conceptmap/conceptmap/render/internal/gvcache")
	theirs := slices.Index(order, "github.com/goccy/go-graphviz/internal/wasm")
	restore := slices.Index(order, "github.com/conceptmap/conceptmap/render/internal/engine")
	if ours < 0 || theirs < 0 || restore < 0 {
		t.Fatalf("inittrace lacks a package (gvcache %d, go-graphviz %d, engine %d):\n%s", ours, theirs, restore, stderr)
	}
	if !(ours < theirs && theirs < restore) {
		t.Errorf("init order: gvcache %d, go-graphviz's wasm %d, engine %d; want gvcache first and engine last", ours, theirs, restore)
	}
}

// snapshotTree records every file under dir with its content and time.
func snapshotTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = fmt.Sprint(info.Mode(), info.ModTime().UnixNano())
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] += " " + string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCacheNotInTMPDIR plants a go-graphviz folder in TMPDIR, as another
// user could in /tmp, holding files where go-graphviz keeps its compiled
// code: the run must neither read nor change it, put nothing else in
// TMPDIR, keep its cache in the private directory, and give the program
// its TMPDIR back.
func TestCacheNotInTMPDIR(t *testing.T) {
	// A first run fills a private cache, whose layout the planted folder copies.
	home := t.TempDir()
	r, _ := child(t, t.TempDir(), home)
	want := filepath.Join(home, "conceptmap", "graphviz")
	if r.Dir != want || r.Err != "" {
		t.Fatalf("cache dir %q (%s), want %q", r.Dir, r.Err, want)
	}
	tmp := t.TempDir()
	hostile := filepath.Join(tmp, "go-graphviz")
	planted := 0
	err := filepath.WalkDir(filepath.Join(want, "go-graphviz"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join(want, "go-graphviz"), p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(hostile, rel), 0o777)
		}
		planted++
		return os.WriteFile(filepath.Join(hostile, rel), bytes.Repeat([]byte{0xcc}, 4096), 0o666)
	})
	if err != nil {
		t.Fatal(err)
	}
	if planted == 0 {
		t.Fatal("the private cache holds no compiled code")
	}
	old := time.Now().Add(-time.Hour)
	filepath.WalkDir(tmp, func(p string, _ fs.DirEntry, _ error) error { return os.Chtimes(p, old, old) })
	before := snapshotTree(t, tmp)

	r, _ = child(t, tmp, home)
	if r.TMPDIR != tmp {
		t.Errorf("the program sees TMPDIR=%q, want it given back as %q", r.TMPDIR, tmp)
	}
	if after := snapshotTree(t, tmp); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("TMPDIR changed during the run:\nbefore %d entries, after %d", len(before), len(after))
	}
	// A fresh TMPDIR costs nothing: the run found its cache where it was.
	if r.Dir != want || r.Err != "" {
		t.Errorf("cache dir %q (%s), want %q", r.Dir, r.Err, want)
	}
}

// TestCacheRefused checks that a cache directory that is not the user's
// own, or is open to others, is refused with a message that says why and
// what to do, that the map is still drawn, and that TMPDIR stays unused.
func TestCacheRefused(t *testing.T) {
	cases := []struct {
		name  string
		spoil func(t *testing.T, top, dir string)
		msg   string
	}{
		{"open to others", func(t *testing.T, top, dir string) {
			if err := os.Chmod(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}, "not using %[2]s as the cache of Graphviz's compiled code: others may write to it or read it (mode 0755); run: chmod go-rwx %[2]s. Until then Graphviz is compiled anew in every run, which takes about a second"},
		{"parent writable by others", func(t *testing.T, top, dir string) {
			if err := os.Chmod(top, 0o777); err != nil {
				t.Fatal(err)
			}
		}, "not using %[1]s as the cache of Graphviz's compiled code: others may write to it or read it (mode 0777); run: chmod go-rwx %[1]s. Until then Graphviz is compiled anew in every run, which takes about a second"},
		{"a link", func(t *testing.T, top, dir string) {
			if err := os.Remove(dir); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(t.TempDir(), dir); err != nil {
				t.Fatal(err)
			}
		}, "not using %[2]s as the cache of Graphviz's compiled code: it is a symbolic link; remove it, and conceptmap makes a directory there. Until then Graphviz is compiled anew in every run, which takes about a second"},
		{"another owner", func(t *testing.T, top, dir string) {
			if os.Getuid() != 0 {
				if os.Getenv("CI") != "" {
					t.Fatal("this case needs root, to give a directory to another user; CI runs as root")
				}
				t.Skip("needs root, to give a directory to another user")
			}
			if err := os.Chown(dir, 65534, 65534); err != nil {
				t.Fatal(err)
			}
		}, "not using %[2]s as the cache of Graphviz's compiled code: it belongs to user id 65534, not to you (0); remove it, or set XDG_CACHE_HOME to a directory of your own. Until then Graphviz is compiled anew in every run, which takes about a second"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			home := t.TempDir()
			top := filepath.Join(home, "conceptmap")
			dir := filepath.Join(top, "graphviz")
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			c.spoil(t, top, dir)
			tmp := t.TempDir()
			r, _ := child(t, tmp, home)
			if want := fmt.Sprintf(c.msg, top, dir); r.Err != want || r.Dir != "" {
				t.Errorf("cache %q, message\n%s\nwant\n%s", r.Dir, r.Err, want)
			}
			if r.TMPDIR != tmp {
				t.Errorf("the program sees TMPDIR=%q, want %q", r.TMPDIR, tmp)
			}
			if es, _ := os.ReadDir(tmp); len(es) > 0 {
				t.Errorf("the run wrote %s into TMPDIR", es[0].Name())
			}
		})
	}
}
