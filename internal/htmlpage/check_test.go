package htmlpage

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parsedPage is a built page read back by a real HTML parser.
type parsedPage struct {
	src  string
	root *html.Node
	text string                // every text node, spaces collapsed
	ids  map[string]*html.Node // element by id
}

func parsePage(t *testing.T, src []byte) *parsedPage {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatalf("the page does not parse: %v", err)
	}
	p := &parsedPage{src: string(src), root: root, text: textOf(root), ids: make(map[string]*html.Node)}
	for n := range root.Descendants() {
		if id, ok := attr(n, "id"); ok {
			if p.ids[id] != nil {
				t.Errorf("two elements have id %q", id)
			}
			p.ids[id] = n
		}
	}
	if got := len(p.all(atom.H1)); got != 1 {
		t.Errorf("the page has %d <h1>, want 1", got)
	}
	return p
}

// checkSelfContained fails when the page would load anything or run a
// script of its own choosing. A page with mermaid blocks runs Mermaid and
// the script that draws them, exactly, as the last elements of its body;
// a page without runs nothing. Its Content-Security-Policy comes before
// anything it governs and allows those scripts alone.
func checkSelfContained(t *testing.T, p *parsedPage) {
	t.Helper()
	diagrams := 0
	for _, code := range p.all(atom.Code) {
		if hasClass(code, "language-mermaid") && code.Parent.DataAtom == atom.Pre {
			diagrams++
		}
	}
	wantJS, wantCSP := pageScripts(diagrams)
	checkPolicy(t, p, wantCSP)
	scripts := p.all(atom.Script)
	if len(scripts) != len(wantJS) {
		t.Errorf("the page has %d scripts and %d mermaid blocks; want %d scripts", len(scripts), diagrams, len(wantJS))
	}
	rest := p.src
	for i, s := range scripts {
		if i >= len(wantJS) || s.Parent.DataAtom != atom.Body || len(s.Attr) > 0 ||
			s.FirstChild == nil || s.FirstChild != s.LastChild || s.FirstChild.Data != string(wantJS[i]) {
			t.Errorf("script %d is not the page's own script %d, as it is, in the body", i+1, i+1)
			continue
		}
		// What the scripts hold is theirs: look for loads in the rest.
		rest = strings.Replace(rest, "<script>"+s.FirstChild.Data+"</script>", "", 1)
	}
	lower := strings.ToLower(rest)
	for _, bad := range []string{"<script", "<link"} {
		if strings.Contains(lower, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	for _, style := range p.all(atom.Style) {
		for c := range style.ChildNodes() {
			if css := strings.ToLower(c.Data); strings.Contains(css, "@import") || strings.Contains(css, "url(") {
				t.Error("the page's CSS loads something")
			}
		}
	}
	loaders := []atom.Atom{atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed,
		atom.Video, atom.Audio, atom.Source, atom.Picture, atom.Svg, atom.Form, atom.Base}
	for n := range p.root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if slices.Contains(loaders, n.DataAtom) {
			t.Errorf("the page has a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			link := n.DataAtom == atom.A && a.Key == "href"
			switch {
			case a.Key == "src" || a.Key == "srcset" || a.Key == "poster" || a.Key == "style" || strings.HasPrefix(a.Key, "on"):
				t.Errorf("<%s> has a %s attribute", n.Data, a.Key)
			case !link && (strings.Contains(a.Val, "http://") || strings.Contains(a.Val, "https://")):
				t.Errorf("<%s %s=%q> names a remote resource", n.Data, a.Key, a.Val)
			}
		}
	}
}

// checkPolicy fails unless the page's first element after its charset is
// the Content-Security-Policy want.
func checkPolicy(t *testing.T, p *parsedPage, want string) {
	t.Helper()
	var metas []*html.Node
	for _, m := range p.all(atom.Meta) {
		if v, _ := attr(m, "http-equiv"); strings.EqualFold(v, "content-security-policy") {
			metas = append(metas, m)
		}
	}
	if len(metas) != 1 {
		t.Errorf("the page has %d Content-Security-Policy <meta> elements, want 1", len(metas))
		return
	}
	m := metas[0]
	if got, _ := attr(m, "content"); got != want {
		t.Errorf("Content-Security-Policy = %q, want %q", got, want)
	}
	var head []*html.Node
	for c := range m.Parent.ChildNodes() {
		if c.Type == html.ElementNode {
			head = append(head, c)
		}
	}
	if m.Parent.DataAtom != atom.Head || len(head) < 2 || !hasAttr(head[0], "charset") || head[1] != m {
		t.Error("the Content-Security-Policy <meta> is not the first element in <head> after the charset")
	}
}

func hasAttr(n *html.Node, key string) bool {
	_, ok := attr(n, key)
	return ok
}

// checkLinks fails when a link within the page has no target.
func checkLinks(t *testing.T, p *parsedPage) {
	t.Helper()
	links := 0
	for _, a := range p.all(atom.A) {
		href, _ := attr(a, "href")
		if id, ok := strings.CutPrefix(href, "#"); ok {
			links++
			if p.ids[id] == nil {
				t.Errorf("link %q (%q) has no element with id %q", href, textOf(a), id)
			}
		}
	}
	if links == 0 {
		t.Error("the page has no links within itself")
	}
}

// checkMatrix compares the traceability matrix with the parsed documents:
// a row per requirement, a column per story, a mark where a story traces
// the requirement, and uncovered requirements marked in words.
func checkMatrix(t *testing.T, p *parsedPage, in Input) {
	t.Helper()
	table := p.find(func(n *html.Node) bool { return n.DataAtom == atom.Table && hasClass(n, "matrix") })
	frs := in.PRD.Functional
	if in.Stories == nil || len(frs) == 0 {
		if table != nil {
			t.Error("a matrix without stories or requirements")
		}
		return
	}
	if table == nil {
		t.Fatal("no table.matrix")
	}
	stories := in.Stories.Stories
	var cols []string
	for _, th := range elements(table, atom.Th) {
		if _, ok := attr(th, "scope"); !ok {
			t.Errorf("matrix <th> %q has no scope", textOf(th))
		}
		if s, _ := attr(th, "scope"); s == "col" && !hasClass(th, "req-head") {
			cols = append(cols, textOf(th))
			p.checkTarget(t, th, textOf(th))
		}
	}
	var want []string
	for _, s := range stories {
		want = append(want, s.ID)
	}
	if !slices.Equal(cols, want) {
		t.Errorf("matrix columns %v, want the stories %v", cols, want)
	}
	rows := elements(first(table, atom.Tbody), atom.Tr)
	if len(rows) != len(frs) {
		t.Fatalf("matrix has %d rows, want %d requirements", len(rows), len(frs))
	}
	covered := 0
	for i, fr := range frs {
		head := first(rows[i], atom.Th)
		if !strings.HasPrefix(textOf(head), fr.ID+" ") {
			t.Errorf("row %d is %q, want %s", i+1, textOf(head), fr.ID)
		}
		p.checkTarget(t, head, fr.ID)
		cells := elements(rows[i], atom.Td)
		if len(cells) != len(stories) {
			t.Fatalf("%s has %d cells, want %d", fr.ID, len(cells), len(stories))
		}
		hits := 0
		for j, s := range stories {
			want := slices.Contains(s.Traces, fr.ID)
			got := hasClass(cells[j], "hit")
			if got != want || strings.Contains(textOf(cells[j]), "✓") != want {
				t.Errorf("%s × %s marked %v, want %v", fr.ID, s.ID, got, want)
			}
			if want {
				hits++
			}
		}
		uncovered := hasClass(rows[i], "uncovered") && strings.Contains(textOf(head), "not covered")
		if uncovered != (hits == 0) {
			t.Errorf("%s: marked not covered %v, but %d stories trace it", fr.ID, uncovered, hits)
		}
		if hits > 0 {
			covered++
		}
	}
	summary := fmt.Sprintf("%d of %d requirements covered by stories", covered, len(frs))
	if !strings.Contains(p.text, summary) {
		t.Errorf("the page does not say %q", summary)
	}
}

// checkTarget fails unless cell links to an element whose text starts
// with id: the requirement's item or the story's heading.
func (p *parsedPage) checkTarget(t *testing.T, cell *html.Node, id string) {
	t.Helper()
	a := first(cell, atom.A)
	if a == nil {
		t.Errorf("%s in the matrix is not a link", id)
		return
	}
	href, _ := attr(a, "href")
	target := p.ids[strings.TrimPrefix(href, "#")]
	if target == nil || !strings.HasPrefix(textOf(target), id+" ") {
		t.Errorf("%s links to %q, which is not its place in the documents", id, href)
	}
}

// row returns the matrix row of a requirement.
func (p *parsedPage) row(id string) *html.Node {
	return p.find(func(n *html.Node) bool {
		return n.DataAtom == atom.Tr && strings.HasPrefix(textOf(first(n, atom.Th)), id+" ")
	})
}

func (p *parsedPage) find(match func(*html.Node) bool) *html.Node {
	for n := range p.root.Descendants() {
		if n.Type == html.ElementNode && match(n) {
			return n
		}
	}
	return nil
}

func (p *parsedPage) all(a atom.Atom) []*html.Node { return elements(p.root, a) }

// elements returns the elements of a kind under n, in document order.
func elements(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	if n == nil {
		return nil
	}
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			out = append(out, d)
		}
	}
	return out
}

func first(n *html.Node, a atom.Atom) *html.Node {
	if all := elements(n, a); len(all) > 0 {
		return all[0]
	}
	return nil
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	c, _ := attr(n, "class")
	return slices.Contains(strings.Fields(c), class)
}

// textOf returns the text under n that a reader sees, spaces collapsed:
// scripts and styles left out.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode && d.Parent.DataAtom != atom.Script && d.Parent.DataAtom != atom.Style {
			b.WriteString(d.Data)
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
