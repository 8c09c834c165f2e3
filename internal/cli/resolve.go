package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/pipeline"
)

type resolveOptions struct {
	f   *factory
	cmd *cobra.Command

	ID   string
	Keep string // "mine" or "theirs"
}

func newResolveCmd(f *factory, runF func(context.Context, *resolveOptions) error) *cobra.Command {
	opts := &resolveOptions{f: f}
	cmd := &cobra.Command{
		Use:   "resolve ID --keep mine|theirs",
		Short: "Settle a conflict between a hand edit and an upstream change",
		Long: `When an item was edited by hand and prodgen would now write it differently
(its source changed or went away), generate keeps your text and records a
conflict, which check reports with both texts. resolve settles it:

  --keep mine    your text stays, and becomes the item's settled text
  --keep theirs  the document takes what prodgen writes now (or drops the
                 item, when its source is gone)

No model is called. The documents after it become stale, so run
'prodgen generate' next.`,
		Example: `  prodgen check                          # names each conflict and both texts
  prodgen resolve FR-003 --keep theirs
  prodgen resolve US-002 --keep mine`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Keep != "mine" && opts.Keep != "theirs" {
				return &usageError{errors.New("say which text to keep: --keep mine or --keep theirs")}
			}
			opts.ID, opts.cmd = args[0], cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Keep, "keep", "", "the text to keep: mine (the hand edit) or theirs (what prodgen writes now)")
	// RegisterFlagCompletionFunc fails only for an undefined flag.
	_ = cmd.RegisterFlagCompletionFunc("keep", completeValues([]string{"mine", "theirs"}))
	return cmd
}

func runResolve(_ context.Context, opts *resolveOptions) error {
	_, proj, err := opts.f.project(opts.cmd, false)
	if err != nil {
		return err
	}
	// resolve writes a document and the lock but needs no engine.
	if err := opts.f.lock(); err != nil {
		return err
	}
	doc, err := proj.Resolve(opts.ID, opts.Keep == "theirs")
	if err != nil {
		return err
	}
	opts.f.infof("resolved %s in %s: kept %s; run prodgen generate to update the documents after it\n", opts.ID, doc, map[string]string{"mine": "your text", "theirs": "prodgen's text"}[opts.Keep])
	return nil
}

type idsOptions struct {
	f   *factory
	cmd *cobra.Command

	JSON bool
}

func newIDsCmd(f *factory, runF func(context.Context, *idsOptions) error) *cobra.Command {
	opts := &idsOptions{f: f}
	cmd := &cobra.Command{
		Use:   "ids",
		Short: "List every ID the documents have issued, and what became of each",
		Long: `List the ledger prodgen.lock keeps of every ID the documents have issued:
the document, its state (active; retired, when its source is gone; deleted,
when a person removed it), who wrote its text (prodgen or a person), and any
conflict waiting to be resolved. A retired or deleted number is never given
to another item, so tickets that name an ID stay valid.`,
		Example: `  prodgen ids
  prodgen ids --json | jq '.[] | select(.state != "active")'`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the ledger as JSON")
	return cmd
}

func runIDs(_ context.Context, opts *idsOptions) error {
	_, proj, err := opts.f.project(opts.cmd, false)
	if err != nil {
		return err
	}
	ids, err := proj.IDs()
	if err != nil {
		return err
	}
	out := opts.f.deps.IO.Out
	if opts.JSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if ids == nil {
			ids = []pipeline.ID{}
		}
		return enc.Encode(ids)
	}
	for _, id := range ids {
		line := fmt.Sprintf("%-8s %-16s %-8s %-7s %s", id.ID, id.Document, id.State, id.Owner, id.Text)
		if id.Conflict != "" {
			line += " [conflict: " + id.Conflict + "]"
		}
		fmt.Fprintln(out, line)
	}
	return nil
}
