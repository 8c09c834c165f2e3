package artifact

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
)

// parse parses a document prodgen rendered, of the same type as like: it
// reads whole, with nothing Unparsed.
func parse(t *testing.T, like any, src []byte) any {
	t.Helper()
	var v any
	var err error
	var unparsed func() []Problem
	switch like.(type) {
	case *PRD:
		var p *PRD
		p, err = ParsePRD(src)
		v, unparsed = p, func() []Problem { return p.Unparsed() }
	case *Stories:
		var s *Stories
		s, err = ParseStories(src)
		v, unparsed = s, func() []Problem { return s.Unparsed() }
	case *TechSpec:
		var tech *TechSpec
		tech, err = ParseTech(src)
		v, unparsed = tech, func() []Problem { return tech.Unparsed() }
	default:
		t.Fatalf("cannot parse %T", like)
	}
	if err != nil {
		t.Fatalf("parse %T: %v\n%s", like, err, src)
	}
	if u := unparsed(); len(u) > 0 {
		t.Errorf("parse %T of a rendered document: not read: %v\n%s", like, u, src)
	}
	return v
}

// same fails the test when got and want differ, showing both as JSON
// (headers included, which JSON leaves out).
func same(t *testing.T, got, want any) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(withHeader(got), "", "  ")
	w, _ := json.MarshalIndent(withHeader(want), "", "  ")
	t.Errorf("parsed value differs from the rendered one:\n%s", golden.Diff(string(w), string(g)))
}

// withHeader pairs a document with its header and what was not read, for
// display.
func withHeader(v any) any {
	var h Header
	var unparsed []Problem
	switch v := v.(type) {
	case *PRD:
		h, unparsed = v.Header, v.Unparsed()
	case *Stories:
		h, unparsed = v.Header, v.Unparsed()
	case *TechSpec:
		h, unparsed = v.Header, v.Unparsed()
	}
	return struct {
		Header   Header
		Doc      any
		Unparsed []Problem
	}{h, v, unparsed}
}

// parsedAs is what parsing gives back for a fixture: the fixture itself,
// except that a Given holding ", when " is split at that first separator
// (the document reads the same either way).
func parsedAs(v any) any {
	if s, ok := v.(*Stories); ok {
		for i, st := range s.Stories {
			for j, c := range st.Criteria {
				if g, w, ok := strings.Cut(c.Given, ", when "); ok {
					s.Stories[i].Criteria[j].Given, s.Stories[i].Criteria[j].When = g, w+", when "+c.When
				}
			}
		}
	}
	return v
}

func TestRoundTrip(t *testing.T) {
	for _, d := range documents {
		t.Run(d.name, func(t *testing.T) {
			doc := render(t, d.value())
			got := parse(t, d.value(), doc)
			same(t, got, parsedAs(d.value()))
			if again := render(t, got); string(again) != string(doc) {
				t.Errorf("render(parse(doc)) != doc:\n%s", golden.Diff(string(doc), string(again)))
			}
		})
	}
}

