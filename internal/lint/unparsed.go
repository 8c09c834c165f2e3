package lint

import "github.com/prodgen/prodgen/internal/artifact"

// unreaders are the artifact package's readers of each kind of document,
// in the form that reads past what the pipeline refuses.
var unreaders = map[Kind]func([]byte) []artifact.Problem{
	PRD:     artifact.UnparsedPRD,
	Stories: artifact.UnparsedStories,
	Tech:    artifact.UnparsedTech,
}

// unparsed reports what prodgen's reader of the document cannot read: text
// it keeps as written without reading its parts ("unparsed"), and text it
// leaves out ("dropped"), which every command that reads the document
// then goes without.
func (a *analysis) unparsed() {
	for _, p := range unreaders[a.doc.Kind](a.doc.src) {
		rule := "dropped"
		if p.Kept {
			rule = "unparsed"
		}
		a.l.add(a.doc, p.Line, rule, "%s", p.What)
	}
}
