package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/prodgen/prodgen/internal/annotation"
)

// Format is a way of writing a report.
type Format string

// The formats a report can be written in.
const (
	// FormatText writes "file:line: rule: message", one finding a line.
	FormatText Format = "text"
	// FormatJSON writes one JSON document: files, findings and summary.
	FormatJSON Format = "json"
	// FormatGitHub writes GitHub Actions workflow commands, which show
	// each finding as an annotation on the pull request.
	FormatGitHub Format = "github"
	// FormatSARIF writes SARIF 2.1.0, which code scanning reads: every
	// rule, and each finding as a result on its file and line.
	FormatSARIF Format = "sarif"
)

// Formats lists every format.
var Formats = []Format{FormatText, FormatJSON, FormatGitHub, FormatSARIF}

// Write writes the report's findings in the format. The summary line is
// not written: it is for people, and goes elsewhere (in JSON it is part of
// the document).
func (r *Report) Write(w io.Writer, f Format) error {
	switch f {
	case FormatText:
		return r.writeText(w)
	case FormatJSON:
		return r.writeJSON(w)
	case FormatGitHub:
		return r.writeGitHub(w)
	case FormatSARIF:
		return r.writeSARIF(w)
	}
	return fmt.Errorf("unknown format %q", f)
}

func (r *Report) writeText(w io.Writer) error {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%s:%d: %s: %s\n", f.File, f.Line, f.Rule, f.Message)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonReport is the JSON document's shape. Lists are never null, so a
// consumer can always range over them.
type jsonReport struct {
	Files    []File    `json:"files"`
	Findings []Finding `json:"findings"`
	Summary  Summary   `json:"summary"`
}

func (r *Report) writeJSON(w io.Writer) error {
	doc := jsonReport{Files: r.Files, Findings: r.Findings, Summary: r.Summary()}
	if doc.Files == nil {
		doc.Files = []File{}
	}
	if doc.Findings == nil {
		doc.Findings = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func (r *Report) writeGitHub(w io.Writer) error {
	var b strings.Builder
	for _, f := range r.Findings {
		level := annotation.Warning
		switch f.Severity {
		case Error:
			level = annotation.Error
		case Info:
			level = annotation.Notice
		}
		a := annotation.Annotation{Level: level, File: f.File, Line: f.Line, Title: f.Rule, Message: f.Message}
		b.WriteString(a.String() + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
