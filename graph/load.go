package graph

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"runtime"
	"slices"
	"strings"
)

// Loader gathers data files and loads them into a Graph. Add files and
// directories, then call Load.
type Loader struct {
	// LinkRelation, when set, is the relation type (an id, or a label in
	// either language) of links that name none: untyped [[links]] between
	// notes, and GraphML edges without a relation. When it is empty,
	// untyped links are not relations and such edges are errors.
	LinkRelation string
	// Options bound what a load reads; set them before adding files.
	Options LoadOptions

	rs       records
	vocab    []file // used when no added file declares a relation type
	files    []file
	warnings []Diagnostic
}

// Warnings returns what the last Load did that the user should know of,
// though it is no problem, such as reading a file in another encoding than
// UTF-8: one diagnostic a file, in the order of the files.
func (l *Loader) Warnings() []Diagnostic { return l.warnings }

// LoadOptions bound a load.
type LoadOptions struct {
	// MaxFileSize is the largest data file read, in bytes: 0 means
	// DefaultMaxFileSize, a negative value no limit.
	MaxFileSize int64
	// RaiseLimit says, in the caller's words, how to raise MaxFileSize;
	// the message about a file over the limit ends with it.
	RaiseLimit string
}

// DefaultMaxFileSize is the largest data file a load reads unless
// LoadOptions say otherwise: far above any hand-written map, and small
// enough that an endless or mistaken file is refused before it fills the
// memory.
const DefaultMaxFileSize = 64 << 20

func (o LoadOptions) maxFileSize() int64 {
	if o.MaxFileSize == 0 {
		return DefaultMaxFileSize
	}
	return o.MaxFileSize
}

type file struct {
	name   string
	data   []byte
	folder string // a note's folder within its vault
	err    string // why the file was not read; reported by Load
}

// Formats lists the file extensions a Loader reads in any directory.
// Markdown notes (NoteExt) are read in Obsidian vaults and when named.
var Formats = []string{".yaml", ".yml", ".json", ".csv", ".graphml"}

// AddFile adds one data file. name is how errors refer to it; its extension
// picks the format.
func (l *Loader) AddFile(name string, data []byte) {
	l.files = append(l.files, file{name: name, data: data})
}

// AddFS adds root from fsys: a file, or a directory whose data files are
// read recursively in lexical order. Hidden files and folders and files of
// other formats are skipped. A directory that holds .obsidian/ is an
// Obsidian vault: its Markdown notes are read too, each note's folder
// being its category unless it names one. Errors name files as
// path.Join(display, rel).
func (l *Loader) AddFS(fsys fs.FS, root, display string) error {
	st, err := fs.Stat(fsys, root)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return l.addFrom(fsys, root, display, "")
	}
	found := false
	notes, err := WalkData(fsys, root, func(p string, note bool) error {
		rel := p
		if root != "." {
			rel = strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		}
		folder := ""
		if note {
			folder = path.Dir(rel)
		}
		found = true
		return l.addFrom(fsys, p, path.Join(display, rel), folder)
	})
	if err == nil && !found {
		msg := display + ": no data files (" + strings.Join(Formats, ", ") + ") in this directory"
		if notes > 0 {
			msg += sprintf("; Markdown notes (%d here) are read only in an Obsidian vault (a directory that holds %s/) or when named one by one", notes, VaultMarker)
		}
		return errors.New(msg)
	}
	return err
}

// WalkData calls fn with the path of every data file under the directory
// root of fsys, as AddFS reads them: recursively in lexical order,
// skipping hidden files and folders and files of other formats, and
// taking Markdown notes (note true) only in an Obsidian vault. It returns
// how many notes it skipped because the directory is not a vault.
func WalkData(fsys fs.FS, root string, fn func(p string, note bool) error) (skippedNotes int, err error) {
	vault := false
	if st, err := fs.Stat(fsys, path.Join(root, VaultMarker)); err == nil && st.IsDir() {
		vault = true
	}
	err = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		base := d.Name()
		if p != root && strings.HasPrefix(base, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(path.Ext(base))
		note := ext == NoteExt
		if note && !d.IsDir() && !vault {
			skippedNotes++
		}
		if d.IsDir() || !(slices.Contains(Formats, ext) || note && vault) {
			return nil
		}
		return fn(p, note)
	})
	return skippedNotes, err
}

// addFrom adds the file p of fsys, named display. Only a regular file
// (or a link to one) is read, and only up to the size limit: a device
// such as /dev/zero would never end, and a named pipe would block. A file
// that is not read is reported by Load, with the other problems.
func (l *Loader) addFrom(fsys fs.FS, p, display, folder string) error {
	st, err := fs.Stat(fsys, p)
	if err != nil {
		return err
	}
	limit := l.Options.maxFileSize()
	if !st.Mode().IsRegular() {
		l.files = append(l.files, file{name: display, err: sprintf("not a regular file but %s; data is read from regular files only: give a regular file, or move this one out of the data folder", fileKind(st.Mode()))})
		return nil
	}
	if limit >= 0 && st.Size() > limit {
		l.files = append(l.files, file{name: display, err: l.tooLarge(st.Size())})
		return nil
	}
	f, err := fsys.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	r := io.Reader(f)
	if limit >= 0 {
		r = io.LimitReader(f, limit+1) // it may have grown since
	}
	data, err := readAll(r, st.Size())
	if err != nil {
		return err
	}
	if limit >= 0 && int64(len(data)) > limit {
		l.files = append(l.files, file{name: display, err: l.tooLarge(int64(len(data)))})
		return nil
	}
	l.files = append(l.files, file{name: display, data: data, folder: folder})
	return nil
}

