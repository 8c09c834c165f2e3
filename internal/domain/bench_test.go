package domain

import (
	"testing"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/brief/brieftest"
)

// BenchmarkRead reads the domain model of a corpus brief and of a brief
// of brief.MaxSize, the largest prodgen accepts, parsed once outside the
// timing. Run with
//
//	go test -run '^$' -bench Read ./internal/domain
func BenchmarkRead(b *testing.B) {
	type input struct {
		name string
		src  []byte
	}
	small, err := readBrief("sample-tracking.md")
	if err != nil {
		b.Fatal(err)
	}
	for _, in := range []input{{"sample-tracking", small}, {"1MiB", brieftest.LargeBrief(brief.MaxSize)}} {
		br, err := brief.Parse(in.src)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			for b.Loop() {
				Read(br, in.src)
			}
		})
	}
}
