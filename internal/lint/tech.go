package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/markdown"
)

// task reads a task's stories, the trailing group in "Build it (US-001,
// US-002)", as the artifact package does: a group of words that are all
// written like story IDs.
func (a *analysis) task(it idItem) {
	name := it.id
	if name == "" {
		name = fmt.Sprintf("the task on line %d", it.line)
	}
	t := tracer{name: name, line: it.line}
	named := false
	group, setup, ok := storyGroup(it.text)
	if ok {
		t.traces, named = a.refs(artifact.KindStory, group, name, it.line)
	}
	if !named && !setup {
		a.l.add(a.doc, it.line, "trace-missing", "%s traces to no story: end it with the stories it delivers, e.g. %q", name, "(US-001)")
	}
	a.tracers = append(a.tracers, t)
}

// storyGroup returns the trailing "(US-001, US-002)" of a task's text,
// and whether the group marks a setup task: "(setup)", "(US-001; setup)".
func storyGroup(s string) (string, bool, bool) {
	s = strings.TrimSpace(s)
	i := strings.LastIndex(s, "(")
	if !strings.HasSuffix(s, ")") || i < 0 {
		return "", false, false
	}
	var stories string
	setup := false
	for part := range strings.SplitSeq(s[i+1:len(s)-1], ";") {
		if strings.EqualFold(strings.TrimSpace(part), "setup") {
			setup = true
			continue
		}
		for w := range strings.SplitSeq(part, ",") {
			w = strings.TrimSpace(w)
			if !artifact.LooksLikeID(w) || !strings.EqualFold(w[:2], "US") {
				return "", false, false
			}
		}
		stories = part
	}
	return stories, setup, true
}

// endpoints reads the API table: each row's stories, from the column
// headed Stories (else the fourth), and its method and path to name it.
func (a *analysis) endpoints(s *markdown.Section) {
	i := slices.IndexFunc(s.Blocks, func(b markdown.Block) bool { return b.Kind == markdown.Table && len(b.Rows) > 0 })
	if i < 0 {
		return
	}
	table := s.Blocks[i]
	method := column(table.Rows[0], 0, "method")
	path := column(table.Rows[0], 1, "path")
	stories := column(table.Rows[0], 3, "stories", "story")
	for n, row := range table.Rows[1:] {
		// The header row and the delimiter row come first.
		line := table.Line + 2 + n
		name := strings.TrimSpace(cellPlain(row, method) + " " + cellPlain(row, path))
		if name == "" {
			name = fmt.Sprintf("the endpoint on line %d", line)
		}
		e := tracer{name: name, line: line}
		var named bool
		e.traces, named = a.refs(artifact.KindStory, cellPlain(row, stories), name, line)
		if !named {
			a.l.add(a.doc, line, "trace-missing", "%s traces to no story: name the stories it serves in its Stories column", name)
		}
		a.tracers = append(a.tracers, e)
	}
}

// column finds a column by its header, else takes its usual position.
func column(head []string, pos int, names ...string) int {
	if i := slices.IndexFunc(head, func(h string) bool { return slices.Contains(names, key(h)) }); i >= 0 {
		return i
	}
	return pos
}

// cellPlain is a cell's words, without code spans' backticks; empty for a
// column the row does not have.
func cellPlain(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return markdown.Plain(strings.TrimSpace(row[i]))
}
