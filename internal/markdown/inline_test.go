package markdown

import (
	"slices"
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
		back           string // UnescapeCell(want)
	}{
		{"plain text", "text", "text", "text"},
		{"a pipe", "a | b", `a \| b`, "a | b"},
		{"pipes in a code span", "`a|b`", "`a\\|b`", "`a|b`"},
		{"line breaks become spaces", "a\nb\r\nc", "a b c", "a b c"},
		{"backslashes elsewhere are kept", `C:\dir \* x\`, `C:\dir \* x\`, `C:\dir \* x\`},
		{"a backslash pair before a pipe", `a \\| b`, `a \\\| b`, `a \\| b`},
		{"an escaped pipe gets one more backslash", `a \| b`, `a \\\| b`, `a \\| b`},
		{"three backslashes before a pipe", `\\\|`, `\\\\\|`, `\\\\|`},
		{"four backslashes before a pipe", `\\\\|`, `\\\\\|`, `\\\\|`},
		{"runs counted from their start", `\*\|x\\|`, `\*\\\|x\\\|`, `\*\\|x\\|`},
		{"pipes side by side", `||\||`, `\|\|\\\|\|`, `||\\||`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EscapeCell(tt.in)
			if got != tt.want {
				t.Errorf("EscapeCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
			back := UnescapeCell(got)
			if back != tt.back {
				t.Errorf("UnescapeCell(%q) = %q, want %q", got, back, tt.back)
			}
			if again := EscapeCell(back); again != got {
				t.Errorf("EscapeCell(UnescapeCell(%q)) = %q, want it unchanged", got, again)
			}
		})
	}
}

// TestEscapedCellsReadBack writes escaped text in a table and reads it with
// goldmark (Parse) and with a model of GitHub's and markdownlint's reading.
func TestEscapedCellsReadBack(t *testing.T) {
	for _, in := range []string{"a | b", `a \| b`, `a \\| b`, `\\\|`, "`x | y`", `|\||`, `end \`} {
		cell := EscapeCell(in)
		row := "| " + cell + " | z |"
		if got := pairedSplit(row); len(got) != 2 {
			t.Errorf("%q: GitHub would read %d cells %q, want 2", row, len(got), got)
		}
		doc := mustParse(t, "| h | n |\n| - | - |\n"+row+"\n")
		if len(doc.Preamble) != 1 || len(doc.Preamble[0].Rows) != 2 {
			t.Fatalf("%q: no two-row table in %q", in, outline(doc))
		}
		got := doc.Preamble[0].Rows[1]
		if want := []string{strings.TrimSpace(UnescapeCell(cell)), "z"}; !slices.Equal(got, want) {
			t.Errorf("%q: goldmark read %q, want %q", row, got, want)
		}
	}
}

// pairedSplit splits a table row into cells the way GitHub and
// markdownlint do: a backslash escapes the backslash or pipe after it, and
// any other pipe divides cells. The row's outer pipes are dropped.
func pairedSplit(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	var cells []string
	start := 0
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && (row[i+1] == '\\' || row[i+1] == '|'):
			i++
		case row[i] == '|':
			cells = append(cells, row[start:i])
			start = i + 1
		}
	}
	if rest := row[start:]; strings.TrimSpace(rest) != "" {
		cells = append(cells, rest)
	}
	return cells
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
