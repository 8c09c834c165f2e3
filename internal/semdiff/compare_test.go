package semdiff

import (
	"bytes"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
)

func prd(frs ...string) *Doc {
	p := &artifact.PRD{Title: "Pantry"}
	for _, fr := range frs {
		id, text, _ := strings.Cut(fr, " ")
		p.Functional = append(p.Functional, artifact.Requirement{ID: id, Text: text})
	}
	return NewPRD("docs/prd.md", p, nil)
}

func stories(traces ...string) *Doc {
	s := &artifact.Stories{Title: "Pantry"}
	for i, tr := range traces {
		s.Stories = append(s.Stories, artifact.Story{ID: artifact.StoryID(i + 1), Title: "Story", Traces: strings.Fields(tr)})
	}
	return NewStories("docs/stories.md", s, nil)
}

// changes lists a diff's changes as "type id", in order.
func changes(d *Diff) string {
	var out []string
	for _, doc := range d.Documents {
		for _, c := range doc.Changes {
			out = append(out, string(c.Type)+" "+c.ID)
		}
	}
	for _, t := range d.Traces {
		out = append(out, "trace "+string(t.Status)+" "+t.From+">"+t.To)
	}
	return strings.Join(out, ", ")
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name     string
		old, cur Set
		want     string
	}{
		{"same", Set{PRD: prd("FR-001 a", "FR-002 b")}, Set{PRD: prd("FR-001 a", "FR-002 b")}, ""},
		{"whitespace is not a change", Set{PRD: prd("FR-001 a  b")}, Set{PRD: prd("FR-001 a b")}, ""},
		{"reworded", Set{PRD: prd("FR-001 a", "FR-002 b")}, Set{PRD: prd("FR-001 a", "FR-002 c")}, "changed FR-002"},
		// Items after a removed one shift up, but have not moved.
		{"shifted", Set{PRD: prd("FR-001 a", "FR-002 b", "FR-003 c")}, Set{PRD: prd("FR-002 b", "FR-003 c")}, "removed FR-001"},
		{"inserted", Set{PRD: prd("FR-001 a", "FR-003 c")}, Set{PRD: prd("FR-001 a", "FR-002 b", "FR-003 c")}, "added FR-002"},
		{"reordered", Set{PRD: prd("FR-001 a", "FR-002 b", "FR-003 c")}, Set{PRD: prd("FR-003 c", "FR-001 a", "FR-002 b")}, "moved FR-003"},
		{"IDs sort by number", Set{PRD: prd("FR-002 a", "FR-010 b")}, Set{PRD: prd("FR-002 x", "FR-010 y")}, "changed FR-002, changed FR-010"},
		{"retraced", Set{PRD: prd("FR-001 a", "FR-002 b"), Stories: stories("FR-001")}, Set{PRD: prd("FR-001 a", "FR-002 b"), Stories: stories("FR-002")},
			"moved US-001, trace removed US-001>FR-001, trace added US-001>FR-002"},
		{"trace order is not a move", Set{Stories: stories("FR-001 FR-002")}, Set{Stories: stories("FR-002 FR-001")}, ""},
		{"requirement removed breaks a trace", Set{PRD: prd("FR-001 a"), Stories: stories("FR-001")}, Set{PRD: prd(), Stories: stories("FR-001")},
			"removed FR-001, trace broken US-001>FR-001"},
		// A trace broken before is lint's to report, not the diff's.
		{"broken before", Set{PRD: prd("FR-001 a"), Stories: stories("FR-009")}, Set{PRD: prd("FR-001 b"), Stories: stories("FR-009")}, "changed FR-001"},
		{"new trace to nothing", Set{PRD: prd("FR-001 a"), Stories: stories("FR-001")}, Set{PRD: prd("FR-001 a"), Stories: stories("FR-001", "FR-009")},
			"added US-002, trace broken US-002>FR-009, trace added US-002>FR-009"},
		// Without the PRD in the new version, traces into it are not checked.
		{"no PRD", Set{PRD: prd("FR-001 a"), Stories: stories("FR-001")}, Set{Stories: stories("FR-001")}, ""},
		{"duplicate IDs pair in order", Set{PRD: prd("FR-001 a", "FR-001 b")}, Set{PRD: prd("FR-001 a", "FR-001 c")}, "changed FR-001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changes(Compare(tt.old, tt.cur)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// A line of the scope has no ID: edited in place, it is changed; moved
// elsewhere with another line in its place, one is removed and one added.
func TestCompareTexts(t *testing.T) {
	scope := func(lines ...string) Set {
		return Set{PRD: NewPRD("docs/prd.md", &artifact.PRD{Title: "x", InScope: lines}, nil)}
	}
	tests := []struct {
		name     string
		old, cur Set
		want     string
	}{
		{"edited in place", scope("a b", "c d"), scope("a b", "c e"), "changed c d > c e"},
		{"added", scope("a b"), scope("a b", "c d"), "added  > c d"},
		{"removed", scope("a b", "c d"), scope("c d"), "removed a b > "},
		{"replaced and added", scope("a", "b"), scope("x", "b", "y"), "added  > y, changed a > x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Compare(tt.old, tt.cur).Documents[0].Changes {
				got = append(got, string(c.Type)+" "+c.Old+" > "+c.New)
			}
			if s := strings.Join(got, ", "); s != tt.want {
				t.Errorf("got  %s\nwant %s", s, tt.want)
			}
		})
	}
}

