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
		Long: `Take a document (or a prototype folder) as it is now, edits included, as
your baseline in prodgen.lock: every item that differs from what prodgen
wrote becomes yours, and a later generate never replaces it silently (an
upstream change to it becomes a conflict). check then calls it fresh, and
generate regenerates the stages after it from it. A document must still
parse and its IDs and trace links must be valid. It is also how to adopt a
document prodgen did not write, which generate otherwise refuses to touch.`,
		Example: `  prodgen accept docs/prd.md
  prodgen accept docs/prd.md && prodgen generate
  prodgen accept prototype/go`,
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
	// accept writes the lock but needs no engine.
	if err := opts.f.lock(); err != nil {
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
