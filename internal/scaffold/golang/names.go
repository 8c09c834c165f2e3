package golang

import (
	"strings"
	"unicode"
)

// reservedModules are module paths the go command reads as standard
// library packages or package patterns: a main module named "sync" or
// "tool" does not build.
var reservedModules = map[string]bool{
	"all": true, "builtin": true, "cmd": true, "go": true, "std": true, "tool": true, "work": true,

	"bufio": true, "bytes": true, "cmp": true, "context": true, "crypto": true, "embed": true,
	"encoding": true, "errors": true, "expvar": true, "flag": true, "fmt": true, "hash": true,
	"html": true, "image": true, "io": true, "iter": true, "log": true, "maps": true, "math": true,
	"mime": true, "net": true, "os": true, "path": true, "plugin": true, "reflect": true,
	"regexp": true, "runtime": true, "slices": true, "sort": true, "strconv": true, "strings": true,
	"structs": true, "sync": true, "syscall": true, "testing": true, "time": true, "unicode": true,
	"unique": true, "unsafe": true, "weak": true,
}

// modulePath is the generated go.mod's module path: the slug, unless the
// go command would take it for a standard package.
func modulePath(slug string) string {
	if reservedModules[slug] {
		return slug + "-prototype"
	}
	return slug
}

// oneLine makes text from the spec safe for a Go line comment: invalid
// UTF-8 becomes U+FFFD, and spaces, control characters and byte order
// marks, which the Go scanner rejects inside a file, become one space.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToValidUTF8(s, "\uFFFD"), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFEFF'
	}), " ")
}

// noun writes an entity's name as it reads inside a sentence: "Queue
// entry" becomes "queue entry", while "PDF report" keeps its capitals.
func noun(name string) string {
	name = oneLine(name)
	runes := []rune(name)
	if len(runes) == 0 || len(runes) > 1 && unicode.IsUpper(runes[1]) {
		return name
	}
	runes[0] = unicode.ToLower(runes[0])
	return string(runes)
}

// article writes an entity's name as noun does, after "a" or "an":
// "an application", "a board".
func article(name string) string {
	n := noun(name)
	if n != "" && strings.ContainsRune("aeiouAEIOU", rune(n[0])) {
		return "an " + n
	}
	return "a " + n
}
