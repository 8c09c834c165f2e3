package main

import (
	"fmt"
	"strings"
	"time"
)

// target is one goal the suite checks.
type target struct {
	Name  string
	Value string
	Goal  string
	Pass  bool
}

// Targets, as stated in bench/README.md.
const (
	maxStoriesRatio  = 1.5                     // stories stage, jobs=4, over its ideal
	maxOverheadDiff  = 5 * time.Millisecond    // prodgen over the minimal go-openai program…
	maxOverheadRatio = 1.2                     // …or this ratio
	maxNoopRatio     = 3.0                     // no-op generate over --help
	maxOfflineBig    = 1000 * time.Millisecond // prodgen prd --provider offline on a 1 MiB brief
)

// targets checks the measurements against the goals.
func (b *bench) targets() []target {
	var ts []target
	for _, r := range b.gen {
		if r.Jobs != 4 {
			continue
		}
		s := r.stage("stories")
		ts = append(ts, target{"stories stage, jobs=4, against its ideal",
			fmt.Sprintf("%s / %s = %.2fx", secs(s.Measured), secs(s.Ideal), s.Ratio()),
			fmt.Sprintf("≤ %.1fx", maxStoriesRatio), s.Ratio() <= maxStoriesRatio})
	}
	o := b.overheadCost
	ts = append(ts, target{"overhead per model call against go-openai (simulated model)",
		fmt.Sprintf("%+.1f ms (%.2fx)", msec(o.Diff()), o.Ratio()),
		fmt.Sprintf("≤ %d ms or ≤ %.1fx", maxOverheadDiff.Milliseconds(), maxOverheadRatio),
		o.Diff() <= maxOverheadDiff || o.Ratio() <= maxOverheadRatio})
	help, noop := b.proc("prodgen --help"), b.proc("prodgen generate (no-op)")
	nr := ratio(noop.Wall, help.Wall)
	ts = append(ts, target{"no-op generate against --help",
		fmt.Sprintf("%.1f ms / %.1f ms = %.2fx", msec(noop.Wall), msec(help.Wall), nr),
		fmt.Sprintf("≤ %.0fx", maxNoopRatio), nr <= maxNoopRatio})
	big := b.bigBrief
	ts = append(ts, target{"offline prd of a 1 MiB brief",
		fmt.Sprintf("%.0f ms", msec(big.Wall)),
		fmt.Sprintf("< %.0f s", maxOfflineBig.Seconds()), big.Wall < maxOfflineBig})
	return ts
}

// passed reports whether every target passed.
func (b *bench) passed() bool {
	for _, t := range b.targets() {
		if !t.Pass {
			return false
		}
	}
	return true
}

// report is the results as markdown, for stdout and RESULTS.md.
func (b *bench) report(m machine) string {
	var w strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }
	p("# prodgen benchmark results\n\n")
	p("Made by `go run ./bench` on %s in %s. See README.md for what each figure means.\n\n", b.started.Format("2006-01-02"), secs(b.took.Round(time.Second)))
	p("- CPU: %s, %d cores\n- Memory: %s\n- OS: %s\n- Go: %s\n", m.CPU, m.Cores, m.Memory, m.OS, m.Go)
	p("- Load average (1 min): %s at the start, %s at the end; other work on the machine slows short processes most\n\n", b.loadStart, loadAverage())

	p("## Targets\n\n| Target | Measured | Goal | Result |\n| --- | --- | --- | --- |\n")
	for _, t := range b.targets() {
		result := "PASS"
		if !t.Pass {
			result = "**FAIL**"
		}
		p("| %s | %s | %s | %s |\n", t.Name, t.Value, t.Goal, result)
	}

	p("\n## generate --force, 30-FR project\n\n")
	p("Fake model: %s to the first token, then %.0f tokens/s (a token is 4 bytes). Ideal: each stage's requests, as the model recorded them, on `jobs` perfect workers; stages one after another.\n\n",
		b.opts.latency, b.opts.rate)
	p("| jobs | stage | requests | answer tokens | measured | ideal | measured / ideal |\n| ---: | --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, r := range b.gen {
		requests, tokens := 0, 0
		for _, s := range r.Stages {
			p("| %d | %s | %d | %d | %s | %s | %.2fx |\n", r.Jobs, s.Name, s.Requests, s.Tokens, secs(s.Measured), secs(s.Ideal), s.Ratio())
			requests += s.Requests
			tokens += s.Tokens
		}
		p("| %d | whole process | %d | %d | %s | %s | %.2fx |\n", r.Jobs, requests, tokens, secs(r.Wall), secs(r.Ideal()), ratio(r.Wall, r.Ideal()))
	}
	if len(b.gen) == 2 {
		p("\nSpeed-up from jobs=1 to jobs=4: stories stage %.2fx, whole process %.2fx.\n",
			ratio(b.gen[0].stage("stories").Measured, b.gen[1].stage("stories").Measured), ratio(b.gen[0].Wall, b.gen[1].Wall))
	}

	p("\n## Whole-process cost (median of %d runs)\n\n| Command | Wall time | Peak memory (max RSS) |\n| --- | ---: | ---: |\n", b.opts.runs)
	for _, c := range b.procs {
		p("| %s | %.1f ms | %s |\n", c.Name, msec(c.Wall), mib(c.MaxRSS))
	}
	for _, o := range []overhead{b.overheadCost, b.overheadInstant} {
		model := "model answering at once"
		if o.Latency > 0 {
			model = fmt.Sprintf("simulated model (%s to the first token, %.0f tokens/s)", o.Latency, o.Rate)
		}
		p("| prodgen prd --no-cache --provider openai, small brief, %s | %.1f ms | %s |\n", model, msec(o.Prodgen.Wall), mib(o.Prodgen.MaxRSS))
		p("| bench/minimal: go-openai, the same request and answer, %s | %.1f ms | %s |\n", model, msec(o.Minimal.Wall), mib(o.Minimal.MaxRSS))
		p("| → prodgen's overhead per call, %s | %+.1f ms (%.2fx) | |\n", model, msec(o.Diff()), o.Ratio())
	}
	big := b.bigBrief
	p("| prodgen prd --provider offline, %s brief → %d FRs (median of %d) | %.1f ms | %s |\n",
		mib(int64(big.Bytes)), big.Requirements, big.Runs, msec(big.Wall), mib(big.MaxRSS))

	p("\nPeak memory is the process's ru_maxrss, read through bench/launch, whose own %s is a floor under each figure.\n", mib(b.memoryFloor()))
	p("\n## Binary size\n\n| Build | Size |\n| --- | ---: |\n")
	for _, s := range b.sizes {
		p("| `%s` | %s |\n", s.Build, mib(s.Bytes))
	}
	return w.String()
}

func ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func msec(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func secs(d time.Duration) string { return fmt.Sprintf("%.1fs", d.Seconds()) }

func mib(n int64) string {
	if n <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// memoryFloor is the highest launcher floor under any memory figure.
func (b *bench) memoryFloor() int64 {
	floor := max(b.overheadCost.Prodgen.Floor, b.overheadCost.Minimal.Floor, b.overheadInstant.Prodgen.Floor, b.bigBrief.Floor)
	for _, c := range b.procs {
		floor = max(floor, c.Floor)
	}
	return floor
}
