package tokens

// This file measures the estimate against a real tokenizer. tiktoken-go and
// its offline loader are imported here only, in a _test.go file, so they
// are never linked into prodgen: the loader embeds every vocabulary (about
// 10 MB) and building one takes a second, which is what the estimate avoids.
// The loader reads the vocabularies from the module itself, so the test
// needs no network.
//
// The corpus under testdata/corpus is what prodgen sends, one folder per
// category:
//
//   - prose: examples/*/brief.md, examples/*/docs/*.md and prompts/*.md;
//   - rendered: each example's prompts as 'prodgen generate --dry-run
//     --force' and 'prodgen scaffold --dry-run --force' print them (refresh
//     with the same commands, keeping the "===" and "--- role ---" lines);
//   - code: generated Go, Python and TypeScript from the scaffold goldens;
//   - json: stories and tech answers from the offline engine's goldens,
//     indented and compact, and the stories schema;
//   - intl: the clinic brief in ten languages, and release notes with emoji.

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"text/tabwriter"

	tiktoken "github.com/pkoukk/tiktoken-go"
	tiktoken_loader "github.com/pkoukk/tiktoken-go-loader"

	"github.com/prodgen/prodgen/internal/llm"
)

// bound is the highest estimate/true ratio a category may reach, per
// encoding. Below 1 is always a failure.
type bound struct{ o200k, cl100k float64 }

var bounds = map[string]bound{
	"prose":    {1.3, 1.3},
	"rendered": {1.3, 1.3},
	"code":     {1.4, 1.4},
	"json":     {1.4, 1.4},
	// o200k_base has many more tokens for other scripts than cl100k_base,
	// which the estimate must also cover.
	"intl": {4.0, 1.4},
}

var (
	encOnce          sync.Once
	o200k, cl100k    *tiktoken.Tiktoken
	errEncodingsLoad error
)

// encodings returns the two real tokenizers, loaded once.
func encodings(t *testing.T) (*tiktoken.Tiktoken, *tiktoken.Tiktoken) {
	t.Helper()
	encOnce.Do(func() {
		tiktoken.SetBpeLoader(tiktoken_loader.NewOfflineLoader())
		if o200k, errEncodingsLoad = tiktoken.GetEncoding("o200k_base"); errEncodingsLoad != nil {
			return
		}
		cl100k, errEncodingsLoad = tiktoken.GetEncoding("cl100k_base")
	})
	if errEncodingsLoad != nil {
		t.Fatalf("load tokenizer: %v", errEncodingsLoad)
	}
	return o200k, cl100k
}

type measured struct {
	file, category            string
	bytes, o200k, cl100k, est int
	ratioO200k, ratioCL100k   float64
}

func TestEstimateAgainstTokenizers(t *testing.T) {
	o, c := encodings(t)
	names, err := filepath.Glob(filepath.Join("testdata", "corpus", "*", "*"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no corpus under testdata/corpus: %v", err)
	}
	var rows []measured
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		m := measured{
			file:     filepath.Base(name),
			category: filepath.Base(filepath.Dir(name)),
			bytes:    len(text),
			o200k:    len(o.EncodeOrdinary(text)),
			cl100k:   len(c.EncodeOrdinary(text)),
			est:      Estimate(text),
		}
		m.ratioO200k = float64(m.est) / float64(m.o200k)
		m.ratioCL100k = float64(m.est) / float64(m.cl100k)
		rows = append(rows, m)
		check(t, m.category+"/"+m.file, m.category, m.est, m.o200k, m.cl100k)
	}
	t.Log("\n" + table(rows))
}

