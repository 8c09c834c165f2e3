package domain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/brief"
)

// FuzzRead reads arbitrary brief text, whole and as a hand-made brief's
// feature, and checks Read neither panics nor breaks its promises: every
// citation names lines of the brief, every entity has a name, no two
// share one, and a field's references name something. Seeds are the
// measured briefs and text that has broken readers before.
func FuzzRead(f *testing.F) {
	for _, d := range briefDirs {
		files, err := filepath.Glob(filepath.Join(d, "*"))
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, ".json") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(string(src), "")
		}
	}
	f.Add("", "")
	f.Add("# X\n\n## Features\n\n- : : :\n- (((\n- )))\n", "As a , I want to so that")
	f.Add("## Data model\n\n### \n\n| Field | Type |\n| --- | --- |\n| | |\n", "Mark it as as as")
	f.Add("GET /{ POST / DELETE /a/{b}/c/", "Export: , , ; / + &")
	f.Add("```sql\nCREATE TABLE x (a int references, b);\n```\n", "per per per for each each")
	f.Fuzz(func(t *testing.T, text, feature string) {
		if !utf8.ValidString(text) || !utf8.ValidString(feature) {
			t.Skip()
		}
		if b, err := brief.Parse([]byte(text)); err == nil {
			check(t, Read(b, []byte(text)), len(strings.Split(text, "\n")))
		}
		b := &brief.Brief{Title: "Fuzz", Users: []brief.Persona{{Name: feature}},
			Features: []brief.Feature{{Text: feature, Notes: feature}}}
		check(t, Read(b, nil), 0)
	})
}

// check checks a model's promises; lines is how many lines its brief has
// (0: none given).
func check(t *testing.T, m Model, lines int) {
	t.Helper()
	cites := func(what string, spans []brief.Span) {
		for _, s := range spans {
			if s.Start < 1 || s.End < s.Start || lines > 0 && s.End > lines {
				t.Errorf("%s cites lines %v of %d", what, s, lines)
			}
		}
	}
	seen := map[string]bool{}
	for _, e := range m.Entities {
		if strings.TrimSpace(e.Name) == "" {
			t.Errorf("an entity with no name: %+v", e)
		}
		if seen[e.Name] {
			t.Errorf("two entities named %q", e.Name)
		}
		seen[e.Name] = true
		cites(e.Name, e.Lines)
		for _, f := range e.Fields {
			if f.Name == "" || f.Type == "" {
				t.Errorf("%s has a field with no name or type: %+v", e.Name, f)
			}
			if f.Type == Reference && f.Ref == "" && f.Name == "" {
				t.Errorf("%s has a reference to nothing", e.Name)
			}
			cites(e.Name+"."+f.Name, f.Lines)
		}
		for _, o := range e.Operations {
			cites(e.Name+" "+o.Name, o.Lines)
		}
	}
	for _, c := range m.Components {
		cites(c.Name, c.Lines)
	}
	if m.Platform.Kind == "" {
		t.Errorf("no platform")
	}
}
