package lint

import "github.com/prodgen/prodgen/internal/artifact"

// The rules in this file read two documents: the one linted and the one
// its traces point into. Findings are only ever about the linted one.

// uncovered reports each functional requirement of prd that no story in
// stories traces to.
func (l *linter) uncovered(prd, stories *analysis) {
	traced := make(map[string]bool)
	for _, st := range stories.tracers {
		for _, t := range st.traces {
			traced[t.id] = true
		}
	}
	for _, fr := range prd.frs {
		if !traced[fr.id] {
			l.add(prd.doc, fr.line, "fr-uncovered", "%s is not traced by any story in %s", fr.id, stories.doc.Path)
		}
	}
}

// danglingFRs reports each trace of a story to an FR that is not in prd.
func (l *linter) danglingFRs(stories, prd *analysis) {
	l.dangling(stories, ids(prd.frs), prd.doc.Path)
}

// danglingStories reports each task or endpoint of a tech spec that
// traces to a story that is not in stories.
func (l *linter) danglingStories(tech, stories *analysis) {
	known := make(map[string]bool)
	for _, st := range stories.tracers {
		if artifact.LooksLikeID(st.name) {
			known[st.name] = true
		}
	}
	l.dangling(tech, known, stories.doc.Path)
}

// unknownNFRs reports each quality requirement of a tech spec that
// carries over a non-functional requirement prd does not have: the tech
// spec names NFRs by the PRD's IDs, and an ID the PRD lacks is a
// requirement nobody agreed to.
func (l *linter) unknownNFRs(tech, prd *analysis) {
	known := ids(prd.nfrs)
	for _, r := range tech.nfrs {
		if !known[r.id] {
			l.add(tech.doc, r.line, "nfr-unknown", "%s is not a non-functional requirement in %s", r.id, prd.doc.Path)
		}
	}
}

func (l *linter) dangling(a *analysis, known map[string]bool, where string) {
	for _, t := range a.tracers {
		for _, r := range t.traces {
			if !known[r.id] {
				l.add(a.doc, r.line, "trace-dangling", "%s traces to %s, which is not in %s", t.name, r.id, where)
			}
		}
	}
}

func ids(refs []ref) map[string]bool {
	m := make(map[string]bool, len(refs))
	for _, r := range refs {
		m[r.id] = true
	}
	return m
}
