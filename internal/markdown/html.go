package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// htmlMD converts documents to HTML: GitHub Flavored Markdown (tables,
// strikethrough, task lists, bare URLs as links) with goldmark's safe
// renderer, which omits raw HTML and drops javascript: and similar links.
var htmlMD = goldmark.New(goldmark.WithExtensions(extension.GFM))

// HTMLOptions says how ToHTML names and places what it writes.
type HTMLOptions struct {
	// IDPrefix starts every id the HTML gets ("prd-"), so that several
	// documents can share one page without their ids colliding.
	IDPrefix string
	// HeadingShift lowers every heading by this many levels (1: a "#"
	// heading becomes <h2>), down to <h6>, for a document placed under a
	// page's own title.
	HeadingShift int
	// Links maps words to link targets: each word of the text ("FR-001"
	// in "Traces: FR-001, FR-002") that is a key becomes a link to its
	// value. Words in headings, links, code and an item's leading bold
	// text are left alone. A word is a run of letters, digits, "-" and
	// "." without a trailing "." or "-".
	Links map[string]string
}

// Anchor is an element of the HTML that has an id to link to.
type Anchor struct {
	ID string
	// Text is a heading's words, or the bold text that starts a list
	// item ("FR-001" in "- **FR-001** The system must…").
	Text string
	// Level is a heading's level in the markdown, before any shift; 0 for
	// a list item.
	Level int
}

// HTMLDoc is a markdown document converted to HTML.
type HTMLDoc struct {
	// HTML is the document's body: safe to place in a page as it is.
	HTML []byte
	// Headings are the document's headings in order, each with its id.
	Headings []Anchor
	// Items are the list items that start with bold text, each with its id.
	Items []Anchor
	// Diagrams counts the fenced code blocks whose language (the info
	// string's first word) is "mermaid", as GitHub draws them: each is
	// in the HTML as <pre><code class="language-mermaid">, its source
	// escaped as text, for a page that draws Mermaid diagrams to find.
	Diagrams int
}

// ToHTML converts a markdown document to HTML that is safe to embed in a
// page and loads nothing from elsewhere: raw HTML in the markdown is
// omitted, never passed through, links with a dangerous scheme lose their
// target, and images become links to the image. Every heading, and every
// list item that starts with bold text, gets an id made from its words
// (IDPrefix + "fr-001", "problem"), unique within the document; the
// returned anchors say which, so callers link to what was written.
func ToHTML(src []byte, opts HTMLOptions) (*HTMLDoc, error) {
	root := htmlMD.Parser().Parse(text.NewReader(src))
	doc := &HTMLDoc{}
	ids := idSet{prefix: opts.IDPrefix, used: make(map[string]bool)}
	var images []*ast.Image
	var texts []*ast.Text
	err := ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			a := Anchor{Text: nodeText(n, src), Level: n.Level}
			a.ID = ids.add(a.Text)
			n.SetAttributeString("id", []byte(a.ID))
			n.Level = min(n.Level+opts.HeadingShift, 6)
			doc.Headings = append(doc.Headings, a)
		case *ast.ListItem:
			if lead := leadingStrong(n); lead != nil {
				a := Anchor{Text: nodeText(lead, src)}
				a.ID = ids.add(a.Text)
				n.SetAttributeString("id", []byte(a.ID))
				doc.Items = append(doc.Items, a)
			}
		case *east.TableCell:
			if _, head := n.Parent().(*east.TableHeader); head {
				n.SetAttributeString("scope", []byte("col"))
			}
		case *ast.FencedCodeBlock:
			if string(n.Language(src)) == "mermaid" {
				doc.Diagrams++
			}
		case *ast.Image:
			images = append(images, n)
		case *ast.Text:
			if len(opts.Links) > 0 && linkable(n) {
				texts = append(texts, n)
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return nil, fmt.Errorf("convert markdown to html: %w", err)
	}
	for _, img := range images {
		imageToLink(img)
	}
	for _, t := range texts {
		linkWords(t, src, opts.Links)
	}
	var buf bytes.Buffer
	if err := htmlMD.Renderer().Render(&buf, src, root); err != nil {
		return nil, fmt.Errorf("convert markdown to html: %w", err)
	}
	doc.HTML = buf.Bytes()
	return doc, nil
}

// idSet hands out ids that are unique within one document.
type idSet struct {
	prefix string
	used   map[string]bool
}

// add returns the id for words: the prefix and their slug, with "-2",
// "-3"… after a slug already taken.
func (s idSet) add(words string) string {
	base := s.prefix + Slug(words)
	id := base
	for n := 2; s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.used[id] = true
	return id
}

// Slug makes words into an id: lower-case letters and digits, every other
// run of characters one "-" ("FR-001" gives "fr-001", "AC-001.1"
// "ac-001-1"); "section" when no letter or digit is left.
func Slug(words string) string {
	var b strings.Builder
	dash := false
	for _, r := range words {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(r))
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// leadingStrong returns the bold text a list item starts with, or nil.
func leadingStrong(item *ast.ListItem) *ast.Emphasis {
	block := item.FirstChild()
	if block == nil {
		return nil
	}
	if _, ok := block.(*ast.TextBlock); !ok {
		if _, ok := block.(*ast.Paragraph); !ok {
			return nil
		}
	}
	em, ok := block.FirstChild().(*ast.Emphasis)
	if !ok || em.Level != 2 {
		return nil
	}
	return em
}

// nodeText returns the words of an inline node and its children, markup,
// backslash escapes ("\<b>", as prodgen writes a literal "<b>") and raw
// HTML left out.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	// The walk function never fails.
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(util.UnescapePunctuations(c.Segment.Value(src)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.URL(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// imageToLink replaces an image with a link to it, its alt text the
// link's text, so that the page loads nothing.
func imageToLink(img *ast.Image) {
	link := ast.NewLink()
	link.Destination = img.Destination
	link.Title = img.Title
	for c := img.FirstChild(); c != nil; {
		next := c.NextSibling()
		link.AppendChild(link, c)
		c = next
	}
	if !link.HasChildren() {
		link.AppendChild(link, ast.NewString([]byte("image")))
	}
	img.Parent().ReplaceChild(img.Parent(), img, link)
}
