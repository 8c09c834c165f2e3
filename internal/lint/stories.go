package lint

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/markdown"
)

// stories checks a stories document: every second-level section whose
// heading starts with an ID is a story, as is one without an ID that reads
// like a story (which is then missing its ID).
func (a *analysis) stories() {
	for _, s := range a.doc.sections {
		a.story(s)
	}
	if len(a.tracers) == 0 {
		a.l.add(a.doc, a.doc.titleLine(), "required-section", "no user stories: want sections like %q", "## US-001 Title")
	}
}

func (a *analysis) story(s *markdown.Section) {
	first, title, _ := strings.Cut(s.Title, " ")
	first = strings.TrimSuffix(first, ":")
	st := tracer{line: s.Line}
	num := 0
	switch {
	case artifact.LooksLikeID(first):
		st.name = first
		if id := a.checkID(artifact.KindStory, first, 0, s.Line); id != "" {
			num, _ = artifact.ParseID(artifact.KindStory, id)
		}
	case readsLikeStory(s):
		title = s.Title
		st.name = fmt.Sprintf("story %q", s.Title)
		a.l.add(a.doc, s.Line, "id-missing", "story %q has no ID: start its heading with one, e.g. %q", s.Title, "## US-001 "+s.Title)
	default:
		return // a section of notes, not a story
	}
	a.vague(s.Line, title, storyText)
	a.garbled(s.Line, "the title of "+st.name, title)
	st.about = title

	var criteria []idItem
	named := false
	want := ""
	for _, b := range blocks(s) {
		switch b.Kind {
		case markdown.List:
			criteria = append(criteria, a.idItems(b.Items, artifact.KindCriterion, num)...)
		case markdown.Paragraph, markdown.Quote:
			traces, some, w := a.paragraph(st.name, b)
			st.traces = append(st.traces, traces...)
			named = named || some
			want = cmp.Or(want, w)
		}
	}
	st.about += " " + want
	a.criteria(&st, criteria)
	a.tooBig(st, want, len(criteria))
	if !named {
		a.l.add(a.doc, s.Line, "trace-missing", "%s traces to no functional requirement: add a line %q", st.name, "Traces: FR-001")
	}
	a.tracers = append(a.tracers, st)
}

// givenWhenThen matches a criterion in Given/When/Then form, in any case
// and with any punctuation between the parts. It is compiled on first use.
var givenWhenThen = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?is)^given\b.*?\bwhen\b.*?\bthen\b\s*\S`)
})

// criteria checks a story's acceptance criteria: at least one, and at
// least one of them in Given/When/Then form. A criterion in another form
// is a warning: "Drafts are editable." written by hand can be a fair
// criterion, though the offline engine writes every criterion in that form.
func (a *analysis) criteria(st *tracer, criteria []idItem) {
	formed := 0
	for _, c := range criteria {
		// The kind ("(error) Given …") is not part of the criterion's words.
		_, c.text = artifact.CutCriterionKind(c.text)
		a.vague(c.line, c.text, storyText)
		a.criterionReview(st, c)
		if givenWhenThen().MatchString(markdown.Plain(c.text)) {
			formed++
			continue
		}
		name := c.id
		if name == "" {
			name = "acceptance criterion"
		}
		a.l.add(a.doc, c.line, "criterion-form", "%s is not in Given/When/Then form: write %q", name, "Given <context>, when <action>, then <outcome>.")
	}
	switch {
	case len(criteria) == 0:
		a.l.add(a.doc, st.line, "story-no-criteria", "%s has no acceptance criteria: add at least one in Given/When/Then form", st.name)
	case formed == 0:
		a.l.add(a.doc, st.line, "story-no-criteria", "%s has no acceptance criterion in Given/When/Then form", st.name)
	}
}

const tracesTag = "traces:"

// paragraph reads a paragraph of a story: its "Traces:" lines give the
// story's traces (and whether they named anything, see refs), its
// priority and size line is skipped, and the rest (the story sentence) is checked for vague words and garbled
// sentences. It returns what the sentence wants and its benefit, or the
// sentence as written when it is in another form. A person may write "Traces:" on the line after the sentence,
// which markdown joins into the same paragraph.
func (a *analysis) paragraph(owner string, b markdown.Block) ([]ref, bool, string) {
	var traces []ref
	n := 0
	named := false
	want := ""
	for _, part := range artifact.SplitTraces(b.Text) {
		if artifact.IsStoryTags(part) {
			continue // "Priority: Must · Size: M"
		}
		if len(part) < len(tracesTag) || !strings.EqualFold(part[:len(tracesTag)], tracesTag) {
			a.vague(b.Line, part, storyText)
			a.garbled(b.Line, "the sentence of "+owner, part)
			if m := storySentence().FindStringSubmatch(strings.TrimSpace(markdown.Plain(part))); m != nil {
				want = cmp.Or(want, strings.TrimSpace(m[2]+" "+m[3]))
			} else {
				want = cmp.Or(want, part)
			}
			continue
		}
		line := a.doc.lineOf(b.Line, tracesTag, n)
		n++
		found, some := a.refs(artifact.KindFunctional, part[len(tracesTag):], owner, line)
		traces = append(traces, found...)
		named = named || some
	}
	return traces, named, want
}

// readsLikeStory reports whether a section without an ID in its heading
// has what a story has: the sentence, traces or acceptance criteria.
func readsLikeStory(s *markdown.Section) bool {
	for _, p := range s.Paragraphs() {
		k := key(p)
		if strings.HasPrefix(k, "as a ") || strings.HasPrefix(k, "as an ") ||
			strings.HasPrefix(k, tracesTag) || strings.HasPrefix(k, "acceptance criteria") {
			return true
		}
	}
	return false
}

// blocks returns the blocks of a section and of its subsections, in
// document order: a person may put a story's criteria under a heading of
// their own.
func blocks(s *markdown.Section) []markdown.Block {
	out := s.Blocks
	for _, c := range s.Children {
		out = append(out[:len(out):len(out)], blocks(c)...)
	}
	return out
}
