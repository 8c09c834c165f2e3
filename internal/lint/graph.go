package lint

import (
	"slices"
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/markdown"
)

// The rules in this file read a tech spec's model: the task graph (a
// cycle, a dependency on a task that is not there, a story no task
// delivers) and the names one part gives another (a relationship or an
// endpoint naming an entity the data model lacks, a task naming a
// component, entity or endpoint the spec lacks). The artifact package
// decides what the graph's faults are (artifact.CheckTaskGraph); lint
// places them on their lines.

// techModel is what a tech spec names, with the lines of its tasks.
type techModel struct {
	components, entities, endpoints map[string]bool // as key gives them
	tasks                           []artifact.Task
	taskLines                       map[string]int
	refs                            []taskRef // what tasks name, to check
}

// taskRef is a name a task gives something of the spec, on its line.
type taskRef struct {
	task, what, name string
	line             int
}

// model reads a tech spec's components, entities, endpoints and tasks,
// reporting on the way a relationship or an endpoint that names an
// entity the data model lacks; then checks the tasks.
func (a *analysis) model() {
	m := &techModel{components: map[string]bool{}, entities: map[string]bool{}, endpoints: map[string]bool{}, taskLines: map[string]int{}}
	for _, s := range a.doc.sections {
		switch key(s.Title) {
		case "architecture", "components":
			m.readComponents(s)
			a.jobFRs = jobFRs(s)
		case "api", "http api", "endpoints":
			a.apiLine = s.Line
		case "data model", "entities":
			for _, c := range s.Children {
				m.entities[key(markdown.Plain(c.Title))] = true
			}
		}
	}
	for _, s := range a.doc.sections {
		switch key(s.Title) {
		case "data model", "entities":
			a.relationships(s, m)
		case "api", "http api", "endpoints":
			a.endpointEntities(s, m)
		case "tasks":
			a.readTasks(s, m)
		}
	}
	for _, r := range m.refs {
		known := map[string]map[string]bool{"component": m.components, "entity": m.entities, "endpoint": m.endpoints}[r.what]
		if !known[key(r.name)] {
			a.l.add(a.doc, r.line, "task-unknown-name", "%s names %s %q, which the spec does not have", r.task, r.what, r.name)
		}
	}
	for _, p := range artifact.CheckTaskGraph(m.tasks, nil) {
		a.l.add(a.doc, m.taskLines[p.IDs[0]], p.Rule, "%s", p.What)
	}
	a.tasks = m.tasks
	a.taskLines = m.taskLines
}

// readComponents takes the components' names: a table's first column (or
// the one headed Component), else each item's bold name.
func (m *techModel) readComponents(s *markdown.Section) {
	for _, b := range s.Blocks {
		switch b.Kind {
		case markdown.Table:
			if len(b.Rows) == 0 {
				continue
			}
			col := column(b.Rows[0], 0, "component", "name")
			for _, row := range b.Rows[1:] {
				m.components[key(cellPlain(row, col))] = true
			}
		case markdown.List:
			for _, it := range b.Items {
				if inner, ok := strings.CutPrefix(it.Text, "**"); ok {
					if name, _, found := strings.Cut(inner, "**"); found {
						m.components[key(markdown.Plain(name))] = true
					}
				}
			}
		}
	}
}

// relationships reports each relationship of an entity to an entity the
// data model does not have.
func (a *analysis) relationships(s *markdown.Section, m *techModel) {
	for _, c := range s.Children {
		for _, it := range c.Items() {
			rel, ok := artifact.ReadRelationship(it.Text)
			if !ok || rel.Target == "" || m.entities[key(markdown.Plain(rel.Target))] {
				continue
			}
			a.l.add(a.doc, it.Line, "relationship-unknown-entity", "%s is related to %q, which is not an entity of the data model",
				markdown.Plain(c.Title), markdown.Plain(rel.Target))
		}
	}
}

// endpointEntities takes the API's endpoints and reports each that names
// an entity the data model does not have, in its Entity column.
func (a *analysis) endpointEntities(s *markdown.Section, m *techModel) {
	i := slices.IndexFunc(s.Blocks, func(b markdown.Block) bool { return b.Kind == markdown.Table && len(b.Rows) > 0 })
	if i < 0 {
		return
	}
	table := s.Blocks[i]
	method, path := column(table.Rows[0], 0, "method"), column(table.Rows[0], 1, "path")
	entity := slices.IndexFunc(table.Rows[0], func(h string) bool { return key(h) == "entity" })
	for n, row := range table.Rows[1:] {
		name := strings.TrimSpace(cellPlain(row, method) + " " + cellPlain(row, path))
		m.endpoints[key(name)] = true
		e := strings.TrimSpace(cellPlain(row, entity))
		if entity < 0 || e == "" || e == "–" || e == "-" || m.entities[key(e)] {
			continue
		}
		a.l.add(a.doc, table.Line+2+n, "endpoint-unknown-entity", "%s acts on %q, which is not an entity of the data model", name, e)
	}
}

