package semdiff

import (
	"strconv"
	"strings"

	"github.com/prodgen/prodgen/internal/plural"
)

// markdown writes the diff for a pull-request comment: a heading, the
// summary line, then each changed document's items by kind of change and
// the traces. Text from the documents is escaped, so it shows as written
// and cannot break the comment's layout; in a changed item, deleted words
// are ~~struck through~~ and inserted words **bold**.
func (d *Diff) markdown(b *strings.Builder) {
	b.WriteString("## Product documents")
	if d.From != "" || d.To != "" {
		b.WriteString(": " + escape(d.From) + " → " + escape(d.To))
	}
	b.WriteString("\n\n" + d.SummaryLine() + "\n")
	for _, doc := range d.Documents {
		if doc.Status != DocUnchanged {
			writeDocument(b, doc)
		}
	}
	if len(d.Traces) > 0 {
		b.WriteString("\n### Traces\n")
		for _, st := range []TraceStatus{TraceBroken, TraceRemoved, TraceAdded} {
			writeTraces(b, d.Traces, st)
		}
	}
}

var changeHeadings = map[ChangeType]string{Added: "Added", Changed: "Changed", Removed: "Removed", Moved: "Moved"}

func writeDocument(b *strings.Builder, doc Document) {
	b.WriteString("\n### " + escape(doc.Path) + "\n\n")
	switch doc.Status {
	case DocAdded:
		b.WriteString("A new document, with " + plural.Count(doc.IDs, "ID") + ".\n")
		return
	case DocRemoved:
		b.WriteString("Removed, with its " + plural.Count(doc.IDs, "ID") + ".\n")
		return
	}
	first := true
	for _, t := range []ChangeType{Added, Changed, Removed, Moved} {
		var lines []string
		for _, c := range doc.Changes {
			if c.Type == t {
				lines = append(lines, "- "+changeLine(c))
			}
		}
		if len(lines) == 0 {
			continue
		}
		if !first {
			b.WriteString("\n")
		}
		first = false
		b.WriteString("**" + changeHeadings[t] + "**\n\n" + strings.Join(lines, "\n") + "\n")
	}
}

func changeLine(c Change) string {
	var text string
	switch c.Type {
	case Added:
		text = escape(c.New)
	case Removed:
		text = escape(c.Old)
	case Changed:
		text = wordDiff(c.Old, c.New)
	case Moved:
		return subject(c, code) + " " + movement(c, code)
	}
	s := subject(c, code)
	switch {
	case text == "":
		return s
	case c.ID != "":
		return s + " " + text
	}
	return s + ": " + text
}

// wordDiff writes Words' edits: ~~deleted~~ and **inserted** words.
func wordDiff(old, cur string) string {
	var parts []string
	for _, e := range Words(old, cur) {
		switch e.Op {
		case Delete:
			parts = append(parts, "~~"+escape(e.Text)+"~~")
		case Insert:
			parts = append(parts, "**"+escape(e.Text)+"**")
		default:
			parts = append(parts, escape(e.Text))
		}
	}
	return strings.Join(parts, " ")
}

var traceHeadings = map[TraceStatus]string{TraceBroken: "Broken", TraceRemoved: "Removed", TraceAdded: "Added"}

func writeTraces(b *strings.Builder, traces []Trace, st TraceStatus) {
	var lines []string
	for _, t := range traces {
		if t.Status == st {
			lines = append(lines, "- "+traceLine(t, code)+" ("+escape(place(t.File, t.Line))+")")
		}
	}
	if len(lines) > 0 {
		b.WriteString("\n**" + traceHeadings[st] + "**\n\n" + strings.Join(lines, "\n") + "\n")
	}
}

// traceLine says what happened to a trace: "US-004 traces FR-004, which
// is not in docs/prd.md".
func traceLine(t Trace, code func(string) string) string {
	switch t.Status {
	case TraceBroken:
		return code(t.From) + " traces " + code(t.To) + ", which is not in " + t.Target
	case TraceRemoved:
		return code(t.From) + " no longer traces " + code(t.To)
	}
	return code(t.From) + " traces " + code(t.To)
}

// place is "file:line", or the file alone when the line is unknown.
func place(file string, line int) string {
	if line == 0 {
		return file
	}
	return file + ":" + strconv.Itoa(line)
}

// code writes s as a code span, fenced with more backticks than any run
// in it.
func code(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// escape backslash-escapes what markdown would read as inline markup or
// HTML, so that text shows as written.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_~[]<>&|#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
