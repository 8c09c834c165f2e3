package brief

import (
	"strings"
)

// Column names, lower case, that give a table column its meaning, from
// lexicon/tables.txt.
var (
	priorityColumns    = lexPhrases("priority columns")
	notesColumns       = lexPhrases("notes columns")
	nameColumns        = lexPhrases("name columns")
	baselineColumns    = lexPhrases("baseline columns")
	targetColumns      = lexPhrases("target columns")
	describeColumns    = lexPhrases("describe columns")
	requirementColumns = lexPhrases("requirement columns")
	idColumns          = lexPhrases("id columns")
	phaseColumns       = lexPhrases("phase columns")
	personColumns      = lexPhrases("person columns")
)

// table is a markdown table with its header row lower-cased for lookups.
type table struct {
	header []string
	rows   [][]string
}

func newTable(rows [][]string) (table, bool) {
	if len(rows) < 2 {
		return table{}, false
	}
	t := table{}
	for _, h := range rows[0] {
		name := strings.Trim(plain(h), " :*_")
		if name == "" {
			name = strings.TrimSpace(h) // "#", which alone reads as an empty heading
		}
		t.header = append(t.header, strings.ToLower(name))
	}
	for _, r := range rows[1:] {
		empty := true
		for _, c := range r {
			empty = empty && strings.TrimSpace(c) == ""
		}
		if !empty {
			t.rows = append(t.rows, r)
		}
	}
	return t, true
}

// column finds the first column named one of names, skipping those in
// skip; -1 when there is none.
func (t table) column(names []string, skip ...int) int {
	for i, h := range t.header {
		if contains(skip, i) {
			continue
		}
		for _, n := range names {
			if h == n {
				return i
			}
		}
	}
	return -1
}

func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// others returns "Header: value" for the non-empty cells of row outside
// the used columns, or the bare value when its header is in bare.
func (t table) others(row []string, used []int, bare []string) []string {
	var out []string
	for i := range row {
		v := cell(row, i)
		if contains(used, i) || v == "" {
			continue
		}
		h := ""
		if i < len(t.header) {
			h = t.header[i]
		}
		if h == "" || containsString(bare, h) {
			out = append(out, v)
		} else {
			out = append(out, capitalize(h)+": "+v)
		}
	}
	return out
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// addTable reads a table into part pt. The first column is the item (for
// features, the first column that is not a priority); other columns are
// read by their header names.
func (p *parser) addTable(pt part, rows [][]string) {
	t, ok := newTable(rows)
	if !ok {
		return
	}
	switch pt {
	case partFeatures:
		p.featureTable(t)
	case partUsers:
		id := t.column(idColumns())
		name := t.column(personColumns(), id)
		for name < 0 || name == id {
			name++
		}
		for _, r := range t.rows {
			desc := strings.Join(t.others(r, []int{name, id}, describeColumns()), "; ")
			p.addPersona(newPersona(cell(r, name), desc))
		}
	case partMetrics:
		p.metricTable(t)
	case partSummary, partProblem:
		// Prose parts take no tables: a table there is supporting data.
	default:
		for _, r := range t.rows {
			text := trimItem(cell(r, 0))
			if o := t.others(r, []int{0}, nil); len(o) > 0 {
				text += " (" + strings.Join(o, "; ") + ")"
			}
			p.addItem(pt, text)
		}
	}
}

// featureTable reads a table of features. Columns are read by their
// header: the feature (a requirement, feature or story column, else the
// first column that is none of the others), the brief's own ID, the
// priority, the phase or release, and notes; any other column becomes a
// "Header: value" note.
func (p *parser) featureTable(t table) {
	prio := t.column(priorityColumns())
	id := t.column(idColumns(), prio)
	phase := t.column(phaseColumns(), prio, id)
	text := t.column(requirementColumns(), prio, id, phase)
	for text < 0 || text == prio || text == id || text == phase {
		text++
	}
	notes := t.column(notesColumns(), text, prio, id, phase)
	for _, r := range t.rows {
		var n []string
		if v := cell(r, notes); v != "" {
			n = append(n, v)
		}
		n = append(n, t.others(r, []int{text, prio, notes, id, phase}, nil)...)
		tags := cell(r, phase)
		if why, later := laterOf(tags, true); later && why == "" && tags != "" {
			tags = "(" + tags + ")"
		}
		p.fileFeature(cell(r, text), cell(r, prio), strings.Join(n, "; "), cell(r, id), tags)
	}
}

func (p *parser) metricTable(t table) {
	name := t.column(nameColumns())
	base := t.column(baselineColumns(), name)
	target := t.column(targetColumns(), name, base)
	if name < 0 {
		name = 0
		for name == base || name == target {
			name++
		}
	}
	for _, r := range t.rows {
		m := Metric{
			Name:     capitalize(trimItem(plain(cell(r, name)))),
			Baseline: trimItem(plain(cell(r, base))),
			Target:   trimItem(plain(cell(r, target))),
		}
		if m.Target == "" {
			parsed := parseMetric(m.Name)
			if m.Baseline != "" {
				parsed.Baseline = m.Baseline
			}
			m = parsed
		}
		p.addMetric(m)
	}
}
