package artifact

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// problems collects what is wrong with a document, each problem naming the
// item it is about.
type problems []error

func (p *problems) add(format string, args ...any) {
	*p = append(*p, fmt.Errorf(format, args...))
}

func (p problems) err() error { return errors.Join(p...) }

// ids checks the IDs of one list: each well-formed for kind k and used
// once. It returns the set of IDs seen.
func (p *problems) ids(k Kind, ids []string) map[string]bool {
	seen := make(map[string]bool, len(ids))
	for i, id := range ids {
		switch {
		case id == "":
			p.add("%s %d: missing ID", k, i+1)
		case seen[id]:
			p.add("%s: duplicate ID", id)
		default:
			if _, err := ParseID(k, id); err != nil {
				p.add("%w", err)
			}
		}
		seen[id] = true
	}
	return seen
}

// refs checks that every reference is a well-formed ID of kind k that
// names a known item: owner is the item that holds the references, what
// names them ("trace"), where names the known items. A nil known set skips
// that check.
func (p *problems) refs(owner, what string, refs []string, k Kind, known map[string]bool, where string) {
	for _, r := range refs {
		if _, err := ParseID(k, r); err != nil {
			p.add("%s: %s: %w", owner, what, err)
			continue
		}
		if known != nil && !known[r] {
			p.add("%s: %s %s is not in %s", owner, what, r, where)
		}
	}
}

func pluck[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}

// Validate checks the PRD: every ID well-formed for its list and unique,
// every requirement and risk with text, every journey with a name, every
// source a range of lines (see
// CheckSources for whether the brief bears it out). It returns all
// problems at once.
func (p *PRD) Validate() error {
	var ps problems
	if strings.TrimSpace(p.Title) == "" {
		ps.add("title is empty")
	}
	ps.ids(KindGoal, pluck(p.Goals, func(g Goal) string { return g.ID }))
	ps.ids(KindQuestion, pluck(p.OpenQuestions, func(q Question) string { return q.ID }))
	for _, list := range []struct {
		kind Kind
		reqs []Requirement
	}{{KindFunctional, p.Functional}, {KindNonFunctional, p.NonFunctional}} {
		ps.ids(list.kind, pluck(list.reqs, func(r Requirement) string { return r.ID }))
		for i, r := range list.reqs {
			if strings.TrimSpace(r.Text) == "" {
				ps.add("%s: empty text", name(list.kind, i, r.ID))
			}
		}
	}
	for i, j := range p.Journeys {
		if strings.TrimSpace(j.Name) == "" {
			ps.add("journey %d: no name", i+1)
		}
	}
	for i, k := range p.Risks {
		if strings.TrimSpace(k.Text) == "" {
			ps.add("risk %d: empty text", i+1)
		}
	}
	if err := p.checkRanges(); err != nil {
		ps = append(ps, err)
	}
	return ps.err()
}

// Validate checks the stories against the PRD they come from: story and
// criterion IDs well-formed and unique, each criterion numbered under its
// own story, at least one criterion per story, each criterion either in
// Given/When/Then form with every part filled or in Text, each criterion's
// kind and story's size one of CriterionKinds and Sizes when given, and
// every trace naming a functional requirement of the PRD. With a nil PRD
// traces are only checked for form. It returns all problems at once.
func (s *Stories) Validate(prd *PRD) error {
	var ps problems
	var frs map[string]bool
	if prd != nil {
		frs = make(map[string]bool)
		for _, r := range prd.Functional {
			frs[r.ID] = true
		}
	}
	ps.ids(KindStory, pluck(s.Stories, func(st Story) string { return st.ID }))
	seen := make(map[string]bool)
	for i, st := range s.Stories {
		owner := name(KindStory, i, st.ID)
		if len(st.Criteria) == 0 {
			ps.add("%s: no acceptance criteria", owner)
		}
		if st.Size != "" && !slices.Contains(Sizes, st.Size) {
			ps.add("%s: size %q: want one of %s, or none", owner, st.Size, quotedList(Sizes))
		}
		storyNum, _ := ParseID(KindStory, st.ID)
		for j, c := range st.Criteria {
			switch story, _, err := ParseCriterionID(c.ID); {
			case c.ID == "":
				ps.add("%s: criterion %d: missing ID", owner, j+1)
			case err != nil:
				ps.add("%s: %w", owner, err)
			case seen[c.ID]:
				ps.add("%s: duplicate ID", c.ID)
			case storyNum != 0 && story != storyNum:
				ps.add("%s: criterion of %s listed under %s", c.ID, StoryID(story), st.ID)
			}
			seen[c.ID] = true
			ps.criterion(owner, j, c)
		}
		ps.refs(owner, "trace", st.Traces, KindFunctional, frs, "the PRD's functional requirements")
	}
	return ps.err()
}

