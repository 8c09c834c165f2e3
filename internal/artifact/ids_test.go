package artifact

import (
	"strings"
	"testing"
)

func TestFormatIDs(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{GoalID(1), "G-1"},
		{GoalID(12), "G-12"},
		{FRID(1), "FR-001"},
		{FRID(42), "FR-042"},
		{FRID(1000), "FR-1000"},
		{NFRID(7), "NFR-007"},
		{StoryID(3), "US-003"},
		{CriterionID(1, 1), "AC-001.1"},
		{CriterionID(12, 10), "AC-012.10"},
		{QuestionID(2), "Q-2"},
		{TaskID(100), "T-100"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestParseID(t *testing.T) {
	tests := []struct {
		kind    Kind
		id      string
		want    int
		wantErr string
	}{
		{KindGoal, "G-1", 1, ""},
		{KindGoal, "G-10", 10, ""},
		{KindFunctional, "FR-001", 1, ""},
		{KindFunctional, "FR-1000", 1000, ""},
		{KindNonFunctional, "NFR-012", 12, ""},
		{KindStory, "US-999", 999, ""},
		{KindCriterion, "AC-001.3", 3, ""},
		{KindQuestion, "Q-4", 4, ""},
		{KindTask, "T-010", 10, ""},
		{KindGoal, "G-01", 0, `malformed goal ID "G-01" (want the form G-1)`},
		{KindGoal, "G-0", 0, "malformed goal ID"},
		{KindFunctional, "FR-1", 0, `malformed functional requirement ID "FR-1" (want the form FR-001)`},
		{KindFunctional, "FR-0001", 0, "malformed"},
		{KindFunctional, "FR-000", 0, "malformed"},
		{KindFunctional, "fr-001", 0, "malformed"},
		{KindFunctional, "NFR-001", 0, "malformed"},
		{KindFunctional, "FR-001 ", 0, "malformed"},
		{KindFunctional, "FR-+01", 0, "malformed"},
		{KindFunctional, "FR-9999999999", 0, "malformed"},
		{KindFunctional, "", 0, "malformed"},
		{KindNonFunctional, "FR-001", 0, "malformed non-functional requirement ID"},
		{KindStory, "US-1", 0, "malformed story ID"},
		{KindCriterion, "AC-001", 0, `malformed acceptance criterion ID "AC-001" (want the form AC-001.1)`},
		{KindCriterion, "AC-1.1", 0, "malformed"},
		{KindCriterion, "AC-001.01", 0, "malformed"},
		{KindCriterion, "AC-001.0", 0, "malformed"},
		{KindCriterion, "AC-001.1.2", 0, "malformed"},
		{KindTask, "T-01", 0, "malformed task ID"},
		{Kind(99), "X-1", 0, "unknown ID kind"},
	}
	for _, tt := range tests {
		t.Run(tt.kind.String()+"/"+tt.id, func(t *testing.T) {
			got, err := ParseID(tt.kind, tt.id)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseID(%q) error = %v, want it to contain %q", tt.id, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseID(%q) = %d, %v, want %d", tt.id, got, err, tt.want)
			}
			if !ValidID(tt.kind, tt.id) {
				t.Errorf("ValidID(%q) = false", tt.id)
			}
		})
	}
}

func TestParseCriterionID(t *testing.T) {
	story, n, err := ParseCriterionID("AC-012.3")
	if err != nil || story != 12 || n != 3 {
		t.Fatalf("ParseCriterionID = %d, %d, %v, want 12, 3", story, n, err)
	}
}

func TestLooksLikeID(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"FR-001", true},
		{"FR-1", true},
		{"fr-01", true},
		{"AC-001.1", true},
		{"US-01.", true},
		{"Important", false},
		{"P0", false},
		{"FR-", false},
		{"-001", false},
		{"FR-x1", false},
		{"FR-1a", false},
		{"F1-001", false},
		{"Ünï-1", false},
	}
	for _, tt := range tests {
		if got := LooksLikeID(tt.s); got != tt.want {
			t.Errorf("LooksLikeID(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
