package pipeline

import (
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
)

// The items of each document, as the merge and the ledger see them.

func idList[T any](kind string, id func(T) string, match func(T) string, blank func(T) T) list[T] {
	return list[T]{kind: kind, key: id, match: match, content: blank, text: match}
}

func named[T any](kind string, name func(T) string, text func(T) string) list[T] {
	return list[T]{kind: kind, key: func(v T) string { return kind + ":" + name(v) }, content: func(v T) T { return v }, text: text}
}

func str(kind string) list[string] {
	return named(kind, func(s string) string { return s }, func(s string) string { return s })
}

var (
	goals = citing(idList(artifact.KindGoal.Prefix(), func(g artifact.Goal) string { return g.ID },
		func(g artifact.Goal) string { return g.Text }, func(g artifact.Goal) artifact.Goal { g.ID, g.Source = "", artifact.Source{}; return g }),
		func(mine, theirs artifact.Goal) artifact.Goal { mine.Source = theirs.Source; return mine })
	functional = requirements(artifact.KindFunctional.Prefix())
	nonFunc    = requirements(artifact.KindNonFunctional.Prefix())
	questions  = idList(artifact.KindQuestion.Prefix(), func(q artifact.Question) string { return q.ID },
		func(q artifact.Question) string { return q.Text }, func(q artifact.Question) artifact.Question { q.ID = ""; return q })
	personas = uncited(citing(named("persona", func(p artifact.Persona) string { return p.Name },
		func(p artifact.Persona) string { return strings.TrimSpace(p.Name + ": " + p.Description) }),
		func(mine, theirs artifact.Persona) artifact.Persona { mine.Source = theirs.Source; return mine }),
		func(p artifact.Persona) artifact.Persona { p.Source = artifact.Source{}; return p })
	journeys = uncited(citing(named("journey", func(j artifact.Journey) string { return j.Name },
		func(j artifact.Journey) string { return strings.TrimSpace(j.Name + ": " + strings.Join(j.Steps, " ")) }),
		func(mine, theirs artifact.Journey) artifact.Journey { mine.Source = theirs.Source; return mine }),
		func(j artifact.Journey) artifact.Journey { j.Source = artifact.Source{}; return j })
	risks = uncited(citing(named("risk", func(r artifact.Risk) string { return r.Text },
		func(r artifact.Risk) string { return strings.TrimSpace(r.Text + " " + r.Mitigation) }),
		func(mine, theirs artifact.Risk) artifact.Risk { mine.Source = theirs.Source; return mine }),
		func(r artifact.Risk) artifact.Risk { r.Source = artifact.Source{}; return r })
	metrics = uncited(citing(named("metric", func(m artifact.Metric) string { return m.Name },
		func(m artifact.Metric) string { return strings.TrimSpace(m.Name + " " + m.Baseline + " " + m.Target) }),
		func(mine, theirs artifact.Metric) artifact.Metric { mine.Source = theirs.Source; return mine }),
		func(m artifact.Metric) artifact.Metric { m.Source = artifact.Source{}; return m })
	stories = idList(artifact.KindStory.Prefix(), func(s artifact.Story) string { return s.ID },
		func(s artifact.Story) string { return strings.TrimSpace(s.Title + " " + s.Want) },
		func(s artifact.Story) artifact.Story {
			s.ID = ""
			s.Criteria = append([]artifact.Criterion(nil), s.Criteria...)
			for i := range s.Criteria {
				s.Criteria[i].ID = ""
			}
			return s
		})
	tasks = idList(artifact.KindTask.Prefix(), func(t artifact.Task) string { return t.ID },
		func(t artifact.Task) string { return t.Text }, func(t artifact.Task) artifact.Task { t.ID = ""; return t })
	components = named("component", func(c artifact.Component) string { return c.Name },
		func(c artifact.Component) string { return strings.TrimSpace(c.Name + ": " + c.Responsibility) })
	entities = named("entity", func(e artifact.Entity) string { return e.Name },
		func(e artifact.Entity) string { return strings.TrimSpace(e.Name + ": " + e.Description) })
	endpoints = named("endpoint", func(e artifact.Endpoint) string { return e.Method + " " + e.Path },
		func(e artifact.Endpoint) string { return strings.TrimSpace(e.Method + " " + e.Path + " " + e.Summary) })
	quality = named("quality", func(r artifact.Requirement) string { return r.ID },
		func(r artifact.Requirement) string { return r.ID + " " + r.Text })
)

func requirements(prefix string) list[artifact.Requirement] {
	return citing(idList(prefix, func(r artifact.Requirement) string { return r.ID },
		func(r artifact.Requirement) string { return r.Text },
		func(r artifact.Requirement) artifact.Requirement {
			r.ID, r.Source, r.Also = "", artifact.Source{}, nil
			return r
		}),
		func(mine, theirs artifact.Requirement) artifact.Requirement {
			mine.Source, mine.Also = theirs.Source, theirs.Also
			return mine
		})
}

// citing is l, whose items cite the brief as cite carries over.
func citing[T any](l list[T], cite func(mine, theirs T) T) list[T] {
	l.cite = cite
	return l
}

// uncited is l, whose hash leaves out what content takes off.
func uncited[T any](l list[T], content func(T) T) list[T] {
	l.content = content
	return l
}

// text returns a document's text field for the merge: nil when there is
// no document.
func text[D any](doc *D, field func(*D) *string) *string {
	if doc == nil {
		return nil
	}
	return field(doc)
}

// of returns a list of a document, nil when there is no document.
func of[D, T any](doc *D, items func(*D) []T) []T {
	if doc == nil {
		return nil
	}
	return items(doc)
}

