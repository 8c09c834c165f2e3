package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// bench holds the suite's settings and, as steps run, its measurements.
type bench struct {
	opts      options
	tmp       string
	started   time.Time
	took      time.Duration
	loadStart string // the load average as the suite started

	prodgen  string // the plain build every step runs
	minimal  string // bench/minimal
	launcher string // bench/launch, which every process runs through
	launches int    // processes launched so far
	sizes    []binarySize

	gen      []generateRun
	fresh    string // a generated, up-to-date 30-FR project
	freshEnv env
	model    *fakeModel // the 30-FR project's model, closed by processes
	procs    []procCost

	overheadCost overhead // against the simulated model: the target
	// overheadInstant is against a model that answers at once.
	overheadInstant overhead
	bigBrief        bigRun
}

// binarySize is the size of one build of prodgen.
type binarySize struct {
	Build string
	Bytes int64
}

// build compiles prodgen twice, a plain build to run and a stripped one
// to weigh, the minimal go-openai program and the launcher.
func (b *bench) build(ctx context.Context, root string) error {
	bin := filepath.Join(b.tmp, "bin")
	builds := []struct {
		name, out string
		args      []string
	}{
		{"go build", filepath.Join(bin, "prodgen"), []string{"./cmd/prodgen"}},
		{`go build -trimpath -ldflags "-s -w"`, filepath.Join(bin, "prodgen-stripped"), []string{"-trimpath", "-ldflags", "-s -w", "./cmd/prodgen"}},
		{"", filepath.Join(bin, "minimal"), []string{"./bench/minimal"}},
		{"", filepath.Join(bin, "launch"), []string{"./bench/launch"}},
	}
	// The links run at once: each is mostly one core's work.
	errs := make([]error, len(builds))
	var wg sync.WaitGroup
	for i, bd := range builds {
		wg.Go(func() {
			args := append([]string{"build", "-o", bd.out}, bd.args...)
			cmd := exec.CommandContext(ctx, "go", args...)
			cmd.Dir = root
			if out, err := cmd.CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, out)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, bd := range builds {
		if bd.name == "" {
			continue
		}
		info, err := os.Stat(bd.out)
		if err != nil {
			return err
		}
		b.sizes = append(b.sizes, binarySize{Build: bd.name, Bytes: info.Size()})
	}
	b.prodgen, b.minimal, b.launcher = builds[0].out, builds[2].out, builds[3].out
	return nil
}

// project makes a new project folder holding brief as brief.md, with its
// own home and cache (no brief when brief is nil), and returns it with its environment.
func (b *bench) project(name string, brief []byte) (string, env, error) {
	dir, err := os.MkdirTemp(b.tmp, name+"-")
	if err != nil {
		return "", nil, err
	}
	e := sandbox(dir)
	proj := filepath.Join(dir, "project")
	for _, d := range []string{proj, e["HOME"], e["XDG_CACHE_HOME"], e["XDG_CONFIG_HOME"]} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return "", nil, err
		}
	}
	if brief == nil {
		return proj, e, nil
	}
	return proj, e, os.WriteFile(filepath.Join(proj, "brief.md"), brief, 0o644)
}

// modelEnv points prodgen at a fake model with a made-up key.
func modelEnv(e env, m *fakeModel) env {
	return e.with("OPENAI_BASE_URL", m.srv.URL, "OPENAI_API_KEY", "sk-bench-not-a-real-key")
}
