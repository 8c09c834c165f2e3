package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

const (
	expectSuffix = ".expect.json"
	baselinePath = "testdata/baseline.json"
	// storyBaselinePath is the stories figures' baseline (TestStoryCorpus).
	storyBaselinePath = "testdata/stories-baseline.json"
)

// corpusCase is one brief of the corpus with its expectation.
type corpusCase struct {
	exp *Expectation
	src []byte
}

// loadCorpus reads every expectation under testdata and the brief it
// names, in file-name order.
func loadCorpus(t *testing.T) []corpusCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*"+expectSuffix))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(paths)
	if len(paths) == 0 {
		t.Fatal("no expectations in testdata")
	}
	var out []corpusCase
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		e, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		src, err := os.ReadFile(filepath.Join("testdata", e.Brief))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, corpusCase{exp: e, src: src})
	}
	return out
}
