package cli

import (
	"context"

	"github.com/spf13/cobra"
)

type acceptOptions struct {
	f   *factory
	cmd *cobra.Command

	Files []string
}

func newAcceptCmd(f *factory, runF func(context.Context, *acceptOptions) error) *cobra.Command {
	opts := &acceptOptions{f: f}
	return &cobra.Command{
		Use:   "accept FILE...",
		Short: "Keep a hand-edited document as the new baseline",
		Long: `Record a document as it is now, edits included, in prodgen.lock. check then
calls it fresh, and generate regenerates the stages after it from your edit
instead of refusing to touch it. The document must still parse and its IDs
and trace links must be valid.`,
		Example: `  prodgen accept docs/prd.md
  prodgen accept docs/prd.md && prodgen generate`,
		Args:              usageArgs(cobra.MinimumNArgs(1)),
		ValidArgsFunction: completeMarkdown,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
}

func runAccept(_ context.Context, opts *acceptOptions) error {
	_, proj, err := opts.f.project(opts.cmd, false)
	if err != nil {
		return err
	}
	for _, file := range opts.Files {
		stage, err := proj.Accept(file)
		if err != nil {
			return err
		}
		opts.f.infof("accepted %s as the %s stage's baseline; run prodgen generate to update the stages after it\n", file, stage)
	}
	return nil
}
