package semdiff

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Any two documents a person saved: comparing never panics, a document
// compared with itself has no changes, swapping the versions swaps what
// was added and removed, every line is on the document, and every format
// writes.
func FuzzCompare(f *testing.F) {
	for _, r := range roles {
		old, err := os.ReadFile(filepath.Join("testdata", "pantry", string(r)+".md"))
		if err != nil {
			f.Fatal(err)
		}
		cur, err := os.ReadFile(filepath.Join("testdata", "edited", string(r)+".md"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(old), string(cur))
	}
	f.Add("# User stories: x\n## US-001 a\nTraces: FR-001, FR-001\n- **AC-001.1** x\n- **AC-001.1** y\n", "# User stories: x\n## US-001 a\n## US-001 b\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, r := range roles {
			old, err1 := Parse(r, "old.md", []byte(a))
			cur, err2 := Parse(r, "new.md", []byte(b))
			if err1 != nil || err2 != nil {
				continue // the pipeline refuses it too, naming the line
			}
			if d := Compare(set(old), set(old)); !d.Empty() {
				t.Fatalf("%s compared with itself: %+v", r, d.Summary)
			}
			d := Compare(set(old), set(cur))
			back := Compare(set(cur), set(old))
			if d.Summary.Added != back.Summary.Removed || d.Summary.Changed != back.Summary.Changed {
				t.Fatalf("%s: %+v one way, %+v the other", r, d.Summary, back.Summary)
			}
			checkLines(t, d, strings.Count(a, "\n")+1, strings.Count(b, "\n")+1)
			for _, f := range Formats {
				if err := d.Write(new(bytes.Buffer), f); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}

func set(d *Doc) Set {
	var s Set
	s.Add(d)
	return s
}

func checkLines(t *testing.T, d *Diff, oldLines, newLines int) {
	t.Helper()
	for _, doc := range d.Documents {
		for _, c := range doc.Changes {
			if c.Line < 0 || c.Line > newLines || c.OldLine < 0 || c.OldLine > oldLines {
				t.Fatalf("%+v: line outside a %d-line old and %d-line new document", c, oldLines, newLines)
			}
		}
	}
}
