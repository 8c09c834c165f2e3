package brief

import (
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// A brief is normalised before it is read, so that every shape a person
// writes gives the same outline: sections (whatever marks them), blocks
// (paragraphs, lists, tables) and, later, sentences. After rewriteHTML
// and markdown.Parse (ATX and setext headings at any depth, front
// matter), normalise
//
//   - reads a fenced block whose content is prose or a list, not code, as
//     the markdown it stands for (fencedProse);
//   - makes a bold label ("**What it does:**", "**Not MVP:** x; y") or a
//     short line ending in a colon, or one right above a list ("Phase 2
//     (all wards):"), a section of its own holding what follows it, up to
//     the next label (splitLabels);
//   - makes a list item that only names a group ("- Swap requests") of
//     sentence items nested under it a section too, its label the
//     heading of its items and the name of those that are no sentence of
//     their own ("Incident record" over "Title, severity and times")
//     (splitGroups);
//   - takes a plain first line ("Tally: one-pager") as the title when
//     the brief has no heading above its text.
func (p *parser) normalise(doc *markdown.Doc) (titleLine string) {
	doc.Preamble = fencedProse(doc.Preamble)
	for _, s := range doc.All() {
		s.Blocks = fencedProse(s.Blocks)
	}
	if len(doc.Sections) == 0 || doc.Sections[0].Level > 1 || len(doc.Preamble) > 0 {
		if t, ok := plainTitle(doc.Preamble); ok {
			titleLine = t
			doc.Preamble = doc.Preamble[1:]
		}
	}
	var pre []*markdown.Section
	doc.Preamble, pre = p.splitLabels(doc.Preamble, 2)
	doc.Sections = append(pre, doc.Sections...)
	for _, s := range doc.All() {
		var subs []*markdown.Section
		s.Blocks, subs = p.splitLabels(s.Blocks, s.Level+1)
		var groups []*markdown.Section
		s.Blocks, groups = p.splitGroups(s.Blocks, s.Level+1)
		s.Children = append(append(subs, groups...), s.Children...)
	}
	return titleLine
}

// maxTitleLineWords is how long a plain first line may be and still be a
// title rather than a sentence.
const maxTitleLineWords = 8

// plainTitle reports whether the first block is a title written as a
// plain line: one short line without a full stop, before any heading.
func plainTitle(blocks []markdown.Block) (string, bool) {
	if len(blocks) < 2 || blocks[0].Kind != markdown.Paragraph {
		return "", false
	}
	t := strings.TrimSpace(blocks[0].Text)
	if t == "" || wordCount(t) > maxTitleLineWords || strings.ContainsAny(t[len(t)-1:], ".!?:") {
		return "", false
	}
	if _, _, ok := boldLabel(t); ok {
		return "", false
	}
	return t, true
}

// maxLabelLen is how many words a label may have.
const maxLabelLen = 8

// boldLabel reads a paragraph that opens with a bold label: "**Users:**
// nurses", "**What it does:**", "**For skippers**". It returns the label
// and the rest of the paragraph.
func boldLabel(text string) (string, string, bool) {
	m := boldLead().FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return "", "", false
	}
	label := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[1]), ":"))
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(m[2]), ":"))
	if tag := bracketOnly().FindString(rest); tag != "" {
		// "**FR-1 Receiving against a manifest** (Release 1)": the tag
		// belongs to the label.
		label, rest = label+" "+strings.TrimSpace(tag), strings.TrimSpace(strings.TrimPrefix(rest[len(tag):], ":"))
	}
	colon := strings.HasSuffix(strings.TrimSpace(m[1]), ":") || strings.HasPrefix(strings.TrimSpace(m[2]), ":")
	if label == "" || wordCount(label) > maxLabelLen || (rest != "" && !colon) {
		return "", "", false
	}
	return label, rest, true
}

// bracketOnly is a bracketed tag opening the rest of a label's line.
var bracketOnly = lazyRegexp(`^\s*[(\[][^()\[\]]{1,40}[)\]]`)

