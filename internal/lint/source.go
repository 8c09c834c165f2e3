package lint

import "github.com/prodgen/prodgen/internal/artifact"

// sources reports the items of a PRD whose citations its brief does not
// bear out (source-range): lines past the brief's end, or lines that
// share no content word with the item, as when the brief was edited after
// the PRD was written. A PRD that cites another file than the brief is
// not checked.
func (l *linter) sources(prd, brief *analysis) {
	lines := artifact.BriefLines(brief.doc.src)
	for _, p := range artifact.CheckCitations(prd.doc.src, brief.doc.Path, lines) {
		l.add(prd.doc, p.Line, "source-range", "%s: cite the lines the item comes from (has the brief changed?)", p.What)
	}
}
