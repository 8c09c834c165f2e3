package htmlpage

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"strings"
	"sync"
)

var (
	// mermaidJS is Mermaid's single-file browser build, as its npm package
	// ships it (mermaid/README.md says which version and why).
	//go:embed mermaid/mermaid.min.js
	mermaidJS string
	// diagramsJS draws the page's mermaid blocks with it.
	//go:embed diagrams.js
	diagramsJS string
)

// baseCSP is the page's Content-Security-Policy without its scripts: the
// page loads nothing (no fonts, images, frames or connections), cannot be
// given another base URL or submit a form, and keeps its inline styles,
// which Mermaid's SVG needs too. Each script the page holds is allowed by
// its hash, so no other script runs: not one a document smuggled in, nor
// an inline event handler.
const baseCSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

// scripts are what a page with diagrams runs, in order, and the policy
// that allows exactly them. They are made once, when a page first needs
// them: hashing Mermaid takes a few milliseconds that other commands need
// not spend.
var scripts = sync.OnceValues(func() ([]template.JS, string) {
	js := []template.JS{template.JS(mermaidJS), template.JS(diagramsJS)} // safe: our own files, checked to hold no "</script"
	return js, scriptPolicy(js)
})

// scriptPolicy is the page's Content-Security-Policy allowing the scripts
// js, each by its hash.
func scriptPolicy(js []template.JS) string {
	var b strings.Builder
	b.WriteString(baseCSP + "; script-src")
	for _, s := range js {
		sum := sha256.Sum256([]byte(s))
		b.WriteString(" 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'")
	}
	return b.String()
}

// pageScripts returns the scripts a page runs and its
// Content-Security-Policy: none and the base policy for a page without
// diagrams.
func pageScripts(diagrams int) ([]template.JS, string) {
	if diagrams == 0 {
		return nil, baseCSP
	}
	return scripts()
}
