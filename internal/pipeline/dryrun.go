package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/tokens"
	"github.com/prodgen/prodgen/internal/plural"
)

// DryRun says how a dry run is shown.
type DryRun struct {
	// Quiet leaves the prompts out: the stages and totals only.
	Quiet bool
	// Schemas shows, after each request's prompts, the JSON schema sent
	// with it (--verbose), so that what the model receives is all there.
	Schemas bool
	// Model is the model that would write the documents; empty when the
	// offline engine would.
	Model string
	// Price is the model's price in dollars per million input and output
	// tokens; nil when none is configured.
	Price *[2]float64
}

// WriteDryRun writes what the plan would do, without writing a file or
// sending anything: each stage that would run and why, the requests a
// model would be sent with their estimated tokens (the prompts too unless
// Quiet), where the plan would stop, and the totals and what they would
// cost. A stage's prompt is built from the documents as they are now; one
// an earlier stage would write first is noted.
func (p *Project) WriteDryRun(w io.Writer, plan *Plan, d DryRun) error {
	var b strings.Builder
	b.WriteString("Dry run: nothing is written and nothing is sent.\n")
	if d.Model == "" {
		b.WriteString("No model is configured: the offline engine would do the work. The prompts and estimates are what a model would be sent.\n")
	}
	requests, total, unknown := 0, 0, false
	var rewritten []string
	for _, step := range plan.steps {
		if step.adopt {
			// The document stays as it is: the stages after it read it so.
			fmt.Fprintf(&b, "\n%s: would record the hand edits: %s\n", step.Stage.Name(), step.Reason)
			continue
		}
		reqs, note, err := p.dryRequests(plan, step, rewritten)
		if err != nil {
			return err
		}
		rewritten = append(rewritten, step.Stage.Output(p))
		unknown = unknown || len(reqs) == 0
		fmt.Fprintf(&b, "\n%s: would run: %s\n", step.Stage.Name(), step.Reason)
		if note != "" {
			fmt.Fprintf(&b, "  %s\n", note)
		}
		if len(reqs) == 0 {
			continue
		}
		stageTokens := 0
		for _, r := range reqs {
			stageTokens += tokens.Request(r)
		}
		requests += len(reqs)
		total += stageTokens
		fmt.Fprintf(&b, "  %s, about %s prompt tokens\n", plural.Count(len(reqs), "request"), thousands(stageTokens))
		if !d.Quiet {
			writePrompts(&b, step.Stage.Name(), reqs, d.Schemas)
		}
	}
	if s := plan.Stop; s != nil {
		fmt.Fprintf(&b, "\n%s: would stop: %s was %s (--force overwrites it; 'prodgen accept %s' keeps it)\n", s.Stage, s.Path, s.Reason, s.Path)
	}
	if len(plan.steps) == 0 && plan.Stop == nil {
		b.WriteString("\nEverything is up to date: nothing would run.\n")
	}
	fmt.Fprintf(&b, "\nTotal: %s, about %s prompt tokens", plural.Count(requests, "request"), thousands(total))
	if unknown {
		b.WriteString(", and more for the stages whose input an earlier stage writes first")
	}
	b.WriteString(".\n")
	b.WriteString(d.costLine(total))
	_, err := io.WriteString(w, b.String())
	return err
}

// dryRequests are the requests a step would send, built from the documents
// as they are now, with a note on what may differ. rewritten names the
// outputs earlier steps would rewrite first; a missing input one of them
// writes is no error.
func (p *Project) dryRequests(plan *Plan, step planStep, rewritten []string) ([]llm.Request, string, error) {
	calls, err := step.Stage.dryCalls(p, plan.sel.Input)
	var missing *MissingInputError
	note := ""
	switch {
	case errors.As(err, &missing) && len(rewritten) > 0:
		note = fmt.Sprintf("its prompt is built from %s, which an earlier stage writes first", missing.Path)
	case err != nil:
		return nil, "", err
	case len(rewritten) > 0:
		isAre := "it is"
		if len(rewritten) > 1 {
			isAre = "they are"
		}
		note = fmt.Sprintf("prompt built from the current %s; %s rewritten first, so the real prompt may differ",
			strings.Join(rewritten, " and "), isAre)
	}
	reqs := make([]llm.Request, len(calls))
	for i, c := range calls {
		reqs[i] = c.req
	}
	if err := p.budget.allFit(calls); err != nil {
		note = strings.TrimSpace(note + "\n  would fail: " + err.Error())
	}
	return reqs, note, nil
}

// writePrompts shows the messages of each request of a stage and, with
// schemas, the JSON schema sent with it, indented.
func writePrompts(b *strings.Builder, stage string, reqs []llm.Request, schemas bool) {
	for i, r := range reqs {
		fmt.Fprintf(b, "\n=== %s: request %d of %d, about %s prompt tokens ===\n", stage, i+1, len(reqs), thousands(tokens.Request(r)))
		for _, m := range r.Messages {
			fmt.Fprintf(b, "--- %s ---\n%s\n", m.Role, strings.TrimRight(m.Content, "\n"))
		}
		if schemas && r.Schema != nil {
			fmt.Fprintf(b, "--- schema %q (strict JSON schema the answer must match) ---\n", r.Schema.Name)
			var out bytes.Buffer
			if err := json.Indent(&out, r.Schema.JSON, "", "  "); err != nil {
				out.Reset()
				out.Write(r.Schema.JSON)
			}
			fmt.Fprintf(b, "%s\n", out.String())
		}
	}
}

// costLine prices the prompt tokens at the model's configured price.
func (d DryRun) costLine(promptTokens int) string {
	switch {
	case d.Model == "":
		return "Cost: none; the offline engine calls no model.\n"
	case d.Price == nil:
		return fmt.Sprintf("Cost: no price is configured for %s; add one under prices in prodgen.yaml to see an estimate (see 'prodgen help config').\n", d.Model)
	}
	cost := float64(promptTokens) / 1e6 * d.Price[0]
	return fmt.Sprintf("Cost: about $%.4f for the prompts at %s's $%g per million input tokens, plus the answers at $%g per million output tokens.\n",
		cost, d.Model, d.Price[0], d.Price[1])
}

// thousands formats n with thousands separators: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
