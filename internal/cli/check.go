package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/pipeline"
)

// errNotFresh is check's verdict that some document needs attention; its
// findings are already printed, so the message only sums up.
var errNotFresh = errors.New("documents are not up to date")

type checkOptions struct {
	f   *factory
	cmd *cobra.Command

	JSON bool
}

func newCheckCmd(f *factory, runF func(context.Context, *checkOptions) error) *cobra.Command {
	opts := &checkOptions{f: f}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Say whether every document is up to date, without calling a model",
		Long: `Compare each document with prodgen.lock: is it missing, edited by hand since
it was generated, or older than its inputs (the brief, an upstream document,
a prompt, a setting)? No model is called and nothing is written.

Each problem is one line on stdout naming the file, the reason and the
command that fixes it. Exit code 0 when everything is fresh, 3 otherwise.`,
		Example: `  prodgen check
  prodgen check --json | jq .`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the report as JSON")
	return cmd
}

// checkReport is check's --json output.
type checkReport struct {
	Fresh     bool              `json:"fresh"`
	Documents []pipeline.Status `json:"documents"`
}

func runCheck(_ context.Context, opts *checkOptions) error {
	_, proj, err := opts.f.project(opts.cmd, false)
	if err != nil {
		return err
	}
	plan, err := proj.Plan(pipeline.Selection{})
	if err != nil {
		return err
	}
	report := checkReport{Fresh: true, Documents: plan.Statuses}
	stale := 0
	for _, st := range plan.Statuses {
		if !st.Fresh() {
			report.Fresh = false
			stale++
		}
	}
	out := opts.f.deps.IO.Out
	if opts.JSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			return err
		}
	} else {
		for _, st := range plan.Statuses {
			if !st.Fresh() {
				fmt.Fprintf(out, "%s: %s: %s (fix: %s)\n", st.Path, st.State, st.Reason, st.Fix)
			}
		}
	}
	if stale > 0 {
		return fmt.Errorf("%d of %d %w", stale, len(plan.Statuses), errNotFresh)
	}
	opts.f.infof("every document is up to date\n")
	return nil
}
