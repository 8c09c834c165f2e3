package domain

import (
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/markdown"
	"github.com/prodgen/prodgen/internal/prose"
)

// source is the brief as written, line by line, with the parts that are
// not the first release's (later phases, non-goals) marked, so that a
// technology or a platform named only there does not count.
type source struct {
	lines []string
	words [][]pword // phraseWords of each line
	low   []string  // lines in lower case, made when first asked for
	// out holds, per line, the byte ranges of sentences that belong to a
	// later phase or a non-goal.
	out map[int][][2]int
}

func newSource(src []byte, b *brief.Brief) *source {
	s := &source{lines: markdown.Lines(src), out: map[int][][2]int{}}
	s.words = make([][]pword, len(s.lines))
	for i, l := range s.lines {
		s.words[i] = phraseWords(l)
	}
	var gone []string
	for _, f := range b.Later {
		gone = append(gone, f.Text)
	}
	gone = append(gone, b.NonGoals...)
	for _, text := range gone {
		s.exclude(text, b.SourceOf(text))
	}
	return s
}

// exclude marks the sentences of spans that state text: those holding
// most of its content words.
func (s *source) exclude(text string, spans []brief.Span) {
	want := prose.ContentSet(text)
	if len(want) == 0 {
		return
	}
	for _, sp := range spans {
		for l := sp.Start; l <= sp.End && l <= len(s.lines); l++ {
			line := s.lines[l-1]
			off := 0
			for _, sent := range splitSentences(line) {
				at := strings.Index(line[off:], sent)
				if at < 0 {
					continue
				}
				start := off + at
				off = start + len(sent)
				have := prose.ContentSet(sent)
				n := 0
				for w := range want {
					if have[w] {
						n++
					}
				}
				if float64(n) >= 0.6*float64(len(want)) {
					s.out[l] = append(s.out[l], [2]int{start, off})
				}
			}
		}
	}
}

// lower returns line l (1-based) in lower case.
func (s *source) lower(l int) string {
	if s.low == nil {
		s.low = make([]string, len(s.lines))
	}
	if s.low[l-1] == "" && s.lines[l-1] != "" {
		s.low[l-1] = strings.ToLower(s.lines[l-1])
	}
	return s.low[l-1]
}

// excluded reports whether byte off of line l (1-based) is in a later
// phase or a non-goal.
func (s *source) excluded(l, off int) bool {
	return slices.ContainsFunc(s.out[l], func(r [2]int) bool { return off >= r[0] && off < r[1] })
}

// lineHit is a phrase found in the brief.
type lineHit struct {
	value int
	line  int // 1-based
	words []pword
	start int // index of the first word in the line's words
}

// text is the words of the hit as written in the line.
func (h lineHit) text(s *source) string {
	first, last := h.words[0], h.words[len(h.words)-1]
	return s.lines[h.line-1][first.off : last.off+len(last.raw)]
}

// find returns the matcher's phrases in the brief, outside later phases
// and non-goals, in the order of the brief.
func (s *source) find(m *matcher) []lineHit {
	var out []lineHit
	for i, ws := range s.words {
		for _, h := range m.find(ws) {
			if s.excluded(i+1, ws[h.start].off) {
				continue
			}
			out = append(out, lineHit{value: h.value, line: i + 1, words: ws[h.start:h.end], start: h.start})
		}
	}
	return out
}