var boldLead = lazyRegexp(`^(?:\*\*|__)([^*_]+?)(?:\*\*|__)(.*)$`)

// boldTitleLine reads a paragraph whose first line is a bold title alone,
// maybe with a tag, and whose next lines are its text: "**FR-1 Receiving
// against a manifest** (Release 1)" over "The technician imports…".
func (p *parser) boldTitleLine(b markdown.Block) (string, string, bool) {
	lines := p.rawLines(b.Line)
	if len(lines) < 2 {
		return "", "", false
	}
	m := boldTitle().FindStringSubmatch(strings.TrimSpace(lines[0]))
	if m == nil || wordCount(m[1]) > maxLabelLen {
		return "", "", false
	}
	return strings.TrimSpace(m[1] + " " + m[2]), strings.Join(lines[1:], " "), true
}

// boldTitle is a line holding only bold text and, maybe, a bracketed tag.
var boldTitle = lazyRegexp(`^(?:\*\*|__)([^*_]+?):?(?:\*\*|__)\s*([(\[][^()\[\]]{1,40}[)\]])?\s*:?$`)

// plainLabel reads a short line ending in a colon ("Phase 2 (all
// wards):"), or, right above a list, a short line without a full stop
// ("Phase 1: Foundation").
func plainLabel(b markdown.Block, next *markdown.Block) (string, bool) {
	if b.Kind != markdown.Paragraph {
		return "", false
	}
	t := strings.TrimSpace(b.Text)
	if t == "" || wordCount(t) > maxLabelLen || strings.Contains(t, "\n") {
		return "", false
	}
	if l, ok := strings.CutSuffix(t, ":"); ok && !strings.Contains(l, ":") {
		return strings.TrimSpace(l), true
	}
	if next != nil && next.Kind == markdown.List && !strings.ContainsAny(t[len(t)-1:], ".!?;,") {
		return t, true
	}
	return "", false
}

// splitLabels cuts blocks at every label: the blocks before the first stay,
// each label becomes a section at level holding its rest and the blocks
// after it up to the next label.
func (p *parser) splitLabels(blocks []markdown.Block, level int) ([]markdown.Block, []*markdown.Section) {
	var keep []markdown.Block
	var out []*markdown.Section
	for i, b := range blocks {
		label, rest, ok := "", "", false
		// A status line ("**Status:** draft") is meta, read by takeMeta.
		if b.Kind == markdown.Paragraph && statusPairs(p.rawLines(b.Line)) == nil {
			label, rest, ok = boldLabel(b.Text)
			if !ok {
				label, rest, ok = p.boldTitleLine(b)
			}
			if !ok {
				var next *markdown.Block
				if i+1 < len(blocks) {
					next = &blocks[i+1]
				}
				label, ok = plainLabel(b, next)
			}
		}
		if ok {
			s := &markdown.Section{Level: level, Title: label, Line: b.Line}
			if rest != "" {
				s.Blocks = append(s.Blocks, markdown.Block{Kind: markdown.Paragraph, Line: b.Line, Text: rest})
			}
			out = append(out, s)
			continue
		}
		if len(out) > 0 {
			last := out[len(out)-1]
			last.Blocks = append(last.Blocks, b)
			continue
		}
		keep = append(keep, b)
	}
	return keep, out
}

// splitGroups makes each list item that names a group of sentence items a
// section of its own at level; other items stay in their list.
func (p *parser) splitGroups(blocks []markdown.Block, level int) ([]markdown.Block, []*markdown.Section) {
	var keep []markdown.Block
	var out []*markdown.Section
	for _, b := range blocks {
		if b.Kind != markdown.List {
			keep = append(keep, b)
			continue
		}
		var rest []markdown.Item
		for _, it := range b.Items {
			if !isGroup(it) {
				rest = append(rest, it)
				continue
			}
			label := strings.TrimSuffix(strings.TrimSpace(it.Text), ":")
			g := &markdown.Section{Level: level, Title: label, Line: it.Line,
				Blocks: []markdown.Block{{Kind: markdown.List, Line: it.Line, Items: it.Children, Ordered: b.Ordered}}}
			p.groups[g] = label
			out = append(out, g)
		}
		if len(rest) > 0 {
			b.Items = rest
			keep = append(keep, b)
		}
	}
	return keep, out
}

