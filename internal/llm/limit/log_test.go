package limit

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/llm"
)

func TestLogWaits(t *testing.T) {
	tests := []struct {
		name     string
		rpm, tpm int
		costs    []int // requests made one after the other from t0
		want     []string
	}{
		{"no wait says nothing", 60, 600, []int{10}, nil},
		{"requests_per_minute", 60, 0, []int{0, 0, 0}, []string{
			"prd: waiting 1s for requests_per_minute (60)",
			"prd: waiting 1s for requests_per_minute (60)",
		}},
		{"tokens_per_minute", 0, 600, []int{600, 300}, []string{
			"prd: waiting 30s for tokens_per_minute (600; about 300 tokens for this request)",
		}},
		{"the longer wait is named", 60, 600, []int{10, 500, 300}, []string{
			"prd: waiting 1s for requests_per_minute (60)",
			"prd: waiting 20s for tokens_per_minute (600; about 300 tokens for this request)",
		}},
		{"a fraction of a second is rounded", 7, 0, []int{0, 0}, []string{
			"prd: waiting 8.571s for requests_per_minute (7)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := &fakeClock{t: t0}
			c := newClient(&recorder{clk: clk}, tt.rpm, tt.tpm, cost, clk.clock())
			var (
				mu  sync.Mutex
				got []string
			)
			c.log = func(msg string) {
				mu.Lock()
				defer mu.Unlock()
				got = append(got, msg)
			}
			for i, n := range tt.costs {
				req := request(string(rune('a'+i)), n)
				req.Stage = "prd"
				if _, err := c.Complete(t.Context(), req); err != nil {
					t.Fatal(err)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("logged:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestNewPassesTheLog(t *testing.T) {
	var got []string
	now := func() time.Time { return t0 }
	c := New(&recorder{clk: &fakeClock{t: t0}}, 6000, 0, nil, now, func(msg string) { got = append(got, msg) })
	// The second request waits 10ms on the process's clock.
	for range 2 {
		if _, err := c.Complete(t.Context(), llm.Request{Stage: "tech", Messages: []llm.Message{{Content: "x"}}}); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"tech: waiting 10ms for requests_per_minute (6000)"}; !slices.Equal(got, want) {
		t.Errorf("logged %q, want %q", got, want)
	}
}
