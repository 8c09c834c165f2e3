package brief

import (
	"bytes"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// Parse reads a product brief. It fails only when the input is not a usable
// text file (ErrEmpty, ErrBinary, ErrNotUTF8, ErrTooLarge) or its YAML
// front matter is malformed (ErrFrontMatter, wrapping the YAML error). Any
// other text gives a Brief; what could not be found is named in Missing.
//
// The brief is first normalised (html.go, normalise.go) into sections of
// blocks. A brief with recognised headings (lexicon/headings.txt) is read
// section by section: the heading gives each section its part, priority
// and phase (phase.go), and a section whose heading names no part is read
// by what its sentences say (classify.go). The paragraphs before the first
// section fill only what the sections left empty. A brief with no
// recognised heading at all is read as prose, sentence by sentence (see
// prose.go).
func Parse(src []byte) (*Brief, error) {
	if err := checkInput(src); err != nil {
		return nil, err
	}
	orig := src
	src = rewriteHTML(src)
	doc, err := markdown.Parse(src)
	if err != nil {
		return nil, &frontMatterError{err: err}
	}
	p := newParser(src)
	p.titleLine = p.normalise(doc)
	p.read(doc)
	locate(p.b, orig, p.hints, !bytes.Equal(orig, src))
	return p.b, nil
}

// parser collects a Brief. Problem text is gathered in pieces and joined
// at the end.
type parser struct {
	lines   []string // source lines, for status lines the reader joined
	b       *Brief
	problem []string
	unused  []string // prose paragraphs nothing was taken from
	// titleLine is a plain first line taken as the title (normalise).
	titleLine string
	legend    legend // the brief's own definitions of priorities and phases
	ctx       scope  // the scope of the section being read
	// groups holds the sections normalise made of list groups, by their
	// label.
	groups map[*markdown.Section]string
	flows  []string // flow and journey items, features of last resort
	// phasedMVP and phasedLater mark the features and later items a
	// roadmap's phase headings filed, by index.
	phasedMVP, phasedLater map[int]bool
	actors                 []string // who does something in a prose feature: users too
	// hints records where items were read, for locate; ends holds the
	// last line of each section's own blocks.
	hints *sourceHints
	ends  map[*markdown.Section]int
}

func newParser(src []byte) *parser {
	return &parser{lines: strings.Split(string(src), "\n"), b: &Brief{Meta: map[string]string{}},
		groups: map[*markdown.Section]string{}, phasedMVP: map[int]bool{}, phasedLater: map[int]bool{},
		hints: newSourceHints()}
}

// child is a parser for the introduction of a headed brief, whose
// findings only fill what the sections left empty.
func (p *parser) child() *parser {
	c := newParser(nil)
	c.lines, c.legend, c.b.Title, c.hints = p.lines, p.legend, p.b.Title, p.hints
	return c
}

func (p *parser) read(doc *markdown.Doc) {
	for k, v := range doc.FrontMatter {
		if v != "" {
			p.b.Meta[k] = v
		}
	}
	title := titleSection(doc)
	intro := append([]markdown.Block(nil), doc.Preamble...)
	if title != nil {
		intro = append(intro, title.Blocks...)
	}
	intro = p.takeMeta(intro)
	tagline := p.setTitle(doc.FrontMatter, title, intro)
	if p.b.Title == "" {
		// A prose brief's product statement is found by the name it opens
		// with, so the name is wanted before the prose is read.
		p.b.Title = nameInText(paragraphsOf(intro)...)
	}
	p.legend = readLegend(doc)

	// The introduction only fills what the sections left empty, so a stray
	// sentence cannot override a whole section; without recognised
	// sections everything is read as prose.
	from := p
	if hasRecognised(doc.All(), title) {
		p.ends = sectionEnds(doc.All(), len(p.lines))
		p.walk(doc.Sections, title, scope{})
		if len(p.b.Features) == 0 {
			// Flows retell the features; with no feature list they are
			// the features.
			for _, f := range p.flows {
				p.addFeature(f, "")
			}
		}
		from = p.child()
	} else {
		intro = append(intro, laterBlocks(doc.All(), title)...)
	}
	from.prose(intro)
	from.joinProblem()
	if from != p {
		p.joinProblem()
		p.b.fillFrom(from.b)
	}
	if p.b.Summary == "" && tagline != "" {
		p.b.Summary = asSentence(tagline)
	}
	if p.b.Summary == "" {
		p.b.Summary = asSentence(p.introSummary(from, intro))
	}
	if p.b.Title == "" {
		p.b.Title = nameInText(append([]string{p.b.Summary}, paragraphsOf(intro)...)...)
	}
	p.merge()
	p.resolveActors()
	if len(p.b.Users) == 0 {
		// With no users named, whoever does something in a feature is one.
		for _, f := range p.b.Features {
			if who := featureSubject(f.Text); who != "" {
				p.addRole(stripDeterminer(who))
			}
		}
	}
	p.b.Missing = missing(p.b)
}

// introSummary is the summary of last resort: in a prose brief the first
// paragraph nothing was taken from; in a headed brief the first
// introductory paragraph, whatever it was read as, unless it became the
// problem (sections outrank the introduction, so its other readings were
// mostly discarded).
func (p *parser) introSummary(from *parser, intro []markdown.Block) string {
	if from == p {
		if len(p.unused) > 0 {
			return p.unused[0]
		}
		return ""
	}
	for _, bl := range intro {
		if bl.Kind != markdown.Paragraph {
			continue
		}
		if pt, _ := labelOf(bl.Text); pt == partNone && !strings.Contains(p.b.Problem, bl.Text) {
			return bl.Text
		}
		return ""
	}
	return ""
}

// paragraphsOf returns the text of the paragraphs among blocks.
func paragraphsOf(blocks []markdown.Block) []string {
	var out []string
	for _, bl := range blocks {
		if bl.Kind == markdown.Paragraph {
			out = append(out, bl.Text)
		}
	}
	return out
}

// titleSection is the heading that names the product: the first H1 unless
// it names a part, or, when there is no H1, the first heading if it names
// no part. Its own paragraphs are the brief's introduction.
func titleSection(doc *markdown.Doc) *markdown.Section {
	all := doc.All()
	if len(all) == 0 {
		return nil
	}
	for _, s := range all {
		if s.Level == 1 {
			if classifyExact(s.Title) == partNone {
				return s
			}
			return nil
		}
	}
	if classifyHeading(all[0].Title) == partNone {
		return all[0]
	}
	return nil
}

func hasRecognised(all []*markdown.Section, title *markdown.Section) bool {
	for _, s := range all {
		if pt := classifyHeading(s.Title); s != title && pt != partNone && pt != partContainer {
			return true
		}
		if _, ok := parsePriority(normalizeHeading(s.Title)); ok && s != title {
			return true
		}
		if _, later := laterOf(plain(s.Title), true); later && s != title {
			return true
		}
	}
	return false
}

// laterBlocks returns the blocks of every section but the title's, for a
// brief read as prose.
func laterBlocks(all []*markdown.Section, title *markdown.Section) []markdown.Block {
	var out []markdown.Block
	for _, s := range all {
		if s != title {
			out = append(out, s.Blocks...)
		}
	}
	return out
}

// sectionEnds returns the last line of each section's own blocks: the
// line before the next section of any level starts, or the last line.
func sectionEnds(all []*markdown.Section, last int) map[*markdown.Section]int {
	starts := make([]int, 0, len(all))
	for _, s := range all {
		starts = append(starts, s.Line)
	}
	slices.Sort(starts)
	ends := make(map[*markdown.Section]int, len(all))
	for _, s := range all {
		end := last
		if i, _ := slices.BinarySearch(starts, s.Line+1); i < len(starts) {
			end = max(s.Line, starts[i]-1)
		}
		ends[s] = end
	}
	return ends
}

// walk reads sections, each in the scope its heading and its parents'
// give it.
func (p *parser) walk(secs []*markdown.Section, title *markdown.Section, parent scope) {
	for _, s := range secs {
		if s == title {
			p.walk(s.Children, title, scope{})
			continue
		}
		sc := p.headingScope(s.Title, parent)
		if label, ok := p.groups[s]; ok {
			sc.group = label
		}
		p.ctx = sc
		before := countItems(p.b)
		p.section(sc.part, s, classifyHeading(s.Title) == partNone)
		p.hints.inSection(p.b, before, Span{Start: s.Line, End: p.ends[s]})
		p.walk(s.Children, title, sc)
	}
	p.ctx = parent
}

// section reads one section's blocks into part pt. An unrecognised
// subsection of Features or Users holding only prose is one feature or
// persona named by its heading ("### Check-in" + a paragraph).
func (p *parser) section(pt part, s *markdown.Section, nested bool) {
	switch pt {
	case partNone:
		p.byContent(s)
		return
	case partPlan:
		p.addPlan(s.Blocks)
		return
	case partFlows:
		p.flows = append(p.flows, blockTexts(s.Blocks)...)
		return
	case partTech:
		p.addStack(s.Blocks)
		return
	}
	structured := false
	for _, bl := range s.Blocks {
		structured = structured || bl.Kind == markdown.List || bl.Kind == markdown.Table
	}
	if nested && structured && pt == partFeatures && !p.ctx.isLater {
		// "**FR-7 Sample status** (Release 1)" over a sentence and a list
		// of sub-requirements: the titled requirement is a feature, its
		// sentence the notes, and the list's items features of their own.
		// When a sentence under the title states the feature itself ("The
		// system prints a label"), that sentence is the feature instead.
		tag := trailingTag().FindString(s.Title)
		ref, _, name := splitRef(cleanHeading(strings.TrimSuffix(s.Title, tag)))
		stated := false
		for _, para := range s.Paragraphs() {
			stated = stated || !isLeadIn(para)
		}
		if ref != "" && name != "" && !stated {
			p.fileFeature(name, "", strings.Join(s.Paragraphs(), " "), ref, tag)
		}
	}
	if nested && !structured && (pt == partFeatures || pt == partUsers) {
		name := cleanHeading(trailingTag().ReplaceAllString(s.Title, ""))
		notes := strings.Join(s.Paragraphs(), " ")
		if pt == partFeatures {
			p.addFeature(name, strings.TrimSpace(notes))
		} else {
			p.addPersona(Persona{Name: personaName(name), Description: asSentence(notes)})
		}
		return
	}
	for _, bl := range s.Blocks {
		switch bl.Kind {
		case markdown.List:
			p.addList(pt, bl.Items)
		case markdown.Table:
			p.addTable(pt, bl.Rows)
		case markdown.Paragraph, markdown.Quote:
			// Beside a list or table a paragraph is a lead-in ("The MVP
			// has:"), not an item, unless, among features, it states one
			// in a sentence of its own; summary and problem take prose
			// anyway.
			if !structured || pt == partSummary || pt == partProblem || pt == partFeatures && !isLeadIn(bl.Text) {
				p.addParagraph(pt, bl.Text)
			}
		}
	}
}

// trailingTag is a bracketed tag ending a heading: "(Release 1)".
var trailingTag = lazyRegexp(`\s*[(\[][^()\[\]]{1,40}[)\]]\s*$`)

// isLeadIn reports whether a paragraph beside a list or table introduces
// it ("The MVP has:", "Each requirement carries its release.") rather
// than stating a feature.
func isLeadIn(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasSuffix(t, ":") || !isCapability(firstSentenceOf(t))
}

// firstSentenceOf is a text's first sentence.
func firstSentenceOf(text string) string {
	if s := sentences(text); len(s) > 0 {
		return s[0]
	}
	return text
}

// joinProblem sets Problem from the paragraphs gathered for it.
func (p *parser) joinProblem() {
	if len(p.problem) > 0 && p.b.Problem == "" {
		p.b.Problem = strings.Join(p.problem, "\n\n")
	}
}

// fillFrom copies into b every part b lacks and o has.
func (b *Brief) fillFrom(o *Brief) {
	if b.Summary == "" {
		b.Summary = o.Summary
	}
	if b.Problem == "" {
		b.Problem = o.Problem
	}
	fill(&b.Users, o.Users)
	fill(&b.Goals, o.Goals)
	fill(&b.Features, o.Features)
	fill(&b.NonGoals, o.NonGoals)
	fill(&b.Constraints, o.Constraints)
	fill(&b.Stack, o.Stack)
	fill(&b.Metrics, o.Metrics)
	fill(&b.Risks, o.Risks)
	fill(&b.OpenQuestions, o.OpenQuestions)
}

func fill[T any](dst *[]T, src []T) {
	if len(*dst) == 0 && len(src) > 0 {
		*dst = src
	}
}

// missing names the reported parts b lacks, in the order of the Part*
// constants.
func missing(b *Brief) []string {
	var out []string
	for _, m := range []struct {
		name  string
		found bool
	}{
		{PartProblem, strings.TrimSpace(b.Problem) != ""},
		{PartUsers, len(b.Users) > 0},
		{PartGoals, len(b.Goals) > 0},
		{PartFeatures, len(b.Features) > 0},
		{PartNonGoals, len(b.NonGoals) > 0 || len(b.Later) > 0},
		{PartConstraints, len(b.Constraints) > 0 || len(b.Stack) > 0},
		{PartMetrics, len(b.Metrics) > 0},
	} {
		if !m.found {
			out = append(out, m.name)
		}
	}
	return out
}
