package artifact

import (
	"reflect"
	"testing"
)

func TestBlockSafe(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain text", "plain text"},
		{"**bold** start", "**bold** start"},
		{"`code` start", "`code` start"},
		{"*emphasis*", "*emphasis*"},
		{"2025 was busy", "2025 was busy"},
		{"# heading", `\# heading`},
		{"#hashtag", "#hashtag"},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"* item", `\* item`},
		{"***", `\***`},
		{"> quote", `\> quote`},
		{"1. first", `1\. first`},
		{"12) first", `12\) first`},
		{"```go", "\\```go"},
		{"<!-- note -->", `\<!-- note -->`},
		{"<div>", `\<div>`},
		{"[a]: /b", `\[a]: /b`},
		{"", ""},
	}
	for _, tt := range tests {
		if got := blockSafe(tt.in); got != tt.want {
			t.Errorf("blockSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadingSafe(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Notes", "Notes"},
		{"C#", "C#"},
		{"Notes #", `Notes \#`},
		{"Notes ##", `Notes \##`},
		{"#", `\#`},
	}
	for _, tt := range tests {
		if got := headingSafe(tt.in); got != tt.want {
			t.Errorf("headingSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTerminate(t *testing.T) {
	tests := []struct {
		in, terminated, back string
	}{
		{"done", "done.", "done"},
		{"done.", "done.", "done"},
		{"done?", "done?", "done?"},
		{"etc..", "etc..", "etc.."},
		{"then ", "then .", "then ."},
		{"", ".", ""},
	}
	for _, tt := range tests {
		got := terminate(tt.in)
		if got != tt.terminated {
			t.Errorf("terminate(%q) = %q, want %q", tt.in, got, tt.terminated)
		}
		back := unterminate(got)
		if back != tt.back || terminate(back) != got {
			t.Errorf("unterminate(%q) = %q, want %q, which terminates to the same", got, back, tt.back)
		}
	}
}

func TestCells(t *testing.T) {
	tests := []struct {
		in, cell, code, codeBack string
	}{
		{"text", "text", "`text`", "text"},
		{"", "–", "–", ""},
		{"-", "–", "–", ""},
		{"a | b", `a \| b`, "`a \\| b`", "a | b"},
		{`a \| b`, `a \\\| b`, "`a \\\\\\| b`", `a \\| b`},
		{"a`b", "a`b", "``a`b``", "a`b"},
		{"`a`", "`a`", "`` `a` ``", "`a`"},
		{"line\nbreak", "line break", "`line break`", "line break"},
	}
	for _, tt := range tests {
		if got := cell(tt.in); got != tt.cell {
			t.Errorf("cell(%q) = %q, want %q", tt.in, got, tt.cell)
		}
		got := codeCell(tt.in)
		if got != tt.code {
			t.Errorf("codeCell(%q) = %q, want %q", tt.in, got, tt.code)
		}
		// The markdown reader unescapes pipes before codeText sees a cell.
		if back := codeText(unescapePipes(got)); back != tt.codeBack {
			t.Errorf("codeText(%q) = %q, want %q", got, back, tt.codeBack)
		}
	}
}

func unescapePipes(s string) string {
	out := []byte{}
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && s[i+1] == '|' {
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}

func TestCodeTextKeepsOtherCells(t *testing.T) {
	for _, s := range []string{"`a` and `b`", "``a`", "plain", "`a`b`"} {
		if got := codeText(s); got != s {
			t.Errorf("codeText(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestSources(t *testing.T) {
	tests := []struct {
		joined string
		split  []string
	}{
		{"brief.md", []string{"brief.md"}},
		{"a.md and b.md", []string{"a.md", "b.md"}},
		{"a.md, b.md and c.md", []string{"a.md", "b.md", "c.md"}},
		{"notes, v2.md", []string{"notes, v2.md"}},
	}
	for _, tt := range tests {
		got := splitSources(tt.joined)
		if !reflect.DeepEqual(got, tt.split) {
			t.Errorf("splitSources(%q) = %q, want %q", tt.joined, got, tt.split)
		}
		if back := joinSources(got); back != tt.joined {
			t.Errorf("joinSources(%q) = %q, want %q", got, back, tt.joined)
		}
	}
}

func TestReadLines(t *testing.T) {
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"requirement with priority", readRequirement("FR-001", "Text (x) (priority: P0)"), Requirement{ID: "FR-001", Text: "Text (x)", Priority: "P0"}},
		{"requirement with empty priority", readRequirement("", "Text (priority: )"), Requirement{Text: "Text (priority: )"}},
		{"group not after a space", readRequirement("", "f(priority: P0)"), Requirement{Text: "f(priority: P0)"}},
		{"named", pair(readNamed("**Patient**: waits")), [2]string{"Patient", "waits"}},
		{"named without text", pair(readNamed("**Patient**")), [2]string{"Patient", ""}},
		{"not named", pair(readNamed("Patient: waits")), [2]string{"", "Patient: waits"}},
		{"spaced name", pair(readNamed("** Patient**: waits")), [2]string{"", "** Patient**: waits"}},
		{"criterion", readCriterion("", "Given a, when b, then c."), Criterion{Given: "a", When: "b", Then: "c"}},
		{"criterion without full stop", readCriterion("", "Given a, when b, then c"), Criterion{Text: "Given a, when b, then c"}},
		{"criterion without then", readCriterion("", "Given a, when b."), Criterion{Text: "Given a, when b."}},
		{"lowercase given", readCriterion("", "given a, when b, then c."), Criterion{Text: "given a, when b, then c."}},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
}

func pair(a, b string) [2]string { return [2]string{a, b} }

func TestReadSentence(t *testing.T) {
	tests := []struct {
		in             string
		role, want, so string
		ok             bool
	}{
		{"As a user, I want x, so that y.", "user", "x", "y", true},
		{"As an admin, I want x.", "admin", "x", "", true},
		{"As a user, I want x, so that y, so that z.", "user", "x", "y, so that z", true},
		{"as a user I want x so that y", "user", "x", "y", true},
		{"As a user  ,  I want  x.", "user", "x", "", true},
		{"as an user,I want x,so that y", "user", "x", "y", true},
		{"as a taxi wanter i want x", "taxi wanter", "x", "", true},
		{"The user wants x.", "", "", "", false},
	}
	for _, tt := range tests {
		role, want, so, ok := readSentence(tt.in)
		if role != tt.role || want != tt.want || so != tt.so || ok != tt.ok {
			t.Errorf("readSentence(%q) = %q, %q, %q, %v, want %q, %q, %q, %v", tt.in, role, want, so, ok, tt.role, tt.want, tt.so, tt.ok)
		}
	}
}
