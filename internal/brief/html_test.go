package brief

import (
	"strings"
	"testing"
)

func TestRewriteHTML(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"no html", "# X\n\nText & more.\n", "# X\n\nText & more.\n"},
		{"headings and paragraphs", "<h1 align=\"center\">Quay</h1>\n<p>One\n  two.</p>\n<h2>Why we&rsquo;re here</h2>\n",
			"# Quay\n\nOne two.\n\n## Why we’re here\n"},
		{"bold label and list", "<b>For skippers</b><br>\n<ul>\n<li>See <b>free</b> berths &amp; tides.</li>\n<li>Pay.</li></ul>\n",
			"**For skippers**\n\n- See **free** berths & tides.\n- Pay.\n"},
		{"nested list", "<ul><li>A<ol><li>B</li></ol></li><li>C</li></ul>", "- A\n  1. B\n- C\n"},
		{"image dropped, line break kept", "<p><img src=\"x.png\" alt=\"logo\"><br>\n<i>A tagline.</i></p>", "*A tagline.*\n"},
		{"table", "<table><tr><th>Feature</th><th>Priority</th></tr><tr><td>Book | pay</td><td>Must</td></tr></table>",
			"| Feature | Priority |\n| --- | --- |\n| Book \\| pay | Must |\n"},
		{"container tags", "<context>\n# Overview\nText.\n</context>\n<PRD>\n# Roadmap\n</PRD>\n", "# Overview\nText.\n\n# Roadmap\n"},
		{"fenced code kept", "<p>A</p>\n\n```html\n<b>x</b>\n```\n", "A\n\n```html\n<b>x</b>\n```\n"},
		{"comments and scripts dropped", "<!-- note --><p>A<script>x()</script></p>", "A\n"},
		{"autolink kept", "<p>See</p>\n\nMail <team@example.org>.\n", "See\n\nMail <team@example.org>.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.TrimLeft(string(rewriteHTML([]byte(tt.src))), "\n")
			if got != tt.want {
				t.Errorf("rewriteHTML(%q) =\n%q\nwant\n%q", tt.src, got, tt.want)
			}
		})
	}
}

// TestHTMLBrief checks that a brief written in HTML reads like its
// markdown twin, with no markup left in what it yields.
func TestHTMLBrief(t *testing.T) {
	src := "<h1>Quay</h1>\n<p><i>Berths for visitors.</i></p>\n<h2>Features</h2>\n<b>For skippers</b><br>\n<ul><li>Pay dues by <b>card</b>.</li></ul>\n"
	b, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Quay" {
		t.Errorf("Title = %q", b.Title)
	}
	for _, f := range b.Features {
		if strings.ContainsAny(f.Text, "<>") {
			t.Errorf("feature %q holds markup", f.Text)
		}
	}
	if len(b.Features) == 0 {
		t.Error("no features")
	}
}
