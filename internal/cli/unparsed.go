package cli

import "github.com/prodgen/prodgen/internal/artifact"

// warnUnparsed says, one warning a line naming the file and the line, what
// a command could not read in the document at path and goes on without:
// a view of the documents (an export, the HTML page) is made from what
// was read, and never drops a person's text without a word.
func (f *factory) warnUnparsed(path string, problems []artifact.Problem) {
	for _, p := range problems {
		f.infof("warning: %s:%d: %s\n", path, p.Line, p.What)
	}
}
