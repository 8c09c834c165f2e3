package htmlpage

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/markdown"
	"github.com/prodgen/prodgen/internal/plural"
)

// matrix is the traceability matrix: functional requirements as rows,
// stories as columns.
type matrix struct {
	Stories []storyCol
	Rows    []matrixRow
	// Summary says "4 of 5 requirements covered by stories".
	Summary string
	// Uncovered counts the rows no story traces.
	Uncovered int
	// Dangling names traces to requirements the PRD does not have.
	Dangling []string
	// StoriesDoc is the stories document, for the note when it is missing.
	StoriesDoc docView
	// Tasks says which stories no task delivers; nil without a tech spec.
	Tasks *taskCoverage
}

// storyCol is a story: a column of the matrix.
type storyCol struct {
	ID, Title string
	Href      string // "#stories-us-001-join-the-queue"; empty when not found
}

// matrixRow is a functional requirement and the stories that trace it.
type matrixRow struct {
	ID       string
	Title    string // the requirement's first sentence, shortened
	Text     string // the whole requirement
	Priority string
	Href     string // "#prd-fr-001"; empty when not found
	Cells    []cell
	Covered  int // how many stories trace it
}

// cell is one requirement and one story.
type cell struct {
	Story string
	Hit   bool
}

// taskCoverage is what the tech spec's tasks deliver.
type taskCoverage struct {
	Path     string
	NoTasks  bool       // the tech spec lists no task at all
	Untasked []storyCol // stories no task names
}

// anchors are the rendered documents, whose ids the matrix links to.
type anchors struct {
	prd, stories *markdown.HTMLDoc
}

// requirement returns the link to a requirement's item in the PRD.
func (a anchors) requirement(id string) string {
	if a.prd == nil {
		return ""
	}
	for _, it := range a.prd.Items {
		if it.Text == id {
			return "#" + it.ID
		}
	}
	return ""
}

// story returns the link to a story's heading in the stories document.
func (a anchors) story(id string) string {
	if a.stories == nil {
		return ""
	}
	for _, h := range a.stories.Headings {
		lead, _, _ := strings.Cut(h.Text, " ")
		if h.Level == 2 && strings.TrimSuffix(lead, ":") == id {
			return "#" + h.ID
		}
	}
	return ""
}

func newMatrix(in Input, a anchors) *matrix {
	m := &matrix{StoriesDoc: docView{Path: in.StoriesDoc.Path, Command: in.StoriesDoc.Command, Exists: in.Stories != nil}}
	known := make(map[string]bool)
	for _, r := range in.PRD.Functional {
		known[r.ID] = true
	}
	if in.Stories != nil {
		for _, s := range in.Stories.Stories {
			m.Stories = append(m.Stories, storyCol{ID: s.ID, Title: markdown.Plain(s.Title), Href: a.story(s.ID)})
			for _, t := range s.Traces {
				if !known[t] {
					m.Dangling = append(m.Dangling, fmt.Sprintf("%s traces %s, which %s does not have.", s.ID, t, in.PRDDoc.Path))
				}
			}
		}
	}
	for _, r := range in.PRD.Functional {
		text := markdown.Plain(r.Text)
		row := matrixRow{ID: r.ID, Title: shortTitle(text), Text: text, Priority: r.Priority, Href: a.requirement(r.ID)}
		if in.Stories != nil {
			for _, s := range in.Stories.Stories {
				hit := slices.Contains(s.Traces, r.ID)
				row.Cells = append(row.Cells, cell{Story: s.ID, Hit: hit})
				if hit {
					row.Covered++
				}
			}
		}
		if row.Covered == 0 {
			m.Uncovered++
		}
		m.Rows = append(m.Rows, row)
	}
	n := len(m.Rows)
	m.Summary = fmt.Sprintf("%d of %s covered by stories", n-m.Uncovered, plural.Count(n, "requirement"))
	if n == 0 {
		m.Summary = "no functional requirements in " + in.PRDDoc.Path
	}
	if in.Tech != nil {
		m.Tasks = newTaskCoverage(in, m.Stories)
	}
	return m
}

// newTaskCoverage finds the stories that no task of the tech spec names.
func newTaskCoverage(in Input, stories []storyCol) *taskCoverage {
	tc := &taskCoverage{Path: in.TechDoc.Path, NoTasks: len(in.Tech.Tasks) == 0}
	tasked := make(map[string]bool)
	for _, t := range in.Tech.Tasks {
		for _, s := range t.Stories {
			tasked[s] = true
		}
	}
	for _, s := range stories {
		if !tasked[s.ID] {
			tc.Untasked = append(tc.Untasked, s)
		}
	}
	return tc
}

// maxTitle is how many characters of a requirement the matrix shows.
const maxTitle = 90

// shortTitle is a requirement's first sentence, cut at a word to at most
// maxTitle characters.
func shortTitle(text string) string {
	if i := strings.Index(text, ". "); i >= 0 {
		text = text[:i+1]
	}
	if utf8.RuneCountInString(text) <= maxTitle {
		return text
	}
	cut := string([]rune(text)[:maxTitle])
	if i := strings.LastIndexByte(cut, ' '); i > maxTitle/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
