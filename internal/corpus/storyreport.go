package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// TotalStories sums the stories figures of every result.
func TotalStories(rs []StoryResult) StoryFigures {
	var t StoryFigures
	for _, r := range rs {
		t = t.Add(r.Figures)
	}
	return t
}

// StoryTable writes the stories results as a text table, one row per
// brief, a total row with percentages and a row of targets, each cell
// "got/of" (tautologies and boilerplate count criteria, of the criteria).
func StoryTable(rs []StoryResult) string {
	var head, goals []string
	for _, fg := range storyFigureList {
		head = append(head, fg.name)
		goals = append(goals, fg.goal)
	}
	rows := [][]string{append([]string{"brief", "stories"}, head...)}
	n := 0
	for _, r := range rs {
		n += r.Stories
		rows = append(rows, append([]string{r.Brief, fmt.Sprint(r.Stories)}, storyCells(r.Figures, false)...))
	}
	t := TotalStories(rs)
	rows = append(rows,
		append([]string{"total", fmt.Sprint(n)}, storyCells(t, false)...),
		append([]string{"", ""}, storyCells(t, true)...),
		append([]string{"target", ""}, goals...))
	return textTable(rows, map[int]int{1: 7})
}

func storyCells(f StoryFigures, percent bool) []string {
	var cs []Count
	for _, fg := range storyFigureList {
		cs = append(cs, *fg.get(&f))
	}
	return countCells(cs, percent)
}

// StoryMisses lists, per figure with a target, the results and the total
// that miss it, for the stories targets test.
func StoryMisses(rs []StoryResult) []string {
	var out []string
	check := func(name string, f StoryFigures) {
		for _, fg := range storyFigureList {
			if fg.corpusOnly && name != "total" {
				continue
			}
			if c := fg.get(&f); fg.met != nil && !fg.met(*c) {
				out = append(out, fmt.Sprintf("%s: %s %s, target %s", name, fg.name, c, fg.goal))
			}
		}
	}
	for _, r := range rs {
		check(r.Brief, r.Figures)
	}
	check("total", TotalStories(rs))
	return out
}

// StoryBaseline is the committed record of the stories figures, per brief
// and in total, like Baseline for the PRD's.
type StoryBaseline struct {
	Briefs []StoryEntry `json:"briefs"`
	Total  StoryFigures `json:"total"`
}

// StoryEntry is one brief's figures in a StoryBaseline.
type StoryEntry struct {
	Brief string `json:"brief"`
	StoryFigures
}

// NewStoryBaseline records results, in their order.
func NewStoryBaseline(rs []StoryResult) *StoryBaseline {
	b := &StoryBaseline{Total: TotalStories(rs)}
	for _, r := range rs {
		b.Briefs = append(b.Briefs, StoryEntry{Brief: r.Brief, StoryFigures: r.Figures})
	}
	return b
}

// Marshal writes the baseline as indented JSON with a final newline.
func (b *StoryBaseline) Marshal() ([]byte, error) {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// DecodeStoryBaseline reads a baseline written by Marshal.
func DecodeStoryBaseline(data []byte) (*StoryBaseline, error) {
	var b StoryBaseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("decode stories baseline: %w", err)
	}
	return &b, nil
}

// Compare compares results with the baseline, brief by brief and in
// total. A figure regresses by its own rule (storyFigure.worse): the share
// of stories with a persona falls, tautologies rise, outcomes found fall;
// the number of outcomes changing means the expectation did. Boilerplate
// is not compared.
func (b *StoryBaseline) Compare(rs []StoryResult) Comparison {
	var c Comparison
	base := map[string]StoryFigures{}
	for _, e := range b.Briefs {
		base[e.Brief] = e.StoryFigures
	}
	seen := map[string]bool{}
	for _, r := range rs {
		seen[r.Brief] = true
		old, ok := base[r.Brief]
		if !ok {
			c.Regressions = append(c.Regressions, r.Brief+": not in the stories baseline")
			continue
		}
		c.compareStories(r.Brief, old, r.Figures)
	}
	for _, e := range b.Briefs {
		if !seen[e.Brief] {
			c.Regressions = append(c.Regressions, e.Brief+": in the stories baseline but not in the corpus")
		}
	}
	c.compareStories("total", b.Total, TotalStories(rs))
	return c
}

func (c *Comparison) compareStories(name string, old, now StoryFigures) {
	for _, fg := range storyFigureList {
		if fg.worse == nil {
			continue
		}
		o, n := *fg.get(&old), *fg.get(&now)
		switch {
		case fg.fixedOf && o.Of != n.Of:
			c.Regressions = append(c.Regressions, fmt.Sprintf("%s: %s counts %d items, the baseline %d: the expectation changed", name, fg.name, n.Of, o.Of))
		case fg.worse(o, n):
			c.Regressions = append(c.Regressions, fmt.Sprintf("%s: %s went from %s to %s (target %s)", name, fg.name, o, n, fg.goal))
		case fg.worse(n, o):
			c.Gains = append(c.Gains, fmt.Sprintf("%s: %s went from %s to %s (target %s)", name, fg.name, o, n, fg.goal))
		}
	}
}
