package markdown

import (
	"strings"
	"testing"
)

func TestPlain(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text is returned as is", "Reset a password", "Reset a password"},
		{"emphasis", "*a* _b_ **c** __d__ ***e*** ~~f~~", "a b c d e f"},
		{"code spans keep their content", "run `prodgen prd` now", "run prodgen prd now"},
		{"links keep their text", "see [the guide](http://x.y/g \"t\") and [ref][1]", "see the guide and [ref][1]"},
		{"images keep their alt text", "![a diagram](d.png)", "a diagram"},
		{"autolinks keep the address", "<https://x.y/a> and <me@x.y>", "https://x.y/a and me@x.y"},
		{"raw HTML is dropped", "a <b>bold</b> <!-- c --> word", "a bold  word"},
		{"surrounding space is trimmed", "  *a*  ", "a"},
		{"soft and hard line breaks become spaces", "*a*\nb  \nc", "a b c"},
		// Backslash escapes and entities are kept as written: Plain reads
		// markup, not characters.
		{"escapes are kept", `\*not em\* a\_b`, `\*not em\* a\_b`},
		{"entities are kept", "a &amp; b", "a &amp; b"},
		{"a lone bracket", "a [b", "a [b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Plain(tt.in); got != tt.want {
				t.Errorf("Plain(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapeCell(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text", "text", "text"},
		{"a pipe", "a | b", `a \| b`},
		{"pipes in a code span", "`a|b`", "`a\\|b`"},
		{"line breaks become spaces", "a\nb\r\nc", "a b c"},
		{"backslashes elsewhere are kept", `C:\dir \*`, `C:\dir \*`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EscapeCell(tt.in)
			if got != tt.want {
				t.Errorf("EscapeCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if back := UnescapeCell(got); back != oneLine(tt.in) {
				t.Errorf("UnescapeCell(%q) = %q, want %q", got, back, oneLine(tt.in))
			}
		})
	}
}

func TestUnescapeCell(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"text", "text"},
		{`a \| b`, "a | b"},
		{`\|\|`, "||"},
		{`a \ b`, `a \ b`},
	}
	for _, tt := range tests {
		if got := UnescapeCell(tt.in); got != tt.want {
			t.Errorf("UnescapeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// oneLine is s with its line breaks made spaces, as a table cell holds it.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ").Replace(s)
}