// readAll reads r to its end into a buffer made for the size the file
// had, as os.ReadFile does. io.ReadAll grows its buffer a quarter at a
// time, so reading a 54 MB file filled about five times that in fresh
// memory, and its copies held up garbage collection.
func readAll(r io.Reader, size int64) ([]byte, error) {
	if size < 0 || size > math.MaxInt32 {
		size = 0
	}
	b := make([]byte, 0, size+512) // room to meet the end without growing
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) { // the file grew
			b = append(b, 0)[:len(b)]
		}
	}
}

func (l *Loader) tooLarge(size int64) string {
	msg := sprintf("the file is %s, over the limit of %s for one data file; split it into several files", FormatSize(size), FormatSize(l.Options.maxFileSize()))
	if l.Options.RaiseLimit != "" {
		msg += ", or " + l.Options.RaiseLimit
	}
	return msg
}

// fileKind names the kind of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "an irregular file"
}

// FormatSize writes a size in bytes as people read it: 512 bytes, 64 MiB,
// 1.5 GiB.
func FormatSize(n int64) string {
	units := []string{"KiB", "MiB", "GiB", "TiB"}
	if n < 1024 {
		return fmt.Sprintf("%d bytes", n)
	}
	v, u := float64(n)/1024, 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	s := strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0")
	return s + " " + units[u]
}

// Files returns how many files have been added.
func (l *Loader) Files() int { return len(l.files) }

// DefaultVocabulary gives a relation vocabulary to use when none of the
// added files declares a relation type.
func (l *Loader) DefaultVocabulary(name string, data []byte) {
	l.vocab = append(l.vocab, file{name: name, data: data})
}

// Load reads every added file, checks the whole, and returns the graph. On
// any problem it returns no graph and a *LoadError that lists them all.
func (l *Loader) Load() (*Graph, error) {
	rs := &records{linkRel: l.LinkRelation}
	for _, f := range l.files {
		rs.read(f)
	}
	if len(rs.relations) == 0 {
		for _, f := range l.vocab {
			rs.read(f)
		}
	}
	if len(rs.diags) == 0 && len(rs.concepts) == 0 && len(rs.edges) == 0 {
		p := Pos{File: "(no files)"}
		if len(l.files) > 0 {
			p.File = l.files[0].name
		}
		rs.errorf(p, "no concepts found; a data file lists them under concepts:")
	}
	if l.size() >= collectAfterReading {
		// The syntax trees of the files are garbage now. Collected before
		// the graph is built, their memory serves it, rather than fresh
		// memory that the system must supply page by page: for a YAML
		// file of 100,000 concepts (54 MB), peak memory 967 to 695 MiB
		// and CPU 6.0 to 5.3 s.
		runtime.GC()
	}
	g, diags := rs.build()
	l.warnings = rs.warnings
	if rs.linkErr != nil {
		return nil, rs.linkErr
	}
	if diags != nil {
		return nil, &LoadError{Diags: diags}
	}
	return g, nil
}

func (rs *records) read(f file) {
	if f.err != "" {
		rs.errorf(Pos{File: f.name}, "%s", f.err)
		return
	}
	ext := strings.ToLower(path.Ext(f.name))
	if ext != ".csv" && !rs.checkUTF8(f.name, f.data) { // a CSV may come in other encodings
		return
	}
	switch ext {
	case ".yaml", ".yml":
		rs.readYAML(f.name, f.data)
	case ".json":
		rs.readJSON(f.name, f.data)
	case ".csv":
		rs.readCSV(f.name, f.data)
	case ".graphml":
		rs.readGraphML(f.name, f.data)
	case NoteExt:
		rs.readMarkdown(f.name, f.folder, f.data)
	default:
		rs.addFile(f.name, f.data)
		rs.errorf(Pos{File: f.name}, "unknown data format %q; use one of %s", path.Ext(f.name), strings.Join(append(slices.Clone(Formats), NoteExt), ", "))
	}
}

// Load reads the data files under each root of fsys (all of fsys if none
// is given) and returns the graph.
func Load(fsys fs.FS, roots ...string) (*Graph, error) {
	if len(roots) == 0 {
		roots = []string{"."}
	}
	var l Loader
	for _, r := range roots {
		if err := l.AddFS(fsys, r, r); err != nil {
			return nil, err
		}
	}
	return l.Load()
}

// collectAfterReading is the size of data files above which Load collects
// garbage between reading them and building the graph.
const collectAfterReading = 8 << 20

// size is the bytes of the data files to load.
func (l *Loader) size() int {
	n := 0
	for _, f := range l.files {
		n += len(f.data)
	}
	return n
}
