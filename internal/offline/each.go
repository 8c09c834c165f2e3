package offline

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// eachMin is the least number of items worth a goroutine: below it,
// starting workers costs more than the work. Briefs people write have a
// few dozen features; only very large ones are read in parallel.
const eachMin = 256

// each returns fn of every item, in the items' order. A long list is
// shared among the CPUs: fn must not change shared state, and the result
// is the same whichever worker reads which item.
func each[T, R any](items []T, fn func(T) R) []R {
	out := make([]R, len(items))
	workers := min(runtime.GOMAXPROCS(0), len(items)/eachMin)
	if workers <= 1 {
		for i, it := range items {
			out[i] = fn(it)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(items) {
					return
				}
				out[i] = fn(items[i])
			}
		})
	}
	wg.Wait()
	return out
}