// readTasks reads each task's ID, stories or setup mark and nested
// dependencies and names, as the artifact package does; a malformed ID is
// id-format's to report.
func (a *analysis) readTasks(s *markdown.Section, m *techModel) {
	for _, it := range s.Items() {
		lead, ok := splitLead(it.Text)
		if !ok || !lead.bold {
			continue
		}
		if _, err := artifact.ParseID(artifact.KindTask, lead.id); err != nil {
			continue
		}
		t, err := artifact.ReadTaskLine(lead.rest)
		if err != nil {
			t = artifact.Task{}
		}
		t.ID = lead.id
		for _, c := range it.Children {
			field, rest, ok := artifact.CutTaskDetail(c.Text)
			switch {
			case !ok:
			case field == artifact.DetailDependsOn:
				deps, _ := a.refs(artifact.KindTask, rest, t.ID, c.Line)
				for _, d := range deps {
					t.DependsOn = append(t.DependsOn, d.id)
				}
			case field == artifact.DetailComponents, field == artifact.DetailEntities, field == artifact.DetailEndpoints:
				what := map[string]string{artifact.DetailComponents: "component", artifact.DetailEntities: "entity", artifact.DetailEndpoints: "endpoint"}[field]
				for _, n := range artifact.ReadNames(rest) {
					m.refs = append(m.refs, taskRef{task: t.ID, what: what, name: markdown.Plain(n), line: c.Line})
				}
			}
		}
		if _, seen := m.taskLines[t.ID]; !seen {
			m.taskLines[t.ID] = it.Line
		}
		m.tasks = append(m.tasks, t)
	}
}

// storiesWithoutTask reports each story of stories that no task of the
// tech spec delivers, on the Tasks heading.
func (l *linter) storiesWithoutTask(tech, stories *analysis) {
	var ids []string
	for _, st := range stories.tracers {
		if artifact.LooksLikeID(st.name) {
			ids = append(ids, st.name)
		}
	}
	line := tech.doc.titleLine()
	for _, s := range tech.doc.sections {
		if key(s.Title) == "tasks" {
			line = s.Line
		}
	}
	for _, p := range artifact.CheckTaskGraph(tech.tasks, ids) {
		if p.Rule == artifact.RuleStoryWithoutTask {
			l.add(tech.doc, line, p.Rule, "%s: add a task that delivers it, naming it as (%s)", p.What, p.IDs[0])
		}
	}
}

// jobFRs are the FRs the architecture's components of kind job serve,
// read from its table's Kind and Serves columns.
func jobFRs(s *markdown.Section) map[string]bool {
	out := map[string]bool{}
	for _, b := range s.Blocks {
		if b.Kind != markdown.Table || len(b.Rows) == 0 {
			continue
		}
		kind := slices.IndexFunc(b.Rows[0], func(h string) bool { return key(h) == "kind" })
		serves := slices.IndexFunc(b.Rows[0], func(h string) bool { return key(h) == "serves" })
		if kind < 0 || serves < 0 {
			continue
		}
		for _, row := range b.Rows[1:] {
			if key(cellPlain(row, kind)) != "job" {
				continue
			}
			for _, id := range strings.FieldsFunc(cellPlain(row, serves), func(r rune) bool { return r == ',' || r == ' ' }) {
				out[id] = true
			}
		}
	}
	return out
}

// mentionsID reports whether a text names an ID as a word: "US-010
// asks to…" names US-010, not US-0100.
func mentionsID(text, id string) bool {
	for i := strings.Index(text, id); i >= 0; {
		end := i + len(id)
		if end == len(text) || !unicode.IsDigit(rune(text[end])) {
			return true
		}
		j := strings.Index(text[end:], id)
		if j < 0 {
			return false
		}
		i = end + j
	}
	return false
}

// storiesWithoutEndpoint reports, for a tech spec with an API, each story
// that no endpoint serves and no job does, and no open question asks
// about: the design has no place for its work. It is information: a story may need none (signing in through
// a named service), but a reader should see which.
func (l *linter) storiesWithoutEndpoint(tech, stories *analysis) {
	served := map[string]bool{}
	endpoints := 0
	for _, t := range tech.tracers {
		if !strings.Contains(t.name, " /") {
			continue // a task, not an endpoint
		}
		endpoints++
		for _, r := range t.traces {
			served[r.id] = true
		}
	}
	if endpoints == 0 || tech.apiLine == 0 {
		return
	}
	for _, st := range stories.tracers {
		if !artifact.LooksLikeID(st.name) || served[st.name] || slices.ContainsFunc(st.traces, func(r ref) bool { return tech.jobFRs[r.id] }) ||
			slices.ContainsFunc(tech.questionTexts, func(q string) bool { return mentionsID(q, st.name) }) ||
			strings.Contains(st.about, "the system to ") {
			continue // served, asked about, or a rule the product keeps
		}
		l.add(tech.doc, tech.apiLine, "story-without-endpoint", "%s is served by no endpoint and no job: add the route its work goes through, or say why it needs none", st.name)
	}
}
