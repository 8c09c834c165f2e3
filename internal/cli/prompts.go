package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/prompt"
)

func newPromptsCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "prompts",
		Short: "List, show and copy the prompts prodgen sends to a model",
		Long: `Each stage (prd, stories, tech, scaffold) sends a model a prompt rendered
from a template. The built-in templates are embedded in prodgen; a folder
named by prompts_dir in prodgen.yaml (or PRODGEN_PROMPTS_DIR) overrides them
by file name: <dir>/prd.md replaces the prd prompt, and every stage without a
file there keeps its built-in.

The offline engine reads no prompt; these templates matter only with a model.`,
		Example: `  prodgen prompts list
  prodgen prompts show prd
  prodgen prompts eject && echo 'prompts_dir: prompts' >> prodgen.yaml`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(
		newPromptsListCmd(f, runPromptsList),
		newPromptsShowCmd(f, runPromptsShow),
		newPromptsEjectCmd(f, runPromptsEject),
	)
	return cmd
}

type promptsListOptions struct {
	f   *factory
	cmd *cobra.Command

	JSON bool
}

func newPromptsListCmd(f *factory, runF func(context.Context, *promptsListOptions) error) *cobra.Command {
	opts := &promptsListOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the prompts, where each comes from and what it asks for",
		Long: `List every stage's prompt, one a line: its name, where its template comes
from ("built-in", or the override file in prompts_dir) and what it asks the
model for. --json prints an array of {"name", "source", "description"}.

A file in prompts_dir that is not named after a prompt is ignored by prodgen;
list warns about each one on stderr.`,
		Example: `  prodgen prompts list
  prodgen prompts list --json | jq -r '.[] | select(.source != "built-in") | .name'`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the list as JSON")
	return cmd
}

func runPromptsList(_ context.Context, opts *promptsListOptions) error {
	f := opts.f
	cfg, set, err := f.promptSet(opts.cmd)
	if err != nil {
		return err
	}
	unused, err := set.Unused()
	if err != nil {
		return err
	}
	if err := prompt.WriteList(f.deps.IO.Out, set.Infos(f.dir(), cfg.PromptsDir), opts.JSON); err != nil {
		return err
	}
	for _, name := range unused {
		f.infof("warning: %s is not a prompt and is ignored (prompt files are named %s)\n",
			filepath.ToSlash(filepath.Join(cfg.PromptsDir, name)), prompt.FileNames())
	}
	return nil
}

type promptsShowOptions struct {
	f   *factory
	cmd *cobra.Command

	Name    string
	BuiltIn bool // the embedded template even when prompts_dir overrides it
}

func newPromptsShowCmd(f *factory, runF func(context.Context, *promptsShowOptions) error) *cobra.Command {
	opts := &promptsShowOptions{f: f}
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "Print a prompt's template",
		Long: `Print the template a stage renders into its prompt, byte for byte, to
stdout: the override in prompts_dir when there is one, else the built-in.
Redirect it to a file to start your own version of a prompt.

The template is Go text/template: {{.Brief}}, {{.PRD}}, {{.Stories}} and the
like are filled in with the stage's input when the prompt is sent.`,
		Example: `  prodgen prompts show prd
  prodgen prompts show stories --builtin
  prodgen prompts show prd > prompts/prd.md`,
		Args: usageArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return prompt.New("").List(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if names := prompt.New("").List(); !slices.Contains(names, args[0]) {
				return &usageError{fmt.Errorf("unknown prompt %q (prompts: %s)", args[0], strings.Join(names, ", "))}
			}
			opts.Name = args[0]
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.BuiltIn, "builtin", false, "print the built-in template even when prompts_dir overrides it")
	return cmd
}

func runPromptsShow(_ context.Context, opts *promptsShowOptions) error {
	f := opts.f
	var text string
	if opts.BuiltIn {
		// The embedded template needs no configuration at all.
		var err error
		if text, err = prompt.BuiltInTemplate(opts.Name); err != nil {
			return err
		}
	} else {
		cfg, set, err := f.promptSet(opts.cmd)
		if err != nil {
			return err
		}
		if text, _, err = set.Template(opts.Name); err != nil {
			return err
		}
		f.debugf("%s: %s\n", opts.Name, prompt.Shown(set.Source(opts.Name), f.dir(), cfg.PromptsDir))
	}
	_, err := fmt.Fprint(f.deps.IO.Out, text)
	return err
}

// promptSet loads the configuration and the prompt set it names. A
// prompts_dir that is not a folder is a configuration error: rendering
// would fail on it.
func (f *factory) promptSet(cmd *cobra.Command) (*config.Config, *prompt.Set, error) {
	cfg, err := f.loadConfig(cmd)
	if err != nil {
		return nil, nil, err
	}
	if cfg.PromptsDir == "" {
		return cfg, prompt.New(""), nil
	}
	dir := f.path(cfg.PromptsDir)
	if err := prompt.CheckDir(dir, cfg.PromptsDir); err != nil {
		return nil, nil, &config.Error{Source: "prompts_dir", Err: err}
	}
	return cfg, prompt.New(dir), nil
}
