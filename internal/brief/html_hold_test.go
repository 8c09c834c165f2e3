package brief

import "testing"

// A code span is the author's text, tags and all: the HTML around it is
// read as markdown, the span is kept as written.
func TestHTMLKeepsCodeSpans(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Teams lose `<b>` tags and <i>notes</i>.\n", "Teams lose `<b>` tags and *notes*.\n"},
		{"Save `</code><script>x</script>` with <b>one</b> click.\n", "Save `</code><script>x</script>` with **one** click.\n"},
		{"A ``span with ` inside <br>`` stays.\n", "A ``span with ` inside <br>`` stays.\n"},
	}
	for _, tt := range tests {
		if got := string(rewriteHTML([]byte(tt.in))); got != tt.want {
			t.Errorf("rewriteHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
