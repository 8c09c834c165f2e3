package artifact

import (
	"fmt"
	"strconv"
	"strings"
)

// A PRD's goals, personas, requirements, metrics and out-of-scope items
// may cite the lines of the brief they come from. A citation is the
// brief's name and the lines, as an editor jumps to them, after the item
// (in the metrics table, in a Source column):
//
//	- **FR-003** The system must let a team member check in. (brief.md:26)
//	- **Team lead**: Sets the habits. (brief.md:12-13)
//
// The name is the first source the PRD's header names (the brief it was
// generated from), else "brief.md"; a parenthesised group that names
// anything else is the item's text. An item without a source renders as it
// did before sources existed.

// Source is the range of brief lines an item comes from, 1-based and
// inclusive. The zero Source is no source.
type Source struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// IsZero reports whether s is no source.
func (s Source) IsZero() bool { return s == Source{} }

// String writes the lines: "12" for one line, "12-14" for several.
func (s Source) String() string {
	if s.End == s.Start {
		return strconv.Itoa(s.Start)
	}
	return strconv.Itoa(s.Start) + "-" + strconv.Itoa(s.End)
}

// lines names the lines in a sentence: "line 12", "lines 12-14".
func (s Source) lines() string {
	if s.End == s.Start {
		return "line " + s.String()
	}
	return "lines " + s.String()
}

// citation writes s as the document shows it: "brief.md:12-14".
func (s Source) citation(brief string) string { return brief + ":" + s.String() }

// defaultBrief names the brief in a PRD whose header names none.
const defaultBrief = "brief.md"

// briefName is the name a PRD's citations give the brief: the first
// source its header names, as the header reads back from the document
// (a name holding " and " reads back as two), else defaultBrief. Render
// and Parse agree on it, so a citation reads back as written.
func briefName(h Header) string {
	if back, ok := parseHeader(h.String()); ok {
		h = back
	}
	if len(h.Sources) > 0 {
		if name := oneLine(h.Sources[0]); name != "" {
			return name
		}
	}
	return defaultBrief
}

// cite adds the citation of src, and of the sources also, to an item's
// text: "text (brief.md:12)", "text (brief.md:12, 40-41)". Without a
// source the text is returned as it is.
func cite(text string, src Source, brief string, also ...Source) string {
	if src.IsZero() {
		return text
	}
	group := "(" + src.citation(brief)
	for _, a := range also {
		group += ", " + a.String()
	}
	group += ")"
	if t := oneLine(text); t != "" {
		return t + " " + group
	}
	return group
}

// cutCitation reads what cite writes: the text before a trailing citation
// of brief, and its sources. Text that does not end in one is returned
// whole, with no source.
func cutCitation(text, brief string) (string, Source, []Source) {
	body, ok := strings.CutSuffix(text, ")")
	if !ok {
		return text, Source{}, nil
	}
	i := strings.LastIndexByte(body, ':')
	if i < 0 {
		return text, Source{}, nil
	}
	var srcs []Source
	for part := range strings.SplitSeq(body[i+1:], ", ") {
		src, ok := parseLines(part)
		if !ok {
			return text, Source{}, nil
		}
		srcs = append(srcs, src)
	}
	head, named := strings.CutSuffix(body[:i], "("+brief)
	if !named || (head != "" && !strings.HasSuffix(head, " ")) {
		return text, Source{}, nil
	}
	if len(srcs) == 1 {
		return strings.TrimRight(head, " "), srcs[0], nil
	}
	return strings.TrimRight(head, " "), srcs[0], srcs[1:]
}

// readCitation reads a whole citation, as a table cell holds it:
// "brief.md:12-14".
func readCitation(s, brief string) (Source, bool) {
	lines, ok := strings.CutPrefix(s, brief+":")
	if !ok {
		return Source{}, false
	}
	return parseLines(lines)
}

// parseLines reads "12" or "12-14" (see number): a range checkRange
// accepts, as cite writes no other.
func parseLines(s string) (Source, bool) {
	first, last, isRange := strings.Cut(s, "-")
	start, ok := number(first)
	end := start
	if isRange {
		var ok2 bool
		end, ok2 = number(last)
		ok = ok && ok2
	}
	src := Source{Start: start, End: end}
	if !ok || src.checkRange() != nil {
		return Source{}, false
	}
	return src, true
}

// maxLine is the highest line number a citation holds: number reads no
// more than nine digits.
const maxLine = 999_999_999

// checkRange reports a source that is no range of lines: a start before
// line 1, an end before the start or past maxLine. Render refuses one,
// since the document could not read it back.
func (s Source) checkRange() error {
	switch {
	case s.Start < 1:
		return fmt.Errorf("source %s starts before line 1", s)
	case s.End < s.Start:
		return fmt.Errorf("source %s ends before it starts", s)
	case s.End > maxLine:
		return fmt.Errorf("source %s ends past line %d", s, maxLine)
	}
	return nil
}
