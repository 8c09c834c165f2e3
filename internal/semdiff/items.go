package semdiff

import (
	"strconv"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
)

// item is one thing a document says, as the diff compares it: a list item
// with an ID, a named entry (a persona, a metric, an entity, an endpoint),
// a plain list item, or a section of prose compared whole.
type item struct {
	section string   // as the diff names it: "Functional requirements"
	rank    int      // the section's place in the document, for sorting
	id      string   // "FR-002"; "" for an item without one
	name    string   // a named entry's name: "Household member", "GET /items"
	parent  string   // the story a criterion is under
	text    string   // what the item says, on one line
	traces  []string // the FRs a story traces; the stories a task or endpoint serves
	whole   bool     // a section of prose, which has no place in a list
	line    int      // 1-based; 0 when the index could not find it
	key     string   // what matches the item across versions; see builder.add
}

// label is how the reports name the item: its ID, its name, or "".
func (it *item) label() string {
	if it.id != "" {
		return it.id
	}
	return it.name
}

// builder flattens a parsed document into items, in document order.
type builder struct {
	lines *lineIndex
	items []item
	rank  int
	seen  map[string]int // how often each key was used, for duplicates
}

func newBuilder(src []byte) *builder {
	return &builder{lines: newLineIndex(src), seen: map[string]int{}}
}

// section starts the next section; items added after it are in it.
func (b *builder) section() { b.rank++ }

// add appends an item, keyed and placed on its line.
func (b *builder) add(it item) {
	it.rank = b.rank
	it.text = strings.Join(strings.Fields(it.text), " ")
	base := it.section + "\x00" + it.name
	switch {
	case it.id != "":
		base = it.id
	case it.name == "" && !it.whole:
		base += "\x00" + it.text
	}
	n := b.seen[base]
	b.seen[base] = n + 1
	// A key used before (an ID written twice) is numbered, so that each
	// occurrence is compared with the same occurrence in the other version.
	it.key = base
	if n > 0 {
		it.key += "\x00" + strconv.Itoa(n+1)
	}
	if it.line == 0 && it.id != "" {
		it.line = b.lines.id(it.id, n)
	}
	b.items = append(b.items, it)
}

func (b *builder) prose(section, text string, line int) {
	b.section()
	if text != "" {
		b.add(item{section: section, text: text, whole: true, line: line})
	}
}

// texts adds a section of plain list items.
func (b *builder) texts(section string, texts []string) {
	b.section()
	for _, t := range texts {
		b.add(item{section: section, text: t, line: b.lines.text(t)})
	}
}

// named adds a list item that starts with a bold name, or is text alone.
func (b *builder) named(section, name, text string) {
	if name == "" {
		b.add(item{section: section, text: text, line: b.lines.text(text)})
		return
	}
	b.add(item{section: section, name: name, text: text, line: b.lines.leads[name]})
}

func (b *builder) heading(name string) int {
	if line, ok := b.lines.headings[name]; ok {
		return line
	}
	return b.lines.headings[strings.ToLower(name)]
}

func prdItems(p *artifact.PRD, src []byte) []item {
	b := newBuilder(src)
	b.prose("Title", p.Title, b.lines.title)
	b.prose("Summary", p.Summary, b.heading("Summary"))
	b.prose("Problem", p.Problem, b.heading("Problem"))
	b.section()
	for _, g := range p.Goals {
		b.add(item{section: "Goals", id: g.ID, text: g.Text})
	}
	b.section()
	for _, u := range p.Personas {
		text := u.Description
		if len(u.Goals) > 0 {
			text = strings.TrimSpace(text + " Goals: " + strings.Join(u.Goals, "; ") + ".")
		}
		b.named("Users", u.Name, text)
	}
	b.section()
	for _, j := range p.Journeys {
		b.add(item{section: "User journeys", name: j.Name, text: strings.Join(j.Steps, " → "), line: b.lines.text(j.Name)})
	}
	requirements(b, "Functional requirements", p.Functional)
	requirements(b, "Non-functional requirements", p.NonFunctional)
	b.texts("In scope", p.InScope)
	b.texts("Out of scope", p.OutOfScope)
	b.texts("Dependencies", p.Dependencies)
	b.section()
	for _, m := range p.Metrics {
		b.add(item{section: "Success metrics", name: m.Name, text: metricText(m), line: b.lines.rows[cellWords(m.Name)]})
	}
	assumptions := "Assumptions and risks"
	if len(p.Risks) > 0 {
		assumptions = "Assumptions"
	}
	b.texts(assumptions, p.Assumptions)
	b.section()
	for _, r := range p.Risks {
		text := r.Text
		if r.Mitigation != "" {
			text += " Mitigation: " + r.Mitigation
		}
		b.add(item{section: "Risks", text: text, line: b.lines.text(r.Text)})
	}
	questions(b, p.OpenQuestions)
	return b.items
}

