package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/pipeline"
)

// A dry run says which stages would run and why, and shows what each would
// send a model, without writing a file or sending anything. Its report is
// the product the user asked for, so it goes to stdout.

// dryRun collects the stages a command would run.
type dryRun struct {
	stages []plannedStage
	// stop is the hand-edited document the run would stop at, if any.
	stop *pipeline.Status
}

// plannedStage is one stage of a dry run.
type plannedStage struct {
	name     string
	reason   string // why it would run
	note     string // a caveat about the prompts shown
	requests []llm.Request
}

// addDryRunFlag gives a generating command --dry-run.
func addDryRunFlag(cmd *cobra.Command, v *bool) {
	cmd.Flags().BoolVar(v, "dry-run", false, "show what would run and the prompts a model would be sent; write and send nothing")
}

// plan adds a stage that would run. rewritten names the documents earlier
// stages of the same run would rewrite first: a prompt built from one of
// them is the current version's, not the one the stage would really send.
// A document an earlier stage would write first is not an error.
func (d *dryRun) plan(proj *pipeline.Project, stage, input, reason string, rewritten []string) error {
	reqs, err := proj.Requests(stage, input)
	ps := plannedStage{name: stage, reason: reason, requests: reqs}
	var missing *pipeline.MissingInputError
	switch {
	case errors.As(err, &missing) && len(rewritten) > 0:
		ps.note = fmt.Sprintf("its prompt is built from %s, which an earlier stage writes first", missing.Path)
	case err != nil:
		return err
	case len(rewritten) > 0:
		ps.note = fmt.Sprintf("prompt built from the current %s; %s rewritten first, so the real prompt may differ",
			strings.Join(rewritten, " and "), isOrAre(len(rewritten)))
	}
	for _, r := range reqs {
		if err := proj.Fits(r); err != nil {
			ps.note = strings.TrimSpace(ps.note + "\n  would fail: " + err.Error())
			break
		}
	}
	d.stages = append(d.stages, ps)
	return nil
}

func isOrAre(n int) string {
	if n == 1 {
		return "it is"
	}
	return "they are"
}

// whyRun says why a stage run on its own (prodgen prd) would run.
func whyRun(st pipeline.Status) string {
	switch st.State {
	case pipeline.Fresh:
		return st.Path + " is up to date; this command regenerates it anyway"
	case pipeline.Missing:
		return st.Path + " does not exist yet"
	}
	return orDefault(st.Reason, "regenerating")
}

// print writes the report: each stage with its prompts (only a summary
// with --quiet), then the totals and what they would cost.
func (d *dryRun) print(w io.Writer, cfg *config.Config, quiet bool) error {
	var b strings.Builder
	b.WriteString("Dry run: nothing is written and nothing is sent.\n")
	useModel := cfg.Provider == "openai" || (cfg.Provider == "auto" && cfg.ModelConfigured())
	if !useModel {
		b.WriteString("No model is configured: the offline engine would do the work. The prompts and estimates are what a model would be sent.\n")
	}
	requests, total, unknown := 0, 0, false
	for _, s := range d.stages {
		unknown = unknown || len(s.requests) == 0
		fmt.Fprintf(&b, "\n%s: would run: %s\n", s.name, s.reason)
		if s.note != "" {
			fmt.Fprintf(&b, "  %s\n", s.note)
		}
		if len(s.requests) == 0 {
			continue
		}
		stageTokens := 0
		for _, r := range s.requests {
			stageTokens += requestTokens(r)
		}
		requests += len(s.requests)
		total += stageTokens
		fmt.Fprintf(&b, "  %s, about %s prompt tokens\n", count(len(s.requests), "request"), thousands(stageTokens))
		if !quiet {
			writePrompts(&b, s)
		}
	}
	if d.stop != nil {
		fmt.Fprintf(&b, "\n%s: would stop: %s was %s (--force overwrites it; 'prodgen accept %s' keeps it)\n",
			d.stop.Stage, d.stop.Path, d.stop.Reason, d.stop.Path)
	}
	if len(d.stages) == 0 && d.stop == nil {
		b.WriteString("\nEverything is up to date: nothing would run.\n")
	}
	fmt.Fprintf(&b, "\nTotal: %s, about %s prompt tokens", count(requests, "request"), thousands(total))
	if unknown {
		b.WriteString(", and more for the stages whose input an earlier stage writes first")
	}
	b.WriteString(".\n")
	b.WriteString(costLine(cfg, useModel, total))
	_, err := io.WriteString(w, b.String())
	return err
}

// writePrompts shows the messages of each request of a stage.
func writePrompts(b *strings.Builder, s plannedStage) {
	for i, r := range s.requests {
		fmt.Fprintf(b, "\n=== %s: request %d of %d, about %s prompt tokens ===\n", s.name, i+1, len(s.requests), thousands(requestTokens(r)))
		for _, m := range r.Messages {
			fmt.Fprintf(b, "--- %s ---\n%s\n", m.Role, strings.TrimRight(m.Content, "\n"))
		}
	}
}

// requestTokens estimates what a request costs to send: its messages and
// the JSON schema that goes with them.
func requestTokens(r llm.Request) int {
	return pipeline.PromptTokens(r)
}

// costLine prices the prompt tokens at the configured price of the model.
func costLine(cfg *config.Config, useModel bool, promptTokens int) string {
	if !useModel {
		return "Cost: none; the offline engine calls no model.\n"
	}
	price, ok := cfg.Price(cfg.Model)
	if !ok {
		return fmt.Sprintf("Cost: no price is configured for %s; add one under prices in prodgen.yaml to see an estimate (see 'prodgen help config').\n", cfg.Model)
	}
	cost := float64(promptTokens) / 1e6 * price.Input
	return fmt.Sprintf("Cost: about $%.4f for the prompts at %s's $%g per million input tokens, plus the answers at $%g per million output tokens.\n",
		cost, cfg.Model, price.Input, price.Output)
}

// thousands formats n with thousands separators: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// count is "1 request", "3 requests".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// dryRunStage is --dry-run of a command that runs one stage: prd, stories
// or tech. input and output are the command's; force its --force.
func (f *factory) dryRunStage(cmd *cobra.Command, stage, input, output string, force bool) error {
	cfg, proj, err := f.project(cmd)
	if err != nil {
		return err
	}
	var d dryRun
	for _, s := range pipeline.Stages {
		if s.Name != stage {
			continue
		}
		st, err := proj.Status(s, nil, nil)
		if err != nil {
			return err
		}
		tracked := output == "" || output == proj.Output(stage)
		if tracked && !force && (st.State == pipeline.Edited || st.State == pipeline.Unlocked) {
			d.stop = &st
			break
		}
		reason := whyRun(st)
		if !tracked {
			reason = "writes " + output
		}
		if err := d.plan(proj, stage, input, reason, nil); err != nil {
			return err
		}
	}
	return d.print(f.deps.IO.Out, cfg, f.flags.quiet)
}
