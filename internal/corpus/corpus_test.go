package corpus

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/offline"
)

var (
	updateBaseline = flag.Bool("update-baseline", false, "rewrite testdata/baseline.json from today's figures instead of comparing with it")
	show           = flag.String("show-prd", "", "log the PRD the engine makes of this brief of the corpus (its file name), to see why it scores as it does")
)

// buildPRD makes the PRD from a brief as the pipeline's offline engine does:
// brief.Parse, offline.BuildPRD, then numbering and validation.
func buildPRD(t *testing.T, c corpusCase) *artifact.PRD {
	t.Helper()
	b, err := brief.Parse(c.src)
	if err != nil {
		t.Errorf("%s: parse: %v", c.exp.Brief, err)
		return &artifact.PRD{}
	}
	prd := offline.BuildPRD(b)
	prd.Number()
	if err := prd.Validate(); err != nil {
		t.Errorf("%s: the PRD is not valid: %v", c.exp.Brief, err)
	}
	return prd
}

// measure scores the offline engine's PRD of every brief of the corpus.
func measure(t *testing.T) []Result {
	t.Helper()
	var rs []Result
	for _, c := range loadCorpus(t) {
		prd := buildPRD(t, c)
		if c.exp.Brief == *show {
			logPRD(t, prd)
		}
		lines := artifact.BriefLines(c.src)
		if err := prd.CheckSources(lines); err != nil {
			t.Errorf("%s: a citation the brief does not bear out: %v", c.exp.Brief, err)
		}
		rs = append(rs, Score(c.exp, prd, lines))
	}
	return rs
}

// logPRD writes a PRD to the test log as the pipeline would render it.
func logPRD(t *testing.T, prd *artifact.PRD) {
	t.Helper()
	md, err := artifact.RenderPRD(prd)
	if err != nil {
		t.Errorf("render %s: %v", *show, err)
		return
	}
	t.Logf("the PRD of %s:\n%s", *show, md)
}

// logReport writes the table, the shortfall of the total and every
// brief's gaps to the test log (go test -v shows it).
func logReport(t *testing.T, rs []Result) {
	t.Helper()
	var b strings.Builder
	b.WriteString("corpus figures (got/of; later and not-req count items kept out):\n\n")
	b.WriteString(Table(rs))
	if sf := Shortfall(Total(rs)); len(sf) > 0 {
		b.WriteString("\ngap to 100%:\n")
		for _, s := range sf {
			b.WriteString("  " + s + "\n")
		}
	}
	for _, r := range rs {
		writeGaps(&b, r.Brief, r.Gaps)
	}
	t.Log("\n" + b.String())
}

// writeGaps writes a brief's gaps under its name, one a line; nothing
// when it has none.
func writeGaps(b *strings.Builder, brief string, gaps []string) {
	if len(gaps) == 0 {
		return
	}
	b.WriteString("\n" + brief + ":\n")
	for _, g := range gaps {
		b.WriteString("  - " + g + "\n")
	}
}

// TestCorpus measures the offline engine on the corpus and fails when any
// figure, of a brief or of the total, falls below testdata/baseline.json.
// With -update-baseline it rewrites the baseline instead. Run it with -v
// to see the table and the gaps.
func TestCorpus(t *testing.T) {
	rs := measure(t)
	logReport(t, rs)
	baselineCheck{
		path: baselinePath, test: "TestCorpus", flag: "update-baseline", update: *updateBaseline, what: "the baseline",
		marshal: func() ([]byte, error) { return NewBaseline(rs).Marshal() },
		compare: func(data []byte) (Comparison, error) {
			base, err := DecodeBaseline(data)
			if err != nil {
				return Comparison{}, err
			}
			return base.Compare(rs), nil
		},
	}.run(t)
}

// TestCorpusTargets asserts the targets: every feature found, every later
// item and non-requirement kept out, every product named right, every item
// citing the brief and every feature citing its own lines. A miss the
// baseline already records (a brief added with gaps the engine has yet to
// close) is logged, not failed: TestCorpus keeps it from growing.
func TestCorpusTargets(t *testing.T) {
	rs := measure(t)
	base := &Baseline{}
	if data, err := os.ReadFile(baselinePath); err == nil {
		if base, err = DecodeBaseline(data); err != nil {
			t.Fatal(err)
		}
	}
	known := 0
	for _, m := range Misses(rs) {
		if base.Known(m) {
			known++
			t.Logf("known gap, recorded in the baseline: %s", m)
			continue
		}
		t.Error(m)
	}
	if t.Failed() || known > 0 {
		logReport(t, rs)
	}
}
