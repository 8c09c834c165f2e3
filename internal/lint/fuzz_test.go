package lint

import (
	"strings"
	"testing"
)

// Lint takes any text a person saved: it never panics, and every finding
// is on a line of the document.
func FuzzRun(f *testing.F) {
	for _, s := range []string{prdBase, storiesBase, techBase, "# User stories: x\n## US-1\nTraces: FR-1 FR-001\n- given when then\n", "---\na: b\n---\n# Product requirements\n## Goals\n-\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var docs []*Doc
		for _, k := range []Kind{PRD, Stories, Tech} {
			d, err := ParseKind("doc.md", k, []byte(src))
			if err != nil {
				return // malformed front matter: the caller reports it
			}
			docs = append(docs, d)
		}
		lines := strings.Count(src, "\n") + 1
		for _, f := range Run(docs, nil).Findings {
			if f.Line < 1 || f.Line > lines {
				t.Fatalf("finding on line %d of a %d-line document: %+v", f.Line, lines, f)
			}
		}
	})
}
