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
// and maybe edited since.
func ParseTech(src []byte) (*TechSpec, error) {
	o, err := readOutline(src, kindTech)
	if err != nil {
		return nil, err
	}
	t := &TechSpec{Header: o.header, Title: o.title}
	for _, s := range o.sections {
		if err := t.read(s); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// read reads one section of a technical spec into t; unknown sections are
// skipped.
func (t *TechSpec) read(s *markdown.Section) error {
	switch key(s.Title) {
	case "overview", "summary":
		appendProse(&t.Overview, prose(s))
	case "architecture", "components":
		for _, it := range texts(s) {
			name, text := readNamed(it)
			t.Components = append(t.Components, Component{Name: name, Responsibility: text})
		}
	case "data model", "entities":
		for _, c := range s.Children {
			t.Entities = append(t.Entities, readEntity(c))
		}
	case "api", "http api", "endpoints":
		return t.readEndpoints(s)
	case "quality requirements", "quality", "non-functional requirements":
		return readIDItems(s, KindNonFunctional, func(id, text string) error {
			t.Quality = append(t.Quality, readRequirement(id, text))
			return nil
		})
	case "tasks":
		return readIDItems(s, KindTask, func(id, text string) error {
			task, err := readTask(id, text)
			if err == nil {
				t.Tasks = append(t.Tasks, task)
			}
			return err
		})
	case "open questions", "questions":
		return readIDItems(s, KindQuestion, func(id, text string) error {
			t.OpenQuestions = append(t.OpenQuestions, Question{ID: id, Text: text})
			return nil
		})
	}
	return nil
}

func readEntity(s *markdown.Section) Entity {
	e := Entity{Name: htmlText(s.Title), Description: prose(s)}
	if e.Name == unnamed {
		e.Name = ""
	}
	rows, _, _ := readTable(s, []string{"field", "name"}, []string{"type"}, []string{"notes", "description"})
	for _, r := range rows {
		e.Fields = append(e.Fields, Field{Name: cellText(r[0]), Type: cellText(r[1]), Notes: cellText(r[2])})
	}
	return e
}

func (t *TechSpec) readEndpoints(s *markdown.Section) error {
	rows, start, _ := readTable(s, []string{"method"}, []string{"path"}, []string{"purpose", "summary", "description"}, []string{"stories", "story"})
	for i, r := range rows {
		stories, err := refs(KindStory, cellText(r[3]))
		if err != nil {
			return lineErr(rowLine(start, i), err)
		}
		t.Endpoints = append(t.Endpoints, Endpoint{
			Method:  codeText(r[0]),
			Path:    codeText(r[1]),
			Summary: cellText(r[2]),
			Stories: stories,
		})
	}
	return nil
}
