package artifact

import (
	"fmt"
	"strings"
)

// A tech spec's sections hold what the model says, in the forms below;
// the diagrams and the waves are drawn from it, and never read back.
//
//	## Architecture         "Platform: web app", then the components: a
//	                        list "**Name**: responsibility" while none has
//	                        a kind, a technology or requirements it
//	                        serves, else a table; then a flowchart.
//	## Data model           an ER diagram while an entity has a
//	                        relationship; then an entity per "###":
//	                        description, fields table (with a Required
//	                        column when a field is required), and a list
//	                        of its owner, relationships and traces.
//	## API                  a table; Kind, Name, Entity and Action columns
//	                        only when an endpoint has one.
//	## Tasks                "**T-002** [P] text (US-001)", or "(setup)",
//	                        with "Depends on:", "Size:", "Components:",
//	                        "Entities:" and "Endpoints:" nested under it.
//	## Waves                the tasks by wave, and a graph of them.

// techView is a technical requirements document ready for its template.
type techView struct {
	view
	Overview       string
	Platform       string
	Components     []string // the list form
	ComponentTable *table   // the table form
	Flowchart      string
	ERDiagram      string
	Entities       []entityView
	Endpoints      *table
	Quality        []string
	Tasks          []string
	Waves          []string
	WaveGraph      string
	Questions      []string
}

type entityView struct {
	Name        string
	Description string
	Fields      *table
	Items       []string // owner, relationships, traces
}

// unnamed is the heading of an entity without a name.
const unnamed = "(unnamed)"

// RenderTech writes the technical requirements as markdown. It fails on an
// ID or reference that is not well-formed.
func RenderTech(t *TechSpec) ([]byte, error) {
	v := techView{
		view:     newView(t.Header, kindTech, t.Title),
		Overview: blockSafe(oneLine(t.Overview)),
	}
	if p := oneLine(t.Platform); p != "" {
		v.Platform = platformTag + " " + EscapeHTML(p)
	}
	if err := renderComponents(&v, t.Components); err != nil {
		return nil, err
	}
	required := anyRequired(t.Entities)
	for i, e := range t.Entities {
		ev, err := renderEntity(e, required)
		if err != nil {
			return nil, itemErr("entity", i, e.Name, err)
		}
		v.Entities = append(v.Entities, ev)
	}
	if err := renderEndpoints(&v, t.Endpoints); err != nil {
		return nil, err
	}
	var err error
	if v.Quality, err = idItems(KindNonFunctional, t.Quality, requirementParts); err != nil {
		return nil, err
	}
	if v.Questions, err = idItems(KindQuestion, t.OpenQuestions, questionParts); err != nil {
		return nil, err
	}
	for i, task := range t.Tasks {
		line, err := taskLine(task)
		if err != nil {
			return nil, itemErr("task", i, task.ID, err)
		}
		if line != "" {
			v.Tasks = append(v.Tasks, line)
		}
	}
	// The diagrams and waves show what the document says: they are drawn
	// from the document as it reads back without them, so that a document
	// read and written again draws them the same, whatever escaping its
	// text needed.
	plain, err := execute("tech.md.tmpl", v)
	if err != nil {
		return nil, err
	}
	drawn, err := ParseTech(plain)
	if err != nil {
		return nil, fmt.Errorf("read back to draw the diagrams: %w", err)
	}
	v.Flowchart = mermaidBlock(componentFlowchart(drawn.Components))
	v.ERDiagram = mermaidBlock(erDiagram(drawn.Entities))
	v.Waves = waveLines(drawn.Tasks)
	if len(v.Waves) > 0 {
		v.WaveGraph = mermaidBlock(waveGraph(drawn.Tasks))
	}
	if v.Flowchart == "" && v.ERDiagram == "" && v.Waves == nil {
		return plain, nil
	}
	return execute("tech.md.tmpl", v)
}

// platformTag leads the Architecture section's line that names the
// platform.
const platformTag = "Platform:"

