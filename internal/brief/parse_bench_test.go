package brief

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/prodgen/prodgen/internal/brief/brieftest"
)

// BenchmarkParse parses each sample brief and a brief of MaxSize, the
// largest Parse accepts. Run with
//
//	go test -run '^$' -bench Parse ./internal/brief
func BenchmarkParse(b *testing.B) {
	type input struct {
		name string
		src  []byte
	}
	var inputs []input
	for _, name := range samples {
		src, err := os.ReadFile(filepath.Join("testdata", name+".md"))
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, input{name, src})
	}
	inputs = append(inputs, input{"1MiB", brieftest.LargeBrief(MaxSize)})
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(in.src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
