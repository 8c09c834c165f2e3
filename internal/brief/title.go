package brief

import (
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/markdown"
)

// The product's name is taken from the brief's evidence, in order: a
// front-matter or status-line field naming it ("title", "Product name",
// lexicon list "name fields"), a bold name opening the first paragraph
// ("**Sow & Swap** moves…"), the title heading or plain first line
// stripped of document-type words ("Product Requirements Document (PRD)",
// "Project brief: X", "X: one-pager"), then the subject of a sentence that
// introduces the product ("Tally is a…", "Tally lets…") or names
// it ("which we have been calling Tally"). With none, Title stays empty
// and the PRD asks for the name.

// nameFields are the keys of a front-matter or status-line field that
// names the product, in order of preference.
var nameFields = lexPhrases("name fields")

var (
	// titlePrefix is a document-type label before the product's name:
	// "Project brief: X", "PRD: X", "Product brief — X", "Brief for X".
	titlePrefix = lazyRegexp(`(?i)^(?:(?:project|product|feature|product\s+requirements)\s+)?(?:brief|prd|one[- ]pager|spec|specification|proposal|pitch|document|plan)\s*(?:[:—–-]\s*|\bfor\s+)`)
	// docType is a heading, or a tagline, that only says what kind of
	// document this is: "Product Requirements Document (PRD)", "one-pager",
	// "brief v2", "Product Requirements".
	docType = lazyRegexp(`(?i)^(?:the\s+)?(?:(?:project|product|feature|technical|business)\s+)?(?:brief|prd|one[- ]pager|spec|specification|proposal|pitch|plan|requirements?|requirements document|requirements specification|document|overview|draft|template|notes)(?:\s+document)?(?:\s+v?\d+(?:\.\d+)*)?(?:\s*\([^)]*\))?(?:\s+(?:for|of)\s+.*)?$`)
	// taglineSep separates a name from a tagline: "Streaks — a habit
	// tracker".
	taglineSep = lazyRegexp(`\s+[—–-]\s+|:\s+`)
	// boldOpening is a bold name that opens a paragraph.
	boldOpening = lazyRegexp(`^(?:\*\*|__)([^*_]{1,40}?)(?:\*\*|__)\s+\pL`)
	// introducesName is a sentence that opens with the product's name and
	// says what it is or does: "Tally is a…", "Tally lets…",
	// "Tally: a shared grocery list".
	introducesName = lazyRegexp(`^(?:\*\*|__)?(\p{Lu}[\pL\pN&'’.+-]*(?:\s+\p{Lu}[\pL\pN&'’.+-]*){0,2})(?:\*\*|__)?(?:\s+(?:is|lets|helps|makes|gives|turns|keeps|tracks|matches|runs|reminds|replaces|brings|connects|allows|enables|will)\s|\s*[:—–]\s+(?:a|an|the|your|one)\s)`)
	// callsName is a sentence that names the product in passing: "a web
	// app, which we have been calling Tally", "a tool called Tally".
	callsName = lazyRegexp(`\b(?:called|calling|named|codenamed|code-named|known as)\s+(?:\*\*|__|")?(\p{Lu}[\pL\pN&'’.+-]*(?:\s+\p{Lu}[\pL\pN&'’.+-]*){0,2})`)
)

// setTitle sets Title from the brief's fields, its first paragraph or its
// title heading, and returns the heading's tagline, which becomes the
// summary when the brief has none.
func (p *parser) setTitle(front map[string]string, title *markdown.Section, intro []markdown.Block) string {
	var heading, tagline string
	if title != nil || p.titleLine != "" {
		heading = strings.TrimSpace(plain(p.titleLine))
		if title != nil {
			heading = strings.TrimSpace(plain(title.Title))
		}
		if loc := titlePrefix().FindStringIndex(heading); loc != nil && loc[1] < len(heading) {
			heading = heading[loc[1]:]
		}
		if loc := taglineSep().FindStringIndex(heading); loc != nil && loc[0] > 0 {
			heading, tagline = heading[:loc[0]], strings.TrimSpace(heading[loc[1]:])
		}
		if docType().MatchString(strings.TrimSpace(heading)) {
			heading = ""
		}
		if docType().MatchString(tagline) {
			tagline = ""
		}
	}
	p.b.Title = strings.TrimSpace(heading)
	if name := boldProductName(intro); name != "" {
		p.b.Title = name
	}
	for _, k := range nameFields() {
		if v := strings.TrimSpace(plain(firstNonEmpty(front[k], p.b.Meta[k]))); v != "" {
			p.b.Title = v
			break
		}
	}
	return tagline
}