// isGroup reports whether a list item names a group: a short label with
// no full stop whose nested items are mostly sentences ("- Swap
// requests" over "- A staff member picks…").
func isGroup(it markdown.Item) bool {
	t := strings.TrimSpace(plain(it.Text))
	if len(it.Children) == 0 || t == "" || wordCount(t) > maxLabelLen/2+1 || strings.ContainsAny(t[len(t)-1:], ".!?;,") {
		return false
	}
	sentences := 0
	for _, c := range it.Children {
		ct := strings.TrimSpace(plain(c.Text))
		if ct != "" && strings.ContainsAny(ct[len(ct)-1:], ".!?") {
			sentences++
		}
	}
	return 2*sentences > len(it.Children)
}

// fencedProse replaces each fenced block whose content is prose or a list
// by the blocks it stands for; code stays code.
func fencedProse(blocks []markdown.Block) []markdown.Block {
	var out []markdown.Block
	for _, b := range blocks {
		if b.Kind != markdown.Code || !isProse(b.Lang, b.Code) {
			out = append(out, b)
			continue
		}
		doc, err := markdown.Parse([]byte(proseMarkdown(b.Code)))
		if err != nil || len(doc.Sections) > 0 {
			out = append(out, b)
			continue
		}
		for _, inner := range doc.Preamble {
			inner.Line += b.Line
			out = append(out, inner)
		}
	}
	return out
}

// proseLangs are the info strings of a fence that may hold prose, and
// codeMarks what code has and prose rarely does.
var (
	proseLangs = lexSet("prose fences")
	codeMarks  = lexPhrases("code marks")
)

// isProse reports whether a fenced block holds prose or a list rather than
// code: a prose info string, no marks of code, and lines of words.
func isProse(lang, code string) bool {
	if l := strings.ToLower(strings.TrimSpace(lang)); l != "" && !proseLangs()[l] {
		return false
	}
	lines, wordy := 0, 0
	for _, l := range strings.Split(code, "\n") {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		lines++
		for _, m := range codeMarks() {
			if strings.Contains(t, m) {
				return false
			}
		}
		if wordCount(t) >= 3 || isShoutedLabel(t) {
			wordy++
		}
	}
	return lines > 0 && 4*wordy >= 3*lines
}

// isShoutedLabel reports whether a line is a label in capitals: "MUST",
// "NICE TO HAVE (not for opening day)".
func isShoutedLabel(t string) bool {
	head := strings.TrimSpace(strings.SplitN(t, "(", 2)[0])
	head = strings.TrimSuffix(head, ":")
	return head != "" && wordCount(head) <= maxLabelLen/2 && strings.ToUpper(head) == head && strings.ToLower(head) != head
}

// proseMarkdown writes the lines of a fenced prose block as markdown: a
// label in capitals or ending in a colon becomes a bold label, "[ ]" and
// "[x]" become list items, list items keep their marker, and every other
// line is a paragraph of its own (the author broke the lines on purpose).
func proseMarkdown(code string) string {
	var b strings.Builder
	inList := false
	for _, l := range strings.Split(code, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			inList = false
			b.WriteString("\n")
		case taskMarker().MatchString(t):
			b.WriteString("- " + taskMarker().ReplaceAllString(t, "") + "\n")
			inList = true
		case listMarker().MatchString(t):
			b.WriteString(t + "\n")
			inList = true
		case isShoutedLabel(t) || strings.HasSuffix(t, ":") && wordCount(t) <= maxLabelLen:
			b.WriteString("\n**" + strings.TrimSuffix(t, ":") + ":**\n\n")
			inList = false
		default:
			if inList {
				b.WriteString("\n")
				inList = false
			}
			b.WriteString(t + "\n\n")
		}
	}
	return b.String()
}

var listMarker = lazyRegexp(`^(?:[-*+•]|\d{1,3}[.)])\s+`)