// TestRoundTripOddValues renders values that do not survive as they are
// (a trailing period, separators inside fields, surrounding spaces) and
// checks that the document they give is still a fixed point.
func TestRoundTripOddValues(t *testing.T) {
	tests := []struct {
		name  string
		value any
	}{
		{"separators inside the sentence", &Stories{Title: "x", Stories: []Story{{
			ID: "US-001", Role: "user, I want more", Want: "a, so that b", SoThat: "c, so that d.",
		}}}},
		{"separators inside a criterion", &Stories{Title: "x", Stories: []Story{{
			ID: "US-001", Criteria: []Criterion{
				{ID: "AC-001.1", Given: "a, when b, then c", When: "d, then e", Then: "f."},
				{ID: "AC-001.2", Given: " a ", When: "", Then: ""},
				{ID: "AC-001.3", Text: "Given a, when b, then c."},
				{ID: "AC-001.4", Text: "Given a, when b, then c"},
			},
		}}}},
		{"odd roles", &Stories{Title: "x", Stories: []Story{
			{ID: "US-001", Role: "u, I want x", Want: "y"},
			{ID: "US-002", Role: "", Want: "y", SoThat: " "},
			{ID: "US-003", Role: "an", Want: "x.."},
			{ID: "US-004", Role: "user", Want: "x traces: FR-001", SoThat: "y Traces:"},
		}}},
		{"priority and stories in text", &TechSpec{Title: "x",
			Quality: []Requirement{{ID: "NFR-001", Text: "x (priority: P0)"}, {ID: "NFR-002", Text: "y", Priority: "a(b"}},
			Tasks:   []Task{{ID: "T-001", Text: "x (US-001)"}, {ID: "T-002", Text: "x (y)", Stories: []string{"US-002"}}},
		}},
		{"cells", &TechSpec{Title: "x", Endpoints: []Endpoint{
			{Method: "-", Path: "`a`b", Summary: "a \\| b"},
			{Method: "``", Path: " ", Summary: "—"},
		}}},
		{"names", &PRD{Title: "a # b #", Personas: []Persona{
			{Name: "a**: b", Description: "c"}, {Name: "x*", Description: "y"}, {Description: "**a**: b"}, {Name: " ", Description: "z"},
		}}},
		{"tags inside a requirement", &PRD{Title: "x", Functional: []Requirement{
			{ID: "FR-001", Text: "x (phase: 2)"},
			{ID: "FR-002", Text: "y (priority: Must)", Phase: "3"},
			{ID: "FR-003", Text: "z", Priority: "Must, phase: 2"},
			{ID: "FR-004", Text: "w", Priority: "a, b", Phase: "c, phase: d"},
			{ID: "FR-005", Text: "v", Phase: "(2)"},
		}}},
		{"odd journeys, goals and risks", &PRD{Title: "x",
			Personas: []Persona{{Goals: []string{"a", " ", "Goal: b"}}, {Name: "n", Goals: []string{"# c", "- d"}}},
			Journeys: []Journey{{Steps: []string{"1. a", "- b", ""}}, {Name: "**j**: k", Source: Source{2, 3}}, {Name: "(brief.md:4)"}, {Name: " "}},
			Risks:    []Risk{{Mitigation: "m"}, {Text: "Mitigation: x", Mitigation: "Mitigation: y"}, {Text: "# r", Source: Source{1, 1}}},
			Metrics:  []Metric{{Name: "m", Timeframe: "| by Q3 |"}},
		}},
		{"odd tags and kinds in a story", &Stories{Title: "x", Stories: []Story{
			{ID: "US-001", Role: "user", Want: "x", Priority: "a · Size: M", Size: "", Criteria: []Criterion{
				{ID: "AC-001.1", Text: "(error) x"},
				{ID: "AC-001.2", Kind: "Error", Given: "a", When: "b", Then: "c"},
				{ID: "AC-001.3", Kind: "edge"},
				{Kind: "main", Text: "(edge) y"},
			}},
			{ID: "US-002", Role: "user", Want: "y", Size: "XL"},
		}}},
		{"header", &PRD{Title: "x", Header: Header{Sources: []string{"a and b", "c, d", ""}, Command: " x --> y "}}},
		{"marks inside a task", &TechSpec{Title: "x", Tasks: []Task{
			{ID: "T-001", Text: "[P] not parallel", Stories: []string{"US-001"}},
			{ID: "T-002", Text: "x (setup)"},
			{ID: "T-003", Text: "y", Setup: true, Stories: []string{"US-001"}, Parallel: true},
			{Text: "", DependsOn: []string{"T-001"}, Size: "XL", Components: []string{"a, b", "`c`"}, Endpoints: []string{"GET /a, b", "`x`"}},
			{ID: "T-004", Text: "Size: M", Entities: []string{" "}},
		}}},
		{"odd entities", &TechSpec{Title: "x", Entities: []Entity{
			{Name: "A", Fields: []Field{{Name: "f", Type: "x: `y`"}, {Name: "g", Enum: []string{"", "a, b", "`"}}, {Name: "h", Type: "–", Enum: []string{"x"}}}},
			{Name: "B", Relationships: []Relationship{{Target: "", Note: "n"}, {Target: "**x**: y", Kind: "odd"}, {Target: "–", Kind: "has-many"}, {Kind: "belongs-to"}},
				Owner: "Traces: FR-001"},
			{Name: "C", Description: "Owner: nobody", Relationships: []Relationship{{Target: "Has many **A**", Kind: "has-one"}}},
		}}},
		{"odd components and endpoints", &TechSpec{Title: "x", Platform: " ",
			Components: []Component{{Name: "a", Kind: "–"}, {Technology: "t"}, {Name: "| b", Serves: []string{"FR-001"}}},
			Endpoints:  []Endpoint{{Kind: "API", Method: "GET"}, {Kind: "page", Name: "``"}, {Entity: "-", Action: "|"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, tt.value)
			again := render(t, parse(t, tt.value, doc))
			if string(again) != string(doc) {
				t.Errorf("render(parse(doc)) != doc:\n%s", golden.Diff(string(doc), string(again)))
			}
		})
	}
}

// TestRoundTripHTML renders text that holds HTML, ampersands and code
// spans: the markdown holds no raw HTML, reads back to the same values and
// renders to the same bytes again.
func TestRoundTripHTML(t *testing.T) {
	tests := []struct {
		name  string
		value any
	}{
		{"script in a requirement", &PRD{Title: "Snippets <beta>", Summary: "Save <b>useful</b> snippets & notes.",
			Functional: []Requirement{
				{ID: "FR-001", Text: "The system must let users save a snippet such as </code><script>alert(1)</script> with one click."},
				{ID: "FR-002", Text: "Snippets show `</code><script>alert(1)</script>` as code.", Priority: "P0"},
			},
			Personas:    []Persona{{Name: "<i>Admin</i>", Description: "Runs R&D; sees <b>all</b>."}},
			InScope:     []string{"<script>alert(1)</script>", "``a ` <b>`` spans"},
			Metrics:     []Metric{{Name: "<b>Load</b> time", Baseline: "&lt; 3 s", Target: "< 1 s"}},
			Assumptions: []string{"AT&T users & <em>others</em>"},
		}},
		{"HTML in a story", &Stories{Title: "S", Stories: []Story{{
			ID: "US-001", Title: "Save <b>it</b>", Role: "<admin>", Want: "to see `<b>` as code", SoThat: "R&D <i>trusts</i> it",
			Traces: []string{"FR-001"},
			Criteria: []Criterion{
				{ID: "AC-001.1", Given: "a <script>", When: "it is saved", Then: "it shows as `<script>`"},
				{ID: "AC-001.2", Text: "Nothing <b>runs</b>."},
			},
		}}}},
		{"HTML in a tech spec", &TechSpec{Title: "T", Overview: "<div>A service</div> & a `<queue>`.",
			Components: []Component{{Name: "<b>API</b>", Responsibility: "Serves <json>."}},
			Entities:   []Entity{{Name: "<Snippet>", Description: "Holds <html>.", Fields: []Field{{Name: "<body>", Type: "`<string>`", Notes: "R&D <only>"}}}},
			Endpoints:  []Endpoint{{Method: "GET", Path: "/s/<id>", Summary: "Read <one>", Stories: []string{"US-001"}}},
			Quality:    []Requirement{{ID: "NFR-001", Text: "Under <200 ms."}},
			Tasks:      []Task{{ID: "T-001", Text: "Escape <script>", Stories: []string{"US-001"}}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, tt.value)
			noRawHTML(t, doc)
			got := parse(t, tt.value, doc)
			same(t, got, tt.value)
			if again := render(t, got); string(again) != string(doc) {
				t.Errorf("render(parse(doc)) != doc:\n%s", golden.Diff(string(doc), string(again)))
			}
		})
	}
}

// TestStoryTagsInASentence checks that a story sentence a person wrote
// that reads like the priority line is kept as the sentence, and the
// story's own priority line read as its priority.
func TestStoryTagsInASentence(t *testing.T) {
	doc := render(t, &Stories{Title: "x", Stories: []Story{{ID: "US-001", Text: "Priority: high", Size: "S"}}})
	if !strings.Contains(string(doc), "\\Priority: high\n\nSize: S\n") {
		t.Fatalf("the sentence is not escaped above the size:\n%s", doc)
	}
	s, err := ParseStories(doc)
	if err != nil {
		t.Fatal(err)
	}
	if st := s.Stories[0]; st.Text != `\Priority: high` || st.Priority != "" || st.Size != "S" {
		t.Errorf("read %+v, want the sentence as text and size S", st)
	}
	if again := render(t, s); string(again) != string(doc) {
		t.Errorf("render(parse(doc)) != doc:\n%s", golden.Diff(string(doc), string(again)))
	}
}
