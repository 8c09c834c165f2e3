package semdiff

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/prodgen/prodgen/internal/plural"
)

// Format is a way of writing a diff.
type Format string

// The formats a diff can be written in.
const (
	// FormatMarkdown writes a heading, a summary line and a section per
	// changed document, for a pull-request comment.
	FormatMarkdown Format = "markdown"
	// FormatJSON writes the Diff as one JSON document.
	FormatJSON Format = "json"
	// FormatGitHub writes GitHub Actions workflow commands: a notice per
	// change and a warning per broken trace, on the new version's lines.
	FormatGitHub Format = "github"
)

// Formats lists every format, the default first.
var Formats = []Format{FormatMarkdown, FormatJSON, FormatGitHub}

// Write writes the diff in the format.
func (d *Diff) Write(w io.Writer, f Format) error {
	var b strings.Builder
	switch f {
	case FormatMarkdown:
		d.markdown(&b)
	case FormatJSON:
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
			return err
		}
	case FormatGitHub:
		d.github(&b)
	default:
		return fmt.Errorf("unknown format %q", f)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// SummaryLine counts the changes in one sentence: "1 item changed, 1 item
// removed and 1 trace broken.", or "No changes to the product documents."
func (d *Diff) SummaryLine() string {
	if d.Empty() {
		return "No changes to the product documents."
	}
	s := d.Summary
	var parts []string
	count := func(n int, noun, what string) {
		if n > 0 {
			parts = append(parts, plural.Count(n, noun)+" "+what)
		}
	}
	var docsAdded, docsRemoved int
	for _, doc := range d.Documents {
		switch doc.Status {
		case DocAdded:
			docsAdded++
		case DocRemoved:
			docsRemoved++
		}
	}
	count(docsAdded, "document", "added")
	count(docsRemoved, "document", "removed")
	count(s.Added, "item", "added")
	count(s.Changed, "item", "changed")
	count(s.Removed, "item", "removed")
	count(s.Moved, "item", "moved")
	count(s.BrokenTraces, "trace", "broken")
	count(s.AddedTraces, "trace", "added")
	count(s.RemovedTraces, "trace", "removed")
	return plural.And(parts) + "."
}

// subject names a change's item in prose, with code formatting IDs and
// names: "`FR-002`", "`Household member` in Users", "In scope".
func subject(c Change, code func(string) string) string {
	switch {
	case c.ID != "":
		return code(c.ID)
	case c.Name != "":
		return code(c.Name) + " in " + c.Section
	}
	return c.Section
}

// movement says how a moved item moved: "moved from position 3 to 2",
// "moved from under US-001 to US-002", "now traces FR-003 (was FR-002)".
func movement(c Change, code func(string) string) string {
	var parts []string
	from, to := c.From, c.To
	if from == nil || to == nil {
		return "moved"
	}
	retraced := !slices.Equal(from.Traces, to.Traces)
	switch {
	case from.Story != to.Story:
		parts = append(parts, "moved from under "+code(from.Story)+" to "+code(to.Story))
	case from.Position != to.Position:
		parts = append(parts, "moved from position "+strconv.Itoa(from.Position)+" to "+strconv.Itoa(to.Position))
	case !retraced:
		// Its neighbours changed order around it.
		parts = append(parts, "moved within its list")
	}
	if retraced {
		parts = append(parts, "now traces "+idList(to.Traces, code)+" (was "+idList(from.Traces, code)+")")
	}
	return strings.Join(parts, "; ")
}

func idList(ids []string, code func(string) string) string {
	if len(ids) == 0 {
		return "nothing"
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = code(id)
	}
	return strings.Join(out, ", ")
}
