package offline

import (
	"reflect"
	"runtime"
	"testing"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/brief/brieftest"
)

// A large brief is read on every CPU; the PRD is the same as when it is
// read on one. Run with -race.
func TestParallelPRDMatchesSequential(t *testing.T) {
	b, err := brief.Parse(brieftest.LargeBrief(96 << 10))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Features) < 2*eachMin {
		t.Fatalf("the brief has %d features, too few to be read in parallel", len(b.Features))
	}
	parallel := BuildPRD(b)
	prev := runtime.GOMAXPROCS(1)
	sequential := BuildPRD(b)
	runtime.GOMAXPROCS(prev)
	if !reflect.DeepEqual(parallel, sequential) {
		t.Error("the PRD read in parallel differs from the one read on one CPU")
	}
}

func TestEachKeepsOrder(t *testing.T) {
	items := make([]int, 5000)
	for i := range items {
		items[i] = i
	}
	got := each(items, func(i int) int { return i * 2 })
	for i, v := range got {
		if v != i*2 {
			t.Fatalf("each()[%d] = %d, want %d", i, v, i*2)
		}
	}
}
