package artifact

import (
	"os"
	"path/filepath"
	"testing"
)

// seed adds the golden files and the hand-edited documents to a fuzz
// corpus.
func seed(f *testing.F, extra ...string) {
	f.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.golden.md"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// fixedPoint checks that a document parsed from any input renders to
// bytes that parse and render to the same bytes again.
func fixedPoint[T any](t *testing.T, src []byte, parse func([]byte) (T, error), render func(T) ([]byte, error)) {
	t.Helper()
	v, err := parse(src)
	if err != nil {
		return
	}
	doc, err := render(v)
	if err != nil {
		t.Fatalf("render of a parsed document failed: %v", err)
	}
	back, err := parse(doc)
	if err != nil {
		t.Fatalf("parse of a rendered document failed: %v\n%s", err, doc)
	}
	again, err := render(back)
	if err != nil {
		t.Fatalf("second render failed: %v", err)
	}
	if string(again) != string(doc) {
		t.Fatalf("render(parse(doc)) != doc:\n%s", lineDiff(string(doc), string(again)))
	}
}

func FuzzParsePRD(f *testing.F) {
	seed(f, editedPRD)
	f.Fuzz(func(t *testing.T, src []byte) {
		fixedPoint(t, src, ParsePRD, RenderPRD)
	})
}

func FuzzParseStories(f *testing.F) {
	seed(f, editedStories)
	f.Fuzz(func(t *testing.T, src []byte) {
		fixedPoint(t, src, ParseStories, RenderStories)
	})
}

func FuzzParseTech(f *testing.F) {
	seed(f, editedTech)
	f.Fuzz(func(t *testing.T, src []byte) {
		fixedPoint(t, src, ParseTech, RenderTech)
	})
}

// FuzzRenderFields puts arbitrary text in every text field of the three
// documents and checks that whatever renders reads back to the same bytes.
func FuzzRenderFields(f *testing.F) {
	f.Add("patient", "to join, so that x", "I can wait.", "a, when b", "c", "d.", "`x` | y")
	f.Add("# h", "- i", "1. j", "<div>", "[a]: b", "***", "Traces: FR-001")
	f.Add("", " ", "\n", "\\", "|", "**G-1** x", "x (US-001)")
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h string) {
		prd := &PRD{
			Header: Header{Sources: []string{a, b}, Command: c}, Title: d, Summary: e, Problem: g,
			Goals:      []Goal{{ID: "G-1", Text: h}, {Text: a}},
			Personas:   []Persona{{Name: a, Description: b}, {Name: c}, {Description: d}},
			Functional: []Requirement{{ID: "FR-001", Text: e, Priority: g}, {Text: h, Priority: a}},
			InScope:    []string{b, c}, OutOfScope: []string{d},
			Metrics:     []Metric{{Name: e, Baseline: g, Target: h}},
			Assumptions: []string{a}, OpenQuestions: []Question{{ID: "Q-1", Text: b}, {Text: c}},
		}
		stories := &Stories{Header: prd.Header, Title: a, Stories: []Story{
			{ID: "US-001", Title: b, Role: c, Want: d, SoThat: e, Traces: []string{"FR-001"},
				Criteria: []Criterion{{ID: "AC-001.1", Given: g, When: h, Then: a}, {Text: b}, {ID: "AC-001.2", Given: c}}},
		}}
		tech := &TechSpec{Header: prd.Header, Title: c, Overview: d,
			Components: []Component{{Name: e, Responsibility: g}},
			Entities:   []Entity{{Name: h, Description: a, Fields: []Field{{Name: b, Type: c, Notes: d}}}},
			Endpoints:  []Endpoint{{Method: e, Path: g, Summary: h, Stories: []string{"US-001"}}},
			Quality:    []Requirement{{ID: "NFR-001", Text: a, Priority: b}},
			Tasks:      []Task{{ID: "T-001", Text: c, Stories: []string{"US-001"}}, {Text: d}},
		}
		stable(t, prd, RenderPRD, ParsePRD)
		stable(t, stories, RenderStories, ParseStories)
		stable(t, tech, RenderTech, ParseTech)
	})
}

// stable checks that a value that renders reads back to a value that
// renders to the same bytes.
func stable[T any](t *testing.T, v T, render func(T) ([]byte, error), parse func([]byte) (T, error)) {
	t.Helper()
	doc, err := render(v)
	if err != nil {
		return
	}
	back, err := parse(doc)
	if err != nil {
		t.Fatalf("parse of a rendered document failed: %v\n%s", err, doc)
	}
	again, err := render(back)
	if err != nil {
		t.Fatalf("second render failed: %v", err)
	}
	if string(again) != string(doc) {
		t.Fatalf("render(parse(doc)) != doc:\n%s", lineDiff(string(doc), string(again)))
	}
}
