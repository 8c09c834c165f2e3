package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/export"
	"github.com/prodgen/prodgen/internal/lint"
)

// Each command turns its arguments and flags into options, checked before
// anything runs: the command's runF sees exactly what the user asked for,
// and a usage mistake never reaches it.
func TestCommandOptions(t *testing.T) {
	tests := []struct {
		name    string
		cmd     func(f *factory, got *string) *cobra.Command
		args    []string
		want    string // the options runF saw, as %+v without f and cmd; "" when runF must not run
		wantErr string
	}{
		{name: "generate", cmd: capture(newGenerateCmd, func(o *generateOptions) any { return *o }),
			args: []string{"--only", "prd,stories", "--force", "--dry-run", "--allow-empty"}, want: "Force:true Only:[prd stories] DryRun:true AllowEmpty:true"},
		{name: "generate unknown stage", cmd: capture(newGenerateCmd, func(o *generateOptions) any { return *o }),
			args: []string{"--only", "design"}, wantErr: `--only: unknown stage "design" (stages: prd, stories, tech, scaffold-go, scaffold-python, scaffold-typescript)`},
		{name: "prd", cmd: stage(0), args: []string{"product/brief.md", "-o", "-", "--force"},
			want: "Stage:prd Input:product/brief.md Force:true DryRun:false AllowEmpty:false Output:-"},
		{name: "stories", cmd: stage(1), args: []string{"--dry-run"}, want: "Stage:stories Input: Force:false DryRun:true AllowEmpty:false Output:"},
		{name: "tech takes no argument", cmd: stage(2), args: []string{"docs/prd.md"}, wantErr: "unknown command"},
		{name: "scaffold", cmd: capture(newScaffoldCmd, func(o *scaffoldOptions) any { return *o }),
			args: []string{"--lang", "python", "--out", "demo", "--verify"}, want: "Lang:python Out:demo Force:false Verify:true DryRun:false"},
		{name: "scaffold unknown language", cmd: capture(newScaffoldCmd, func(o *scaffoldOptions) any { return *o }),
			args: []string{"--lang", "rust"}, wantErr: "--lang must be one of go, python, typescript"},
		{name: "check", cmd: capture(newCheckCmd, func(o *checkOptions) any { return *o }), args: []string{"--json"}, want: "JSON:true"},
		{name: "accept", cmd: capture(newAcceptCmd, func(o *acceptOptions) any { return *o }),
			args: []string{"docs/prd.md", "docs/stories.md"}, want: "Files:[docs/prd.md docs/stories.md]"},
		{name: "accept needs a file", cmd: capture(newAcceptCmd, func(o *acceptOptions) any { return *o }), wantErr: "requires at least 1 arg"},
		{name: "lint", cmd: capture(newLintCmd, func(o *lintOptions) any { return *o }),
			args: []string{"--json", "--strict", "docs/prd.md"}, want: fmt.Sprintf("Files:[docs/prd.md] Format:%s Strict:true", lint.FormatJSON)},
		{name: "lint --json with another format", cmd: capture(newLintCmd, func(o *lintOptions) any { return *o }),
			args: []string{"--json", "--format", "github"}, wantErr: "--json and --format github cannot be used together"},
		{name: "export", cmd: capture(newExportCmd, func(o *exportOptions) any { return *o }),
			args: []string{"stories", "--format", "csv", "-o", "s.csv"}, want: fmt.Sprintf("What:stories Format:%s Output:s.csv", export.Format("csv"))},
		{name: "diff", cmd: capture(newDiffCmd, func(o *diffOptions) any { return *o }), want: "Base:HEAD From: Format:markdown"},
		{name: "diff --base", cmd: capture(newDiffCmd, func(o *diffOptions) any { return *o }),
			args: []string{"--base", "origin/main", "--json"}, want: "Base:origin/main From: Format:json"},
		{name: "diff --from", cmd: capture(newDiffCmd, func(o *diffOptions) any { return *o }),
			args: []string{"--from", "old/docs", "--format", "github"}, want: "Base: From:old/docs Format:github"},
		{name: "diff --base and --from", cmd: capture(newDiffCmd, func(o *diffOptions) any { return *o }),
			args: []string{"--base", "HEAD", "--from", "old"}, wantErr: "--base and --from cannot be used together"},
		{name: "diff --from nothing", cmd: capture(newDiffCmd, func(o *diffOptions) any { return *o }),
			args: []string{"--from", ""}, wantErr: "--from needs a folder"},
		{name: "diff unknown format", cmd: capture(newDiffCmd, func(o *diffOptions) any { return *o }),
			args: []string{"--format", "html"}, wantErr: `invalid --format "html": want markdown, json or github`},
		{name: "diff takes no argument", cmd: capture(newDiffCmd, func(o *diffOptions) any { return *o }),
			args: []string{"HEAD"}, wantErr: "unknown command"},
		{name: "render needs --html", cmd: capture(newRenderCmd, func(o *renderOptions) any { return *o }), wantErr: "only --html is supported"},
		{name: "render", cmd: capture(newRenderCmd, func(o *renderOptions) any { return *o }), args: []string{"--html", "--out", "-"}, want: "HTML:true Output:-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			cmd := tt.cmd(&factory{}, &got)
			cmd.SetArgs(tt.args)
			cmd.SetOut(new(bytes.Buffer))
			cmd.SetErr(new(bytes.Buffer))
			cmd.SilenceErrors, cmd.SilenceUsage = true, true
			err := cmd.ExecuteContext(context.Background())
			if tt.wantErr != "" {
				if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tt.wantErr)) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				var usage *usageError
				if !errors.As(err, &usage) {
					t.Errorf("error %v is not a usage error (exit 2)", err)
				}
				if got != "" {
					t.Errorf("runF ran with %s after a usage mistake", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("runF saw\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

// capture builds a command whose runF records the options it is given,
// without the factory and the command.
func capture[O any](newCmd func(*factory, func(context.Context, *O) error) *cobra.Command, view func(*O) any) func(*factory, *string) *cobra.Command {
	return func(f *factory, got *string) *cobra.Command {
		return newCmd(f, func(_ context.Context, o *O) error {
			*got = trimDeps(fmt.Sprintf("%+v", view(o)))
			return nil
		})
	}
}

// stage builds the i-th document stage's command with a recording runF.
func stage(i int) func(*factory, *string) *cobra.Command {
	return func(f *factory, got *string) *cobra.Command {
		return newStageCmd(f, stageCmdList[i], func(_ context.Context, o *stageOptions) error {
			*got = trimDeps(fmt.Sprintf("%+v", *o))
			return nil
		})
	}
}

// trimDeps drops the leading f and cmd fields from an options value's
// %+v: "{f:0x… cmd:0x… Force:true}" → "Force:true".
func trimDeps(s string) string {
	b := []byte(s)
	b = bytes.TrimPrefix(bytes.TrimSuffix(b, []byte("}")), []byte("{"))
	for _, field := range [][]byte{[]byte("f:"), []byte("cmd:")} {
		if bytes.HasPrefix(b, field) {
			if i := bytes.IndexByte(b, ' '); i >= 0 {
				b = b[i+1:]
			}
		}
	}
	return string(b)
}
