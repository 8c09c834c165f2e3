package golden

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

const (
	// contextLines is how many unchanged lines are shown around a change.
	contextLines = 3
	// maxChanged is how many changed lines Diff shows at the most, so a
	// line inserted near the top of a long file cannot flood the log.
	maxChanged = 40
	// maxCells bounds the longest-common-subsequence table (4 bytes a
	// cell); past it the lines are compared by position instead.
	maxCells = 1 << 22
)

// op is one line of the diff: ' ' in both texts, '-' only in want, '+'
// only in got. a and b count the lines of want and got before it.
type op struct {
	kind byte
	text string
	a, b int
}

// Diff shows how got differs from want, line by line, as a unified diff:
// "@@ -12,7 +12,8 @@" gives where each hunk starts in want and in got and
// how many lines it spans, then "- " marks a line only in want, "+ " a
// line only in got, and "  " the unchanged lines around a change. The
// lines are aligned on a longest common subsequence, so one inserted line
// is one "+" line. At most 40 changed lines are shown. Where a hunk's
// change could not be seen (trailing white space, a tab for spaces, a
// carriage return or another invisible character), its changed lines are
// shown quoted, as Go strings. Diff returns "" when want equals got.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	a, aEOL := splitLines(want)
	b, bEOL := splitLines(got)
	ops := align(a, b)
	var out strings.Builder
	writeHunks(&out, ops)
	switch {
	case aEOL && !bEOL:
		out.WriteString(`\ got has no newline at the end` + "\n")
	case !aEOL && bEOL:
		out.WriteString(`\ want has no newline at the end` + "\n")
	}
	return out.String()
}

// splitLines cuts s into lines without their "\n" and says whether s ends
// with one (an empty s counts as ending with one).
func splitLines(s string) ([]string, bool) {
	if s == "" {
		return nil, true
	}
	eol := strings.HasSuffix(s, "\n")
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n"), eol
}

// align lists the diff's lines: the common head and tail as they are, the
// middle aligned on a longest common subsequence, deletions before
// insertions.
func align(a, b []string) []op {
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	ops := make([]op, 0, len(a)+len(b))
	for i := range head {
		ops = append(ops, op{' ', a[i], i, i})
	}
	ops = appendMiddle(ops, a[head:len(a)-tail], b[head:len(b)-tail], head, head)
	for k := range tail {
		i, j := len(a)-tail+k, len(b)-tail+k
		ops = append(ops, op{' ', a[i], i, j})
	}
	return ops
}

// appendMiddle appends the aligned lines of a and b, which start after ai
// lines of want and bj lines of got.
func appendMiddle(ops []op, a, b []string, ai, bj int) []op {
	n, m := len(a), len(b)
	if (n+1)*(m+1) > maxCells {
		// Too large to align: pair the lines by position.
		for k := range max(n, m) {
			switch {
			case k < n && k < m && a[k] == b[k]:
				ops = append(ops, op{' ', a[k], ai + k, bj + k})
			default:
				if k < n {
					ops = append(ops, op{'-', a[k], ai + k, bj + min(k, m)})
				}
				if k < m {
					ops = append(ops, op{'+', b[k], ai + min(k+1, n), bj + k})
				}
			}
		}
		return ops
	}
	// lcs[i*(m+1)+j] is the length of the longest common subsequence of
	// a[i:] and b[j:].
	lcs := make([]int32, (n+1)*(m+1))
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*(m+1)+j] = lcs[(i+1)*(m+1)+j+1] + 1
			} else {
				lcs[i*(m+1)+j] = max(lcs[(i+1)*(m+1)+j], lcs[i*(m+1)+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{' ', a[i], ai + i, bj + j})
			i, j = i+1, j+1
		case i < n && (j == m || lcs[(i+1)*(m+1)+j] >= lcs[i*(m+1)+j+1]):
			ops = append(ops, op{'-', a[i], ai + i, bj + j})
			i++
		default:
			ops = append(ops, op{'+', b[j], ai + i, bj + j})
			j++
		}
	}
	return ops
}

// writeHunks writes the changes in ops with their context, hunk by hunk,
// up to maxChanged changed lines.
func writeHunks(out *strings.Builder, ops []op) {
	changed := 0
	for _, o := range ops {
		if o.kind != ' ' {
			changed++
		}
	}
	shown := 0
	for start := 0; start < len(ops); {
		first := start
		for first < len(ops) && ops[first].kind == ' ' {
			first++
		}
		if first == len(ops) {
			return
		}
		// The hunk runs to contextLines lines after its last change, taking
		// in every change that begins within 2*contextLines unchanged lines.
		last := first
		for k := first; k < len(ops) && k <= last+2*contextLines; k++ {
			if ops[k].kind != ' ' {
				last = k
			}
		}
		from, to := max(start, first-contextLines), min(len(ops), last+contextLines+1)
		if !writeHunk(out, ops[from:to], &shown) {
			fmt.Fprintf(out, "… %d more changed lines not shown (%d in all)\n", changed-shown, changed)
			return
		}
		start = to
	}
}

// writeHunk writes one hunk and counts its changed lines in shown; it
// returns false when it stopped at maxChanged.
func writeHunk(out *strings.Builder, hunk []op, shown *int) bool {
	if *shown == maxChanged {
		return false
	}
	aStart, aCount := span(hunk, '+', func(o op) int { return o.a })
	bStart, bCount := span(hunk, '-', func(o op) int { return o.b })
	fmt.Fprintf(out, "@@ -%s +%s @@\n", rangeOf(aStart, aCount), rangeOf(bStart, bCount))
	quote := needsQuote(hunk)
	for _, o := range hunk {
		if o.kind == ' ' {
			out.WriteString("  " + o.text + "\n")
			continue
		}
		if *shown == maxChanged {
			return false
		}
		*shown++
		text := o.text
		if quote {
			text = strconv.Quote(text)
		}
		out.WriteString(string(o.kind) + " " + text + "\n")
	}
	return true
}

// span is where the hunk starts in one text (0-based) and how many of its
// lines belong to that text: all but those of kind other.
func span(hunk []op, other byte, pos func(op) int) (int, int) {
	count := 0
	for _, o := range hunk {
		if o.kind != other {
			count++
		}
	}
	return pos(hunk[0]), count
}

// rangeOf writes a hunk's range as unified diffs do: "start,count" with
// start counted from 1, or the line before the hunk when it is empty.
func rangeOf(start, count int) string {
	if count == 0 {
		return strconv.Itoa(start) + ",0"
	}
	return strconv.Itoa(start+1) + "," + strconv.Itoa(count)
}

// needsQuote reports whether a hunk's change would be invisible printed
// as it is: a changed line with trailing white space or a character that
// does not print, or a change of white space alone.
func needsQuote(hunk []op) bool {
	var del, ins []string
	for _, o := range hunk {
		switch o.kind {
		case '-':
			del = append(del, o.text)
		case '+':
			ins = append(ins, o.text)
		default:
			continue
		}
		if strings.TrimRight(o.text, " \t") != o.text || strings.IndexFunc(o.text, hidden) >= 0 {
			return true
		}
	}
	d, i := strings.Join(del, "\n"), strings.Join(ins, "\n")
	return d != i && strings.Join(strings.Fields(d), " ") == strings.Join(strings.Fields(i), " ")
}

// hidden reports whether r does not show as itself in a log: a control
// character other than tab, or a rune that does not print.
func hidden(r rune) bool {
	return r != '\t' && !unicode.IsPrint(r)
}
