package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Baseline is the committed record of the figures the engine reached, per
// brief and in total. A change that lowers any figure fails the corpus
// test; a change that raises one is recorded by rewriting the baseline.
type Baseline struct {
	Briefs []Entry `json:"briefs"`
	Total  Figures `json:"total"`
}

// Entry is one brief's figures in a Baseline.
type Entry struct {
	Brief string `json:"brief"`
	Figures
}

// NewBaseline records results, in their order.
func NewBaseline(rs []Result) *Baseline {
	b := &Baseline{Total: Total(rs)}
	for _, r := range rs {
		b.Briefs = append(b.Briefs, Entry{Brief: r.Brief, Figures: r.Figures})
	}
	return b
}

// Marshal writes the baseline as indented JSON with a final newline.
func (b *Baseline) Marshal() ([]byte, error) {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// DecodeBaseline reads a baseline written by Marshal.
func DecodeBaseline(data []byte) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("decode baseline: %w", err)
	}
	return &b, nil
}

// Comparison is how results stand against a baseline.
type Comparison struct {
	// Regressions are figures below the baseline, and briefs or
	// expectations the baseline does not match: either fails the test.
	Regressions []string
	// Gains are figures above the baseline, to be recorded.
	Gains []string
}

// Compare compares results with the baseline, brief by brief and in total.
func (b *Baseline) Compare(rs []Result) Comparison {
	var c Comparison
	base := map[string]Figures{}
	for _, e := range b.Briefs {
		base[e.Brief] = e.Figures
	}
	seen := map[string]bool{}
	for _, r := range rs {
		seen[r.Brief] = true
		old, ok := base[r.Brief]
		if !ok {
			c.Regressions = append(c.Regressions, r.Brief+": not in the baseline")
			continue
		}
		c.compare(r.Brief, old, r.Figures)
	}
	for _, e := range b.Briefs {
		if !seen[e.Brief] {
			c.Regressions = append(c.Regressions, e.Brief+": in the baseline but not in the corpus")
		}
	}
	c.compare("total", b.Total, Total(rs))
	return c
}

func (c *Comparison) compare(name string, old, now Figures) {
	for _, fg := range figureList {
		o, n := fg.get(&old), fg.get(&now)
		switch {
		case o.Of != n.Of:
			c.Regressions = append(c.Regressions, fmt.Sprintf("%s: %s counts %d items, the baseline %d: the expectation changed", name, fg.name, n.Of, o.Of))
		case n.Got < o.Got:
			c.Regressions = append(c.Regressions, fmt.Sprintf("%s: %s fell from %s to %s", name, fg.name, o, n))
		case n.Got > o.Got:
			c.Gains = append(c.Gains, fmt.Sprintf("%s: %s rose from %s to %s", name, fg.name, o, n))
		}
	}
}
