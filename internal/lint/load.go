package lint

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"

	"github.com/prodgen/prodgen/internal/disk"
)

// Reader reads a document by the path the user names it. An error that is
// fs.ErrNotExist says the file does not exist; any other is reported as
// it is. pipeline.Project's ReadDocument is one.
type Reader func(path string) ([]byte, error)

// Source is one of the documents a project has by default.
type Source struct {
	Path    string
	Kind    Kind
	Command string // the command that writes it, for messages
}

// LoadProject reads a project's documents, leaving out those that do not
// exist, which it returns as missing. A document that cannot be read or
// parsed is an error naming it.
func LoadProject(read Reader, sources []Source) (docs []*Doc, missing []Source, err error) {
	for _, s := range sources {
		src, err := read(s.Path)
		if errors.Is(err, fs.ErrNotExist) {
			missing = append(missing, s)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		d, err := ParseKind(s.Path, s.Kind, src)
		if err != nil {
			return nil, nil, &disk.InputError{Path: s.Path, Err: err}
		}
		docs = append(docs, d)
	}
	return docs, missing, nil
}

// LoadNamed reads the documents the user named, telling each one's kind
// by its title; a file named twice is read once. A file that does not
// exist, cannot be read or is not a prodgen document is an error naming
// it.
func LoadNamed(read Reader, names []string) ([]*Doc, error) {
	var docs []*Doc
	seen := make(map[string]bool)
	for _, name := range names {
		path := filepath.ToSlash(filepath.Clean(name))
		if seen[path] {
			continue
		}
		seen[path] = true
		src, err := read(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &disk.InputError{Path: path, Err: errors.New("no such file")}
		}
		if err != nil {
			return nil, err
		}
		d, err := Parse(path, src)
		if err != nil {
			return nil, &disk.InputError{Path: path, Err: err}
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// LoadContext reads the sources of the kinds not among linted, for the
// rules that follow traces from one document into another. One that
// cannot be read or parsed is left out, and its rules are skipped;
// skipped hears why, unless the file does not exist.
func LoadContext(read Reader, sources []Source, linted []*Doc, skipped func(path string, err error)) []*Doc {
	var out []*Doc
	for _, s := range sources {
		if slices.ContainsFunc(linted, func(d *Doc) bool { return d.Kind == s.Kind }) {
			continue
		}
		src, err := read(s.Path)
		if err == nil {
			var d *Doc
			if d, err = ParseKind(s.Path, s.Kind, src); err == nil {
				out = append(out, d)
				continue
			}
		}
		if !errors.Is(err, fs.ErrNotExist) {
			skipped(s.Path, err)
		}
	}
	return out
}
