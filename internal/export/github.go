package export

import (
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
)

// StoryLabel is the label every GitHub issue made from a story carries.
const StoryLabel = "user-story"

// Issue is a GitHub issue to create, the element of the github format.
type Issue struct {
	Title  string   `json:"title"`  // "US-001: Title", or "US-001" without a title
	Body   string   `json:"body"`   // markdown: see IssueBody
	Labels []string `json:"labels"` // StoryLabel, the story ID, each traced FR ID
}

// Issues makes one issue per story, in order. The result is never nil.
func Issues(d *Document) []Issue {
	out := []Issue{}
	for _, s := range d.Stories {
		title := s.ID
		if s.Title != "" {
			title += ": " + s.Title
		}
		lbls := []string{StoryLabel}
		for _, l := range s.Labels {
			if l != Label {
				lbls = append(lbls, l)
			}
		}
		out = append(out, Issue{Title: title, Body: IssueBody(s), Labels: lbls})
	}
	return out
}

// IssueBody is a story as GitHub markdown: the story sentence, the
// acceptance criteria as a task list, the traces and the priority. The
// text is the document's inline markdown with no raw HTML, as in the
// document itself.
func IssueBody(s Story) string {
	var b strings.Builder
	if s.Sentence != "" {
		b.WriteString(artifact.EscapeHTML(s.Sentence) + "\n\n")
	}
	b.WriteString("### Acceptance criteria\n\n")
	if len(s.Criteria) == 0 {
		b.WriteString("None yet.\n")
	}
	for _, c := range s.Criteria {
		b.WriteString("- [ ] " + artifact.EscapeHTML(criterionLine(c)) + "\n")
	}
	b.WriteString("\n" + tracesLine(s.Traces) + "\n\n")
	b.WriteString("Priority: " + s.Priority + "\n")
	return b.String()
}
