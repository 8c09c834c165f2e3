package artifact

import (
	"os"
	"path/filepath"
	"testing"
)

// seed adds the golden files and the hand-edited documents to a fuzz
// corpus.
func seed(f *testing.F, extra ...string) {
	f.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.golden.md"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// fixedPoint checks that a document parsed from any input renders to
// bytes that parse and render to the same bytes again.
func fixedPoint[T any](t *testing.T, src []byte, parse func([]byte) (T, error), render func(T) ([]byte, error)) {
	t.Helper()
	v, err := parse(src)
	if err != nil {
		return
	}
	doc, err := render(v)
	if err != nil {
		t.Fatalf("render of a parsed document failed: %v", err)
	}
	back, err := parse(doc)
	if err != nil {
		t.Fatalf("parse of a rendered document failed: %v\n%s", err, doc)
	}
	again, err := render(back)
	if err != nil {
		t.Fatalf("second render failed: %v", err)
	}
	if string(again) != string(doc) {
		t.Fatalf("render(parse(doc)) != doc:\n%s", lineDiff(string(doc), string(again)))
	}
}

func FuzzParsePRD(f *testing.F) {
	seed(f, editedPRD)
	f.Fuzz(func(t *testing.T, src []byte) {
		fixedPoint(t, src, ParsePRD, RenderPRD)
	})
}

func FuzzParseStories(f *testing.F) {
	seed(f, editedStories)
	f.Fuzz(func(t *testing.T, src []byte) {
		fixedPoint(t, src, ParseStories, RenderStories)
	})
}

func FuzzParseTech(f *testing.F) {
	seed(f, editedTech)
	f.Fuzz(func(t *testing.T, src []byte) {
		fixedPoint(t, src, ParseTech, RenderTech)
	})
}