// mergePRD merges a newly generated PRD (nil to adopt mine as it is) into
// the one on disk (nil when there is none).
func mergePRD(m *merger, mine, theirs *artifact.PRD) *artifact.PRD {
	if theirs == nil {
		theirs = &artifact.PRD{}
	}
	out := *theirs
	out.Title = mergeText(m, "title", text(mine, func(p *artifact.PRD) *string { return &p.Title }), theirs.Title)
	out.Summary = mergeText(m, "summary", text(mine, func(p *artifact.PRD) *string { return &p.Summary }), theirs.Summary)
	out.Problem = mergeText(m, "problem", text(mine, func(p *artifact.PRD) *string { return &p.Problem }), theirs.Problem)
	out.Goals = mergeList(m, goals, of(mine, func(p *artifact.PRD) []artifact.Goal { return p.Goals }), theirs.Goals)
	out.Personas = mergeList(m, personas, of(mine, func(p *artifact.PRD) []artifact.Persona { return p.Personas }), theirs.Personas)
	out.Journeys = mergeList(m, journeys, of(mine, func(p *artifact.PRD) []artifact.Journey { return p.Journeys }), theirs.Journeys)
	out.Functional = mergeList(m, functional, of(mine, func(p *artifact.PRD) []artifact.Requirement { return p.Functional }), theirs.Functional)
	out.NonFunctional = mergeList(m, nonFunc, of(mine, func(p *artifact.PRD) []artifact.Requirement { return p.NonFunctional }), theirs.NonFunctional)
	out.InScope = mergeList(m, str("in-scope"), of(mine, func(p *artifact.PRD) []string { return p.InScope }), theirs.InScope)
	out.OutOfScope = mergeList(m, str("out-of-scope"), of(mine, func(p *artifact.PRD) []string { return p.OutOfScope }), theirs.OutOfScope)
	out.CiteOutOfScope(theirs, mine)
	out.Dependencies = mergeList(m, str("dependency"), of(mine, func(p *artifact.PRD) []string { return p.Dependencies }), theirs.Dependencies)
	out.Metrics = mergeList(m, metrics, of(mine, func(p *artifact.PRD) []artifact.Metric { return p.Metrics }), theirs.Metrics)
	out.Assumptions = mergeList(m, str("assumption"), of(mine, func(p *artifact.PRD) []string { return p.Assumptions }), theirs.Assumptions)
	out.Risks = mergeList(m, risks, of(mine, func(p *artifact.PRD) []artifact.Risk { return p.Risks }), theirs.Risks)
	out.OpenQuestions = mergeList(m, questions, of(mine, func(p *artifact.PRD) []artifact.Question { return p.OpenQuestions }), theirs.OpenQuestions)
	return &out
}

// mergeStories merges stories as mergePRD merges a PRD.
func mergeStories(m *merger, mine, theirs *artifact.Stories) *artifact.Stories {
	if theirs == nil {
		theirs = &artifact.Stories{}
	}
	out := *theirs
	out.Title = mergeText(m, "title", text(mine, func(s *artifact.Stories) *string { return &s.Title }), theirs.Title)
	out.Stories = mergeList(m, stories, of(mine, func(s *artifact.Stories) []artifact.Story { return s.Stories }), theirs.Stories)
	return &out
}

// mergeTech merges a tech spec as mergePRD merges a PRD.
func mergeTech(m *merger, mine, theirs *artifact.TechSpec) *artifact.TechSpec {
	if theirs == nil {
		theirs = &artifact.TechSpec{}
	}
	out := *theirs
	out.Title = mergeText(m, "title", text(mine, func(t *artifact.TechSpec) *string { return &t.Title }), theirs.Title)
	out.Overview = mergeText(m, "overview", text(mine, func(t *artifact.TechSpec) *string { return &t.Overview }), theirs.Overview)
	out.Components = mergeList(m, components, of(mine, func(t *artifact.TechSpec) []artifact.Component { return t.Components }), theirs.Components)
	out.Entities = mergeList(m, entities, of(mine, func(t *artifact.TechSpec) []artifact.Entity { return t.Entities }), theirs.Entities)
	out.Endpoints = mergeList(m, endpoints, of(mine, func(t *artifact.TechSpec) []artifact.Endpoint { return t.Endpoints }), theirs.Endpoints)
	out.Quality = mergeList(m, quality, of(mine, func(t *artifact.TechSpec) []artifact.Requirement { return t.Quality }), theirs.Quality)
	out.Tasks = mergeList(m, tasks, of(mine, func(t *artifact.TechSpec) []artifact.Task { return t.Tasks }), theirs.Tasks)
	out.OpenQuestions = mergeList(m, questions, of(mine, func(t *artifact.TechSpec) []artifact.Question { return t.OpenQuestions }), theirs.OpenQuestions)
	return &out
}

// fromLedger rebuilds, from a ledger, the items of one ID list as prodgen
// last generated them, as far as matching goes: their IDs and the text
// they are matched on. New items are matched against these, so a
// person's edit never costs an item its ID.
func fromLedger[T any](ledger []item, kind string, make func(id, text string) T) []T {
	var out []T
	for _, it := range ledger {
		if it.Text != "" && keyKind(it.Key) == kind {
			out = append(out, make(it.Key, it.Text))
		}
	}
	return out
}

// withMine adds to the items rebuilt from the ledger those of mine the
// ledger does not know (a person's), so a new item that matches one of
// them takes its ID.
func withMine[T any](known []T, mine []T, key func(T) string, ledger []item) []T {
	in := map[string]bool{}
	for _, it := range ledger {
		in[it.Key] = true
	}
	for _, v := range mine {
		if !in[key(v)] {
			known = append(known, v)
		}
	}
	return known
}
