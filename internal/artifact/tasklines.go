package artifact

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// A task's line in the Tasks section and the items nested under it, each
// writer with its reader, as in lines.go.

const (
	parallelMark = "[P]"
	setupWord    = "setup"
	dependsTag   = "Depends on:"
	sizeTag      = "Size:"
	componentTag = "Components:"
	entityTag    = "Entities:"
	endpointTag  = "Endpoints:"
)

// taskLine writes a task: "**T-002** [P] text (US-001)", with its
// dependencies, size and what it touches nested under it.
func taskLine(t Task) (string, error) {
	text, err := taskText(t)
	if err != nil {
		return "", err
	}
	if t.Parallel {
		text = strings.TrimSpace(parallelMark + " " + text)
	} else if _, marked := cutParallel(text); marked {
		text = `\` + text
	}
	line, err := itemLine(KindTask, t.ID, text)
	if err != nil {
		return "", err
	}
	var nested []string
	if len(t.DependsOn) > 0 {
		ids, err := idList(KindTask, t.DependsOn)
		if err != nil {
			return "", fmt.Errorf("dependency: %w", err)
		}
		nested = append(nested, "- "+dependsTag+" "+ids)
	}
	if s := oneLine(t.Size); s != "" {
		nested = append(nested, "- "+sizeTag+" "+EscapeHTML(s))
	}
	for _, names := range []struct {
		tag   string
		names []string
	}{{componentTag, t.Components}, {entityTag, t.Entities}, {endpointTag, t.Endpoints}} {
		if list := nameList(names.names); list != "" {
			nested = append(nested, "- "+names.tag+" "+list)
		}
	}
	return nestLines(line, nested), nil
}

// nameList joins names, each a code span, so that a name may hold a
// comma: "`Web app`, `GET /teams`".
func nameList(names []string) string {
	var out []string
	for _, n := range names {
		if n = oneLine(n); n != "" {
			out = append(out, codeSpan(n))
		}
	}
	return strings.Join(out, ", ")
}

// readNames reads what nameList writes: names split at commas outside
// code spans, each the content of its code span; a name a person wrote
// without one is kept as written.
func readNames(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '`':
			n := 1
			for i+n < len(s) && s[i+n] == '`' {
				n++
			}
			if end := closingRun(s[i:], n); end >= 0 {
				i += end + n - 1
			} else {
				i += n - 1
			}
		case ',':
			out = appendName(out, s[start:i])
			start = i + 1
		}
	}
	return appendName(out, s[start:])
}

func appendName(out []string, n string) []string {
	if n = strings.TrimSpace(n); n != "" {
		out = append(out, spanText(n))
	}
	return out
}

// cutParallel cuts the parallel mark off a task's text: "[P] text".
func cutParallel(text string) (string, bool) {
	rest, ok := cutPrefixFold(text, parallelMark)
	if !ok || (rest != "" && rest[0] != ' ') {
		return text, false
	}
	return strings.TrimSpace(rest), true
}

// readTasks reads the Tasks section: each item's ID, text, stories or
// setup mark, parallel mark, and the items nested under it.
func (t *TechSpec) readTasks(r *reader, s *markdown.Section) error {
	where := under(s.Title)
	for _, b := range s.Blocks {
		if b.Kind != markdown.List {
			r.block(b, where)
		}
	}
	for _, c := range s.Children {
		r.drop(c.Line, "section %q %s is not read", c.Title, where)
	}
	for _, it := range s.Items() {
		for _, b := range it.Other {
			r.block(b, where)
		}
		text := htmlText(it.Text)
		if isEmptyMark(strings.TrimSpace(text)) && len(it.Children) > 0 {
			text = ""
		}
		if text == "" && len(it.Children) == 0 {
			continue
		}
		task, err := readTaskItem(text)
		if err != nil {
			if err := r.fail(it.Line, err); err != nil {
				return err
			}
			continue
		}
		if err := readTaskDetails(r, &task, it.Children, where); err != nil {
			return err
		}
		t.Tasks = append(t.Tasks, task)
	}
	return nil
}

// readTaskItem reads a task's own line: its ID, parallel mark, text and
// stories or setup mark.
func readTaskItem(s string) (Task, error) {
	id, text, err := readLead(KindTask, s)
	if err != nil {
		return Task{}, err
	}
	text, parallel := cutParallel(text)
	task, err := readTask(id, text)
	task.Parallel = parallel
	return task, err
}

// The fields a task's nested items hold, as CutTaskDetail names them.
const (
	DetailDependsOn  = "depends_on"
	DetailSize       = "size"
	DetailComponents = "components"
	DetailEntities   = "entities"
	DetailEndpoints  = "endpoints"
)

// taskDetails are the tags of a task's nested items and the fields they
// hold.
var taskDetails = []struct{ tag, field string }{
	{dependsTag, DetailDependsOn}, {sizeTag, DetailSize}, {componentTag, DetailComponents},
	{entityTag, DetailEntities}, {endpointTag, DetailEndpoints},
}

// CutTaskDetail reads an item nested under a task: the field it holds
// (DetailDependsOn…) and the text after its tag ("Depends on: T-001"
// gives DetailDependsOn and "T-001"); ok is false for an item that is
// none.
func CutTaskDetail(text string) (field, rest string, ok bool) {
	for _, d := range taskDetails {
		if rest, ok := cutPrefixFold(text, d.tag); ok {
			return d.field, rest, true
		}
	}
	return "", text, false
}

// ReadNames reads a task's list of components, entities or endpoints:
// names split at commas outside code spans, each the content of its code
// span.
func ReadNames(s string) []string { return readNames(s) }

// ReadTaskLine reads a task's own line after its ID: its parallel mark,
// text, and stories or setup mark ("[P] Build it (US-001)").
func ReadTaskLine(text string) (Task, error) { return readTaskItem(text) }

// readTaskDetails reads the items nested under a task.
func readTaskDetails(r *reader, t *Task, items []markdown.Item, where string) error {
	for _, c := range items {
		for _, b := range c.Other {
			r.block(b, where)
		}
		r.nested(c.Children, where)
		text := htmlText(c.Text)
		if text == "" {
			continue
		}
		field, rest, ok := CutTaskDetail(text)
		names := map[string]*[]string{DetailComponents: &t.Components, DetailEntities: &t.Entities, DetailEndpoints: &t.Endpoints}
		switch {
		case ok && field == DetailDependsOn && t.DependsOn == nil:
			ids, err := refs(r, KindTask, rest, c.Line, "the dependencies of "+name(KindTask, 0, t.ID))
			if err != nil {
				if err := r.fail(c.Line, fmt.Errorf("dependency: %w", err)); err != nil {
					return err
				}
			}
			t.DependsOn = ids
		case ok && field == DetailSize && t.Size == "" && strings.TrimSpace(rest) != "":
			t.Size = strings.TrimSpace(rest)
		case ok && names[field] != nil && *names[field] == nil:
			*names[field] = readNames(rest)
		default:
			r.drop(c.Line, "nested item %s is not read: %s (a task's nested items are %s)",
				where, snippet(text), strings.Join([]string{dependsTag, sizeTag, componentTag, entityTag, endpointTag}, ", "))
		}
	}
	return nil
}
