package htmlpage

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html/atom"

	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/golden"
)

// edit changes a document's markdown before it is parsed, as a person
// editing it would.
type edit struct {
	doc      string // "prd", "stories" or "tech"
	old, new string
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name    string
		dir     string
		edits   []edit
		missing []string // documents to leave out
		golden  bool     // compare with testdata/<dir>.golden.html
		check   func(t *testing.T, p *parsedPage, in Input)
	}{
		{name: "clinic-queue", dir: "clinic-queue", golden: true},
		{name: "invoice-api", dir: "invoice-api"},
		{
			name: "mermaid blocks stay code, for the page's script to draw",
			dir:  "diagrams",
			check: func(t *testing.T, p *parsedPage, in Input) {
				// checkSelfContained has checked the scripts and the policy.
				var got []string
				for _, c := range p.all(atom.Code) {
					if hasClass(c, "language-mermaid") && c.Parent.DataAtom == atom.Pre {
						got = append(got, textContent(c))
					}
				}
				var want []string
				for _, part := range strings.Split(string(in.TechDoc.Markdown), "```mermaid\n")[1:] {
					src, _, _ := strings.Cut(part, "```\n")
					want = append(want, src)
				}
				if len(want) != 3 || !slices.Equal(got, want) {
					t.Errorf("mermaid blocks %q, want the 3 of tech.md %q", got, want)
				}
				if len(p.all(atom.Script)) != 2 {
					t.Errorf("the page has %d scripts, want Mermaid and diagrams.js", len(p.all(atom.Script)))
				}
			},
		},
		{
			name:  "a requirement no story traces",
			dir:   "clinic-queue",
			edits: []edit{{"stories", "\nTraces: FR-005\n", "\n"}},
			check: func(t *testing.T, p *parsedPage, _ Input) {
				row := p.row("FR-005")
				if row == nil || !hasClass(row, "uncovered") || !strings.Contains(textOf(row), "not covered") {
					t.Errorf("FR-005's row is not marked not covered")
				}
				if !strings.Contains(p.text, "4 of 5 requirements covered by stories") {
					t.Errorf("the summary does not say 4 of 5")
				}
			},
		},
		{
			name:  "raw HTML in the markdown is not passed through",
			dir:   "invoice-api",
			edits: []edit{{"prd", "## Problem\n", "## Problem\n\n<script>alert('problem')</script>\n\nSee <img src=x onerror=alert('img')> <script>alert('inline')</script>.\n"}, {"prd", "**FR-002** ", "**FR-002** <script>alert('fr')</script> "}},
			check: func(t *testing.T, p *parsedPage, _ Input) {
				// checkSelfContained finds no <script>, <img> or on*
				// attribute; an HTML block is dropped whole, and what
				// goldmark did not take for HTML shows as text.
				if strings.Contains(p.src, "alert('problem')") {
					t.Errorf("the page holds the script block's code")
				}
				if !strings.Contains(p.src, "&lt;img src=x") || !strings.Contains(p.text, "<img src=x") {
					t.Errorf("the img tag is not shown as text")
				}
			},
		},
		{
			name:  "a trace to a requirement the PRD lacks",
			dir:   "clinic-queue",
			edits: []edit{{"stories", "Traces: FR-003\n", "Traces: FR-003, FR-009\n"}},
			check: func(t *testing.T, p *parsedPage, _ Input) {
				if !strings.Contains(p.text, "US-003 traces FR-009, which docs/prd.md does not have.") {
					t.Errorf("the page does not name the dangling trace")
				}
			},
		},
		{
			name:    "without tech",
			dir:     "clinic-queue",
			missing: []string{"tech"},
			check: func(t *testing.T, p *parsedPage, _ Input) {
				if !strings.Contains(p.text, "docs/tech.md does not exist yet") || !strings.Contains(p.text, "prodgen tech") {
					t.Errorf("the page does not say docs/tech.md is missing")
				}
				if strings.Contains(p.text, "Stories without tasks") {
					t.Errorf("the page checks tasks without a tech spec")
				}
			},
		},
		{
			name:    "without stories",
			dir:     "invoice-api",
			missing: []string{"stories", "tech"},
			check: func(t *testing.T, p *parsedPage, _ Input) {
				if !strings.Contains(p.text, "0 of 7 requirements covered by stories") {
					t.Errorf("the summary does not say 0 of 7")
				}
				if !strings.Contains(p.text, "docs/stories.md does not exist yet, so no requirement is traced") {
					t.Errorf("the matrix does not say why it is empty")
				}
			},
		},
		{
			name:  "parts prodgen cannot read are named, and shown as written",
			dir:   "clinic-queue",
			edits: []edit{{"stories", "Traces: FR-003\n", "Traces: FR-003, =1+2\n"}, {"tech", "## Tasks\n", "## Deployment\n\nOn Fly.io.\n\n## Tasks\n"}},
			check: func(t *testing.T, p *parsedPage, _ Input) {
				for _, want := range []string{
					"Not read: prodgen could not read these parts of the documents.",
					`docs/stories.md:34 "=1+2" in the traces of US-003 is not a functional requirement ID, so it is not read`,
					`section "Deployment" is not read`,
				} {
					if !strings.Contains(p.text, want) {
						t.Errorf("the page does not say %q", want)
					}
				}
				if !strings.Contains(p.text, "FR-003 , =1+2") || !strings.Contains(p.text, "On Fly.io.") {
					t.Errorf("the page does not show the unread parts as written")
				}
			},
		},
		{
			name:  "a story without a task",
			dir:   "clinic-queue",
			edits: []edit{{"tech", " (US-002, US-003)\n", " (US-002)\n"}, {"tech", "be texted (US-003)\n", "be texted (US-002)\n"}},
			check: func(t *testing.T, p *parsedPage, _ Input) {
				if !strings.Contains(p.text, "No task in docs/tech.md names these stories: US-003") {
					t.Errorf("the page does not list US-003 as a story without tasks")
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := load(t, tt.dir, tt.edits, tt.missing)
			page, err := Build(in)
			if err != nil {
				t.Fatal(err)
			}
			got := page.HTML
			p := parsePage(t, got)
			checkSelfContained(t, p)
			checkLinks(t, p)
			checkMatrix(t, p, in)
			if tt.check != nil {
				tt.check(t, p, in)
			}
			if tt.golden {
				golden.Check(t, filepath.Join("testdata", tt.dir+".golden.html"), got)
			}
			again, err := Build(load(t, tt.dir, tt.edits, tt.missing))
			if err != nil || !bytes.Equal(again.HTML, got) {
				t.Errorf("a second build differs (%v)", err)
			}
		})
	}
}