func TestDocumentStatus(t *testing.T) {
	d := Compare(Set{PRD: prd("FR-001 a"), Stories: stories()}, Set{PRD: prd("FR-001 a"), Tech: NewTech("docs/tech.md", &artifact.TechSpec{Title: "x"}, nil)})
	var got []string
	for _, doc := range d.Documents {
		got = append(got, string(doc.Role)+" "+string(doc.Status))
	}
	if s := strings.Join(got, ", "); s != "prd unchanged, stories removed, tech added" {
		t.Errorf("got %s", s)
	}
	if d.Summary.Documents != 2 || d.Empty() {
		t.Errorf("summary %+v, want 2 documents changed", d.Summary)
	}
}

// Text from a document shows as written in the markdown: nothing in it
// becomes markup, a link or HTML.
func TestMarkdownEscapes(t *testing.T) {
	d := Compare(Set{PRD: prd("FR-001 plain")}, Set{PRD: prd("FR-001 use `code`, *stars*, <b>tags</b>, [a](b) & ~~x~~ | y")})
	var b bytes.Buffer
	if err := d.Write(&b, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	want := "- `FR-001` ~~plain~~ **use \\`code\\`, \\*stars\\*, \\<b\\>tags\\</b\\>, \\[a\\](b) \\& \\~\\~x\\~\\~ \\| y**\n"
	if !strings.Contains(b.String(), want) {
		t.Errorf("got\n%s\nwant a line\n%s", b.String(), want)
	}
}

func TestCode(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"FR-001", "`FR-001`"},
		{"GET /a`b", "``GET /a`b``"},
		{"`x`", "`` `x` ``"},
	} {
		if got := code(tt.in); got != tt.want {
			t.Errorf("code(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Items that cite the brief are found on their lines, the citation after
// their text notwithstanding.
func TestCitedItemLines(t *testing.T) {
	src := []byte("# Product requirements: x\n\n## Users\n\n- Someone who waits. (brief.md:3)\n\n## Scope\n\n### Out of scope\n\n- Payments (brief.md:7-8)\n- Refunds\n- Payments (later)\n")
	p, err := artifact.ParsePRD(src)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"Someone who waits.": 5, "Payments": 11, "Refunds": 12, "Payments (later)": 13}
	for _, it := range prdItems(p, src) {
		if line, ok := want[it.text]; ok && it.line != line {
			t.Errorf("%q is on line %d, want %d", it.text, it.line, line)
		}
	}
}