// Validate checks the tech spec against the PRD and the stories it comes
// from: task IDs well-formed and unique; every task tracing to at least
// one story, each of which exists, unless it is a setup task, which
// traces to none; every endpoint tracing to a story; the task graph
// without a cycle or a dependency on a task that is not there; what a task
// names in the spec; every quality requirement carrying over a
// non-functional requirement of the PRD by its ID and every component and
// entity naming only the PRD's functional requirements; kinds and sizes
// from their lists; relationships and endpoints naming entities of the
// data model. With a nil PRD or nil stories those references are only
// checked for form. It returns all problems at once.
func (t *TechSpec) Validate(prd *PRD, stories *Stories) error {
	ps := t.designProblems(prd, stories)
	ps = append(ps, t.taskProblems(t.Tasks, stories)...)
	return ps.err()
}

// ValidateTasks checks tasks written for the design t, as Validate checks
// t's own: a tasks request's answer, with the design's setup tasks first
// so that a task may depend on them.
func (t *TechSpec) ValidateTasks(tasks []Task, stories *Stories) error {
	return t.taskProblems(tasks, stories).err()
}

// designProblems are the problems of everything but the tasks.
func (t *TechSpec) designProblems(prd *PRD, stories *Stories) problems {
	var ps problems
	known := storySet(stories)
	var nfrs, frs map[string]bool
	if prd != nil {
		nfrs, frs = make(map[string]bool), make(map[string]bool)
		for _, r := range prd.NonFunctional {
			nfrs[r.ID] = true
		}
		for _, r := range prd.Functional {
			frs[r.ID] = true
		}
	}
	ps.ids(KindNonFunctional, pluck(t.Quality, func(r Requirement) string { return r.ID }))
	for _, r := range t.Quality {
		if _, err := ParseID(KindNonFunctional, r.ID); err == nil && nfrs != nil && !nfrs[r.ID] {
			ps.add("quality requirement %s is not in the PRD's non-functional requirements", r.ID)
		}
	}
	ps.ids(KindQuestion, pluck(t.OpenQuestions, func(q Question) string { return q.ID }))
	for i, c := range t.Components {
		owner := label("component", i, c.Name)
		ps.oneOf(owner, "kind", c.Kind, ComponentKinds)
		ps.refs(owner, "requirement", c.Serves, KindFunctional, frs, "the PRD's functional requirements")
	}
	entities := t.entityNames()
	for i, e := range t.Entities {
		owner := label("entity", i, e.Name)
		if strings.TrimSpace(e.Name) == "" {
			ps.add("%s: no name", owner)
		}
		for _, f := range e.Fields {
			for _, v := range f.Enum {
				if strings.TrimSpace(v) == "" {
					ps.add("%s: field %q: an empty value in its enum", owner, f.Name)
				}
			}
		}
		for _, r := range e.Relationships {
			switch {
			case !slices.Contains(RelationshipKinds, r.Kind):
				ps.add("%s: relationship to %q: kind %q: want one of %s", owner, r.Target, r.Kind, quotedList(RelationshipKinds))
			case !entities[key(r.Target)]:
				ps.add("%s: relationship to %q, which is not an entity of the data model", owner, r.Target)
			}
		}
		ps.refs(owner, "trace", e.Traces, KindFunctional, frs, "the PRD's functional requirements")
	}
	for i, e := range t.Endpoints {
		owner := "endpoint " + EndpointKey(e)
		if EndpointKey(e) == "" {
			owner = fmt.Sprintf("endpoint %d", i+1)
		}
		if len(e.Stories) == 0 {
			ps.add("%s: traces to no story", owner)
		}
		ps.refs(owner, "story", e.Stories, KindStory, known, "the stories")
		ps.oneOf(owner, "kind", e.Kind, EndpointKinds)
		if strings.TrimSpace(e.Entity) != "" && !entities[key(e.Entity)] {
			ps.add("%s: entity %q is not in the data model", owner, e.Entity)
		}
	}
	return ps
}

