package markdown

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		front map[string]string // nil: no front matter
		body  string            // outline of the rest, see outline
	}{
		{
			name:  "scalars kept, keys lower-cased, lines true to the file",
			src:   "---\nTitle: Password reset \nVersion: 1.5\nDraft: true\nCount: 3\nOwner Team: Growth\n---\n# Brief\n\nText.\n",
			front: map[string]string{"title": "Password reset", "version": "1.5", "draft": "true", "count": "3", "owner team": "Growth"},
			body: `# "Brief" @8
  para@10 "Text."`,
		},
		{
			name:  "nested maps, lists and nulls ignored",
			src:   "---\ntitle: X\nauthors:\n  - a\n  - b\nmeta:\n  k: v\nempty:\n---\nText.\n",
			front: map[string]string{"title": "X"},
			body:  `para@10 "Text."`,
		},
		{
			name:  "of keys differing in case, the lower-case one wins",
			src:   "---\nTITLE: a\ntitle: b\nTitle: c\n---\n",
			front: map[string]string{"title": "b"},
		},
		{
			name:  "a closing line of dots",
			src:   "---\ntitle: X\n...\nText.\n",
			front: map[string]string{"title": "X"},
			body:  `para@4 "Text."`,
		},
		{
			name:  "empty front matter",
			src:   "---\n---\n# T\n",
			front: map[string]string{},
			body:  `# "T" @3`,
		},
		{
			name:  "CRLF line endings",
			src:   "---\r\ntitle: X\r\n---\r\n# T\r\n\r\nText.\r\n",
			front: map[string]string{"title": "X"},
			body: `# "T" @4
  para@6 "Text."`,
		},
		{
			name:  "a byte order mark before the front matter",
			src:   "\ufeff---\ntitle: X\n---\n# T\n",
			front: map[string]string{"title": "X"},
			body:  `# "T" @4`,
		},
		{
			name: "thematic breaks around a paragraph",
			src:  "---\n\nIntro paragraph.\n\n---\n# T\n",
			body: `para@3 "Intro paragraph."
# "T" @6`,
		},
		{
			name: "thematic breaks around a heading and text",
			src:  "---\n# Password reset\n\nUsers forget passwords.\n\n---\n\n## Goals\n",
			body: `# "Password reset" @2
  para@4 "Users forget passwords."
  ## "Goals" @8`,
		},
		{
			name: "a first line with no space after the colon",
			src:  "---\nkey:value\n---\n",
			body: `## "key:value" @2`,
		},
		{
			name: "an indented first line",
			src:  "---\n  title: X\n---\n",
			body: `## "title: X" @2`,
		},
		{
			name:  "a comment, then a mapping",
			src:   "---\n# brief metadata\n\nTitle: X\n---\nText.\n",
			front: map[string]string{"title": "X"},
			body:  `para@6 "Text."`,
		},
		{
			name:  "comments only",
			src:   "---\n# nothing yet\n---\nText.\n",
			front: map[string]string{},
			body:  `para@4 "Text."`,
		},
		{
			name: "an opening line without a closing one is a thematic break",
			src:  "---\ntitle: X\n\n# T\n",
			body: `para@2 "title: X"
# "T" @4`,
		},
		{
			name: "a rule that is not on the first line",
			src:  "\n---\ntitle: X\n---\n",
			body: `## "title: X" @3`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, tt.src)
			if (doc.FrontMatter == nil) != (tt.front == nil) || !maps.Equal(doc.FrontMatter, tt.front) {
				t.Errorf("FrontMatter = %s, want %s", showMap(doc.FrontMatter), showMap(tt.front))
			}
			if got := outline(doc); got != tt.body {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.body)
			}
		})
	}
}

func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
	}{
		{"unclosed flow sequence", "---\ntitle: [a, b\n---\n# T\n"},
		{"bad indentation", "---\ntitle: X\n  owner: Y\n---\n"},
		{"a list, not a mapping", "---\n- a\n- b\n---\n"},
		{"an empty key", "---\n: [\n---\n# x\n"},
		{"a comment, then bad YAML", "---\n# c\ntitle: [a\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.src))
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tt.src, doc)
			}
			if !strings.Contains(err.Error(), "front matter") {
				t.Errorf("Parse(%q) error %q does not mention front matter", tt.src, err)
			}
		})
	}
}

func TestLooksLikeYAML(t *testing.T) {
	tests := []struct {
		raw  string
		want bool
	}{
		{"title: X\n", true},
		{"title:\n  - a\n", true},
		{"Product Name: X\n", true},
		{"owner_team-2: X\n", true},
		{"titre: é\n", true},
		{"title:\tX\r\n", true},
		{"\n\n  \ntitle: X\n", true},
		{"# comment\ntitle: X\n", true},
		{"- a\n- b\n", true},
		{"-\n", true},
		{"", true},
		{"\n\n", true},
		{"# only a comment\n", true},
		{"Intro paragraph.\n", false},
		{"# Heading\nSome text.\n", false},
		{"key:value\n", false},
		{"  title: X\n", false},
		{"http://x.y\n", false},
		{"12:30 standup\n", false},
		{"**Owner**: Ana\n", false},
		{"\"title\": X\n", false},
		{": [\n", true},
		{":x\n", false},
		{"-a\n", false},
		{"| a | b |\n", false},
	}
	for _, tt := range tests {
		if got := looksLikeYAML(tt.raw); got != tt.want {
			t.Errorf("looksLikeYAML(%q) = %v, want %v", tt.raw, got, tt.want)
		}
	}
}

// showMap prints a map with sorted keys, and nil apart from empty.
func showMap(m map[string]string) string {
	if m == nil {
		return "nil"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%q: %q", k, m[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
