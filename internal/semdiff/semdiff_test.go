package semdiff

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
)

var roles = []Role{PRD, Stories, Tech}

// load reads the documents of a testdata folder as one version; a role
// left out of only is missing from it (all present when only is empty).
func load(t *testing.T, dir, label string, only ...Role) Set {
	t.Helper()
	set := Set{Label: label}
	for _, r := range roles {
		if len(only) > 0 && !slices.Contains(only, r) {
			continue
		}
		path := filepath.Join("testdata", dir, string(r)+".md")
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(r, "docs/"+string(r)+".md", src)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		set.Add(d)
	}
	return set
}

// Each case's diff in each format matches its golden file.
func TestGolden(t *testing.T) {
	tests := []struct {
		name     string
		old, cur func(t *testing.T) Set
	}{
		{"edited", func(t *testing.T) Set { return load(t, "pantry", "HEAD") },
			func(t *testing.T) Set { return load(t, "edited", "working tree") }},
		{"unchanged", func(t *testing.T) Set { return load(t, "pantry", "HEAD") },
			func(t *testing.T) Set { return load(t, "pantry", "working tree") }},
		{"documents-added", func(t *testing.T) Set { return load(t, "pantry", "main", PRD) },
			func(t *testing.T) Set { return load(t, "edited", "working tree") }},
		{"documents-removed", func(t *testing.T) Set { return load(t, "pantry", "main") },
			func(t *testing.T) Set { return load(t, "edited", "working tree", PRD, Stories) }},
	}
	exts := map[Format]string{FormatMarkdown: ".golden.md", FormatJSON: ".golden.json", FormatGitHub: ".github.golden.txt"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare(tt.old(t), tt.cur(t))
			for _, f := range Formats {
				var b bytes.Buffer
				if err := d.Write(&b, f); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("testdata", tt.name+exts[f]), b.Bytes())
			}
		})
	}
}

// The JSON form's lists are never null, so a script can always iterate.
func TestJSONEmptyLists(t *testing.T) {
	var b bytes.Buffer
	if err := Compare(Set{}, Set{}).Write(&b, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"documents", "traces"} {
		if _, ok := doc[k].([]any); !ok {
			t.Errorf("%s is %v, want a list", k, doc[k])
		}
	}
}
