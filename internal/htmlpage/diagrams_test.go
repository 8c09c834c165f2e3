package htmlpage

import (
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hostileDiagrams are mermaid blocks that try to run or load something.
var hostileDiagrams = []string{
	// Labels that are markup.
	"flowchart LR\n    A[\"</script><script>window.prodgenInjected = 'script'</script>\"] --> B[\"<img src=x onerror=window.prodgenInjected='img'>\"]\n" +
		"    C[\"<a href='javascript:window.prodgenInjected = 1'>link</a>\"] --> D[\"<iframe srcdoc='<script>parent.prodgenInjected = 2</script>'></iframe>\"]\n" +
		"    click A call alert(\"click\")\n    click B href \"javascript:window.prodgenInjected = 3\"\n",
	"erDiagram\n    \"<svg onload=window.prodgenInjected=4>\" ||--o{ B : \"<style>@import url(http://127.0.0.1:9/x.css)</style>\"\n",
	// Not Mermaid at all: it stays text.
	"</code></pre><script>window.prodgenInjected = 5</script><img src=\"http://127.0.0.1:9/x.png\">\n",
	// Larger than Mermaid draws: 55,213 characters, its maxTextSize 50,000.
	"flowchart LR\n" + strings.Repeat("    N1[\"<img src=x onerror=alert(1)>\"] --> N2\n", 1200),
}

// build builds the page of testdata/<dir>, edited.
func build(t *testing.T, dir string, edits []edit) []byte {
	t.Helper()
	p, err := Build(load(t, dir, edits, nil))
	if err != nil {
		t.Fatal(err)
	}
	return p.HTML
}

// The embedded Mermaid is one script that can sit inline in a page, and
// its README names its version.
func TestMermaidBundle(t *testing.T) {
	for name, js := range map[string]string{"mermaid/mermaid.min.js": mermaidJS, "diagrams.js": diagramsJS} {
		// "<script" would end the element or, after "<!--", keep it open.
		lower := strings.ToLower(js)
		for _, bad := range []string{"<script", "</script", "sourcemappingurl", "import("} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
	_, version, ok := strings.Cut(mermaidJS, `={version:"`)
	version, _, _ = strings.Cut(version, `"`)
	readme, err := os.ReadFile(filepath.Join("mermaid", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !ok || !strings.Contains(string(readme), "Mermaid "+version+"'s single-file browser build") {
		t.Errorf("mermaid/README.md does not name the bundle's version %q", version)
	}
	if !strings.HasSuffix(strings.TrimSpace(mermaidJS), `globalThis["mermaid"] = globalThis.__esbuild_esm_mermaid_nm["mermaid"].default;`) {
		t.Error("mermaid.min.js does not end by setting the global mermaid, which diagrams.js uses")
	}
}

// Whatever a mermaid block holds stays text in the page: no element, no
// attribute and no script of its own, its source shown as written.
func FuzzDiagramSource(f *testing.F) {
	for _, h := range hostileDiagrams {
		f.Add(h)
	}
	for _, s := range []string{"", "erDiagram\n    A ||--o{ B : has\n", "```\n<script>alert(1)</script>", "~~~\n</code></pre><img src=x onerror=alert(1)>",
		"<!--", "<![CDATA[", "]]></script>", "\x00<script>", "a\r\nb\rc", "\t<svg onload=alert(1)>", "&lt;script&gt;", "</pre></details></figure><script>"} {
		f.Add(s)
	}
	tech, err := os.ReadFile(filepath.Join("testdata", "clinic-queue", "tech.md"))
	if err != nil {
		f.Fatal(err)
	}
	// Mermaid's 5.8 MB make each run a hundred times slower and have no
	// part in how a block is escaped: a stand-in takes their place.
	all := scripts
	f.Cleanup(func() { scripts = all })
	scripts = func() ([]template.JS, string) {
		js := []template.JS{"/* mermaid.min.js */", template.JS(diagramsJS)}
		return js, scriptPolicy(js)
	}
	f.Fuzz(func(t *testing.T, src string) {
		// A fence longer than any run of backticks in src holds it whole.
		fence := "```"
		for strings.Contains(src, fence) {
			fence += "`"
		}
		block := fence + "mermaid\n" + src + "\n" + fence + "\n\n"
		doc := strings.Replace(string(tech), "## API\n", block+"## API\n", 1)
		in := load(t, "clinic-queue", nil, nil)
		in.TechDoc.Markdown = []byte(doc)
		p, err := Build(in)
		if err != nil {
			t.Fatal(err)
		}
		page := parsePage(t, p.HTML)
		checkSelfContained(t, page)
		var codes []*html.Node
		for _, c := range page.all(atom.Code) {
			if hasClass(c, "language-mermaid") {
				codes = append(codes, c)
			}
		}
		if len(codes) != 1 {
			t.Fatalf("the page has %d mermaid blocks, want 1", len(codes))
		}
		for c := range codes[0].ChildNodes() {
			if c.Type != html.TextNode {
				t.Errorf("the mermaid block holds a %v node %q", c.Type, c.Data)
			}
		}
		// Markdown turns NUL into U+FFFD and carriage returns into line
		// ends; anything else shows as written.
		if !strings.ContainsAny(src, "\x00\r") && utf8.ValidString(src) {
			if got := textContent(codes[0]); got != src+"\n" {
				t.Errorf("the block shows %q, want %q", got, src+"\n")
			}
		}
	})
}

// textContent is the text under n as it is, unlike textOf.
func textContent(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}
