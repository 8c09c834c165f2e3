package pipeline

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// warnings is an Observer that records what a run warns of.
type warnings struct {
	quiet
	mu   sync.Mutex
	said []string
}

func (w *warnings) Warnf(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.said = append(w.said, strings.TrimSuffix(fmt.Sprintf(format, args...), "\n"))
}

// take returns what was said since the last take.
func (w *warnings) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	said := w.said
	w.said = nil
	return said
}

// TestUnparsedIsSaid checks that what the pipeline's readers cannot read in
// a hand-edited document is named, file:line, both where a stage reads the
// document and where it writes it again, which keeps a story sentence in
// another form but leaves the rest out.
func TestUnparsedIsSaid(t *testing.T) {
	w := &warnings{}
	p := with(newProject(t, matrixBrief, Offline(nil)), func(o *Options) { o.Observer = w })
	mustRun(t, p, "prd")
	md := string(mustRun(t, p, "stories"))
	md = strings.Replace(md, "As a team lead, I want to create a team.", "Team leads like teams.", 1)
	md = strings.Replace(md, "Traces: FR-001\n", "Traces: FR-001, =1+2\n", 1)
	md += "\n## Notes\n\nAna's idea.\n"
	write(t, p, p.storiesPath(), md)
	lines := strings.Split(md, "\n")
	at := func(text string) int {
		return slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, text) }) + 1
	}
	sentence := fmt.Sprintf(`docs/stories.md:%d: the sentence of US-001 is not in the form "As a <role>, I want <want>[, so that <benefit>].": it is kept as written, with no role or want`, at("Team leads"))
	trace := fmt.Sprintf(`docs/stories.md:%d: "=1+2" in the traces of US-001 is not a functional requirement ID, so it is not read`, at("=1+2"))
	notes := fmt.Sprintf(`docs/stories.md:%d: section "Notes" is not read: it is not a story, whose heading starts with its ID ("## US-001 Title")`, at("## Notes"))
	w.take()

	// The tech stage reads the stories as they are.
	mustRun(t, p, "tech")
	if got, want := w.take(), []string{sentence, trace, notes}; !slices.Equal(got, want) {
		t.Errorf("tech warned\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A new feature upstream rewrites the stories, merged into the edited
	// ones: the sentence stays, the rest goes, and both are said, once in
	// a command (opened again, as a command does).
	p = with(p, func(*Options) {})
	write(t, p, "brief.md", matrixBrief+"- Pause a habit for a week.\n")
	only(t, p, "prd", "stories")
	leaves := "; the new docs/stories.md leaves it out"
	if got, want := w.take(), []string{sentence, trace + leaves, notes + leaves}; !slices.Equal(got, want) {
		t.Errorf("stories warned\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got := read(t, p, p.storiesPath())
	if !strings.Contains(got, "\nTeam leads like teams.\n") || strings.Contains(got, "=1+2") || strings.Contains(got, "Ana's idea") {
		t.Errorf("the new stories do not keep the sentence alone:\n%s", got)
	}
}
