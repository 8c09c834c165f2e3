package brief

import (
	"strings"
	"testing"
)

func TestMerge(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"a later item restating one feature puts it later",
			"# X\n\n## Core features\n\n- Each person sees their own shifts.\n- A calendar feed (iCal) of your own shifts.\n\n## Roadmap\n\nPhase 1 (MVP):\n\n1. Personal roster view.\n\nPhase 2:\n\n1. iCal feed.\n",
			"Each person sees their own shifts; Personal roster view | iCal feed {phase 2}"},
		{"a later item in two features names neither",
			"# X\n\n## Features\n\n- Export reports as CSV\n- Export invoices as CSV\n\n## Later\n\n- Export CSV\n",
			"Export reports as CSV; Export invoices as CSV | Export CSV"},
		{"a feature stated twice is one",
			"# X\n\n## Core features\n\n- Action items: owner, due date and priority for each item.\n\n## Roadmap\n\nPhase 1 (MVP):\n\n1. Action items with owner, due date and priority.\n",
			"Action items: owner, due date and priority for each item | "},
		{"a roadmap's later phase takes the feature it restates in other words",
			"# X\n\n## Core features\n\n- Volunteers book a van for a delivery round.\n- Rounds on Sundays also need the depot warden.\n\n## Roadmap\n\nPhase 1 (MVP):\n\n1. Van booking for delivery rounds.\n\nPhase 2:\n\n1. Depot warden approval for weekend rounds.\n",
			"Volunteers book a van for a delivery round | Depot warden approval for weekend rounds {phase 2}"},
		{"without a first-release list a roadmap moves nothing in other words",
			"# X\n\n## Core features\n\n- Volunteers book a van for a delivery round.\n- Rounds on Sundays also need the depot warden.\n\n## Roadmap\n\nPhase 2:\n\n1. Depot warden approval for weekend rounds.\n",
			"Volunteers book a van for a delivery round; Rounds on Sundays also need the depot warden | Depot warden approval for weekend rounds {phase 2}"},
		{"one word is not enough",
			"# X\n\n## MVP\n\n- Book a desk and a locker\n\n## Phase 2\n\n- Lockers\n",
			"Book a desk and a locker | Lockers {phase 2}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := features(b); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"swaps", "swap"}, {"swapped", "swap"}, {"swapping", "swap"}, {"categories", "category"},
		{"approval", "approv"}, {"approves", "approv"}, {"shifts", "shift"}, {"access", "access"},
	} {
		if got := stem(tt.in); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A first-release roadmap item that restates listed features in other
// words is no feature of its own; one that states something new is.
func TestRoadmapRestatesFeatures(t *testing.T) {
	src := "# Swapper\n\n## Features\n\n" +
		"- A nurse offers one of their shifts as a swap or a giveaway.\n" +
		"- Colleagues see open offers and accept one.\n" +
		"- The ward manager approves each swap.\n\n" +
		"## Roadmap\n\nPhase 1 (MVP):\n\n" +
		"1. Swap and giveaway offers; accepting an offer.\n" +
		"2. Import rosters from the e-rostering export.\n\n" +
		"Phase 2:\n\n1. Calendar feed.\n"
	b, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range b.Features {
		got = append(got, f.Text)
	}
	want := []string{
		"A nurse offers one of their shifts as a swap or a giveaway",
		"Colleagues see open offers and accept one",
		"The ward manager approves each swap",
		"Import rosters from the e-rostering export",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("features:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Each restated feature cites the roadmap line too.
	if s := spans(b.SourceOf(want[0])); s != "5, 13" {
		t.Errorf("the first feature cites %q, want 5, 13", s)
	}
}
