package corpus

import (
	"fmt"
	"strings"
)

// Total sums the figures of every result.
func Total(rs []Result) Figures {
	var t Figures
	for _, r := range rs {
		t = t.Add(r.Figures)
	}
	return t
}

// Table writes the results as a text table, one row per brief and a total
// row with percentages, each cell "got/of".
func Table(rs []Result) string {
	var head []string
	for _, fg := range figureList {
		head = append(head, fg.name)
	}
	rows := [][]string{append([]string{"brief"}, head...)}
	for _, r := range rs {
		rows = append(rows, append([]string{r.Brief}, cells(r.Figures, false)...))
	}
	t := Total(rs)
	rows = append(rows, append([]string{"total"}, cells(t, false)...), append([]string{""}, cells(t, true)...))
	return textTable(rows, nil)
}

func cells(f Figures, percent bool) []string {
	var cs []Count
	for _, fg := range figureList {
		cs = append(cs, *fg.get(&f))
	}
	return countCells(cs, percent)
}

// countCells writes counts as table cells: "got/of", or the percentage.
func countCells(cs []Count, percent bool) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		if percent {
			out[i] = fmt.Sprintf("%.0f%%", c.Percent())
		} else {
			out[i] = c.String()
		}
	}
	return out
}

// textTable writes rows as text: the first column left-aligned to its
// widest cell, each other one right-aligned in 12 characters, or in
// widths[i] for column i.
func textTable(rows [][]string, widths map[int]int) string {
	first := 0
	for _, r := range rows {
		first = max(first, len(r[0]))
	}
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%-*s", first, r[0])
		for i, c := range r[1:] {
			w, ok := widths[i+1]
			if !ok {
				w = 12
			}
			fmt.Fprintf(&b, "  %*s", w, c)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Shortfall lists, one line per figure below 100% in the total, how far
// it is from its target.
func Shortfall(t Figures) []string {
	var out []string
	for _, fg := range figureList {
		c := fg.get(&t)
		if c.Full() {
			continue
		}
		kind := "informative"
		if fg.target {
			kind = "target 100%"
		}
		out = append(out, fmt.Sprintf("%-12s %s = %.0f%%, %d short of 100%% (%s)", fg.name, c, c.Percent(), c.Of-c.Got, kind))
	}
	return out
}

// Miss is one result short of one of the 100% targets.
type Miss struct {
	Brief  string
	Figure string // the figure's name in the table
	Count  Count
}

func (m Miss) String() string { return fmt.Sprintf("%s: %s %s", m.Brief, m.Figure, m.Count) }

// Misses lists, per figure that is one of the 100% targets, the results
// that fall short of it, for TestCorpusTargets.
func Misses(rs []Result) []Miss {
	var out []Miss
	for _, r := range rs {
		f := r.Figures
		for _, fg := range figureList {
			if c := fg.get(&f); fg.target && !c.Full() {
				out = append(out, Miss{r.Brief, fg.name, *c})
			}
		}
	}
	return out
}

// Known reports whether the baseline records the miss already: the brief's
// figure short of 100% by at least as many items. A brief added to the
// corpus with gaps the engine has yet to close is recorded so; any other
// miss is new.
func (b *Baseline) Known(m Miss) bool {
	for _, e := range b.Briefs {
		if e.Brief != m.Brief {
			continue
		}
		for _, fg := range figureList {
			if fg.name == m.Figure {
				c := fg.get(&e.Figures)
				return !c.Full() && c.Of-c.Got >= m.Count.Of-m.Count.Got
			}
		}
	}
	return false
}