func storiesItems(s *artifact.Stories, src []byte) []item {
	b := newBuilder(src)
	b.prose("Title", s.Title, b.lines.title)
	// Criteria share their stories' rank, so that each sorts under its
	// story.
	b.section()
	for _, st := range s.Stories {
		text := st.Title
		if sentence := st.Sentence(); sentence != "" {
			text = strings.TrimSpace(text + ": " + sentence)
		}
		if tags := st.Tags(); tags != "" {
			text += " (" + tags + ")"
		}
		b.add(item{section: "Stories", id: st.ID, text: text, traces: st.Traces})
		for _, c := range st.Criteria {
			b.add(item{section: "Acceptance criteria", id: c.ID, parent: st.ID, text: c.Line()})
		}
	}
	return b.items
}

func techItems(t *artifact.TechSpec, src []byte) []item {
	b := newBuilder(src)
	b.prose("Title", t.Title, b.lines.title)
	b.prose("Overview", t.Overview, b.heading("Overview"))
	b.section()
	for _, c := range t.Components {
		b.named("Architecture", c.Name, c.Responsibility)
	}
	b.section()
	for _, e := range t.Entities {
		b.add(item{section: "Data model", name: e.Name, text: entityText(e), line: b.heading(e.Name)})
	}
	b.section()
	for _, e := range t.Endpoints {
		name := strings.TrimSpace(e.Method + " " + e.Path)
		b.add(item{section: "API", name: name, text: e.Summary, traces: e.Stories, line: b.lines.rows[cellWords(e.Method)+" "+cellWords(e.Path)]})
	}
	requirements(b, "Quality requirements", t.Quality)
	b.section()
	for _, task := range t.Tasks {
		b.add(item{section: "Tasks", id: task.ID, text: task.Text, traces: task.Stories})
	}
	questions(b, t.OpenQuestions)
	return b.items
}

func requirements(b *builder, section string, rs []artifact.Requirement) {
	b.section()
	for _, r := range rs {
		text := r.Text
		switch {
		case r.Priority != "" && r.Phase != "":
			text += " (priority: " + r.Priority + ", phase: " + r.Phase + ")"
		case r.Priority != "":
			text += " (priority: " + r.Priority + ")"
		case r.Phase != "":
			text += " (phase: " + r.Phase + ")"
		}
		b.add(item{section: section, id: r.ID, text: text})
	}
}

func questions(b *builder, qs []artifact.Question) {
	b.section()
	for _, q := range qs {
		b.add(item{section: "Open questions", id: q.ID, text: q.Text})
	}
}

func metricText(m artifact.Metric) string {
	var parts []string
	if m.Baseline != "" {
		parts = append(parts, "baseline "+m.Baseline)
	}
	if m.Target != "" {
		parts = append(parts, "target "+m.Target)
	}
	if m.Timeframe != "" {
		parts = append(parts, "timeframe "+m.Timeframe)
	}
	return strings.Join(parts, ", ")
}

func entityText(e artifact.Entity) string {
	var fields []string
	for _, f := range e.Fields {
		field := f.Name
		if f.Type != "" {
			field += " (" + f.Type + ")"
		}
		if f.Notes != "" {
			field += ": " + f.Notes
		}
		fields = append(fields, field)
	}
	text := e.Description
	if len(fields) > 0 {
		text = strings.TrimSpace(text + " Fields: " + strings.Join(fields, "; ") + ".")
	}
	return text
}
