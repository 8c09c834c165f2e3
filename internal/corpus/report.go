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
	width := len("total")
	for _, r := range rs {
		width = max(width, len(r.Brief))
	}
	var b strings.Builder
	row := func(name string, cells []string) {
		fmt.Fprintf(&b, "%-*s", width, name)
		for _, c := range cells {
			fmt.Fprintf(&b, "  %12s", c)
		}
		b.WriteString("\n")
	}
	var head []string
	for _, fg := range figureList {
		head = append(head, fg.name)
	}
	row("brief", head)
	for _, r := range rs {
		row(r.Brief, cells(r.Figures, false))
	}
	t := Total(rs)
	row("total", cells(t, false))
	row("", cells(t, true))
	return b.String()
}

func cells(f Figures, percent bool) []string {
	var out []string
	for _, fg := range figureList {
		c := fg.get(&f)
		if percent {
			out = append(out, fmt.Sprintf("%.0f%%", c.Percent()))
		} else {
			out = append(out, c.String())
		}
	}
	return out
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
