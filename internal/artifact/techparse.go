package artifact

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// The reader of a tech spec; tech.go writes it.

// ParseTech reads a technical requirements document written by RenderTech
// and maybe edited since. What it cannot read is listed by the document's
// Unparsed. The diagrams and the waves are drawn from the rest when the
// document is written again, so they are not read, and an edit to them
// is not an error.
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
		return t.readArchitecture(r, s)
	case "data model", "entities":
		r.restDrawn(s, true)
		for _, c := range s.Children {
			e, err := readEntity(r, c)
			if err != nil {
				return err
			}
			t.Entities = append(t.Entities, e)
		}
	case "api", "http api", "endpoints":
		return t.readEndpoints(r, s)
	case "quality requirements", "quality", "non-functional requirements":
		return readIDItems(r, s, KindNonFunctional, func(id, text string, _ int) error {
			t.Quality = append(t.Quality, readRequirement(id, text))
			return nil
		})
	case "tasks":
		return t.readTasks(r, s)
	case "waves":
		// Drawn from the tasks' dependencies: nothing in it is read.
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

// readArchitecture reads the platform line and the components, as a list
// or a table.
func (t *TechSpec) readArchitecture(r *reader, s *markdown.Section) error {
	for _, b := range s.Blocks {
		if b.Kind != markdown.Paragraph {
			continue
		}
		if p, ok := cutPrefixFold(htmlText(b.Text), platformTag); ok && t.Platform == "" {
			t.Platform = strings.TrimSpace(p)
			continue
		}
		r.block(b, under(s.Title))
	}
	if !hasTable(s) {
		r.restDrawn(s, false, markdown.List, markdown.Paragraph)
		for _, it := range s.Items() {
			if it.Text != "" {
				name, text := readNamed(htmlText(it.Text))
				t.Components = append(t.Components, Component{Name: name, Responsibility: text})
			}
		}
		return nil
	}
	// Only the name and the responsibility may be found by their place:
	// the other columns are read by their headings.
	want := [][]string{{"component", "name"}, {"responsibility", "purpose", "description"}}
	named := func(names ...string) int {
		for _, n := range names {
			if hasColumn(s, n) {
				want = append(want, names)
				return len(want) - 1
			}
		}
		return -1
	}
	kind, tech, serves := named("kind"), named("technology", "stack"), named("serves", "requirements")
	rows, start := readTable(r, s, want...)
	r.restDrawn(s, false, markdown.Table, markdown.Paragraph)
	for i, row := range rows {
		c := Component{Name: cellText(row[0]), Responsibility: cellText(row[1]), Kind: cellText(at(row, kind)), Technology: cellText(at(row, tech))}
		line := rowLine(start, i)
		serves, err := refs(r, KindFunctional, cellText(at(row, serves)), line, "the requirements "+label("component", i, c.Name)+" serves")
		if err != nil {
			if err := r.fail(line, err); err != nil {
				return err
			}
		}
		c.Serves = serves
		t.Components = append(t.Components, c)
	}
	return nil
}

// hasTable reports whether a section holds a table.
func hasTable(s *markdown.Section) bool {
	for _, b := range s.Blocks {
		if b.Kind == markdown.Table && len(b.Rows) > 0 {
			return true
		}
	}
	return false
}

func readEntity(r *reader, s *markdown.Section) (Entity, error) {
	ps := s.Paragraphs()
	for i, p := range ps {
		ps[i] = htmlText(p)
	}
	e := Entity{Name: htmlText(s.Title), Description: strings.Join(ps, " ")}
	if e.Name == unnamed {
		e.Name = ""
	}
	want := [][]string{{"field", "name"}, {"type"}, {"notes", "description"}}
	required := -1
	if hasColumn(s, "required") {
		required = len(want)
		want = append(want, []string{"required"})
	}
	rows, start := readTable(r, s, want...)
	r.rest(s, false, markdown.Paragraph, markdown.Quote, markdown.Table, markdown.List)
	for i, row := range rows {
		f := Field{Name: cellText(row[0]), Notes: cellText(row[2])}
		f.Type, f.Enum = readType(row[1])
		if required >= 0 {
			var ok bool
			if f.Required, ok = readYesNo(cellText(row[required])); !ok {
				r.drop(rowLine(start, i), "required %q of field %q is not read: want yes or no", cellText(row[required]), f.Name)
			}
		}
		e.Fields = append(e.Fields, f)
	}
	return e, readEntityItems(r, &e, s)
}

// readYesNo reads a Required cell: yes or no, in any case, or empty.
func readYesNo(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "yes", "required", "true":
		return true, true
	case "no", "optional", "false", "":
		return false, true
	}
	return false, false
}

func (t *TechSpec) readEndpoints(r *reader, s *markdown.Section) error {
	want := [][]string{{"method"}, {"path"}, {"purpose", "summary", "description"}, {"stories", "story"}}
	named := func(name string) int {
		if !hasColumn(s, name) {
			return -1
		}
		want = append(want, []string{name})
		return len(want) - 1
	}
	kind, name, entity, action := named("kind"), named("name"), named("entity"), named("action")
	rows, start := readTable(r, s, want...)
	r.rest(s, false, markdown.Table)
	for i, row := range rows {
		e := Endpoint{Method: codeText(row[0]), Path: codeText(row[1]), Summary: cellText(row[2]),
			Kind: cellText(at(row, kind)), Name: codeText(at(row, name)), Entity: cellText(at(row, entity)), Action: cellText(at(row, action))}
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
	if name := EndpointKey(e); name != "" {
		return name
	}
	return fmt.Sprintf("the endpoint on line %d", line)
}

// EndpointKey is how a task names an endpoint: "GET /teams".
func EndpointKey(e Endpoint) string {
	return strings.TrimSpace(oneLine(e.Method) + " " + oneLine(e.Path))
}

// at is cell i of a table row, empty for a column the table lacks (-1).
func at(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}
