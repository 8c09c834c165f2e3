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
	Tags     string // "Priority: Must · Size: M"
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
	sv := storyView{Heading: st.ID, Sentence: EscapeHTML(escapeTraces(sentence(st))), Tags: storyTags(st)}
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
// is not read otherwise. What it cannot read is listed by the document's
// Unparsed.
func ParseStories(src []byte) (*Stories, error) {
	return parseStories(&reader{}, src)
}

func parseStories(r *reader, src []byte) (*Stories, error) {
	o, err := readOutline(r, src, kindStories)
	if err != nil {
		return nil, err
	}
	out := &Stories{Header: o.header, Title: o.title}
	for _, s := range o.sections {
		st, ok, err := readStory(r, s)
		if err != nil {
			return nil, err
		}
		if ok {
			out.Stories = append(out.Stories, st)
		}
	}
	out.unparsed = r.done()
	return out, nil
}

// readStory reads one story section. ok is false for a section that is
// not a story, which r hears of.
func readStory(r *reader, s *markdown.Section) (Story, bool, error) {
	id, title, _ := strings.Cut(htmlText(s.Title), " ")
	id = strings.TrimSuffix(id, ":")
	if !LooksLikeID(id) {
		if isStory(s) {
			return Story{}, false, r.fail(s.Line, fmt.Errorf("story heading %q has no ID (want %q)", s.Title, "## US-001 Title"))
		}
		r.drop(s.Line, "section %q is not read: it is not a story, whose heading starts with its ID (%q)", s.Title, "## US-001 Title")
		return Story{}, false, nil
	}
	if _, err := ParseID(KindStory, id); err != nil {
		return Story{}, false, r.fail(s.Line, err)
	}
	st := Story{ID: id, Title: strings.TrimSpace(title)}
	var p paragraphs
	for _, b := range blocks(s) {
		var err error
		switch b.Kind {
		case markdown.List:
			err = readCriteria(r, &st, b.Items)
		case markdown.Paragraph, markdown.Quote:
			err = p.read(r, &st, b)
		default:
			r.block(b, "in "+id)
		}
		if err != nil {
			return Story{}, false, err
		}
	}
	p.rest(r, &st)
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

// isCriteriaLabel reports whether a paragraph is the "Acceptance
// criteria:" line above a story's criteria, also in bold.
func isCriteriaLabel(p string) bool { return key(markdown.Plain(p)) == "acceptance criteria" }

// paragraphs reads a story's paragraphs: the first story sentence, the
// first "Priority: … · Size: …" line, any "Traces:" line (also one a person wrote on the line after the sentence,
// which markdown joins into the same paragraph), the "Acceptance
// criteria:" line, and other text, which rest settles.
type paragraphs struct {
	sentenced bool
	tagged    bool             // the "Priority: … · Size: …" line is read
	other     []markdown.Block // text that is none of those, in order
}

func (p *paragraphs) read(r *reader, st *Story, b markdown.Block) error {
	traces := 0
	for _, part := range SplitTraces(htmlText(b.Text)) {
		switch {
		case hasTraces(part):
			line := r.lineOf(b.Line, tracesTag, traces)
			traces++
			ids, err := refs(r, KindFunctional, part[len(tracesTag):], line, "the traces of "+st.ID)
			if err != nil {
				if err := r.fail(line, fmt.Errorf("trace: %w", err)); err != nil {
					return err
				}
			}
			st.Traces = append(st.Traces, ids...)
		case isCriteriaLabel(part):
		case !p.tagged && isStoryTags(part):
			st.Priority, st.Size, p.tagged = readStoryTags(part)
		case !p.sentenced:
			if st.Role, st.Want, st.SoThat, p.sentenced = readSentence(part); p.sentenced {
				continue
			}
			fallthrough
		default:
			p.other = append(p.other, markdown.Block{Line: b.Line, Text: part})
		}
	}
	return nil
}

// rest settles the text that is not the sentence: the first of it is the
// story's sentence, kept as written, when the story has none in the "As
// a …" form; r hears of it and of the rest, which is not read.
func (p *paragraphs) rest(r *reader, st *Story) {
	for i, b := range p.other {
		if i == 0 && !p.sentenced {
			st.Text = b.Text
			r.keep(b.Line, "the sentence of %s is not in the form %q: it is kept as written, with no role or want", st.ID, "As a <role>, I want <want>[, so that <benefit>].")
			continue
		}
		r.drop(b.Line, "paragraph in %s is not read: %s", st.ID, snippet(b.Text))
	}
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

func readCriteria(r *reader, st *Story, items []markdown.Item) error {
	r.itemsRest(items, "in "+st.ID)
	for _, it := range items {
		if it.Text == "" {
			continue
		}
		id, text, err := readLead(KindCriterion, htmlText(it.Text))
		if err != nil {
			if err := r.fail(it.Line, err); err != nil {
				return err
			}
			continue
		}
		st.Criteria = append(st.Criteria, readCriterion(id, text))
	}
	return nil
}
