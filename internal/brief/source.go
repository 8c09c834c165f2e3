package brief

import (
	"fmt"

	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// Every item of a Brief keeps the lines of the brief it was read from, so
// that a PRD can cite them and lint can find what it left out. An item's
// text is the author's words, maybe cut out of a longer sentence, with
// its markup and an ID or priority taken off; locate finds it again in
// the file as written: the lines holding most of its content words,
// grown over the lines of the same block (a wrapped paragraph, a list
// item's continuation) while they add words of the item. The section
// an item was read in is preferred over an equal match elsewhere (a
// feature restated in the summary is cited where it is listed), and an
// item the reader made of two (a feature stated twice) cites both places.
// For HTML, read through markdown, the section lines are those of the
// markdown, so every line of the file is weighed alike.

// Span is a range of a brief's lines, 1-based and inclusive, numbered as
// an editor numbers them.
type Span struct {
	Start, End int
}

// String writes the lines: "12" for one line, "12-14" for several.
func (s Span) String() string {
	if s.Start == s.End {
		return strconv.Itoa(s.Start)
	}
	return strconv.Itoa(s.Start) + "-" + strconv.Itoa(s.End)
}

// MarshalText writes the span as String does, so a Brief's JSON reads
// "Sources": {"Export to CSV": ["28", "40-41"]}.
func (s Span) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads what MarshalText writes.
func (s *Span) UnmarshalText(b []byte) error {
	first, last, isRange := strings.Cut(string(b), "-")
	start, err := strconv.Atoi(first)
	if err != nil {
		return fmt.Errorf("brief lines %q: %w", b, err)
	}
	end := start
	if isRange {
		if end, err = strconv.Atoi(last); err != nil {
			return fmt.Errorf("brief lines %q: %w", b, err)
		}
	}
	if start < 1 || end < start {
		return fmt.Errorf("brief lines %q: no range of lines", b)
	}
	*s = Span{Start: start, End: end}
	return nil
}

func (s Span) overlaps(o Span) bool { return s.Start <= o.End && o.Start <= s.End }

// SourceOf returns the lines of the brief an item was read from, by its
// text: a feature's or later item's Text, a persona's or metric's Name,
// or a goal, non-goal, constraint, risk, question, stack or plan item. It
// is nil for text the brief does not bear out (a name made of a heading's
// stop words) and for text that is no item.
func (b *Brief) SourceOf(text string) []Span {
	return b.Sources[text]
}

// maxSpanLines is how many lines one citation may grow over.
const maxSpanLines = 12

// minShare is the share of an item's content words its lines must hold.
const minShare = 0.5

// maxCandidates bounds the lines weighed for one item: its rarest words'
// lines, and the lines of its section when those are too many.
const maxCandidates = 4000

// sourceIndex holds the brief's lines by the words they hold, each word
// by a number.
type sourceIndex struct {
	lines [][]int32 // the words of each line
	blank []bool
	// opens marks a line that starts a list item or a table row, and
	// indent its indentation: an item is cited from its first line.
	opens   []bool
	indent  []int
	heading []bool // a markdown heading: a section's own name
	ids     map[string]int32
	words   [][]int // word → the 0-based lines holding it, ascending
}

func newSourceIndex(src []byte) *sourceIndex {
	raw := markdown.Lines(src)
	ix := &sourceIndex{lines: make([][]int32, len(raw)), blank: make([]bool, len(raw)),
		opens: make([]bool, len(raw)), indent: make([]int, len(raw)), heading: make([]bool, len(raw)), ids: map[string]int32{}}
	for i, l := range raw {
		t := strings.TrimSpace(l)
		ix.heading[i] = strings.HasPrefix(t, "#")
		ix.opens[i] = strings.HasPrefix(t, "|") || itemMarker().MatchString(t) || strings.HasPrefix(t, "<li")
		ix.indent[i] = len(l) - len(strings.TrimLeft(l, " \t"))
		// A heading, a fence or a table's rule ends a block as a blank
		// line does.
		ix.blank[i] = t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") ||
			strings.Trim(t, "|-: ") == "" || strings.HasPrefix(t, "<h") || strings.HasPrefix(t, "</h")
		for w := range rawStems(l) {
			id, ok := ix.ids[w]
			if !ok {
				id = int32(len(ix.words))
				ix.ids[w] = id
				ix.words = append(ix.words, nil)
			}
			ix.lines[i] = append(ix.lines[i], id)
			ix.words[id] = append(ix.words[id], i)
		}
	}
	return ix
}

// itemMarker opens a list item: "- ", "* ", "+ ", "1. ", "2) ".
var itemMarker = lazyRegexp(`^(?:[-*+]|\d{1,9}[.)])(?:\s|$)`)

// rawStems is stemsOf for a line as written: markup is punctuation, and
// no word of it is long enough to count.
func rawStems(line string) stemSet {
	out := stemSet{}
	for _, w := range strings.FieldsFunc(lowerKeep(line), notAlnum) {
		if (len(w) > 2 || hasDigit(w)) && !stopWords()[w] && !modalWords()[w] {
			out[stem(w)] = true
		}
	}
	return out
}

// itemWords are an item's words as bits: the brief's number for each
// word the brief holds, rarest first, at most 64. A word the brief does
// not hold counts against the item all the same.
type itemWords struct {
	bit  map[int32]uint64
	ids  []int32 // rarest first
	want int     // how many words the item has
}

func (ix *sourceIndex) itemWords(words stemSet) itemWords {
	iw := itemWords{bit: map[int32]uint64{}, want: len(words)}
	for w := range words {
		if id, ok := ix.ids[w]; ok {
			iw.ids = append(iw.ids, id)
		}
	}
	slices.SortFunc(iw.ids, func(a, b int32) int {
		if d := len(ix.words[a]) - len(ix.words[b]); d != 0 {
			return d
		}
		return int(a - b)
	})
	iw.ids = iw.ids[:min(64, len(iw.ids))]
	for i, id := range iw.ids {
		iw.bit[id] = 1 << i
	}
	return iw
}

// mask is the item's words line l holds.
func (ix *sourceIndex) mask(l int, iw itemWords) uint64 {
	var m uint64
	for _, id := range ix.lines[l] {
		m |= iw.bit[id]
	}
	return m
}

// find returns where the item of words was read, preferring the lines of
// hint (zero: none) when they hold it as well as any; false when no lines
// hold enough of it.
func (ix *sourceIndex) find(words stemSet, hint Span) (Span, bool) {
	iw := ix.itemWords(words)
	if len(iw.ids) == 0 {
		return Span{}, false
	}
	best, bestN := Span{}, 0
	better := func(s Span, n int) bool {
		if n != bestN {
			return n > bestN
		}
		in, bestIn := hint.Start > 0 && hint.overlaps(s), hint.Start > 0 && hint.overlaps(best)
		if in != bestIn {
			return in
		}
		// The shorter, then the earlier, of two equal matches.
		return s.End-s.Start < best.End-best.Start
	}
	for _, c := range ix.candidates(iw, hint) {
		s, n := ix.grow(c, iw)
		if better(s, n) {
			best, bestN = s, n
		}
	}
	if bestN == 0 || float64(bestN) < minShare*float64(iw.want) {
		return Span{}, false
	}
	return best, true
}

// candidates are the lines that may hold the item. Lines holding enough
// of its words hold one of its rarest few (as many as it may lack, and
// one), so those words' lines are taken, rarest first, while they are
// few; the rarest word's lines always. When even those are too many,
// only the ones within the hint, if any, are weighed.
func (ix *sourceIndex) candidates(iw itemWords, hint Span) []int {
	out := ix.words[iw.ids[0]]
	enough := iw.want - int(math.Ceil(minShare*float64(iw.want))) + 1
	for i := 1; i < min(enough, len(iw.ids)); i++ {
		next := ix.words[iw.ids[i]]
		if len(out)+len(next) > maxFewLines {
			break
		}
		out = append(slices.Clip(out), next...)
	}
	if len(out) > len(ix.words[iw.ids[0]]) {
		slices.Sort(out)
		out = slices.Compact(out)
	}
	if len(out) > maxCandidates && hint.Start > 0 {
		lo, _ := slices.BinarySearch(out, hint.Start-1)
		hi, _ := slices.BinarySearch(out, hint.End)
		out = out[lo:hi]
	}
	return out[:min(len(out), maxCandidates)]
}

// maxFewLines is how many lines the rarest words of an item may hold
// together for all of them to be weighed.
const maxFewLines = 256

// grow makes a span of line c (0-based): its words of the item, and the
// lines next to it in the same block while each adds words of the item.
// It returns the span (1-based) and how many of the words it holds.
func (ix *sourceIndex) grow(c int, iw itemWords) (Span, int) {
	have := ix.mask(c, iw)
	if have == 0 {
		return Span{}, 0
	}
	all := uint64(1)<<len(iw.ids) - 1
	if len(iw.ids) == 64 {
		all = ^uint64(0)
	}
	lo, hi := c, c
	// Down: continuation lines and nested items, not the next item.
	next := func(l int) bool {
		return !ix.blank[l] && !(ix.opens[l] && ix.indent[l] <= ix.indent[lo])
	}
	for hi+1 < len(ix.lines) && hi-lo+1 < maxSpanLines && next(hi+1) && have != all {
		m := ix.mask(hi+1, iw)
		if m&^have == 0 {
			break
		}
		hi++
		have |= m
	}
	// Up: to the start of a wrapped sentence or item, from a line that
	// starts none, to the parent item right above ("- Timeline" over "-
	// a list of events"), or to the heading right above that names the
	// item ("### Returns associate" over what they do).
	parent := func(l int) bool { // the item right above is l's parent
		return ix.opens[l] && ix.opens[l-1] && ix.indent[l-1] < ix.indent[l]
	}
	for lo > 0 && hi-lo+1 < maxSpanLines && (!ix.blank[lo-1] && !ix.opens[lo] || ix.heading[lo-1] || parent(lo)) && have != all {
		m := ix.mask(lo-1, iw)
		if m&^have == 0 {
			break
		}
		lo--
		have |= m
		if ix.heading[lo] {
			break
		}
	}
	// A heading a blank line above a paragraph it names ("### Team lead",
	// then what they do).
	if lo > 1 && have != all && ix.blank[lo-1] && !ix.heading[lo-1] && ix.heading[lo-2] && !ix.opens[lo] && hi-lo+3 <= maxSpanLines {
		if m := ix.mask(lo-2, iw); m&^have != 0 {
			lo -= 2
			have |= m
		}
	}
	return Span{Start: lo + 1, End: hi + 1}, bits.OnesCount64(have)
}

// extend grows span s down over the lines that follow it with the
// feature's notes (its nested items, a table row's other cells, a
// paragraph under its title): each line holding a word of notes, up to
// the next item at the feature's own depth or the next heading, and past
// a blank line only right after a title line.
func (ix *sourceIndex) extend(s Span, notes stemSet) Span {
	iw := ix.itemWords(notes)
	if len(iw.ids) == 0 {
		return s
	}
	first := s.Start - 1
	for l := s.End; l < len(ix.lines) && l-first < maxSpanLines; l++ {
		if ix.heading[l] || ix.opens[l] && ix.indent[l] <= ix.indent[first] {
			break
		}
		if ix.blank[l] {
			if s.End > s.Start {
				break
			}
			continue
		}
		if ix.mask(l, iw) == 0 {
			break
		}
		s.End = l + 1
	}
	return s
}

// sourceHints records, as the parser reads, the section each item was
// read in and the texts a merged item was also stated as.
type sourceHints struct {
	section map[string]Span     // item text → the lines of its section
	also    map[string][]string // item text → the other texts it stands for
}

func newSourceHints() *sourceHints {
	return &sourceHints{section: map[string]Span{}, also: map[string][]string{}}
}

// merged records that the item now written keep was also stated as the
// texts of gone (and what they stood for).
func (h *sourceHints) merged(keep string, gone ...string) {
	for _, g := range gone {
		if g == keep {
			continue
		}
		h.also[keep] = appendOnce(h.also[keep], g)
		for _, a := range h.also[g] {
			if a != keep {
				h.also[keep] = appendOnce(h.also[keep], a)
			}
		}
	}
}

// itemCount is how many items of each kind a brief holds, to see which a
// section added.
type itemCount struct {
	goals, features, later, nonGoals, constraints, risks, questions, stack, plan, users, metrics int
}

func countItems(b *Brief) itemCount {
	return itemCount{len(b.Goals), len(b.Features), len(b.Later), len(b.NonGoals), len(b.Constraints),
		len(b.Risks), len(b.OpenQuestions), len(b.Stack), len(b.Plan), len(b.Users), len(b.Metrics)}
}

// texts are the items of b added since c was counted.
func (c itemCount) texts(b *Brief) []string {
	var out []string
	tail := func(items []string, from int) {
		if from < len(items) {
			out = append(out, items[from:]...)
		}
	}
	tail(b.Goals, c.goals)
	tail(b.NonGoals, c.nonGoals)
	tail(b.Constraints, c.constraints)
	tail(b.Risks, c.risks)
	tail(b.OpenQuestions, c.questions)
	tail(b.Stack, c.stack)
	tail(b.Plan, c.plan)
	for _, f := range b.Features[min(c.features, len(b.Features)):] {
		out = append(out, f.Text)
	}
	for _, f := range b.Later[min(c.later, len(b.Later)):] {
		out = append(out, f.Text)
	}
	for _, u := range b.Users[min(c.users, len(b.Users)):] {
		out = append(out, u.Name)
	}
	for _, m := range b.Metrics[min(c.metrics, len(b.Metrics)):] {
		out = append(out, m.Name)
	}
	return out
}

// inSection records that the items added since c were read in section
// lines s; an item read earlier keeps its first section.
func (h *sourceHints) inSection(b *Brief, c itemCount, s Span) {
	for _, t := range c.texts(b) {
		if _, ok := h.section[t]; !ok {
			h.section[t] = s
		}
	}
}

// locate fills b.Sources from the brief as written. The hints' lines are
// those of the markdown the brief was read as, the file's own unless it
// held HTML (rewritten), when they are not used.
func locate(b *Brief, src []byte, h *sourceHints, rewritten bool) {
	ix := newSourceIndex(src)
	b.Sources = map[string][]Span{}
	find := func(text string, words stemSet) []Span {
		var out []Span
		for i, t := range append([]string{text}, h.also[text]...) {
			w := words
			if i > 0 || w == nil {
				w = stemsOf(t)
			}
			hint := h.section[t]
			if rewritten {
				hint = Span{}
			}
			if s, ok := ix.find(w, hint); ok && !slices.ContainsFunc(out, s.overlaps) {
				out = append(out, s)
			}
		}
		slices.SortFunc(out, func(a, b Span) int { return a.Start - b.Start })
		return out
	}
	put := func(key string, words stemSet) {
		if _, done := b.Sources[key]; done || key == "" {
			return
		}
		if s := find(key, words); len(s) > 0 {
			b.Sources[key] = s
		}
	}
	for _, list := range [][]string{b.Goals, b.NonGoals, b.Constraints, b.Risks, b.OpenQuestions, b.Stack, b.Plan} {
		for _, t := range list {
			put(t, nil)
		}
	}
	// A feature's notes are part of what it says.
	withNotes := func(f Feature) {
		put(f.Text, nil)
		if spans := b.Sources[f.Text]; len(spans) > 0 && f.Notes != "" {
			spans[0] = ix.extend(spans[0], stemsOf(f.Notes))
		}
	}
	for _, f := range b.Features {
		withNotes(f)
	}
	for _, f := range b.Later {
		withNotes(f)
	}
	for _, u := range b.Users {
		// A persona is cited where it is described, if it is.
		words := stemsOf(u.Name + " " + u.Description)
		put(u.Name, words)
		put(u.Name, nil)
	}
	for _, m := range b.Metrics {
		put(m.Name, stemsOf(m.Name+" "+m.Baseline+" "+m.Target))
		put(m.Name, nil)
	}
}
