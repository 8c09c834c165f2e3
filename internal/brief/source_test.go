package brief

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/brief/brieftest"
	"github.com/prodgen/prodgen/internal/markdown"
)

// TestSourceOf checks the lines each kind of item cites, in the shapes a
// brief is written in.
func TestSourceOf(t *testing.T) {
	tests := []struct {
		name  string
		brief string
		item  string
		want  string // the spans, as "12" or "12-14", comma-separated
	}{
		{"a bullet", "# Tally\n\n## Features\n\n- Export check-ins as CSV.\n- Invite members by link.\n", "Invite members by link", "6"},
		{"front matter keeps the file's lines", "---\nproduct: Tally\n---\n\n## Features\n\n- Export check-ins as CSV.\n", "Export check-ins as CSV", "7"},
		{"a table row, not the rows around it", "# Tally\n\n## Features\n\n| Feature | Priority |\n| --- | --- |\n| Export check-ins as CSV | P1 |\n| Invite members by link | P0 |\n",
			"Invite members by link", "8"},
		{"a persona in a table", "# Tally\n\n## Users\n\n| Persona | Needs |\n| --- | --- |\n| Team lead | Sees who checked in |\n| Team member | Checks in fast |\n\n## Features\n\n- Check in.\n",
			"Team member", "8"},
		{"a sentence wrapped over two lines", "# Tally\n\n## Features\n\nMembers check in from their phone. Leads see\na weekly summary of every habit.\n",
			"Leads see a weekly summary of every habit", "5-6"},
		{"a list item's continuation line", "# Tally\n\n## Features\n\n- Leads export every check-in of the\n  last quarter as a CSV file.\n- Invite members.\n",
			"Leads export every check-in of the last quarter as a CSV file", "5-6"},
		{"nested notes are the feature's", "# Tally\n\n## Features\n\n- Reminders for members\n  - sent at a time the lead sets\n  - never at weekends\n- Invite members.\n",
			"Reminders for members", "5-7"},
		{"a heading above its description", "# Tally\n\n## Users\n\n### Team lead\n\nSets up the habits and reads the weekly summary.\n\n## Features\n\n- Check in.\n",
			"Team lead", "5-7"},
		{"the section it was read in, not the summary", "# Tally\n\nTally lets members export check-ins as CSV.\n\n## Features\n\n- Export check-ins as CSV.\n",
			"Export check-ins as CSV", "7"},
		{"a prose sentence in its own paragraph, not an earlier one with its words",
			"Fixwell is a repairs app for tenants. Today nobody knows when someone will be at home.\n\nA tenant reports a leak. They tell us when someone will be at home, and they get a reference number.\n",
			"Tell us when someone will be at home", "3"},
		{"HTML, by the file's own lines", "<h1>Tally</h1>\n<h2>Features</h2>\n<ul>\n<li>Export check-ins as <b>CSV</b>.</li>\n<li>Invite members by link.</li>\n</ul>\n",
			"Invite members by link", "5"},
		{"stated twice, both places", "# Tally\n\n## Features\n\n- Check in to a habit from Slack.\n- Export check-ins as CSV.\n\n## MVP scope\n\n- Slack check-in for a habit.\n",
			"Check in to a habit from Slack", "5, 10"},
		{"a later item", "# Tally\n\n## Features\n\n- Check in.\n\n## Phase 2\n\n- Native mobile apps.\n", "Native mobile apps", "9"},
		{"a plan item", "# Tally\n\n## Features\n\n- Check in.\n\n## Budget\n\n- Two engineers for one quarter.\n", "Two engineers for one quarter", "9"},
		{"a constraint", "# Tally\n\n## Features\n\n- Check in.\n\n## Constraints\n\n- Data stays in the EU.\n", "Data stays in the EU", "9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.brief))
			if err != nil {
				t.Fatal(err)
			}
			if got := spans(b.SourceOf(tt.item)); got != tt.want {
				t.Errorf("SourceOf(%q) = %q, want %q; the brief has %s", tt.item, got, tt.want, itemsOf(b))
			}
		})
	}
}

func spans(ss []Span) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.String())
	}
	return strings.Join(out, ", ")
}

func itemsOf(b *Brief) string {
	data, _ := json.Marshal(b.Sources)
	return string(data)
}

// TestSourcesHoldTheirItems checks every item of every sample brief: it
// has a source, and its first line holds a content word of the item.
func TestSourcesHoldTheirItems(t *testing.T) {
	for _, name := range samples {
		src, err := os.ReadFile(filepath.Join("testdata", name+".md"))
		if err != nil {
			t.Fatal(err)
		}
		b, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		lines := markdown.Lines(src)
		check := func(kind, text string) {
			ss := b.SourceOf(text)
			if len(ss) == 0 {
				t.Errorf("%s: %s %q cites no line", name, kind, text)
				return
			}
			for _, s := range ss {
				if s.Start < 1 || s.End < s.Start || s.End > len(lines) {
					t.Errorf("%s: %s %q cites %v, not lines of the brief", name, kind, text, s)
					continue
				}
				if !holdsWord(lines[s.Start-1:s.End], stemsOf(text)) {
					t.Errorf("%s: %s %q cites %v, which holds none of its words", name, kind, text, s)
				}
			}
		}
		for _, f := range b.Features {
			check("feature", f.Text)
		}
		for _, g := range b.Goals {
			check("goal", g)
		}
		for _, c := range b.Constraints {
			check("constraint", c)
		}
		for _, u := range b.Users {
			check("persona", u.Name)
		}
	}
}

func holdsWord(lines []string, words stemSet) bool {
	for _, l := range lines {
		for w := range rawStems(l) {
			if words[w] {
				return true
			}
		}
	}
	return false
}

func TestSpanText(t *testing.T) {
	for _, s := range []Span{{1, 1}, {12, 14}} {
		data, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back Span
		if err := json.Unmarshal(data, &back); err != nil || back != s {
			t.Errorf("%v: JSON %s reads back as %v, %v", s, data, back, err)
		}
	}
	for _, bad := range []string{`"0"`, `"3-2"`, `"x"`, `"1-"`} {
		var s Span
		if err := json.Unmarshal([]byte(bad), &s); err == nil {
			t.Errorf("%s reads as %v, want an error", bad, s)
		}
	}
}

// TestSourcesOfALargeBrief checks that a brief of many sections of
// repeated features cites each feature on its own line.
func TestSourcesOfALargeBrief(t *testing.T) {
	src := brieftest.LargeBrief(64 << 10)
	b, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	lines := markdown.Lines(src)
	wrong := 0
	for _, f := range b.Features {
		ss := b.SourceOf(f.Text)
		if len(ss) != 1 || !strings.Contains(lines[ss[0].Start-1], f.Text) {
			wrong++
			if wrong <= 3 {
				t.Errorf("%q cites %v", f.Text, ss)
			}
		}
	}
	if wrong > 0 {
		t.Errorf("%d of %d features cite the wrong lines", wrong, len(b.Features))
	}
	if len(b.Features) < 100 {
		t.Fatalf("only %d features", len(b.Features))
	}
}
