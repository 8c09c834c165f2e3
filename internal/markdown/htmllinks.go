package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// linkable reports whether words of a text node may become links: not in
// a heading, a link or code, nor in the bold text a list item starts
// with, which is the item's own name.
func linkable(t *ast.Text) bool {
	for p := t.Parent(); p != nil; p = p.Parent() {
		switch p := p.(type) {
		case *ast.Heading, *ast.Link, *ast.AutoLink, *ast.CodeSpan, *ast.Image:
			return false
		case *ast.Emphasis:
			if block := p.Parent(); block != nil {
				if item, ok := block.Parent().(*ast.ListItem); ok && leadingStrong(item) == p {
					return false
				}
			}
		}
	}
	return true
}

// linkWords replaces a text node with text and links: each word that is a
// key of links becomes a link to its value.
func linkWords(t *ast.Text, src []byte, links map[string]string) {
	seg := t.Segment
	value := string(seg.Value(src))
	var nodes []ast.Node
	done := 0
	for _, w := range words(value) {
		href, ok := links[value[w[0]:w[1]]]
		if !ok {
			continue
		}
		if w[0] > done {
			nodes = append(nodes, ast.NewTextSegment(text.NewSegment(seg.Start+done, seg.Start+w[0])))
		}
		link := ast.NewLink()
		link.Destination = []byte(href)
		link.AppendChild(link, ast.NewTextSegment(text.NewSegment(seg.Start+w[0], seg.Start+w[1])))
		nodes = append(nodes, link)
		done = w[1]
	}
	if nodes == nil {
		return
	}
	if seg.Start+done < seg.Stop || t.SoftLineBreak() || t.HardLineBreak() {
		rest := ast.NewTextSegment(text.NewSegment(seg.Start+done, seg.Stop))
		rest.SetSoftLineBreak(t.SoftLineBreak())
		rest.SetHardLineBreak(t.HardLineBreak())
		nodes = append(nodes, rest)
	}
	parent := t.Parent()
	for _, n := range nodes {
		parent.InsertBefore(parent, t, n)
	}
	parent.RemoveChild(parent, t)
}

// words returns the start and end of each word in s: a run of letters,
// digits, "-" and "." without a trailing "." or "-".
func words(s string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isWordByte(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			end := start + len(strings.TrimRight(s[start:i], ".-"))
			if end > start {
				out = append(out, [2]int{start, end})
			}
			start = -1
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
