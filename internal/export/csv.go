package export

import (
	"encoding/csv"
	"io"
	"strings"
)

// The CSV columns before the labels, as Jira's importer maps them.
var csvHead = []string{"Summary", "Issue Type", "Description", "Priority"}

// issueType is the Jira issue type of every row.
const issueType = "Story"

// writeCSV writes one row per story under a header row. Labels take as
// many "Labels" columns as the story with the most labels needs (Jira
// imports same-named columns as several values); shorter rows are padded
// with empty cells, so every row has as many cells as the header. Records
// end in LF; cells are quoted by encoding/csv where they need it.
func writeCSV(w io.Writer, d *Document) error {
	width := 1
	for _, s := range d.Stories {
		width = max(width, len(s.Labels))
	}
	cw := csv.NewWriter(w)
	head := append([]string{}, csvHead...)
	for range width {
		head = append(head, "Labels")
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, s := range d.Stories {
		row := []string{summary(s), issueType, Description(s), s.Priority}
		row = append(row, s.Labels...)
		for len(row) < len(head) {
			row = append(row, "")
		}
		for i := range row {
			row[i] = SafeCell(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// summary is the story's title, or its ID when it has none: Jira refuses
// an issue without a summary.
func summary(s Story) string {
	if s.Title == "" {
		return s.ID
	}
	return s.Title
}

// Description is a story as plain text for an issue tracker: the story
// sentence, the acceptance criteria one a line, and the traces. It starts
// with "As a" or "Acceptance", which SafeCell leaves alone, unless a
// person wrote the sentence in another form: that is guarded like any
// cell.
func Description(s Story) string {
	var b strings.Builder
	if s.Sentence != "" {
		b.WriteString(s.Sentence + "\n\n")
	}
	if len(s.Criteria) == 0 {
		b.WriteString("Acceptance criteria: none\n")
	} else {
		b.WriteString("Acceptance criteria:\n")
		for _, c := range s.Criteria {
			b.WriteString("- " + criterionLine(c) + "\n")
		}
	}
	b.WriteString("\n" + tracesLine(s.Traces))
	return b.String()
}

// criterionLine is "AC-001.1 Given …" or, without an ID, the text alone.
func criterionLine(c Criterion) string {
	if c.ID == "" {
		return c.Text
	}
	return strings.TrimSpace(c.ID + " " + c.Text)
}

// tracesLine is "Traces: FR-001, FR-003" or "Traces: none".
func tracesLine(traces []string) string {
	if len(traces) == 0 {
		return "Traces: none"
	}
	return "Traces: " + strings.Join(traces, ", ")
}

// SafeCell keeps a spreadsheet from reading a cell as a formula: a cell
// that starts with "=", "+", "-", "@", a tab or a carriage return gets a
// leading "'". Other cells are returned as they are.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