func TestBuildSummary(t *testing.T) {
	tests := []struct {
		name    string
		edits   []edit
		missing []string
		want    string
	}{
		{"all documents", nil, nil, "3 documents, 5 of 5 requirements covered by stories"},
		{"one uncovered", []edit{{"stories", "\nTraces: FR-005\n", "\n"}}, nil, "3 documents, 4 of 5 requirements covered by stories"},
		{"the PRD alone", nil, []string{"stories", "tech"}, "1 document, 0 of 5 requirements covered by stories"},
		{"a part not read", []edit{{"stories", "Traces: FR-003\n", "Traces: FR-003, =1+2\n"}}, nil, "3 documents, 5 of 5 requirements covered by stories, 1 part not read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := Build(load(t, "clinic-queue", tt.edits, tt.missing))
			if err != nil {
				t.Fatal(err)
			}
			if page.Summary != tt.want {
				t.Errorf("Summary = %q, want %q", page.Summary, tt.want)
			}
		})
	}
}

func TestBuildNeedsPRD(t *testing.T) {
	if _, err := Build(Input{Version: "v1"}); err == nil {
		t.Error("Build without a PRD succeeded")
	}
}

func TestShortTitle(t *testing.T) {
	long := "The system must let a developer at a customer create, update, finalize and void invoices in every currency we support"
	tests := []struct{ in, want string }{
		{"Short.", "Short."},
		{"First sentence. Second sentence.", "First sentence."},
		{long, "The system must let a developer at a customer create, update, finalize and void invoices…"},
	}
	for _, tt := range tests {
		if got := shortTitle(tt.in); got != tt.want {
			t.Errorf("shortTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// load reads testdata/<dir>'s documents as the CLI does, with Read:
// edited, with some left out, and parsed.
func load(t *testing.T, dir string, edits []edit, missing []string) Input {
	t.Helper()
	in := Input{Version: "v1.2.3",
		PRDDoc:     Doc{Path: "docs/prd.md", Command: "prodgen prd"},
		StoriesDoc: Doc{Path: "docs/stories.md", Command: "prodgen stories"},
		TechDoc:    Doc{Path: "docs/tech.md", Command: "prodgen tech"},
	}
	read := func(path string) ([]byte, error) {
		name := strings.TrimSuffix(filepath.Base(path), ".md")
		if slices.Contains(missing, name) {
			return nil, fs.ErrNotExist
		}
		src, err := os.ReadFile(filepath.Join("testdata", dir, name+".md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range edits {
			if e.doc == name {
				if !bytes.Contains(src, []byte(e.old)) {
					t.Fatalf("%s/%s.md has no %q to edit", dir, name, e.old)
				}
				src = bytes.ReplaceAll(src, []byte(e.old), []byte(e.new))
			}
		}
		return src, nil
	}
	if err := in.Read(read); err != nil {
		t.Fatal(err)
	}
	for _, d := range []Doc{in.PRDDoc, in.StoriesDoc, in.TechDoc} {
		name := strings.TrimSuffix(filepath.Base(d.Path), ".md")
		if (d.Markdown == nil) != slices.Contains(missing, name) {
			t.Fatalf("Read kept %s's markdown: %v; it is missing: %v", name, d.Markdown != nil, slices.Contains(missing, name))
		}
	}
	return in
}

// Read needs the PRD, and names a document that does not parse.
func TestReadErrors(t *testing.T) {
	prdOnly := func(path string) ([]byte, error) {
		switch path {
		case "prd.md":
			return os.ReadFile(filepath.Join("testdata", "clinic-queue", "prd.md"))
		case "stories.md":
			return []byte("no heading"), nil
		}
		return nil, fs.ErrNotExist
	}
	in := Input{PRDDoc: Doc{Path: "none.md"}}
	if err := in.Read(prdOnly); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("no PRD: Read = %v, want fs.ErrNotExist", err)
	}
	in = Input{PRDDoc: Doc{Path: "prd.md"}, StoriesDoc: Doc{Path: "stories.md"}}
	err := in.Read(prdOnly)
	if _, ok := errors.AsType[*disk.InputError](err); !ok || !strings.HasPrefix(err.Error(), "stories.md: ") {
		t.Errorf("unparsable stories: Read = %v, want an InputError naming stories.md", err)
	}
}
