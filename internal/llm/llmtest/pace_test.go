package llmtest

import (
	"strings"
	"testing"
	"time"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"a", 1},
		{"abcd", 1},
		{"abcde", 2},
		{strings.Repeat("x", 400), 100},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); got != tt.want {
			t.Errorf("Tokens(%d bytes) = %d, want %d", len(tt.in), got, tt.want)
		}
	}
}

// TestTokensPerSecond checks that a paced stream takes Delay plus its
// tokens at the rate, whatever its number of chunks, and arrives whole.
// The upper bound is only a hang guard: a loaded machine is slow, and
// speed is the benchmarks' to measure, not a test's.
func TestTokensPerSecond(t *testing.T) {
	content := strings.Repeat("abcd", 100) // 100 tokens
	tests := []struct {
		name     string
		reply    Reply
		atLeast  time.Duration
		atMost   time.Duration
		wantText string
	}{
		{"unpaced", Reply{Content: content, Chunks: 50}, 0, 10 * time.Second, `"content":"abcdabcd"`},
		{"one chunk", Reply{Content: content, TokensPerSecond: 500}, 200 * time.Millisecond, 10 * time.Second, `"content":"abcdabcdabcd`},
		{"many chunks", Reply{Content: content, Chunks: 100, TokensPerSecond: 500}, 200 * time.Millisecond, 10 * time.Second, `"content":"abcd"`},
		{"with a delay", Reply{Content: content, Chunks: 10, TokensPerSecond: 1000, Delay: 100 * time.Millisecond},
			200 * time.Millisecond, 10 * time.Second, `"content":"abcdabcd`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t, tt.reply)
			start := time.Now()
			resp, body, err := post(t, s.URL+"/chat/completions", streamBody, nil)
			took := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if took < tt.atLeast || took > tt.atMost {
				t.Errorf("the stream took %v, want %v to %v", took, tt.atLeast, tt.atMost)
			}
			if !strings.Contains(body, tt.wantText) || !strings.Contains(body, "data: [DONE]") {
				t.Errorf("body lacks %q or [DONE]:\n%.300s", tt.wantText, body)
			}
			if got := strings.Count(body, "abcd"); got != 100 {
				t.Errorf("body holds %d copies of abcd, want 100", got)
			}
		})
	}
}
