package cli

import (
	"fmt"

	"github.com/prodgen/prodgen/internal/pipeline"
)

// observer shows what the pipeline does on the status line: a live line
// while a model answers, "wrote" lines, and detail with --verbose.
type observer struct {
	s       *status
	model   string
	verbose bool
}

var _ pipeline.Observer = (*observer)(nil)

func (o *observer) StageStarted(stage string)     { o.s.begin(stage, "asking "+o.model) }
func (o *observer) Streamed(_ string, tokens int) { o.s.streamed(tokens) }

// Wrote ends the live line and says what was written; what a model's
// output cost and how long it took too.
func (o *observer) Wrote(path, summary string, u pipeline.Usage) {
	took := o.s.end()
	if u.Provider == "openai" {
		o.Infof("wrote %s (%s; %s) %s\n", path, summary, usageLine(u), plainDuration(took))
		return
	}
	o.Infof("wrote %s (%s)\n", path, summary)
}

func (o *observer) Debugf(format string, args ...any) {
	if o.verbose {
		o.s.printf(format, args...)
	}
}

func (o *observer) Infof(format string, args ...any) {
	if !o.s.quiet {
		o.s.printf(format, args...)
	}
}

func (o *observer) Warnf(format string, args ...any) { o.s.printf(format, args...) }

// usageLine describes what a stage cost, for the "wrote" line.
func usageLine(u pipeline.Usage) string {
	switch {
	case u.Cached:
		return fmt.Sprintf("%s, from the cache", u.Model)
	case u.Requests > 1:
		return fmt.Sprintf("%s, %d requests, %d prompt + %d completion tokens", u.Model, u.Requests, u.Tokens.PromptTokens, u.Tokens.CompletionTokens)
	}
	return fmt.Sprintf("%s, %d prompt + %d completion tokens", u.Model, u.Tokens.PromptTokens, u.Tokens.CompletionTokens)
}
