package export

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
)

// readCSV parses CSV the way an importer does.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0 // every record as long as the header
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse the CSV back: %v", err)
	}
	return records
}

func TestCSVRoundTrip(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			stories, _ := load(t, name)
			records := readCSV(t, render(t, name, CSV))
			head := records[0]
			if !slices.Equal(head[:4], csvHead) {
				t.Errorf("header starts %q, want %q", head[:4], csvHead)
			}
			for _, h := range head[4:] {
				if h != "Labels" {
					t.Errorf("header has %q after the fixed columns, want only Labels", h)
				}
			}
			rows := records[1:]
			if len(rows) != len(stories.Stories) {
				t.Fatalf("%d rows, want one per story (%d)", len(rows), len(stories.Stories))
			}
			for i, row := range rows {
				st := stories.Stories[i]
				if row[0] != st.Title || row[1] != "Story" {
					t.Errorf("row %d: summary %q, type %q", i, row[0], row[1])
				}
				labels := row[4:]
				for _, want := range append([]string{st.ID, Label}, st.Traces...) {
					if !slices.Contains(labels, want) {
						t.Errorf("row %d: labels %q lack %s", i, labels, want)
					}
				}
				desc := row[2]
				for _, c := range st.Criteria {
					if !strings.Contains(desc, "\n- "+c.ID+" "+c.Line()+"\n") {
						t.Errorf("row %d: description lacks %s:\n%s", i, c.ID, desc)
					}
				}
				if !strings.HasPrefix(desc, st.Sentence()) || !strings.HasSuffix(desc, "Traces: "+strings.Join(st.Traces, ", ")) {
					t.Errorf("row %d: description does not start with the sentence and end with the traces:\n%s", i, desc)
				}
				if !slices.Contains([]string{Highest, High, Medium, Low}, row[3]) {
					t.Errorf("row %d: priority %q", i, row[3])
				}
			}
		})
	}
}

// TestCSVAwkwardText checks that commas, quotes and newlines survive the
// round trip, that rows are padded to the header, and that the formula
// guard applies to a title but leaves IDs and descriptions alone.
func TestCSVAwkwardText(t *testing.T) {
	stories := &artifact.Stories{Title: "T", Stories: []artifact.Story{
		{ID: "US-001", Title: `Export "quoted", comma'd` + "\nand on two lines", Role: "PM", Want: `to say "hi", twice`,
			Traces:   []string{"FR-001", "FR-002", "FR-003"},
			Criteria: []artifact.Criterion{{ID: "AC-001.1", Given: "a, b", When: `"c"`, Then: "d"}}},
		{ID: "US-002", Title: "=HYPERLINK(\"http://x\")"},
		{ID: "US-003", Title: "-1 for this", Criteria: []artifact.Criterion{{Text: "no ID here"}}},
		{ID: "US-004"},
	}}
	var buf bytes.Buffer
	if err := Build(stories, nil).Write(&buf, CSV); err != nil {
		t.Fatal(err)
	}
	records := readCSV(t, buf.Bytes())
	if len(records) != 5 || len(records[0]) != 4+5 {
		t.Fatalf("got %d records of %d cells, want 5 of 9:\n%s", len(records), len(records[0]), buf.String())
	}
	tests := []struct {
		row, col int
		want     string
	}{
		{1, 0, stories.Stories[0].Title},
		{1, 2, "As a PM, I want to say \"hi\", twice.\n\nAcceptance criteria:\n- AC-001.1 Given a, b, when \"c\", then d.\n\nTraces: FR-001, FR-002, FR-003"},
		{1, 4, "US-001"}, {1, 8, "prodgen"},
		{2, 0, `'=HYPERLINK("http://x")`},
		{2, 2, "Acceptance criteria: none\n\nTraces: none"},
		{2, 5, "prodgen"}, {2, 6, ""}, {2, 8, ""},
		{3, 0, "'-1 for this"},
		{3, 2, "Acceptance criteria:\n- no ID here\n\nTraces: none"},
		{4, 0, "US-004"},
	}
	for _, tt := range tests {
		if got := records[tt.row][tt.col]; got != tt.want {
			t.Errorf("record %d cell %d = %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
	if bytes.Contains(buf.Bytes(), []byte("\r")) {
		t.Errorf("output has CR; records end in LF")
	}
}

func TestSafeCell(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"- item", "'- item"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"", ""},
		{"US-001", "US-001"},
		{"FR-003", "FR-003"},
		{"As a user, I want = things", "As a user, I want = things"},
		{"'already", "'already"},
		{" =x", " =x"},
		{"Acceptance criteria:\n- AC-001.1", "Acceptance criteria:\n- AC-001.1"},
	}
	for _, tt := range tests {
		if got := SafeCell(tt.in); got != tt.want {
			t.Errorf("SafeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
