package artifact

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// storiesView is a stories document ready for its template.
type storiesView struct {
	view
	Stories []storyView
}

type storyView struct {
	Heading  string // "US-001 Title"
	Sentence string
	Traces   string
	Criteria []string
}

// RenderStories writes the user stories as markdown. It fails on a story
// without an ID, and on an ID or trace that is not well-formed.
func RenderStories(s *Stories) ([]byte, error) {
	v := storiesView{view: newView(s.Header, kindStories, s.Title)}
	for i, st := range s.Stories {
		sv, err := renderStory(st)
		if err != nil {
			return nil, itemErr("story", i, st.ID, err)
		}
		v.Stories = append(v.Stories, sv)
	}
	return execute("stories.md.tmpl", v)
}

func renderStory(st Story) (storyView, error) {
	if _, err := ParseID(KindStory, st.ID); err != nil {
		return storyView{}, err
	}
	sv := storyView{Heading: st.ID, Sentence: EscapeHTML(escapeTraces(sentence(st)))}
	if title := headingSafe(oneLine(st.Title)); title != "" {
		sv.Heading += " " + title
	}
	for _, fr := range st.Traces {
		if _, err := ParseID(KindFunctional, fr); err != nil {
			return storyView{}, fmt.Errorf("trace: %w", err)
		}
	}
	sv.Traces = strings.Join(st.Traces, ", ")
	for i, c := range st.Criteria {
		line, err := itemLine(KindCriterion, c.ID, criterionText(c))
		if err != nil {
			return storyView{}, itemErr("criterion", i, c.ID, err)
		}
		if line != "" {
			sv.Criteria = append(sv.Criteria, line)
		}
	}
	return sv, nil
}

// ParseStories reads a stories document written by RenderStories and maybe
// edited since. Every second-level section whose heading starts with an ID
// is a story; one without an ID is an error when it reads like a story and
// is skipped otherwise.
func ParseStories(src []byte) (*Stories, error) {
	o, err := readOutline(src, kindStories)
	if err != nil {
		return nil, err
	}
	out := &Stories{Header: o.header, Title: o.title}
	for _, s := range o.sections {
		st, ok, err := readStory(s)
		if err != nil {
			return nil, err
		}
		if ok {
			out.Stories = append(out.Stories, st)
		}
	}
	return out, nil
}

// readStory reads one story section. ok is false for a section that is
// not a story.
func readStory(s *markdown.Section) (Story, bool, error) {
	id, title, _ := strings.Cut(htmlText(s.Title), " ")
	id = strings.TrimSuffix(id, ":")
	if !LooksLikeID(id) {
		if isStory(s) {
			return Story{}, false, lineErr(s.Line, fmt.Errorf("story heading %q has no ID (want %q)", s.Title, "## US-001 Title"))
		}
		return Story{}, false, nil
	}
	if _, err := ParseID(KindStory, id); err != nil {
		return Story{}, false, lineErr(s.Line, err)
	}
	st := Story{ID: id, Title: strings.TrimSpace(title)}
	sentenced := false
	for _, b := range blocks(s) {
		var err error
		switch {
		case b.Kind == markdown.List:
			err = readCriteria(&st, b.Items)
		case b.Kind != markdown.Paragraph && b.Kind != markdown.Quote:
		default:
			err = readParagraph(&st, b, &sentenced)
		}
		if err != nil {
			return Story{}, false, err
		}
	}
	return st, true, nil
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

// isStory reports whether a section without an ID in its heading has what
// a story has: the sentence, traces or acceptance criteria.
func isStory(s *markdown.Section) bool {
	for _, p := range s.Paragraphs() {
		if _, _, _, ok := readSentence(p); ok || hasTraces(p) || strings.HasPrefix(key(p), "acceptance criteria") {
			return true
		}
	}
	return false
}

const tracesTag = "traces:"

func hasTraces(p string) bool { return hasPrefixFold(p, tracesTag) }

// readParagraph reads a paragraph of a story: the first story sentence,
// and any "Traces:" line, also one a person wrote on the line after the
// sentence, which markdown joins into the same paragraph.
func readParagraph(st *Story, b markdown.Block, sentenced *bool) error {
	for _, part := range SplitTraces(htmlText(b.Text)) {
		if !hasTraces(part) {
			if !*sentenced {
				st.Role, st.Want, st.SoThat, *sentenced = readSentence(part)
			}
			continue
		}
		ids, err := refs(KindFunctional, part[len(tracesTag):])
		if err != nil {
			return lineErr(b.Line, fmt.Errorf("trace: %w", err))
		}
		st.Traces = append(st.Traces, ids...)
	}
	return nil
}

// SplitTraces cuts a paragraph before each " Traces:" in it, for a story
// whose trace line a person ran into the sentence above it.
func SplitTraces(p string) []string {
	var parts []string
	for {
		i := indexFold(p, " "+tracesTag)
		if i < 0 {
			return append(parts, p)
		}
		parts = append(parts, p[:i])
		p = p[i+1:]
	}
}

// escapeTraces keeps a story sentence that holds " Traces:" from being
// read as a sentence and a traces line: "Traces\:" reads as "Traces:".
func escapeTraces(s string) string {
	var b strings.Builder
	for {
		i := indexFold(s, " "+tracesTag)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(tracesTag)
		b.WriteString(s[:end] + `\:`)
		s = s[end+1:]
	}
}

func readCriteria(st *Story, items []markdown.Item) error {
	for _, it := range items {
		if it.Text == "" {
			continue
		}
		id, text, err := readLead(KindCriterion, htmlText(it.Text))
		if err != nil {
			return lineErr(it.Line, err)
		}
		st.Criteria = append(st.Criteria, readCriterion(id, text))
	}
	return nil
}
