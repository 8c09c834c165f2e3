package brief

import (
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// titleKeys are the front-matter keys that name the product, in order of
// preference.
var titleKeys = []string{"title", "product", "name"}

var (
	// titlePrefix is a document-type label before the product's name:
	// "Project brief: X", "PRD: X", "Product brief — X", "Brief for X".
	titlePrefix = lazyRegexp(`(?i)^(?:(?:project|product|feature|product\s+requirements)\s+)?(?:brief|prd|one[- ]pager|spec|specification|proposal|pitch|document)\s*(?:[:—–-]\s*|\bfor\s+)`)
	// taglineSep separates a name from a tagline: "Streaks — a habit
	// tracker".
	taglineSep = lazyRegexp(`\s+[—–-]\s+|:\s+`)
)

// setTitle sets Title from the front matter or the title heading and
// returns the heading's tagline, which becomes the summary when the brief
// has none.
func (p *parser) setTitle(front map[string]string, title *markdown.Section) string {
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
	}
	p.b.Title = strings.TrimSpace(heading)
	for _, k := range titleKeys {
		if v := strings.TrimSpace(front[k]); v != "" {
			p.b.Title = v
			break
		}
	}
	return tagline
}

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
