package brief

import (
	"os"
	"testing"
)

// TestLexicon checks that the embedded lexicon files read, and that every
// list the reader asks for exists.
func TestLexicon(t *testing.T) {
	lists, err := readLexicon(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range lexiconListsUsed {
		if _, ok := lists[name]; !ok {
			t.Errorf("the reader uses list %q, which no lexicon file defines", name)
		}
	}
	for name := range lists {
		used := false
		for _, u := range lexiconListsUsed {
			used = used || u == name
		}
		if !used {
			t.Errorf("lexicon list %q is never used", name)
		}
	}
	headingLexicon() // panics on a malformed keyword line
}
