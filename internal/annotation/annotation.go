// Package annotation writes GitHub Actions workflow commands that annotate
// a file, such as "::warning file=docs/prd.md,line=17,title=vague-word::…".
// The runner shows each one on the pull request, at the line it names.
// Every command that offers --format github writes through it, so the
// escaping the runner expects is written once.
package annotation

import (
	"strconv"
	"strings"
)

// Level is how the runner shows an annotation.
type Level string

// The levels of annotation the runner knows.
const (
	Notice  Level = "notice"
	Warning Level = "warning"
	Error   Level = "error"
)

// Annotation is one message on a file.
type Annotation struct {
	Level Level
	File  string // as the repository names it: "docs/prd.md"
	// Line is 1-based; 0 annotates the file as a whole.
	Line    int
	Title   string // optional
	Message string
}

// String is the workflow command, without the line break that ends it.
func (a Annotation) String() string {
	var b strings.Builder
	b.WriteString("::" + string(a.Level) + " file=" + escapeProperty(a.File))
	if a.Line > 0 {
		b.WriteString(",line=" + strconv.Itoa(a.Line))
	}
	if a.Title != "" {
		b.WriteString(",title=" + escapeProperty(a.Title))
	}
	b.WriteString("::" + escapeData(a.Message))
	return b.String()
}

// escapeData escapes a workflow command's message as the Actions runner
// reads it back.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value, where a
// comma or colon would end it.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
