package lint

import (
	"errors"
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// Kind is a kind of document.
type Kind int

// The kinds of document prodgen writes, and the brief it writes them
// from: a brief is never linted, only read for the rules that check what
// a PRD cites of it (source-range, source-missing, brief-dropped,
// not-a-requirement).
const (
	PRD Kind = iota + 1
	Stories
	Tech
	Brief
)

// kindNames are the kinds' names in JSON, and the titles that tell them
// apart: "# Product requirements: Streaks". A brief has no such title.
var kindNames = []struct {
	kind        Kind
	name, title string
}{
	{PRD, "prd", "Product requirements"},
	{Stories, "stories", "User stories"},
	{Tech, "tech", "Technical requirements"},
	{Brief, "brief", ""},
}

// String names the kind: "prd", "stories" or "tech".
func (k Kind) String() string {
	for _, n := range kindNames {
		if n.kind == k {
			return n.name
		}
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// MarshalText writes the kind as its name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

func (k Kind) title() string {
	for _, n := range kindNames {
		if n.kind == k {
			return n.title
		}
	}
	return ""
}

// ErrUnknownKind is returned by Parse for a document whose title does not
// say which kind it is.
var ErrUnknownKind = errors.New(`not a prodgen document: want a first heading "# Product requirements: …", "# User stories: …" or "# Technical requirements: …"`)

// Doc is a document read for linting.
type Doc struct {
	// Path names the document in findings and messages, as the user
	// named it.
	Path string
	Kind Kind

	src   []byte
	lines []string
	md    *markdown.Doc
	// title is the first first-level heading, nil when there is none.
	title *markdown.Section
	// sections are the document's sections as prodgen reads them: those
	// under any first-level heading, and any other top-level one.
	sections []*markdown.Section
}

// Parse reads a document and tells its kind by its title. A document
// without a title that names its kind gives ErrUnknownKind.
func Parse(path string, src []byte) (*Doc, error) {
	d, err := read(path, src)
	if err != nil {
		return nil, err
	}
	if d.title != nil {
		for _, n := range kindNames {
			if n.title != "" && titled(d.title.Title, n.title) {
				d.Kind = n.kind
				return d, nil
			}
		}
	}
	return nil, ErrUnknownKind
}

// ParseKind reads a document that is known to be of kind k: the
// project's own PRD, stories or tech spec. Its title need not say so.
func ParseKind(path string, k Kind, src []byte) (*Doc, error) {
	d, err := read(path, src)
	if err != nil {
		return nil, err
	}
	d.Kind = k
	return d, nil
}

func read(path string, src []byte) (*Doc, error) {
	md, err := markdown.Parse(src)
	if err != nil {
		return nil, err
	}
	d := &Doc{Path: path, src: src, md: md, lines: strings.Split(string(src), "\n")}
	for _, s := range md.Sections {
		switch {
		case s.Level == 1 && d.title == nil:
			d.title = s
			d.sections = append(d.sections, s.Children...)
		case s.Level == 1:
			d.sections = append(d.sections, s.Children...)
		default:
			d.sections = append(d.sections, s)
		}
	}
	return d, nil
}

// titled reports whether a title names the kind: "Product requirements:
// Streaks" or "Product requirements", in any case.
func titled(title, kind string) bool {
	if len(title) < len(kind) || !strings.EqualFold(title[:len(kind)], kind) {
		return false
	}
	rest := title[len(kind):]
	return rest == "" || rest[0] == ':'
}

// titleLine is the line findings about the whole document go on: the
// title's, else the first.
func (d *Doc) titleLine() int {
	if d.title != nil {
		return d.title.Line
	}
	return 1
}

// lineOf finds the line, from start on and within the paragraph there, of
// the nth (from 0) line holding needle in any case. A paragraph joins its
// lines, so a "Traces:" line may sit below the line the paragraph starts
// on. It returns start when it finds none.
func (d *Doc) lineOf(start int, needle string, n int) int {
	needle = strings.ToLower(needle)
	for i := start - 1; i >= 0 && i < len(d.lines); i++ {
		line := d.lines[i]
		if strings.TrimSpace(line) == "" {
			break
		}
		if strings.Contains(strings.ToLower(line), needle) {
			if n == 0 {
				return i + 1
			}
			n--
		}
	}
	return start
}

// key is a heading's text as sections are matched: lower case, single
// spaces, no trailing colon. It is the key the artifact package reads
// sections by, so lint looks for sections where the pipeline does.
func key(title string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(title, ": ")), " "))
}