// TestMessagesAgainstTokenizers counts each rendered request as OpenAI
// documents for its chat models: 3 tokens a message plus its role and
// content, and 3 to prime the reply.
func TestMessagesAgainstTokenizers(t *testing.T) {
	o, c := encodings(t)
	names, err := filepath.Glob(filepath.Join("testdata", "corpus", "rendered", "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no rendered prompts: %v", err)
	}
	count := func(enc *tiktoken.Tiktoken, msgs []llm.Message) int {
		n := 3
		for _, m := range msgs {
			n += 3 + len(enc.EncodeOrdinary(string(m.Role))) + len(enc.EncodeOrdinary(m.Content))
		}
		return n
	}
	requests, lo, hi := 0, 99.0, 0.0
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		reqs := parseRendered(string(data))
		if len(reqs) == 0 {
			t.Fatalf("%s: no requests", name)
		}
		for i, msgs := range reqs {
			label := fmt.Sprintf("%s request %d", filepath.Base(name), i+1)
			est, to, tc := Messages(msgs), count(o, msgs), count(c, msgs)
			check(t, label, "rendered", est, to, tc)
			requests++
			lo = min(lo, float64(est)/float64(max(to, tc)))
			hi = max(hi, float64(est)/float64(min(to, tc)))
		}
	}
	t.Logf("%d requests: Messages/true %.3f–%.3f", requests, lo, hi)
}

// check fails when est is below either true count or above the category's
// bound.
func check(t *testing.T, label, category string, est, o200k, cl100k int) {
	t.Helper()
	b, ok := bounds[category]
	if !ok {
		t.Fatalf("%s: no bound for category %q", label, category)
	}
	for _, enc := range []struct {
		name  string
		truth int
		max   float64
	}{{"o200k_base", o200k, b.o200k}, {"cl100k_base", cl100k, b.cl100k}} {
		ratio := float64(est) / float64(enc.truth)
		switch {
		case est < enc.truth:
			t.Errorf("%s: estimate %d is below %s's %d tokens", label, est, enc.name, enc.truth)
		case ratio > enc.max:
			t.Errorf("%s: estimate %d is %.2fx %s's %d tokens, above the %s bound %.2fx", label, est, ratio, enc.name, enc.truth, category, enc.max)
		}
	}
}

// parseRendered splits a dry run's prompts into requests ("=== ...") of
// messages ("--- role ---").
func parseRendered(text string) [][]llm.Message {
	var reqs [][]llm.Message
	var cur *llm.Message
	var body []string
	flush := func() {
		if cur != nil {
			cur.Content = strings.TrimRight(strings.Join(body, "\n"), "\n")
			cur, body = nil, nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, "=== ") && strings.HasSuffix(line, " ==="):
			flush()
			reqs = append(reqs, nil)
		case line == "--- system ---" || line == "--- user ---" || line == "--- assistant ---":
			flush()
			msgs := &reqs[len(reqs)-1]
			*msgs = append(*msgs, llm.Message{Role: llm.Role(strings.Trim(line, "- "))})
			cur = &(*msgs)[len(*msgs)-1]
		default:
			body = append(body, line)
		}
	}
	flush()
	return reqs
}

// table renders the measurements and, per category, the lowest and highest
// ratios.
func table(rows []measured) string {
	var sb strings.Builder
	w := tabwriter.NewWriter(&sb, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "file\tbytes\to200k\tcl100k\testimate\test/o200k\test/cl100k\t")
	type span struct{ lo, hi [2]float64 }
	spans := map[string]*span{}
	for _, m := range rows {
		fmt.Fprintf(w, "%s/%s\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t\n", m.category, m.file, m.bytes, m.o200k, m.cl100k, m.est, m.ratioO200k, m.ratioCL100k)
		s, ok := spans[m.category]
		if !ok {
			s = &span{lo: [2]float64{m.ratioO200k, m.ratioCL100k}, hi: [2]float64{m.ratioO200k, m.ratioCL100k}}
			spans[m.category] = s
		}
		s.lo = [2]float64{min(s.lo[0], m.ratioO200k), min(s.lo[1], m.ratioCL100k)}
		s.hi = [2]float64{max(s.hi[0], m.ratioO200k), max(s.hi[1], m.ratioCL100k)}
	}
	cats := make([]string, 0, len(spans))
	for c := range spans {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	if err := w.Flush(); err != nil {
		return err.Error()
	}
	sb.WriteString("\nest/true by category: o200k_base, cl100k_base\n")
	for _, c := range cats {
		s := spans[c]
		fmt.Fprintf(&sb, "  %-9s %.3f–%.3f  %.3f–%.3f\n", c, s.lo[0], s.hi[0], s.lo[1], s.hi[1])
	}
	return sb.String()
}
