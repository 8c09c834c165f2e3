package domain

import (
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/markdown"
)

// A brief may state its own data model or API. What it states is taken
// as given: the entities and fields of a "Data model" section (one
// subsection per entity with a field table or a "Fields: …" list, or one
// table or list of entities), the names of a "Data models: A, B, C" line,
// and the resources of an API section's routes ("GET /lists/{id}/
// restaurants" makes Restaurant, belonging to List).

// dataHeadings and apiHeadings are the section names of a data model and
// of an API, compared in lower case without numbering.
var (
	dataHeadings = map[string]bool{
		"data model": true, "data models": true, "domain model": true, "entities": true, "schema": true,
		"database": true, "database schema": true, "data": true, "models": true, "tables": true, "objects": true,
		"data structures": true, "data structure": true, "entities and fields": true, "core entities": true,
		"domain": true, "data dictionary": true, "model": true,
	}
	apiHeadings = map[string]bool{
		"api": true, "rest api": true, "endpoints": true, "api endpoints": true, "routes": true, "http api": true,
		"json api": true, "api design": true, "api surface": true,
	}
)

// given is what a brief states of its own data model and API.
type given struct {
	endpoints []Endpoint
}

// givenReader reads the given parts into evidence.
type givenReader struct {
	ev *evidence
	n  *namer
	lx *lexicon
}

// readGiven reads a brief's own data model and API.
func readGiven(src []byte, b *brief.Brief, ev *evidence, n *namer) given {
	var g given
	gr := &givenReader{ev: ev, n: n, lx: n.lx}
	lines := markdown.Lines(src)
	for _, sec := range headedSections(lines) {
		body := []byte(strings.Join(lines[sec.start:sec.end], "\n"))
		switch {
		case dataHeadings[sec.title]:
			gr.dataSection(body, sec.start)
		case apiHeadings[sec.title]:
			// Routes are read from the whole brief below.
		}
	}
	for i, l := range lines {
		if strings.Contains(l, ":") {
			gr.modelLine(l, i+1)
		}
	}
	g.endpoints = gr.routes(lines)
	return g
}

// section is a headed part of a brief: its lines [start, end), 0-based,
// the heading's line excluded.
type section struct {
	title      string
	level      int
	start, end int
}

var headingRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`) })

// headedSections finds the ATX-headed sections of a markdown brief,
// outside code fences. A section runs to the next heading of its level
// or above.
func headedSections(lines []string) []section {
	type head struct {
		title string
		level int
		line  int
	}
	var heads []head
	fenced := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		if m := headingRe().FindStringSubmatch(t); m != nil {
			heads = append(heads, head{title: headingKey(m[2]), level: len(m[1]), line: i})
		}
	}
	var out []section
	for i, h := range heads {
		end := len(lines)
		for _, n := range heads[i+1:] {
			if n.level <= h.level {
				end = n.line
				break
			}
		}
		out = append(out, section{title: h.title, level: h.level, start: h.line + 1, end: end})
	}
	return out
}

// headingKey is a heading in lower case without numbering, emphasis or
// a trailing colon: "## 7) Data model:" is "data model".
func headingKey(s string) string {
	s = strings.ToLower(markdown.Plain(s))
	s = strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsDigit(r) || r == '.' || r == ')' || r == ' ' })
	return strings.TrimSpace(strings.TrimRight(s, ": "))
}

// note records a given entity.
func (gr *givenReader) note(name string, line int) *candidate {
	written := splitName(name)
	if len(written) == 0 {
		return nil
	}
	written[len(written)-1] = singular(written[len(written)-1])
	key := strings.ToLower(strings.Join(written, " "))
	if _, isPersona := gr.n.personas[key]; isPersona || key == "" {
		return nil
	}
	c := gr.ev.note(key, written, wGiven, true, -1, []brief.Span{{Start: line, End: line}})
	c.given = true
	return c
}

// splitName splits an entity's name as a brief writes it:
// "TimelineEntry", "timeline_entry", "Timeline entry", "**Share link**".
func splitName(s string) []string {
	s = markdown.Plain(strings.TrimSpace(s))
	s = strings.Trim(s, "`*_ :")
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }) {
		out = append(out, splitCamel(w)...)
	}
	for i := 1; i < len(out); i++ {
		if !isAcronym(out[i]) {
			out[i] = strings.ToLower(out[i])
		}
	}
	return out
}

// splitCamel splits "TimelineEntry" into "Timeline" "Entry"; "API" and
// "iCal" stay whole.
func splitCamel(w string) []string {
	rs := []rune(w)
	var out []string
	start := 0
	for i := 1; i < len(rs); i++ {
		if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) && i-start > 1 {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return append(out, string(rs[start:]))
}

// modelLine reads "Data models: Incident, Service, TimelineEntry" on
// any line.
func (gr *givenReader) modelLine(l string, line int) {
	t := strings.TrimSpace(l)
	t = strings.TrimLeft(t, "-*+ ")
	label, rest, ok := strings.Cut(t, ":")
	if !ok {
		return
	}
	switch strings.ToLower(strings.Trim(label, "*_ ")) {
	case "data model", "data models", "entities", "models", "domain model", "tables", "core entities":
	default:
		return
	}
	for _, name := range strings.Split(strings.TrimRight(rest, ". "), ",") {
		name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "and "))
		if name != "" && len(strings.Fields(name)) <= 3 {
			gr.note(name, line)
		}
	}
}

