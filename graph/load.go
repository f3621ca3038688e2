package graph

import (
	"errors"
	"io/fs"
	"path"
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

	rs    records
	vocab []file // used when no added file declares a relation type
	files []file
}

type file struct {
	name   string
	data   []byte
	folder string // a note's folder within its vault
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
		data, err := fs.ReadFile(fsys, root)
		if err != nil {
			return err
		}
		l.AddFile(display, data)
		return nil
	}
	vault := false
	if st, err := fs.Stat(fsys, path.Join(root, VaultMarker)); err == nil && st.IsDir() {
		vault = true
	}
	found, notes := false, 0
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
			notes++
		}
		if d.IsDir() || !(slices.Contains(Formats, ext) || note && vault) {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel := p
		if root != "." {
			rel = strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		}
		f := file{name: path.Join(display, rel), data: data}
		if note {
			f.folder = path.Dir(rel)
		}
		l.files = append(l.files, f)
		found = true
		return nil
	})
	if err == nil && !found {
		msg := display + ": no data files (" + strings.Join(Formats, ", ") + ") in this directory"
		if notes > 0 {
			msg += sprintf("; its %d Markdown notes are read when the directory is an Obsidian vault (holds %s/) or when they are named one by one", notes, VaultMarker)
		}
		return errors.New(msg)
	}
	return err
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
	g, diags := rs.build()
	if rs.linkErr != nil {
		return nil, rs.linkErr
	}
	if diags != nil {
		return nil, &LoadError{Diags: diags}
	}
	return g, nil
}

func (rs *records) read(f file) {
	switch strings.ToLower(path.Ext(f.name)) {
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
