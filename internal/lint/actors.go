package lint

import (
	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/plural"
)

// actors reports each story whose role is none of the PRD's personas
// (actor-not-persona): "As a responsive, mobile-first design, I want…" is
// no person, and "As a volunteer coordinator" in a PRD whose users are
// "Regular volunteer" and "Shift lead" gives the feature to someone the
// PRD does not know. A role matches its persona as artifact.MatchPersona
// says: by name, singular or plural, by head noun ("volunteers" for
// "Regular volunteer") or -ise/-ize spelling; "user" only in a PRD without
// personas. A PRD or stories document that does not parse has nothing to
// check here (other rules say why).
func (l *linter) actors(stories, prd *analysis) {
	p, err := artifact.ParsePRD(prd.doc.src)
	if err != nil {
		return
	}
	st, err := artifact.ParseStories(stories.doc.src)
	if err != nil {
		return
	}
	lines := make(map[string]int)
	for _, t := range stories.tracers {
		lines[t.name] = t.line
	}
	allowed := artifact.PersonaRoles(p.Personas)
	for _, s := range st.Stories {
		if s.Role == "" {
			continue // a sentence in another form: unparsed says so
		}
		if _, ok := artifact.MatchPersona(s.Role, p.Personas); ok {
			continue
		}
		line, ok := lines[s.ID]
		if !ok {
			continue
		}
		if len(allowed) == 0 {
			l.add(stories.doc, line, "actor-not-persona", "%s's role %q is not a person %s names: write \"As a user\", or add the persona to %s",
				s.ID, s.Role, prd.doc.Path, prd.doc.Path)
			continue
		}
		l.add(stories.doc, line, "actor-not-persona", "%s's role %q is none of the personas in %s: use one of %s, or add the persona there",
			s.ID, s.Role, prd.doc.Path, quoteAll(allowed))
	}
}

// quoteAll writes names as a list of quoted words: "a", "b" or "c".
func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	return plural.Or(q)
}
