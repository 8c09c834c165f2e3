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
