package artifact

import "testing"

func TestStorySentence(t *testing.T) {
	tests := []struct {
		name  string
		story Story
		want  string
	}{
		{"full", Story{Role: "admin", Want: "to export stories", SoThat: "Jira has them"}, "As an admin, I want to export stories, so that Jira has them."},
		{"no benefit", Story{Role: "user", Want: "a board"}, "As a user, I want a board."},
		{"none", Story{Title: "Only a title"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.story.Sentence(); got != tt.want {
				t.Errorf("Sentence() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCriterionLine(t *testing.T) {
	tests := []struct {
		name string
		c    Criterion
		want string
	}{
		{"gwt", Criterion{ID: "AC-001.1", Given: "a draft", When: "they finalize it", Then: "it is locked"}, "Given a draft, when they finalize it, then it is locked."},
		{"text", Criterion{ID: "AC-001.2", Text: "Drafts are\neditable."}, "Drafts are editable."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Line(); got != tt.want {
				t.Errorf("Line() = %q, want %q", got, tt.want)
			}
		})
	}
}
