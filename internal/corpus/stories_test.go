package corpus

import (
	"flag"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/offline"
)

var (
	updateStoryBaseline = flag.Bool("update-story-baseline", false, "rewrite testdata/stories-baseline.json from today's stories figures instead of comparing with it")
	showStories         = flag.String("show-stories", "", "log the stories the engine makes of this brief of the corpus (its file name)")
)

// buildStories makes the stories of a PRD as the pipeline's offline engine
// does: the stories stage reads the PRD from its Markdown (so the PRD is
// rendered and parsed back), validates it, then offline.BuildStories,
// numbering and validation against the PRD.
func buildStories(t *testing.T, brief string, built *artifact.PRD) (*artifact.PRD, *artifact.Stories) {
	t.Helper()
	md, err := artifact.RenderPRD(built)
	if err != nil {
		t.Errorf("%s: render the PRD: %v", brief, err)
		return built, &artifact.Stories{}
	}
	prd, err := artifact.ParsePRD(md)
	if err != nil {
		t.Errorf("%s: parse the rendered PRD: %v", brief, err)
		return built, &artifact.Stories{}
	}
	if err := prd.Validate(); err != nil {
		t.Errorf("%s: the rendered PRD is not valid: %v", brief, err)
	}
	st := offline.BuildStories(prd)
	st.Number()
	if err := st.Validate(prd); err != nil {
		t.Errorf("%s: the stories are not valid: %v", brief, err)
	}
	return prd, st
}

// measureStories scores the offline engine's stories of every brief.
func measureStories(t *testing.T) []StoryResult {
	t.Helper()
	var rs []StoryResult
	for _, c := range loadCorpus(t) {
		prd, st := buildStories(t, c.exp.Brief, buildPRD(t, c))
		if c.exp.Brief == *showStories {
			md, err := artifact.RenderStories(st)
			if err != nil {
				t.Errorf("render %s: %v", *showStories, err)
			}
			t.Logf("the stories of %s:\n%s", *showStories, md)
		}
		rs = append(rs, ScoreStories(c.exp, prd, st))
	}
	return rs
}

// logStoryReport writes the stories table and every brief's gaps to the
// test log (go test -v shows it).
func logStoryReport(t *testing.T, rs []StoryResult) {
	t.Helper()
	var b strings.Builder
	b.WriteString("stories figures (got/of: actors of the stories; tautologies and boilerplate of the criteria; outcomes of the brief's):\n\n")
	b.WriteString(StoryTable(rs))
	for _, r := range rs {
		writeGaps(&b, r.Brief, r.Gaps)
	}
	t.Log("\n" + b.String())
}

// TestStoryCorpus measures the offline engine's stories on the corpus and
// fails when a figure, of a brief or of the total, is worse than
// testdata/stories-baseline.json. With -update-story-baseline it rewrites
// the baseline instead. Run it with -v to see the table and the gaps:
//
//	go test ./internal/corpus -run '^TestStoryCorpus$' -v [-show-stories roadpass.md]
func TestStoryCorpus(t *testing.T) {
	rs := measureStories(t)
	logStoryReport(t, rs)
	baselineCheck{
		path: storyBaselinePath, test: "TestStoryCorpus", flag: "update-story-baseline", update: *updateStoryBaseline, what: "the stories baseline",
		marshal: func() ([]byte, error) { return NewStoryBaseline(rs).Marshal() },
		compare: func(data []byte) (Comparison, error) {
			base, err := DecodeStoryBaseline(data)
			if err != nil {
				return Comparison{}, err
			}
			return base.Compare(rs), nil
		},
	}.run(t)
}

// TestStoryCorpusTargets asserts the stories targets: per brief and in
// total, every story's role a persona, no tautology and no garbled
// sentence; in total, 90% of the briefs' outcomes stated by a criterion
// (per brief, TestStoryCorpus fails when a brief states fewer than its
// baseline records).
func TestStoryCorpusTargets(t *testing.T) {
	rs := measureStories(t)
	for _, m := range StoryMisses(rs) {
		t.Error(m)
	}
	if t.Failed() {
		logStoryReport(t, rs)
	}
}
