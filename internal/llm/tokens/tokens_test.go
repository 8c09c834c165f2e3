package tokens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/llm"
)

// The cases pin the rules of the package comment; corpus_test.go measures
// them against a real tokenizer.
func TestEstimate(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"empty", "", 0},
		{"one letter costs at most its byte", "a", 1},
		{"words with their spaces", "the team is created", 5},         // 4 × 1.1
		{"a long word costs more", "internationalization", 5},         // 1.1 + 13 × 0.3
		{"camelCase splits into pieces", "handleCreateQueueEntry", 7}, // handle 1.1, then 3 capitalised × 1.7
		{"an acronym then a word", "HTTPServer", 5},                   // HTTP 2.5, Server 1.7
		{"capitals beyond two", "ABCDEFGHIJ", 7},                      // 1.1 + 8 × 0.7
		{"digits in threes", "1234567", 3},                            // 123 456 7
		{"the space before digits is a token", "x 42", 3},             // x, " ", 42
		{"a mark glued to a word", "docs/prd.md", 5},                  // docs, /, prd, ., md: 3 × 1.1 + 2 × 0.7
		{"newlines after a mark are cheap", "end.\n\nNext", 4},        // end 1.1, . 1, \n\n 0.5, Next 1.1
		{"indentation", "\n\t\treturn nil", 5},                        // \n, \t\t, return, nil
		{"a markdown rule", strings.Repeat("-", 64), 2},               // 1 + 2 × 0.5
		{"a table of bars", "| --- | --- |", 5},                       // |, " ---", " |", ...
		{"accented letters", "Größe", 7},                              // Gr, ö, ß, e
		{"cyrillic", "Привет", 4},                                     // 6 × 0.55
		{"ideographs", "诊所排队", 6},                                     // 4 × 1.4
		{"emoji", "🎉", 3},
		{"a family emoji with joiners", "👨\u200d👩\u200d👧", 13}, // 3 × 3 + 2 × 2
		{"invalid UTF-8 costs a token a byte", "\xff\xfe", 2},
		{"a truncated rune", "\xe4\xb8", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Estimate(tt.text); got != tt.want {
				t.Errorf("Estimate(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

func TestMessages(t *testing.T) {
	tests := []struct {
		name string
		msgs []llm.Message
		want int
	}{
		{"none", nil, 0},
		{"one", []llm.Message{{Role: llm.RoleUser, Content: "hello"}}, 9}, // 3 + 3 + 1.1 + 1.1, rounded up
		{"two", []llm.Message{
			{Role: llm.RoleSystem, Content: "You write JSON."},
			{Role: llm.RoleUser, Content: "the team is created"},
		}, 22}, // 3 + (3 + 1.1 + 5.7) + (3 + 1.1 + 4.4)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Messages(tt.msgs); got != tt.want {
				t.Errorf("Messages() = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestMessagesCoversContent checks that framing only adds: a request never
// estimates below its contents.
func TestMessagesCoversContent(t *testing.T) {
	text := readCorpus(t)
	msgs := []llm.Message{{Role: llm.RoleSystem, Content: text[:len(text)/2]}, {Role: llm.RoleUser, Content: text[len(text)/2:]}}
	sum := Estimate(msgs[0].Content) + Estimate(msgs[1].Content)
	if got := Messages(msgs); got < sum || got > sum+12 {
		t.Errorf("Messages() = %d, want between the contents' %d and 12 more", got, sum)
	}
}

func TestEstimateAllocatesNothing(t *testing.T) {
	text := readCorpus(t)
	if n := testing.AllocsPerRun(10, func() { Estimate(text) }); n != 0 {
		t.Errorf("Estimate allocates %v times a call, want 0", n)
	}
}

// FuzzEstimate checks the properties the package promises for any input,
// valid UTF-8 or not: never negative, 0 only for "", never more than the
// bytes, and concatenation adds at most one token and takes away at most
// one (completing a character, or a word taking in a space).
func FuzzEstimate(f *testing.F) {
	seeds := []string{
		"", " ", "a", "A", "hello world", "handleCreateQueueEntry", "HTTPServer", "MIIB5TCCAYugAwIBAg",
		"x 42", "docs/prd.md", "end.\n\nNext", "\n\t\treturn nil", "| --- | --- |", "-----",
		"Größenordnung", "Привет", "诊所", "👨\u200d👩\u200d👧", "\xff\xe4\xb8", "\xd0", "\x9fривет",
		// Merging two long words is the dearest concatenation.
		"Abcd", "efghijklmnop", "abcdefghijklmnop", "ABCDEFGH",
	}
	for _, a := range seeds {
		for _, b := range seeds {
			f.Add(a, b)
		}
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ea, eb, eab := Estimate(a), Estimate(b), Estimate(a+b)
		if ea < 0 || (ea == 0) != (a == "") || ea > len(a) {
			t.Fatalf("Estimate(%q) = %d, want 1..%d (0 only for \"\")", a, ea, len(a))
		}
		if eab > ea+eb+1 {
			t.Fatalf("Estimate(a+b) = %d, more than Estimate(a) %d + Estimate(b) %d + 1; a=%q b=%q", eab, ea, eb, a, b)
		}
		if eab < max(ea, eb)-1 {
			t.Fatalf("Estimate(a+b) = %d, below Estimate(a) %d or Estimate(b) %d less one; a=%q b=%q", eab, ea, eb, a, b)
		}
	})
}

// BenchmarkEstimate measures a 1 MiB prompt made of the corpus.
func BenchmarkEstimate(b *testing.B) {
	text := readCorpus(b)
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString(text)
	}
	text = sb.String()[:1<<20]
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Estimate(text)
	}
}

// readCorpus returns every file of testdata/corpus, concatenated.
func readCorpus(tb testing.TB) string {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "corpus", "*", "*"))
	if err != nil || len(names) == 0 {
		tb.Fatalf("no corpus under testdata/corpus: %v", err)
	}
	var sb strings.Builder
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		sb.Write(data)
	}
	return sb.String()
}