// taskProblems are the problems of tasks written for the design t.
func (t *TechSpec) taskProblems(tasks []Task, stories *Stories) problems {
	var ps problems
	known := storySet(stories)
	ps.ids(KindTask, pluck(tasks, func(task Task) string { return task.ID }))
	names := []struct {
		what  string
		known map[string]bool
		where string
		of    func(Task) []string
	}{
		{"component", keySet(pluck(t.Components, func(c Component) string { return c.Name })), "the architecture", func(x Task) []string { return x.Components }},
		{"entity", t.entityNames(), "the data model", func(x Task) []string { return x.Entities }},
		{"endpoint", keySet(pluck(t.Endpoints, EndpointKey)), "the API", func(x Task) []string { return x.Endpoints }},
	}
	for i, task := range tasks {
		owner := name(KindTask, i, task.ID)
		switch {
		case task.Setup && len(task.Stories) > 0:
			ps.add("%s: a setup task delivers no single story: drop its stories, or unmark it as setup", owner)
		case !task.Setup && len(task.Stories) == 0:
			ps.add("%s: traces to no story: name the stories it delivers, or mark it as setup (skeleton, CI, data store)", owner)
		}
		ps.refs(owner, "story", task.Stories, KindStory, known, "the stories")
		ps.refs(owner, "dependency", task.DependsOn, KindTask, nil, "")
		if task.Size != "" && !slices.Contains(Sizes, task.Size) {
			ps.add("%s: size %q: want one of %s, or none", owner, task.Size, quotedList(Sizes))
		}
		for _, n := range names {
			for _, v := range n.of(task) {
				if !n.known[key(v)] {
					ps.add("%s: %s %q is not in %s", owner, n.what, v, n.where)
				}
			}
		}
	}
	for _, p := range CheckTaskGraph(tasks, nil) {
		ps.add("%s", p.What)
	}
	return ps
}

// entityNames are the data model's entity names, as key gives them.
func (t *TechSpec) entityNames() map[string]bool {
	return keySet(pluck(t.Entities, func(e Entity) string { return e.Name }))
}

// keySet is the set of names as key gives them, without empty ones.
func keySet(names []string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		if k := key(n); k != "" {
			out[k] = true
		}
	}
	return out
}

// storySet is the IDs of stories; nil for no stories document.
func storySet(stories *Stories) map[string]bool {
	if stories == nil {
		return nil
	}
	known := make(map[string]bool)
	for _, st := range stories.Stories {
		known[st.ID] = true
	}
	return known
}

// oneOf checks that what of owner, when given, is one of allowed.
func (p *problems) oneOf(owner, what, v string, allowed []string) {
	if v != "" && !slices.Contains(allowed, v) {
		p.add("%s: %s %q: want one of %s, or none", owner, what, v, quotedList(allowed))
	}
}

// criterion checks that criterion j of the story owner says something: in
// Given/When/Then form every part is filled, since an empty one renders
// "Given , when …"; otherwise its text is.
func (p *problems) criterion(owner string, j int, c Criterion) {
	item := c.ID
	if item == "" {
		item = fmt.Sprintf("%s: criterion %d", owner, j+1)
	}
	if c.Kind != "" && !slices.Contains(CriterionKinds, c.Kind) {
		p.add("%s: kind %q: want one of %s, or none", item, c.Kind, quotedList(CriterionKinds))
	}
	if strings.TrimSpace(c.Text) != "" {
		return
	}
	var empty []string
	for _, part := range []struct{ name, text string }{{"given", c.Given}, {"when", c.When}, {"then", c.Then}} {
		if strings.TrimSpace(part.text) == "" {
			empty = append(empty, part.name)
		}
	}
	switch {
	case len(empty) == 3:
		p.add("%s: empty criterion: fill given, when and then", item)
	case len(empty) > 0:
		p.add("%s: empty %s: fill given, when and then, or write the criterion in text and leave them empty", item, strings.Join(empty, " and "))
	}
}

// name names an item by its ID, or by its kind and position when it has
// none.
func name(k Kind, i int, id string) string {
	if id != "" {
		return id
	}
	return fmt.Sprintf("%s %d", k, i+1)
}

// CheckRoles checks that every story's role is one of the PRD's personas,
// as MatchPersona matches them, or the generic "user" when the PRD names
// none. A story whose sentence a person wrote in another form (Text, with
// no role) has no role to check. It returns all problems at once, each
// naming the story and the roles it may take.
func (s *Stories) CheckRoles(personas []Persona) error {
	var ps problems
	allowed := quotedList(PersonaRoles(personas))
	generic := len(namedPersonas(personas)) == 0
	for i, st := range s.Stories {
		if st.Role == "" && st.Text != "" {
			continue
		}
		owner := name(KindStory, i, st.ID)
		if _, ok := MatchPersona(st.Role, personas); ok {
			continue
		}
		switch {
		case generic && strings.TrimSpace(st.Role) == "":
			ps.add("%s: no role: the PRD names no personas, so the role must be %q", owner, GenericRole)
		case generic:
			ps.add("%s: role %q: the PRD names no personas, so the role must be %q", owner, st.Role, GenericRole)
		case strings.TrimSpace(st.Role) == "":
			ps.add("%s: no role: the role must be one of the PRD's personas: %s", owner, allowed)
		default:
			ps.add("%s: role %q is none of the PRD's personas: use one of %s", owner, st.Role, allowed)
		}
	}
	return ps.err()
}

// quotedList is items quoted and joined by commas: `"a", "b"`.
func quotedList(items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = fmt.Sprintf("%q", it)
	}
	return strings.Join(q, ", ")
}
