// Command bench is prodgen's benchmark suite. Run it from the repository
// with
//
//	go run ./bench
//
// It builds prodgen once, runs it as a user would against a fake
// OpenAI-compatible model with a simulated latency and token rate (and
// against the offline engine), prints a table with a PASS or FAIL for each
// target, writes the same table to bench/RESULTS.md, and exits 1 when a
// target fails. It never touches the network. See bench/README.md.
package main

import (
	"context"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"time"
)

var (
	//go:embed testdata/brief-30.md
	brief30 []byte
	//go:embed testdata/brief-small.md
	briefSmall []byte
)

// options are the suite's settings, from its flags.
type options struct {
	runs    int           // runs per process-time median
	latency time.Duration // the fake model's time to first token
	rate    float64       // the fake model's tokens per second
	output  string        // where to write RESULTS.md; "" for nowhere
	keep    bool          // keep the temporary folder
}

func main() {
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	var o options
	flag.IntVar(&o.runs, "runs", 20, "runs per median of a short process")
	flag.DurationVar(&o.latency, "latency", 300*time.Millisecond, "the fake model's time to first token")
	flag.Float64Var(&o.rate, "rate", 200, "the fake model's tokens per second")
	flag.StringVar(&o.output, "o", filepath.Join(root, "bench", "RESULTS.md"), "write the results to `file` (empty: only print them)")
	flag.BoolVar(&o.keep, "keep", false, "keep the temporary folder, for a look at the projects")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	code, err := suite(ctx, root, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

// suite runs every measurement and reports them. It returns 1 when a
// target failed, and an error when a measurement could not be made.
func suite(ctx context.Context, root string, o options) (int, error) {
	tmp, err := os.MkdirTemp("", "prodgen-bench-")
	if err != nil {
		return 0, err
	}
	if o.keep {
		fmt.Fprintln(os.Stderr, "bench: keeping", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	b := &bench{opts: o, tmp: tmp, started: time.Now(), loadStart: loadAverage()}
	steps := []struct {
		what string
		run  func(context.Context) error
	}{
		{"building prodgen and the minimal go-openai program", func(ctx context.Context) error { return b.build(ctx, root) }},
		{"generate --force, 30-FR project, jobs=1 and jobs=4", b.generate},
		{"process costs: --help, no-op generate, check", b.processes},
		{"overhead per model call against go-openai", b.overhead},
		{"offline engine on a 1 MiB brief", b.offline},
	}
	for _, s := range steps {
		fmt.Fprintf(os.Stderr, "bench: %s…", s.what)
		start := time.Now()
		if err := s.run(ctx); err != nil {
			fmt.Fprintln(os.Stderr)
			return 0, fmt.Errorf("%s: %w", s.what, err)
		}
		fmt.Fprintf(os.Stderr, " %s\n", secs(time.Since(start)))
	}
	b.took = time.Since(b.started)
	report := b.report(machineInfo())
	fmt.Print(report)
	if o.output != "" {
		if err := os.WriteFile(o.output, []byte(report), 0o644); err != nil {
			return 0, err
		}
		fmt.Fprintln(os.Stderr, "bench: wrote", o.output)
	}
	if !b.passed() {
		return 1, nil
	}
	return 0, nil
}

// moduleRoot is the folder of the go.mod that holds the working directory.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("run the suite inside prodgen's repository: go run ./bench")
	}
	return filepath.Dir(mod), nil
}
