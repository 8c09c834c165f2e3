package artifact

import (
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/markdown"
)

func TestEscapeHTML(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"no markup", "Export check-ins as CSV", "Export check-ins as CSV"},
		{"tags", "<b>bold</b> and <script>alert(1)</script>", `\<b>bold\</b> and \<script>alert(1)\</script>`},
		{"comment, declaration, instruction", "<!-- x --> <!DOCTYPE html> <?php ?>", `\<!-- x --> \<!DOCTYPE html> \<?php ?>`},
		{"autolinks", "<https://example.com> <a@b.example>", `\<https://example.com> \<a@b.example>`},
		{"a comparison opens nothing", "p95 < 200 ms, and a <", "p95 < 200 ms, and a <"},
		{"ampersands are text", "R&D &amp; <i>", `R&D &amp; \<i>`},
		{"a code span stays code", "run `</code><script>alert(1)</script>` now", "run `</code><script>alert(1)</script>` now"},
		{"a longer fence holds a backtick", "``a ` <b>`` then <b>", "``a ` <b>`` then \\<b>"},
		{"fences of another length do not close", "``a` <b>", "``a` \\<b>"},
		{"an unclosed fence is text", "`a <b>", "`a \\<b>"},
		{"an escaped backtick opens nothing", "\\`a <b>`", "\\`a \\<b>`"},
		{"already escaped", `\<b>`, `\<b>`},
		{"an escaped backslash escapes nothing", `\\<b>`, `\\\<b>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EscapeHTML(tt.text)
			if got != tt.want {
				t.Fatalf("EscapeHTML(%q) = %q, want %q", tt.text, got, tt.want)
			}
			if again := EscapeHTML(got); again != got {
				t.Errorf("escaping twice gives %q, want %q", again, got)
			}
			if back := EscapeHTML(htmlText(got)); back != got {
				t.Errorf("read back and escaped again: %q, want %q", back, got)
			}
			if !strings.HasPrefix(tt.text, `\`) && !strings.Contains(tt.text, `\<`) {
				if back := htmlText(got); back != tt.text {
					t.Errorf("htmlText(%q) = %q, want %q", got, back, tt.text)
				}
			}
		})
	}
}

// hostile is text a brief or a model could hold, meant to reach the page
// as HTML.
const hostile = "x </code><script>alert(1)</script> <img src=x onerror=alert(1)> `<b>` ``a ` <i>`` <!-- c --> <https://e.example> & y"

// TestRenderNoRawHTML renders every text field of the three documents with
// hostile text and checks that a markdown renderer finds no raw HTML in
// them, while code spans stay code.
func TestRenderNoRawHTML(t *testing.T) {
	h := hostile
	docs := []any{
		&PRD{Title: h, Summary: h, Problem: h, Goals: []Goal{{ID: "G-1", Text: h}},
			Personas:   []Persona{{Name: h, Description: h}, {Description: h}},
			Functional: []Requirement{{ID: "FR-001", Text: h, Priority: "P0"}}, NonFunctional: []Requirement{{ID: "NFR-001", Text: h}},
			InScope: []string{h}, OutOfScope: []string{"<p>" + h}, Metrics: []Metric{{Name: h, Baseline: h, Target: h}},
			Assumptions: []string{h}, OpenQuestions: []Question{{ID: "Q-1", Text: h}}},
		&Stories{Title: h, Stories: []Story{{ID: "US-001", Title: h, Role: h, Want: h, SoThat: h, Traces: []string{"FR-001"},
			Criteria: []Criterion{{ID: "AC-001.1", Given: h, When: h, Then: h}, {ID: "AC-001.2", Text: h}}}}},
		&TechSpec{Title: h, Overview: h, Components: []Component{{Name: h, Responsibility: h}},
			Entities:  []Entity{{Name: h, Description: h, Fields: []Field{{Name: h, Type: h, Notes: h}}}},
			Endpoints: []Endpoint{{Method: h, Path: h, Summary: h, Stories: []string{"US-001"}}},
			Quality:   []Requirement{{ID: "NFR-001", Text: h}}, Tasks: []Task{{ID: "T-001", Text: h, Stories: []string{"US-001"}}},
			OpenQuestions: []Question{{ID: "Q-1", Text: h}}},
	}
	for _, d := range docs {
		doc := render(t, d)
		noRawHTML(t, doc)
		if !strings.Contains(string(doc), "`<b>`") || !strings.Contains(string(doc), "``a ` <i>``") {
			t.Errorf("a code span did not stay as written:\n%s", doc)
		}
		same(t, parse(t, d, doc), d)
	}
}

// noRawHTML fails when the markdown, below its provenance comment, holds
// HTML that a renderer would pass through (goldmark's safe renderer
// replaces each piece with a "raw HTML omitted" comment).
func noRawHTML(t *testing.T, doc []byte) {
	t.Helper()
	_, body, _ := strings.Cut(string(doc), "\n")
	out, err := markdown.ToHTML([]byte(body), markdown.HTMLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out.HTML), "raw HTML omitted") {
		t.Errorf("the markdown holds raw HTML:\n%s\nas HTML:\n%s", body, out.HTML)
	}
}
