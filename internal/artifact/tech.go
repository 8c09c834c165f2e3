package artifact

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// techView is a technical requirements document ready for its template.
type techView struct {
	view
	Overview   string
	Components []string
	Entities   []entityView
	Endpoints  *table
	Quality    []string
	Tasks      []string
	Questions  []string
}

type entityView struct {
	Name        string
	Description string
	Fields      *table
}

// unnamed is the heading of an entity without a name.
const unnamed = "(unnamed)"

// RenderTech writes the technical requirements as markdown. It fails on an
// ID or story reference that is not well-formed.
func RenderTech(t *TechSpec) ([]byte, error) {
	v := techView{
		view:       newView(t.Header, kindTech, t.Title),
		Overview:   blockSafe(oneLine(t.Overview)),
		Components: namedItems(t.Components, func(c Component) (string, string) { return c.Name, c.Responsibility }),
	}
	for _, e := range t.Entities {
		v.Entities = append(v.Entities, renderEntity(e))
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
		text, err := taskText(task)
		if err == nil {
			text, err = itemLine(KindTask, task.ID, text)
		}
		if err != nil {
			return nil, itemErr("task", i, task.ID, err)
		}
		if text != "" {
			v.Tasks = append(v.Tasks, text)
		}
	}
	return execute("tech.md.tmpl", v)
}

func renderEntity(e Entity) entityView {
	ev := entityView{Name: headingSafe(oneLine(e.Name)), Description: blockSafe(oneLine(e.Description))}
	if ev.Name == "" {
		ev.Name = unnamed
	}
	if len(e.Fields) > 0 {
		ev.Fields = &table{Head: []string{"Field", "Type", "Notes"}}
		for _, f := range e.Fields {
			ev.Fields.Rows = append(ev.Fields.Rows, []string{cell(f.Name), cell(f.Type), cell(f.Notes)})
		}
	}
	return ev
}

func renderEndpoints(v *techView, endpoints []Endpoint) error {
	if len(endpoints) == 0 {
		return nil
	}
	v.Endpoints = &table{Head: []string{"Method", "Path", "Purpose", "Stories"}}
	for i, e := range endpoints {
		for _, s := range e.Stories {
			if _, err := ParseID(KindStory, s); err != nil {
				return fmt.Errorf("endpoint %d: %w", i+1, err)
			}
		}
		stories := cell(strings.Join(e.Stories, ", "))
		v.Endpoints.Rows = append(v.Endpoints.Rows, []string{codeCell(e.Method), codeCell(e.Path), cell(e.Summary), stories})
	}
	return nil
}

// ParseTech reads a technical requirements document written by RenderTech
// and maybe edited since. What it cannot read is listed by the document's
// Unparsed.
func ParseTech(src []byte) (*TechSpec, error) {
	return parseTech(&reader{}, src)
}

func parseTech(r *reader, src []byte) (*TechSpec, error) {
	o, err := readOutline(r, src, kindTech)
	if err != nil {
		return nil, err
	}
	t := &TechSpec{Header: o.header, Title: o.title}
	for _, s := range o.sections {
		if err := t.read(r, s); err != nil {
			return nil, err
		}
	}
	t.unparsed = r.done()
	return t, nil
}

// read reads one section of a technical spec into t; r hears of unknown
// sections.
func (t *TechSpec) read(r *reader, s *markdown.Section) error {
	switch key(s.Title) {
	case "overview", "summary":
		appendProse(&t.Overview, prose(r, s))
	case "architecture", "components":
		for _, it := range texts(r, s) {
			name, text := readNamed(it)
			t.Components = append(t.Components, Component{Name: name, Responsibility: text})
		}
	case "data model", "entities":
		r.rest(s, true)
		for _, c := range s.Children {
			t.Entities = append(t.Entities, readEntity(r, c))
		}
	case "api", "http api", "endpoints":
		return t.readEndpoints(r, s)
	case "quality requirements", "quality", "non-functional requirements":
		return readIDItems(r, s, KindNonFunctional, func(id, text string, _ int) error {
			t.Quality = append(t.Quality, readRequirement(id, text))
			return nil
		})
	case "tasks":
		return readIDItems(r, s, KindTask, func(id, text string, _ int) error {
			task, err := readTask(id, text)
			if err == nil {
				t.Tasks = append(t.Tasks, task)
			}
			return err
		})
	case "open questions", "questions":
		return readIDItems(r, s, KindQuestion, func(id, text string, _ int) error {
			t.OpenQuestions = append(t.OpenQuestions, Question{ID: id, Text: text})
			return nil
		})
	default:
		r.drop(s.Line, "section %q is not read: a technical requirements document has no section of that name", s.Title)
	}
	return nil
}

func readEntity(r *reader, s *markdown.Section) Entity {
	ps := s.Paragraphs()
	for i, p := range ps {
		ps[i] = htmlText(p)
	}
	e := Entity{Name: htmlText(s.Title), Description: strings.Join(ps, " ")}
	if e.Name == unnamed {
		e.Name = ""
	}
	rows, _ := readTable(r, s, []string{"field", "name"}, []string{"type"}, []string{"notes", "description"})
	r.rest(s, false, markdown.Paragraph, markdown.Quote, markdown.Table)
	for _, row := range rows {
		e.Fields = append(e.Fields, Field{Name: cellText(row[0]), Type: cellText(row[1]), Notes: cellText(row[2])})
	}
	return e
}

func (t *TechSpec) readEndpoints(r *reader, s *markdown.Section) error {
	rows, start := readTable(r, s, []string{"method"}, []string{"path"}, []string{"purpose", "summary", "description"}, []string{"stories", "story"})
	r.rest(s, false, markdown.Table)
	for i, row := range rows {
		e := Endpoint{Method: codeText(row[0]), Path: codeText(row[1]), Summary: cellText(row[2])}
		line := rowLine(start, i)
		stories, err := refs(r, KindStory, cellText(row[3]), line, "the stories of "+endpointName(e, line))
		if err != nil {
			if err := r.fail(line, err); err != nil {
				return err
			}
			continue
		}
		e.Stories = stories
		t.Endpoints = append(t.Endpoints, e)
	}
	return nil
}

// endpointName names an endpoint in a problem: "GET /teams", else by its
// line.
func endpointName(e Endpoint, line int) string {
	if name := strings.TrimSpace(e.Method + " " + e.Path); name != "" {
		return name
	}
	return fmt.Sprintf("the endpoint on line %d", line)
}