// renderComponents writes the components as a list while none has more
// than a name and a responsibility, as documents did before components had
// kinds, else as a table.
func renderComponents(v *techView, cs []Component) error {
	detailed := false
	for _, c := range cs {
		detailed = detailed || filled(c.Kind) || filled(c.Technology) || len(c.Serves) > 0
	}
	if !detailed {
		v.Components = namedItems(cs, func(c Component) (string, string) { return c.Name, c.Responsibility })
		return nil
	}
	v.ComponentTable = &table{Head: []string{"Component", "Kind", "Technology", "Responsibility", "Serves"}}
	for i, c := range cs {
		serves, err := idList(KindFunctional, c.Serves)
		if err != nil {
			return itemErr("component", i, c.Name, err)
		}
		v.ComponentTable.Rows = append(v.ComponentTable.Rows,
			[]string{cell(c.Name), cell(c.Kind), cell(c.Technology), cell(c.Responsibility), cell(serves)})
	}
	return nil
}

// filled reports whether a field shows as more than an empty cell.
func filled(s string) bool { return !isEmptyMark(oneLine(s)) }

// idList joins references of kind k, "FR-001, FR-002", failing on one
// that is not well-formed.
func idList(k Kind, ids []string) (string, error) {
	for _, id := range ids {
		if _, err := ParseID(k, id); err != nil {
			return "", err
		}
	}
	return strings.Join(ids, ", "), nil
}

// anyRequired reports whether a field of the data model is required: only
// then do the fields tables say which are.
func anyRequired(es []Entity) bool {
	for _, e := range es {
		for _, f := range e.Fields {
			if f.Required {
				return true
			}
		}
	}
	return false
}

func renderEntity(e Entity, required bool) (entityView, error) {
	ev := entityView{Name: headingSafe(oneLine(e.Name)), Description: blockSafe(oneLine(e.Description))}
	if ev.Name == "" {
		ev.Name = unnamed
	}
	if len(e.Fields) > 0 {
		ev.Fields = &table{Head: []string{"Field", "Type", "Notes"}}
		if required {
			ev.Fields.Head = []string{"Field", "Type", "Required", "Notes"}
		}
		for _, f := range e.Fields {
			row := []string{cell(f.Name), typeCell(f)}
			if required {
				row = append(row, yesNo(f.Required))
			}
			ev.Fields.Rows = append(ev.Fields.Rows, append(row, cell(f.Notes)))
		}
	}
	var err error
	ev.Items, err = entityItems(e)
	return ev, err
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// apiKind is the kind of an endpoint of a JSON API, the default: the API
// table has a Kind column only when an endpoint is a page or a form.
const apiKind = "api"

func renderEndpoints(v *techView, endpoints []Endpoint) error {
	if len(endpoints) == 0 {
		return nil
	}
	var kind, name, entity, action bool
	for _, e := range endpoints {
		kind = kind || (filled(e.Kind) && !strings.EqualFold(oneLine(e.Kind), apiKind))
		name = name || filled(e.Name)
		entity = entity || filled(e.Entity)
		action = action || filled(e.Action)
	}
	v.Endpoints = &table{}
	head := func(on bool, h string) {
		if on {
			v.Endpoints.Head = append(v.Endpoints.Head, h)
		}
	}
	head(kind, "Kind")
	head(true, "Method")
	head(true, "Path")
	head(name, "Name")
	head(entity, "Entity")
	head(action, "Action")
	head(true, "Purpose")
	head(true, "Stories")
	for i, e := range endpoints {
		stories, err := idList(KindStory, e.Stories)
		if err != nil {
			return fmt.Errorf("endpoint %d: %w", i+1, err)
		}
		var row []string
		add := func(on bool, c string) {
			if on {
				row = append(row, c)
			}
		}
		k := apiKind
		if filled(e.Kind) {
			k = e.Kind
		}
		add(kind, cell(k))
		add(true, codeCell(e.Method))
		add(true, codeCell(e.Path))
		add(name, codeCell(e.Name))
		add(entity, cell(e.Entity))
		add(action, cell(e.Action))
		add(true, cell(e.Summary))
		add(true, cell(stories))
		v.Endpoints.Rows = append(v.Endpoints.Rows, row)
	}
	return nil
}
