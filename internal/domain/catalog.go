package domain

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// pword is a word of a phrase or of a brief's line, for phrase matching:
// letters, digits and "#" between any other characters.
type pword struct {
	raw, low string
	off      int // byte offset in its line
}

// phraseWords splits text into words for phrase matching: "Next.js" is
// "next" "js", "GTFS-Realtime" is "gtfs" "realtime".
func phraseWords(s string) []pword {
	out := make([]pword, 0, len(s)/4+1)
	start := -1
	// Lower-case the line once when that keeps every byte where it is.
	lower := ""
	if isASCII(s) {
		lower = strings.ToLower(s)
	}
	flush := func(end int) {
		if start >= 0 {
			low := ""
			if lower != "" {
				low = lower[start:end]
			} else {
				low = strings.ToLower(s[start:end])
			}
			out = append(out, pword{raw: s[start:end], low: low, off: start})
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '#' {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

// phrase is one way of writing something a matcher looks for.
type phrase struct {
	words   []string // lower case, or as written when exact
	exact   bool     // compare with case
	context []string // one of these must be in the same line
	value   int      // the index of what it stands for
}

// matcher finds phrases in lines, longest first.
type matcher struct {
	byFirst map[string][]phrase
}

func newMatcher(ps []phrase) *matcher {
	m := &matcher{byFirst: map[string][]phrase{}}
	for _, p := range ps {
		k := strings.ToLower(p.words[0])
		m.byFirst[k] = append(m.byFirst[k], p)
	}
	for k := range m.byFirst {
		slices.SortStableFunc(m.byFirst[k], func(a, b phrase) int { return len(b.words) - len(a.words) })
	}
	return m
}

// hit is a phrase found in a line.
type hit struct {
	value      int
	start, end int // words [start, end) of the line
}

// find returns the phrases in a line's words, each word used once, the
// longest phrase at a word first.
func (m *matcher) find(ws []pword) []hit {
	var out []hit
	var ctx map[string]bool
	for i := 0; i < len(ws); {
		n := 0
		for _, p := range m.byFirst[ws[i].low] {
			if !p.matches(ws, i) {
				continue
			}
			if len(p.context) > 0 {
				if ctx == nil {
					ctx = map[string]bool{}
					for _, w := range ws {
						ctx[w.low] = true
					}
				}
				if !slices.ContainsFunc(p.context, func(c string) bool { return ctx[c] }) {
					continue
				}
			}
			out = append(out, hit{value: p.value, start: i, end: i + len(p.words)})
			n = len(p.words)
			break
		}
		i += max(n, 1)
	}
	return out
}

func (p phrase) matches(ws []pword, i int) bool {
	if i+len(p.words) > len(ws) {
		return false
	}
	for j, w := range p.words {
		if p.exact && ws[i+j].raw != w || !p.exact && ws[i+j].low != w {
			return false
		}
	}
	return true
}

// parsePhrase reads "words", "words!" or "words ~ context words".
func parsePhrase(s string, value int) (phrase, error) {
	s, ctx, _ := strings.Cut(s, "~")
	s = strings.TrimSpace(s)
	p := phrase{value: value}
	if b, ok := strings.CutSuffix(s, "!"); ok {
		p.exact, s = true, b
	}
	for _, w := range phraseWords(s) {
		if p.exact {
			p.words = append(p.words, w.raw)
		} else {
			p.words = append(p.words, w.low)
		}
	}
	for _, w := range phraseWords(ctx) {
		p.context = append(p.context, w.low)
	}
	if len(p.words) == 0 {
		return p, fmt.Errorf("no words in %q", s)
	}
	return p, nil
}

// technology is one entry of data/technologies.txt.
type technology struct {
	Name, Kind, Role string
	Surface          Kind // "" for none
}

// techCatalog is data/technologies.txt read.
type techCatalog struct {
	techs []technology
	m     *matcher
	// words holds the one-word names and aliases, lower case: "zebra",
	// "slack".
	words map[string]bool
}

var technologies = sync.OnceValue(func() *techCatalog {
	c, err := readTechnologies()
	if err != nil {
		panic(err) // embedded data: TestCatalogs keeps it valid
	}
	return c
})

func readTechnologies() (*techCatalog, error) {
	b, err := data.ReadFile("data/technologies.txt")
	if err != nil {
		return nil, err
	}
	c := &techCatalog{}
	var ps []phrase
	names := map[string]bool{}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 5 {
			return nil, fmt.Errorf("technologies.txt:%d: want 5 fields separated by |, got %d", i+1, len(f))
		}
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		t := technology{Name: f[0], Kind: f[1], Role: f[4]}
		if f[2] != "-" {
			t.Surface = Kind(f[2])
			if !validKind(t.Surface) {
				return nil, fmt.Errorf("technologies.txt:%d: %q is no surface", i+1, f[2])
			}
		}
		if t.Name == "" || t.Kind == "" || t.Role == "" {
			return nil, fmt.Errorf("technologies.txt:%d: a name, a kind and a role are needed", i+1)
		}
		if names[strings.ToLower(t.Name)] {
			return nil, fmt.Errorf("technologies.txt:%d: %s listed twice", i+1, t.Name)
		}
		names[strings.ToLower(t.Name)] = true
		idx := len(c.techs)
		c.techs = append(c.techs, t)
		aliases := []string{}
		if f[3] != "" {
			aliases = strings.Split(f[3], ",")
		}
		ownName := false
		for _, a := range aliases {
			p, err := parsePhrase(a, idx)
			if err != nil {
				return nil, fmt.Errorf("technologies.txt:%d: %w", i+1, err)
			}
			ownName = ownName || strings.EqualFold(strings.Join(p.words, " "), strings.Join(lowWords(t.Name), " "))
			ps = append(ps, p)
		}
		if !ownName {
			p, err := parsePhrase(t.Name, idx)
			if err != nil {
				return nil, fmt.Errorf("technologies.txt:%d: %w", i+1, err)
			}
			ps = append(ps, p)
		}
	}
	c.m = newMatcher(ps)
	c.words = map[string]bool{}
	for _, p := range ps {
		if len(p.words) == 1 {
			c.words[strings.ToLower(p.words[0])] = true
		}
	}
	return c, nil
}

func lowWords(s string) []string {
	var out []string
	for _, w := range phraseWords(s) {
		out = append(out, w.low)
	}
	return out
}

func validKind(k Kind) bool {
	switch k {
	case Web, Mobile, Desktop, Plugin, CLI, API:
		return true
	}
	return false
}

// lookup returns the technology a name stands for, by its name or an
// alias written without a context.
func (c *techCatalog) lookup(name string) (technology, bool) {
	ws := phraseWords(name)
	for _, h := range c.m.find(ws) {
		if h.start == 0 && h.end == len(ws) {
			return c.techs[h.value], true
		}
	}
	return technology{}, false
}

// cueCatalog is a file of [FINDING] sections of phrases: platforms.txt
// and needs.txt.
type cueCatalog struct {
	findings []string
	// meets holds, for needs.txt, the component kinds meeting each need.
	meets [][]string
	m     *matcher
}

var (
	platformCues = sync.OnceValue(func() *cueCatalog { return mustCues("platforms.txt") })
	needCues     = sync.OnceValue(func() *cueCatalog { return mustCues("needs.txt") })
)

func mustCues(name string) *cueCatalog {
	c, err := readCues(name)
	if err != nil {
		panic(err) // embedded data: TestCatalogs keeps it valid
	}
	return c
}

func readCues(name string) (*cueCatalog, error) {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	c := &cueCatalog{}
	var ps []phrase
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			head := strings.Trim(line, "[]")
			finding, kinds, _ := strings.Cut(head, "=")
			c.findings = append(c.findings, strings.TrimSpace(finding))
			var ks []string
			for _, k := range strings.Split(kinds, ",") {
				if k = strings.TrimSpace(k); k != "" {
					ks = append(ks, k)
				}
			}
			c.meets = append(c.meets, ks)
		case len(c.findings) == 0:
			return nil, fmt.Errorf("%s:%d: a phrase before the first section", name, i+1)
		default:
			p, err := parsePhrase(line, len(c.findings)-1)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, i+1, err)
			}
			ps = append(ps, p)
		}
	}
	c.m = newMatcher(ps)
	return c, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