// boldProductName is a bold name opening the first paragraph: "**Sow & Swap**
// moves the table online…".
func boldProductName(intro []markdown.Block) string {
	for _, bl := range intro {
		if bl.Kind != markdown.Paragraph {
			continue
		}
		if m := boldOpening().FindStringSubmatch(strings.TrimSpace(bl.Text)); m != nil && wordCount(m[1]) <= 4 &&
			!strings.HasSuffix(m[1], ":") && unicode.IsUpper([]rune(m[1])[0]) && isName(m[1]) {
			return strings.TrimSpace(m[1])
		}
		return ""
	}
	return ""
}

// nameInText finds the product's name in sentences that introduce it
// ("Tally is a grocery list…") or call it by name ("which we have been
// calling Tally"); "" when none does. A role or a common word opening a
// sentence ("Volunteers are…", "Today…") is no name.
func nameInText(texts ...string) string {
	for _, t := range texts {
		for _, s := range sentences(plain(t)) {
			if m := introducesName().FindStringSubmatch(s); m != nil && isName(m[1]) {
				return m[1]
			}
		}
	}
	for _, t := range texts {
		if m := callsName().FindStringSubmatch(plain(t)); m != nil && isName(m[1]) {
			return strings.TrimRight(m[1], ".")
		}
	}
	return ""
}

// isName reports whether words can be a product's name: not a role, a
// pronoun or a common opening word.
func isName(words string) bool {
	first := strings.ToLower(strings.Fields(words)[0])
	return !isRole(normWord(lastWord(words))) && !stopWords()[first] && !pronounSubjects()[first] && !notNames()[first]
}

// notNames are capitalised words that open sentences without naming
// anything.
var notNames = lexSet("not names")

// metaSeparators split a status line into "Key: value" pairs.
const metaSeparators = "·|;•"

// metaPair is one "Key: value" pair; the key is a short label.
var metaPair = lazyRegexp(`^([\pL][\pL\pN ._/-]{0,30}?)\s*:\s*(.+)$`)

// maxMetaKeyWords keeps a sentence with a colon from being read as a key.
const maxMetaKeyWords = 3

// takeMeta moves status lines ("Status: draft · Owner: product") from the
// introduction into Meta and returns the other blocks. A pair whose key
// names a part of the brief ("Problem: …") is content, not meta, and makes
// the paragraph ordinary text. Front matter wins over a status line.
func (p *parser) takeMeta(blocks []markdown.Block) []markdown.Block {
	var rest []markdown.Block
	for _, bl := range blocks {
		var pairs [][2]string
		switch bl.Kind {
		case markdown.Paragraph:
			pairs = statusPairs(p.rawLines(bl.Line))
		case markdown.List:
			var lines []string
			for _, it := range bl.Items {
				lines = append(lines, it.Text)
			}
			pairs = statusPairs(lines)
		}
		if pairs == nil {
			rest = append(rest, bl)
			continue
		}
		for _, kv := range pairs {
			if _, ok := p.b.Meta[kv[0]]; !ok {
				p.b.Meta[kv[0]] = kv[1]
			}
		}
	}
	return rest
}

// rawLines returns the source lines of the paragraph starting at line
// (1-based), up to the next blank line; the reader joins them with spaces,
// which would run one status line into the next.
func (p *parser) rawLines(line int) []string {
	var out []string
	for i := line - 1; i >= 0 && i < len(p.lines); i++ {
		l := strings.TrimSpace(strings.TrimSuffix(p.lines[i], "\r"))
		if l == "" {
			break
		}
		out = append(out, strings.TrimSuffix(l, `\`))
	}
	return out
}

// namesContent reports whether a part is content of the brief, which a
// "Key: value" line naming it holds, rather than a status ("Status:
// draft" names the plan, which is no content).
func namesContent(pt part) bool {
	return pt != partNone && pt != partPlan && pt != partContainer
}

// statusPairs reads lines that consist only of "Key: value" pairs; nil
// when any part is something else.
func statusPairs(lines []string) [][2]string {
	var pairs [][2]string
	for _, l := range lines {
		for _, part := range strings.FieldsFunc(plain(l), func(r rune) bool { return strings.ContainsRune(metaSeparators, r) }) {
			m := metaPair().FindStringSubmatch(strings.TrimSpace(part))
			if m == nil || wordCount(m[1]) > maxMetaKeyWords || namesContent(classifyHeading(m[1])) {
				return nil
			}
			pairs = append(pairs, [2]string{strings.ToLower(strings.TrimSpace(m[1])), strings.TrimSpace(m[2])})
		}
	}
	return pairs
}
