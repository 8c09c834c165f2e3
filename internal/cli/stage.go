package cli

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/pipeline"
)

// stageOptions are a document stage's command's: prodgen prd, stories or
// tech.
type stageOptions struct {
	f   *factory
	cmd *cobra.Command

	Stage      string
	Input      string // empty: the stage's default input
	Force      bool
	DryRun     bool
	AllowEmpty bool   // prd: write a PRD even when no feature was read
	Output     string // empty: the stage's document; "-": stdout
}

// stageCmd describes the command that runs one document stage, named
// after the stage.
type stageCmd struct {
	use, short, long, example string
	input                     bool // takes its input document as an argument
	jobs                      bool // may send several requests at once
}

var stageCmdList = []stageCmd{
	{use: "prd [BRIEF]", input: true,
		short: "Write the product requirements document from a brief",
		long: `Write the product requirements document (docs/prd.md) from a product brief:
goals, users, numbered functional (FR-001) and non-functional (NFR-001)
requirements, scope, success metrics and open questions.

BRIEF defaults to the brief named in prodgen.yaml, brief.md unless set.`,
		example: `  prodgen prd
  prodgen prd product/brief.md
  prodgen prd brief.md -o -      # print the document instead of writing it`},
	{use: "stories [PRD]", input: true, jobs: true,
		short: "Write user stories with acceptance criteria from the PRD",
		long: `Write user stories (docs/stories.md) from the product requirements document:
each story (US-001) traces to the functional requirements it delivers and has
acceptance criteria (AC-001.1) in Given/When/Then form.

PRD defaults to docs/prd.md; edits you made to it are used.`,
		example: `  prodgen stories
  prodgen stories -o -`},
	{use: "tech", jobs: true,
		short: "Write technical requirements from the PRD and the stories",
		long: `Write technical requirements (docs/tech.md) from docs/prd.md and
docs/stories.md: architecture, data model, API endpoints, quality requirements
and implementation tasks (T-001), each task traced to the stories it delivers.`,
		example: `  prodgen tech
  prodgen tech -o -`},
}

// stageCmds are the commands that run one document stage each.
func stageCmds(f *factory) []*cobra.Command {
	var cmds []*cobra.Command
	for _, sc := range stageCmdList {
		cmds = append(cmds, newStageCmd(f, sc, runStage))
	}
	return cmds
}

func newStageCmd(f *factory, sc stageCmd, runF func(context.Context, *stageOptions) error) *cobra.Command {
	opts := &stageOptions{f: f, Stage: strings.Fields(sc.use)[0]}
	args := cobra.NoArgs
	if sc.input {
		args = cobra.MaximumNArgs(1)
	}
	cmd := &cobra.Command{
		Use: sc.use, Short: sc.short, Long: sc.long, Example: sc.example,
		Args: usageArgs(args),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Input = args[0]
			}
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	if sc.input {
		cmd.ValidArgsFunction = completeMarkdown
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the document to `file` (- for stdout)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite the document even if it was edited by hand")
	if sc.jobs {
		addJobsFlag(cmd)
	}
	if sc.input && strings.HasPrefix(sc.use, "prd") {
		addAllowEmptyFlag(cmd, &opts.AllowEmpty)
	}
	addDryRunFlag(cmd, &opts.DryRun)
	return cmd
}

func runStage(ctx context.Context, opts *stageOptions) error {
	cfg, proj, err := opts.f.project(opts.cmd, !opts.DryRun)
	if err != nil {
		return err
	}
	sel := pipeline.Selection{Stage: opts.Stage, Input: opts.Input, Output: opts.Output, Force: opts.Force, AllowEmpty: opts.AllowEmpty}
	_, err = opts.f.run(ctx, cfg, proj, sel, opts.DryRun)
	return err
}

// addDryRunFlag gives a generating command --dry-run.
func addDryRunFlag(cmd *cobra.Command, v *bool) {
	cmd.Flags().BoolVar(v, "dry-run", false, "show what would run and the prompts a model would be sent (with -v, their JSON schemas too); write and send nothing")
}

// addAllowEmptyFlag gives a command that writes the PRD --allow-empty.
func addAllowEmptyFlag(cmd *cobra.Command, v *bool) {
	cmd.Flags().BoolVar(v, "allow-empty", false, "write the PRD even when no feature can be read from the brief (it then holds open questions)")
}
