package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// procTimeout bounds any one process the suite runs.
const procTimeout = 5 * time.Minute

// proc is one finished process.
type proc struct {
	Wall   time.Duration
	MaxRSS int64 // peak resident memory in bytes; 0 where the OS does not say
	// Floor is the launcher's own peak memory as it started the process:
	// MaxRSS is never below it (see bench/launch).
	Floor  int64
	Stdout string
	Stderr string
}

// env is a process environment built from nothing, so that the caller's
// PRODGEN_* or OPENAI_* variables cannot change a measurement.
type env map[string]string

// sandbox is an environment whose home and XDG folders are inside dir.
func sandbox(dir string) env {
	return env{
		"HOME":            filepath.Join(dir, "home"),
		"XDG_CACHE_HOME":  filepath.Join(dir, "cache"),
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"PATH":            os.Getenv("PATH"),
		"NO_COLOR":        "1",
	}
}

// with is e with more variables, given as name, value pairs.
func (e env) with(kv ...string) env {
	out := env{}
	for k, v := range e {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

func (e env) list() []string {
	var out []string
	for k, v := range e {
		out = append(out, k+"="+v)
	}
	slices.Sort(out)
	return out
}

// run runs bin with args in dir through the launcher, which times it and
// reads its peak memory, and fails unless it exits 0.
func (b *bench) run(ctx context.Context, dir string, e env, bin string, args ...string) (proc, error) {
	ctx, cancel := context.WithTimeout(ctx, procTimeout)
	defer cancel()
	b.launches++
	reportFile := filepath.Join(b.tmp, fmt.Sprintf("launch-%d.json", b.launches))
	cmd := exec.CommandContext(ctx, b.launcher, append([]string{reportFile, bin}, args...)...)
	cmd.Dir, cmd.Env = dir, e.list()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	name := filepath.Base(bin) + " " + strings.Join(args, " ")
	if err := cmd.Run(); err != nil {
		return proc{}, fmt.Errorf("launch %s: %w\n%s", name, err, tail(stderr.String(), 2000))
	}
	data, err := os.ReadFile(reportFile)
	if err != nil {
		return proc{}, err
	}
	var r launchReport
	if err := json.Unmarshal(data, &r); err != nil {
		return proc{}, fmt.Errorf("%s: %w", reportFile, err)
	}
	p := proc{Wall: time.Duration(r.WallNS), MaxRSS: r.MaxRSS, Floor: r.Floor, Stdout: stdout.String(), Stderr: stderr.String()}
	if r.Exit != 0 {
		return p, fmt.Errorf("%s exited %d:\n%s", name, r.Exit, tail(p.Stderr, 2000))
	}
	return p, nil
}

// launchReport is what bench/launch writes.
type launchReport struct {
	WallNS int64 `json:"wall_ns"`
	Exit   int   `json:"exit"`
	MaxRSS int64 `json:"max_rss"`
	Floor  int64 `json:"floor"`
}

// sample is the median wall time and peak memory of several runs.
type sample struct {
	Runs   int
	Wall   time.Duration // median
	MaxRSS int64         // the median of each run's peak
	Floor  int64         // the highest floor under MaxRSS
}

// repeat calls once n times, each call running one process, and takes
// the medians.
func repeat(n int, once func(i int) (proc, error)) (sample, error) {
	var ps []proc
	for i := range n {
		p, err := once(i)
		if err != nil {
			return sample{}, err
		}
		ps = append(ps, p)
	}
	return medians(ps), nil
}

// medians is the sample of finished processes.
func medians(ps []proc) sample {
	var walls []time.Duration
	var rss []int64
	for _, p := range ps {
		walls = append(walls, p.Wall)
		rss = append(rss, p.MaxRSS)
	}
	floor := int64(0)
	for _, p := range ps {
		floor = max(floor, p.Floor)
	}
	return sample{Runs: len(ps), Wall: median(walls), MaxRSS: median(rss), Floor: floor}
}

// median of a list, the lower middle for an even count; 0 for none.
func median[T int64 | time.Duration](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[(len(s)-1)/2]
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