// dataSection reads a data model section: its subsections are entities;
// without them, its table or list names them.
func (gr *givenReader) dataSection(body []byte, offset int) {
	doc, err := markdown.Parse(body)
	if err != nil {
		return
	}
	at := func(l int) int { return l + offset }
	subs := doc.Sections
	if len(subs) == 0 {
		gr.entityBlocks(nil, doc.Preamble, at)
		return
	}
	gr.entityBlocks(nil, doc.Preamble, at)
	for _, s := range doc.All() {
		e := gr.note(s.Title, at(s.Line))
		gr.entityBlocks(e, s.Blocks, at)
	}
}

// entityBlocks reads the blocks about entity e (nil: blocks that name
// entities themselves).
func (gr *givenReader) entityBlocks(e *candidate, blocks []markdown.Block, at func(int) int) {
	for _, bl := range blocks {
		switch bl.Kind {
		case markdown.Table:
			gr.table(e, bl, at)
		case markdown.List:
			for _, it := range bl.Items {
				gr.listItem(e, it.Text, at(it.Line))
				for _, ch := range it.Children {
					gr.listItem(e, ch.Text, at(ch.Line))
				}
			}
		case markdown.Paragraph:
			for _, s := range splitSentences(bl.Text) {
				gr.listItem(e, s, at(bl.Line))
			}
		case markdown.Code:
			gr.sql(bl.Code, at(bl.Line))
		}
	}
}

// table reads a field table (Field | Type | Notes) of entity e, or, with
// no e, a table of entities (Entity | Fields).
func (gr *givenReader) table(e *candidate, bl markdown.Block, at func(int) int) {
	if len(bl.Rows) < 2 {
		return
	}
	col := map[string]int{}
	for i, h := range bl.Rows[0] {
		k := strings.ToLower(markdown.Plain(h))
		switch {
		case strings.Contains(k, "entity") || k == "table" || k == "model" || k == "object":
			col["entity"] = i
		case k == "fields" || k == "attributes" || k == "columns" || k == "key fields":
			col["fields"] = i
		case k == "field" || k == "name" || k == "column" || k == "attribute":
			col["field"] = i
		case k == "type" || k == "data type":
			col["type"] = i
		case strings.Contains(k, "required") || k == "optional":
			col["required"] = i
		case k == "notes" || k == "description" || k == "values" || k == "comment":
			col["notes"] = i
		}
	}
	cell := func(row []string, k string) string {
		if i, ok := col[k]; ok && i < len(row) {
			return strings.TrimSpace(markdown.Plain(row[i]))
		}
		return ""
	}
	for r, row := range bl.Rows[1:] {
		line := at(bl.Line + 2 + r)
		target := e
		if name := cell(row, "entity"); name != "" {
			target = gr.note(name, line)
		}
		if target == nil {
			continue
		}
		if list := cell(row, "fields"); list != "" {
			gr.fieldList(target, list, line)
		}
		if name := cell(row, "field"); name != "" {
			gr.givenField(target, name, cell(row, "type"), cell(row, "required"), cell(row, "notes"), line)
		}
	}
}

// listItem reads one line of a data model: "Fields: a (type), b",
// "Belongs to an application", or "Entity: a, b, c".
func (gr *givenReader) listItem(e *candidate, text string, line int) {
	t := strings.TrimSpace(markdown.Plain(text))
	low := strings.ToLower(t)
	if e != nil {
		if i := strings.Index(low, "belongs to "); i >= 0 {
			rest := strings.Fields(low[i+len("belongs to "):])
			for len(rest) > 0 && words().det[rest[0]] {
				rest = rest[1:]
			}
			if len(rest) > 0 {
				name := singular(strings.Trim(rest[0], ".,;"))
				gr.note(name, line)
				e.relate(name, false, []brief.Span{{Start: line, End: line}})
			}
			return
		}
		if strings.Contains(low, "has many") {
			return
		}
	}
	label, rest, ok := strings.Cut(t, ":")
	if !ok {
		if e != nil && isIdentifier(t) {
			gr.givenField(e, t, "", "", "", line)
		}
		return
	}
	key := strings.ToLower(strings.Trim(label, "*_ "))
	switch {
	case strings.Contains(key, "field") || key == "attributes" || key == "columns":
		if e != nil {
			gr.fieldList(e, rest, line)
		}
	case e == nil && len(strings.Fields(key)) <= 3:
		if target := gr.note(label, line); target != nil {
			gr.fieldList(target, rest, line)
		}
	case e != nil && isIdentifier(label):
		// "- **status**: enum (open, closed)".
		gr.givenField(e, label, rest, "", "", line)
	}
}

