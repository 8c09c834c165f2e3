package artifact

import (
	"os"
	"path/filepath"
	"testing"
)

// The benchmarks below render and parse real documents: an example's
// (clinic-queue, 5 requirements) and the 30-requirement project of the
// benchmark suite (routewise), kept as testdata/bench-<name>-<doc>.md.
// Run with
//
//	go test -run '^$' -bench . ./internal/artifact

// benchDocs names the document sets.
var benchDocs = []string{"clinic-queue", "routewise"}

func BenchmarkRenderPRD(b *testing.B) {
	benchRender(b, "prd", ParsePRD, RenderPRD)
}

func BenchmarkRenderStories(b *testing.B) {
	benchRender(b, "stories", ParseStories, RenderStories)
}

func BenchmarkRenderTech(b *testing.B) {
	benchRender(b, "tech", ParseTech, RenderTech)
}

func BenchmarkParsePRD(b *testing.B)     { benchParse(b, "prd", ParsePRD) }
func BenchmarkParseStories(b *testing.B) { benchParse(b, "stories", ParseStories) }
func BenchmarkParseTech(b *testing.B)    { benchParse(b, "tech", ParseTech) }

// benchRender renders each set's document, parsed once beforehand.
func benchRender[T any](b *testing.B, doc string, parse func([]byte) (*T, error), render func(*T) ([]byte, error)) {
	for _, name := range benchDocs {
		src := benchDoc(b, name, doc)
		v, err := parse(src)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := render(v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchParse parses each set's document.
func benchParse[T any](b *testing.B, doc string, parse func([]byte) (*T, error)) {
	for _, name := range benchDocs {
		src := benchDoc(b, name, doc)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parse(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func benchDoc(b *testing.B, name, doc string) []byte {
	b.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "bench-"+name+"-"+doc+".md"))
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// TestBenchDocs checks that the benchmark documents still parse and
// render, so that a format change fails here rather than in a benchmark
// nobody runs. (They need not render back byte for byte: the golden files
// watch the format.)
func TestBenchDocs(t *testing.T) {
	for _, name := range benchDocs {
		t.Run(name, func(t *testing.T) {
			read := func(doc string) []byte {
				src, err := os.ReadFile(filepath.Join("testdata", "bench-"+name+"-"+doc+".md"))
				if err != nil {
					t.Fatal(err)
				}
				return src
			}
			prd, err := ParsePRD(read("prd"))
			if err == nil {
				_, err = RenderPRD(prd)
			}
			stories, err2 := ParseStories(read("stories"))
			if err2 == nil {
				_, err2 = RenderStories(stories)
			}
			tech, err3 := ParseTech(read("tech"))
			if err3 == nil {
				_, err3 = RenderTech(tech)
			}
			for _, err := range []error{err, err2, err3} {
				if err != nil {
					t.Error(err)
				}
			}
		})
	}
}
