package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/pipeline"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, ExitOK},
		{"usage", &usageError{errors.New("unknown flag")}, ExitUsage},
		{"config", &config.Error{Source: "provider", Err: errors.New("bad")}, ExitUsage},
		{"input", fmt.Errorf("prd: %w", &disk.InputError{Path: "b.md", Err: errors.New("empty")}), ExitUsage},
		{"missing upstream", &pipeline.MissingInputError{Path: "docs/prd.md", Command: "prodgen prd"}, ExitUsage},
		{"interrupted", fmt.Errorf("prd stage: %w", context.Canceled), ExitInterrupted},
		{"runtime", errors.New("disk full"), ExitFailure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

func run(t *testing.T, ctx context.Context, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	deps := Deps{IO: IO{In: strings.NewReader(""), Out: &out, Err: &errOut}, Dir: dir}
	code := Main(ctx, args, deps)
	return code, out.String(), errOut.String()
}

// An interrupted run exits 130 and leaves no document behind.
func TestInterrupted(t *testing.T) {
	dir := t.TempDir()
	brief := "# Tiny\n\n## Features\n\n- Export check-in history as CSV.\n"
	if err := os.WriteFile(filepath.Join(dir, "brief.md"), []byte(brief), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	code, out, errOut := run(t, ctx, dir, "prd")
	if code != ExitInterrupted {
		t.Errorf("exit code %d, want %d (stderr %q)", code, ExitInterrupted, errOut)
	}
	if out != "" {
		t.Errorf("stdout %q, want nothing", out)
	}
	if !strings.Contains(errOut, "interrupted") {
		t.Errorf("stderr %q does not say it was interrupted", errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "docs", "prd.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("docs/prd.md exists after an interrupted run: %v", err)
	}
}

func TestVersionLine(t *testing.T) {
	tests := []struct {
		b    BuildInfo
		want string
	}{
		{BuildInfo{}, "prodgen (devel)"},
		{BuildInfo{Version: "v1.2.3"}, "prodgen v1.2.3"},
		{BuildInfo{Version: "v1.2.3", Commit: "abc1234"}, "prodgen v1.2.3 (commit abc1234)"},
		{BuildInfo{Version: "v1.2.3", Commit: "abc1234", Date: "2026-11-25"}, "prodgen v1.2.3 (commit abc1234, built 2026-11-25)"},
	}
	for _, tt := range tests {
		if got := versionLine(tt.b); got != tt.want {
			t.Errorf("versionLine(%+v) = %q, want %q", tt.b, got, tt.want)
		}
	}
}