// isIdentifier reports whether s reads as a field's name: one to three
// words or one snake_case or camelCase word.
func isIdentifier(s string) bool {
	s = strings.Trim(s, "*_` ")
	return s != "" && len(strings.Fields(s)) <= 3 && !strings.ContainsAny(s, ".;,")
}

// fieldList reads "scheduled_at (datetime), kind (phone, video,
// on-site), interviewer".
func (gr *givenReader) fieldList(e *candidate, list string, line int) {
	for _, item := range splitTop(list, ",", ";") {
		item = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(item), "and "))
		if item == "" {
			continue
		}
		name, aside := item, ""
		if i := strings.Index(item, "("); i > 0 {
			name, aside = strings.TrimSpace(item[:i]), strings.Trim(item[i:], "() ")
		}
		if !isIdentifier(name) {
			continue
		}
		gr.givenField(e, name, aside, "", "", line)
	}
}

// givenField adds a field a brief's data model states, typed by its type
// cell or aside ("datetime", "enum", "phone, video, on-site"), its
// required cell and its notes.
func (gr *givenReader) givenField(e *candidate, name, typ, required, notes string, line int) {
	fname := strings.ToLower(strings.Join(splitName(name), " "))
	if fname == "" || fname == "id" {
		return
	}
	f := Field{Name: fname, Lines: []brief.Span{{Start: line, End: line}}}
	low := strings.ToLower(typ)
	t, ok := typeWord(low)
	switch {
	case ok && t == String:
		// "text" in a type column: a text when the name reads as one.
		if lt, known := gr.lx.typeOf(fname); known && lt == Text {
			t = Text
		}
		f.Type = t
	case ok:
		f.Type = t
	case values(typ) != nil:
		f.Type, f.Values = Enum, values(typ)
	default:
		lt, known := gr.lx.typeOf(fname)
		f.Type, f.Guess = lt, !known
	}
	if strings.Contains(low, "optional") || strings.Contains(strings.ToLower(notes), "optional") ||
		strings.HasPrefix(strings.ToLower(required), "no") {
		f.Optional = true
	}
	if f.Type == Enum && len(f.Values) == 0 {
		if vs := values(notes); vs != nil {
			f.Values = vs
		} else if i := strings.Index(typ, "("); i >= 0 {
			f.Values = values(strings.Trim(typ[i:], "() "))
		}
	}
	e.field(f)
}

// typeWord reads a type as a data model writes it.
func typeWord(s string) (FieldType, bool) {
	s = strings.TrimSpace(s)
	first := s
	if i := strings.IndexAny(s, " (,"); i > 0 {
		first = s[:i]
	}
	switch first {
	case "text", "string", "varchar", "char", "citext", "str":
		return String, true
	case "longtext", "markdown", "textarea":
		return Text, true
	case "url", "uri", "link":
		return URL, true
	case "date":
		return Date, true
	case "datetime", "timestamp", "timestamptz", "time":
		return DateTime, true
	case "int", "integer", "number", "decimal", "float", "numeric", "bigint", "smallint", "real", "double":
		return Number, true
	case "money", "currency":
		return Money, true
	case "bool", "boolean":
		return Boolean, true
	case "enum":
		return Enum, true
	case "uuid", "fk", "reference", "references", "ref", "foreign":
		return Reference, true
	case "file", "image", "blob", "bytes":
		return File, true
	}
	return "", false
}

var (
	createTableRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?is)create\s+table\s+(?:if\s+not\s+exists\s+)?[\x60"]?(\w+)[\x60"]?\s*\((.*?)\)\s*;`)
	})
	routeRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:^|[\s|\x60(])(GET|POST|PUT|PATCH|DELETE)\s*\|?\s*\x60?(/[A-Za-z0-9_\-/{}:.]*)\x60?`)
	})
)

// sql reads CREATE TABLE statements.
func (gr *givenReader) sql(code string, line int) {
	for _, m := range createTableRe().FindAllStringSubmatch(code, -1) {
		e := gr.note(m[1], line)
		if e == nil {
			continue
		}
		for _, col := range splitTop(m[2], ",") {
			f := strings.Fields(strings.TrimSpace(col))
			if len(f) < 2 {
				continue
			}
			switch strings.ToLower(f[0]) {
			case "primary", "foreign", "unique", "constraint", "check", "index", "key":
				continue
			}
			nullable := !strings.Contains(strings.ToLower(col), "not null")
			req := "yes"
			if nullable {
				req = "no"
			}
			if i := strings.Index(strings.ToLower(col), "references "); i >= 0 {
				target := strings.Fields(col[i+len("references "):])
				if len(target) > 0 {
					parent := strings.Trim(target[0], "\"`(")
					if p := gr.note(strings.SplitN(parent, "(", 2)[0], line); p != nil {
						e.relate(p.name, false, []brief.Span{{Start: line, End: line}})
					}
				}
			}
			gr.givenField(e, strings.Trim(f[0], "\"`"), strings.ToLower(f[1]), req, "", line)
		}
	}
}
