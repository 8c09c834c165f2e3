package lint

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/disk"
)

// files is a Reader over documents in memory; a path mapped to "" cannot
// be read.
type files map[string]string

func (m files) read(path string) ([]byte, error) {
	text, ok := m[path]
	switch {
	case !ok:
		return nil, fs.ErrNotExist
	case text == "":
		return nil, &disk.InputError{Path: path, Err: errors.New("is a directory, not a file")}
	}
	return []byte(text), nil
}

var sources = []Source{
	{Path: "docs/prd.md", Kind: PRD, Command: "prodgen prd"},
	{Path: "docs/stories.md", Kind: Stories, Command: "prodgen stories"},
	{Path: "docs/tech.md", Kind: Tech, Command: "prodgen tech"},
}

func paths(docs []*Doc) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Path+":"+d.Kind.String())
	}
	return out
}

func TestLoadProject(t *testing.T) {
	docs, missing, err := LoadProject(files{"docs/prd.md": prdBase, "docs/tech.md": "no title"}.read, sources)
	if err != nil {
		t.Fatal(err)
	}
	// The project's own documents are known by their place, not their title.
	if got := paths(docs); !slices.Equal(got, []string{"docs/prd.md:prd", "docs/tech.md:tech"}) {
		t.Errorf("docs %q", got)
	}
	if len(missing) != 1 || missing[0].Command != "prodgen stories" {
		t.Errorf("missing %+v, want the stories", missing)
	}
	if _, _, err := LoadProject(files{"docs/prd.md": ""}.read, sources); err == nil || !strings.Contains(err.Error(), "docs/prd.md: is a directory") {
		t.Errorf("unreadable: %v", err)
	}
}

func TestLoadNamed(t *testing.T) {
	read := files{"a.md": storiesBase, "b.md": "# Notes\n"}.read
	docs, err := LoadNamed(read, []string{"a.md", "./a.md", "x/../a.md"})
	if err != nil || !slices.Equal(paths(docs), []string{"a.md:stories"}) {
		t.Errorf("LoadNamed = %q, %v; want a.md once, as stories", paths(docs), err)
	}
	for name, want := range map[string]string{"none.md": "none.md: no such file", "b.md": "b.md: not a prodgen document"} {
		_, err := LoadNamed(read, []string{name})
		if _, ok := errors.AsType[*disk.InputError](err); !ok || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("LoadNamed(%s) = %v, want an InputError %q", name, err, want)
		}
	}
}

func TestLoadContext(t *testing.T) {
	read := files{"docs/prd.md": prdBase, "docs/stories.md": storiesBase, "docs/tech.md": ""}.read
	linted, err := LoadNamed(read, []string{"docs/stories.md"})
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	ctx := LoadContext(read, sources, linted, func(path string, err error) { skipped = append(skipped, path) })
	if got := paths(ctx); !slices.Equal(got, []string{"docs/prd.md:prd"}) {
		t.Errorf("context %q, want the PRD alone", got)
	}
	if !slices.Equal(skipped, []string{"docs/tech.md"}) {
		t.Errorf("skipped %q, want the unreadable tech spec", skipped)
	}
	// A missing document is left out without a word.
	skipped = nil
	LoadContext(files{}.read, sources, nil, func(path string, err error) { skipped = append(skipped, path) })
	if skipped != nil {
		t.Errorf("skipped %q for documents that do not exist", skipped)
	}
}
