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

// A PRD held against a brief, either of any text, never panics, and every
// finding is on a line of the file it names: the PRD's, or the brief's
// for brief-dropped.
func FuzzRunWithBrief(f *testing.F) {
	f.Add(sourced().src, sourcedBrief)
	f.Add(htmlSourced().src, htmlBrief)
	f.Add(sourced(" (brief.md:14)", " (brief.md:14, 26, 999999999)").src, sourcedBrief[:40])
	f.Fuzz(func(t *testing.T, prdSrc, briefSrc string) {
		p, err := ParseKind("docs/prd.md", PRD, []byte(prdSrc))
		if err != nil {
			return
		}
		b, err := ParseKind("brief.md", Brief, []byte(briefSrc))
		if err != nil {
			return
		}
		lines := map[string]int{"docs/prd.md": strings.Count(prdSrc, "\n") + 1, "brief.md": strings.Count(briefSrc, "\n") + 1}
		for _, f := range Run([]*Doc{p}, []*Doc{b}).Findings {
			if f.Line < 1 || f.Line > lines[f.File] {
				t.Fatalf("finding on line %d of %s, %d lines: %+v", f.Line, f.File, lines[f.File], f)
			}
		}
	})
}
