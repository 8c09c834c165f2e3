package corpus

import (
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
)

func TestMatches(t *testing.T) {
	tests := []struct {
		name string
		text string
		keys []string
		want bool
	}{
		{"all keys, other forms", "The system must let a tenant book repairs.", []string{"Booking", "repair"}, true},
		{"one key missing", "The system must let a tenant book repairs.", []string{"book", "photo"}, false},
		{"case and markup", "**Export** to *CSV*", []string{"csv", "export"}, true},
		{"alternatives", "Members organise the rota.", []string{"organize|organise", "rota"}, true},
		{"multi-word alternative needs every word", "Send an e-mail.", []string{"email|e mail"}, true},
		{"part of a word is no match", "Bookkeeping", []string{"book"}, false},
		{"possessive", "the walker's photo", []string{"walker", "photo"}, true},
		{"no keys match nothing", "anything", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Matches(tt.text, tt.keys); got != tt.want {
				t.Errorf("Matches(%q, %v) = %v, want %v", tt.text, tt.keys, got, tt.want)
			}
		})
	}
}

func TestScore(t *testing.T) {
	e := &Expectation{
		Brief:           "b.md",
		Product:         "Plotkeeper",
		Personas:        []Item{{Text: "Plot holder", Keys: []string{"plot", "holder"}}},
		Features:        []Item{{Text: "join the waiting list", Keys: []string{"join", "waiting", "list"}, Priority: "Must"}, {Text: "pay rent", Keys: []string{"pay", "rent"}}},
		Later:           []Item{{Text: "water meter readings", Keys: []string{"water", "meter"}}},
		NotRequirements: []Item{{Text: "budget", Keys: []string{"budget"}}},
	}
	prd := &artifact.PRD{
		Title:    "Plotkeeper",
		Personas: []artifact.Persona{{Name: "Plot holders", Source: artifact.Source{Start: 1, End: 1}}},
		Functional: []artifact.Requirement{
			{ID: "FR-001", Text: "The system must let a resident join the waiting list.", Priority: "Must have", Source: artifact.Source{Start: 1, End: 1}, Also: []artifact.Source{{Start: 2, End: 2}}},
			{ID: "FR-002", Text: "The system must record water meter readings.", Source: artifact.Source{Start: 3, End: 3}},
		},
		NonFunctional: []artifact.Requirement{{ID: "NFR-001", Text: "The budget is £2k."}},
	}
	brief := []string{"Plot holders:", "- Join the waiting list", "- Water meter readings (phase 2)"}
	r := Score(e, prd, brief)
	want := Figures{
		Features: Count{1, 2}, Later: Count{0, 1}, NotRequirements: Count{0, 1},
		Name: Count{1, 1}, Personas: Count{1, 1}, Priorities: Count{1, 1},
		Cited: Count{3, 4}, CitedRight: Count{1, 1},
	}
	if r.Figures != want {
		t.Errorf("Score = %+v, want %+v", r.Figures, want)
	}
	if len(r.Gaps) != 4 {
		t.Errorf("gaps = %q, want 4 (pay rent, water meter, budget, NFR-001 uncited)", r.Gaps)
	}
	// The feature's requirement citing only the persona's line is cited
	// at the wrong lines.
	prd.Functional[0].Also = nil
	if r := Score(e, prd, brief); r.Figures.CitedRight != (Count{0, 1}) {
		t.Errorf("cited right = %v, want 0/1", r.Figures.CitedRight)
	}
}

func TestCompare(t *testing.T) {
	old := []Result{{Brief: "a.md", Figures: Figures{Features: Count{2, 4}, Name: Count{1, 1}}}}
	base := NewBaseline(old)
	data, err := base.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	base, err = DecodeBaseline(data)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name              string
		now               []Result
		regressed, gained int
	}{
		{"same", old, 0, 0},
		{"better", []Result{{Brief: "a.md", Figures: Figures{Features: Count{3, 4}, Name: Count{1, 1}}}}, 0, 2},
		{"worse", []Result{{Brief: "a.md", Figures: Figures{Features: Count{1, 4}, Name: Count{1, 1}}}}, 2, 0},
		{"expectation changed", []Result{{Brief: "a.md", Figures: Figures{Features: Count{2, 5}, Name: Count{1, 1}}}}, 2, 0},
		{"new brief", append(old, Result{Brief: "b.md", Figures: Figures{Name: Count{1, 1}}}), 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base.Compare(tt.now)
			if len(c.Regressions) != tt.regressed || len(c.Gains) != tt.gained {
				t.Errorf("Compare: regressions %q, gains %q; want %d and %d", c.Regressions, c.Gains, tt.regressed, tt.gained)
			}
		})
	}
}
