package pyts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"unicode"

	"github.com/prodgen/prodgen/internal/markdown"
)

var funcs = template.FuncMap{
	"py":                pyLiteral,
	"ts":                tsLiteral,
	"str":               quote,
	"line":              line,
	"pydoc":             pydoc,
	"cell":              markdown.EscapeCell,
	"join":              strings.Join,
	"stories":           stories,
	"testTitle":         testTitle,
	"pyType":            pyType,
	"noun":              noun,
	"tsType":            tsType,
	"tsOptions":         tsOptions,
	"typescriptVersion": func() string { return TypeScriptVersion },
	"nodeTypesVersion":  func() string { return NodeTypesVersion },
}

// quote makes s a string literal that Python and TypeScript read alike:
// JSON's escapes are a subset of both languages' escapes.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	// Encoding a string cannot fail.
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func pyLiteral(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "None", nil
	case bool:
		if v {
			return "True", nil
		}
		return "False", nil
	}
	return tsLiteral(v)
}

func tsLiteral(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "null", nil
	case string:
		return quote(v), nil
	case bool:
		return strconv.FormatBool(v), nil
	case int:
		return strconv.Itoa(v), nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	}
	return "", fmt.Errorf("no literal for %T", v)
}

// line makes s safe for a one-line comment in either language: runs of
// spaces, line breaks included, become one space and control characters
// go.
func line(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// pydoc makes s safe inside a one-line Python docstring.
func pydoc(s string) string {
	s = strings.ReplaceAll(line(s), `\`, `\\`)
	return strings.ReplaceAll(s, `"`, `\"`)
}

func stories(ids []string) string {
	return line(strings.Join(ids, ", "))
}

// testTitle names an endpoint's test in TypeScript: "CreateQueueEntry
// (US-001, US-003)".
func testTitle(ep *endpoint) string {
	if len(ep.Stories) == 0 {
		return ep.TestName
	}
	return fmt.Sprintf("%s (%s)", ep.TestName, stories(ep.Stories))
}

// pyTypes and tsTypes are the Python and TypeScript types of a field's
// value, by its type; an enum's is its own.
var (
	pyTypes = map[string]string{"integer": "int", "number": "float", "boolean": "bool"}
	tsTypes = map[string]string{"integer": "number", "number": "number", "boolean": "boolean"}
)

// pyType is a field's annotation in its entity's class: None is a value
// of every field but a required one.
func pyType(f *field) string {
	t := cmpOr(pyTypes[f.Type], "str")
	if f.EnumType != "" {
		t = f.EnumType
	}
	if !f.Required || f.Managed {
		t += " | None"
	}
	return t
}

// tsType is a field's type in its entity's interface: null is a value of
// every field but a required one.
func tsType(f *field) string {
	t := cmpOr(tsTypes[f.Type], "string")
	if f.EnumType != "" {
		t = f.EnumType
	}
	if !f.Required || f.Managed {
		t += " | null"
	}
	return t
}

// noun writes an entity's name as it reads inside a sentence, on one
// line: "Queue entry" becomes "queue entry", while "PDF report" keeps its
// capitals.
func noun(name string) string {
	runes := []rune(line(name))
	if len(runes) == 0 || len(runes) > 1 && unicode.IsUpper(runes[1]) {
		return string(runes)
	}
	runes[0] = unicode.ToLower(runes[0])
	return string(runes)
}

// tsOptions writes what a field of app.ts's entities table sets beyond
// its name and type: "{ required: true, ref: \"board\" }", or "" for
// nothing.
func tsOptions(f *field) string {
	var opts []string
	if f.Required {
		opts = append(opts, "required: true")
	}
	if len(f.Values) > 0 {
		vals := make([]string, len(f.Values))
		for i, v := range f.Values {
			vals[i] = quote(v)
		}
		opts = append(opts, "values: ["+strings.Join(vals, ", ")+"]")
	}
	if f.Ref != "" {
		opts = append(opts, "ref: "+quote(f.Ref))
	}
	if f.Managed {
		opts = append(opts, "managed: true")
	}
	if len(opts) == 0 {
		return ""
	}
	return "{ " + strings.Join(opts, ", ") + " }"
}
