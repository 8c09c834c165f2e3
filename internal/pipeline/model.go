package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/prodgen/prodgen/internal/llm"
)

// Model returns the engine that asks a language model, through client, for
// each artifact as JSON matching its schema, up to jobs requests of a stage
// at once. An answer that fails decoding or validation goes back with the
// problems found, up to repairAttempts times. secret is the API key the
// client sends: an answer that holds it is invalid too, so that a model or
// server echoing it cannot put it into a document or the cache.
func Model(client llm.Client, jobs, repairAttempts int, secret string) Engine {
	return &modelEngine{client: client, jobs: max(jobs, 1), repairAttempts: repairAttempts, secret: secret}
}

type modelEngine struct {
	client         llm.Client
	jobs           int
	repairAttempts int
	secret         string
}

// modelProvider is what the lock records as a model's provider.
const modelProvider = "openai"

// call is one request of a stage and the value its answer decodes into.
// A stage may send several calls (the stories of each group of
// requirements); each is generated, validated and repaired on its own.
type call struct {
	req  llm.Request
	into artifactValue
}

// artifactValue is what a stage decodes an answer into: it numbers its
// items and checks itself against its inputs.
type artifactValue interface {
	reset()
	number()
	validate() error
}

// write sends w's calls, up to jobs at once, and sums what they cost.
// Every request of a round is checked against the budget before any is
// sent, so a round either fits or costs nothing; a phased work's next
// round, built from the answers, is checked when it is built. The first
// failure cancels the calls still running and is the error returned. Each
// call's answer lands in its own value, so the merged artifact depends
// only on the order of calls.
func (m *modelEngine) write(ctx context.Context, p *Project, w work) (Usage, error) {
	calls, err := w.calls(p)
	if err != nil {
		return Usage{}, err
	}
	stage := calls[0].req.Stage
	started := false
	total := Usage{Provider: modelProvider, Cached: true}
	var done []call
	for len(calls) > 0 {
		if err := p.budget.allFit(calls); err != nil {
			return total.settled(), err
		}
		if !started {
			p.obs.StageStarted(stage)
			started = true
		}
		u, err := m.round(ctx, p, stage, calls)
		total.add(u)
		if err != nil {
			return total.settled(), err
		}
		done = append(done, calls...)
		calls = nil
		if ph, ok := w.(phased); ok {
			if calls, err = ph.next(p, done); err != nil {
				return total.settled(), err
			}
		}
	}
	w.merge(p, done)
	return total.settled(), nil
}

// round sends one round of calls, up to jobs at once, and sums what they
// cost.
func (m *modelEngine) round(ctx context.Context, p *Project, stage string, calls []call) (Usage, error) {
	usages := make([]Usage, len(calls))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(m.jobs)
	for i, c := range calls {
		c.req.Progress = streamed(p.obs, stage)
		g.Go(func() error {
			u, err := m.generate(gctx, c.req, c.into)
			usages[i] = u
			return err
		})
	}
	err := g.Wait()
	total := Usage{Provider: modelProvider, Cached: true}
	for _, u := range usages {
		total.add(u)
	}
	return total, err
}

// settled is u with Cached false when no request was made.
func (u Usage) settled() Usage {
	if u.Requests == 0 {
		u.Cached = false
	}
	return u
}

func (m *modelEngine) inputs(p *Project, prompt string) ([]fileHash, error) {
	text, _, err := p.opts.Prompts.Template(prompt)
	if err != nil {
		return nil, err
	}
	return []fileHash{{Path: promptInput(prompt), SHA256: hashBytes([]byte(text))}}, nil
}

func (m *modelEngine) repairs() int { return m.repairAttempts }

func (m *modelEngine) provider() string { return modelProvider }

// add sums another call's usage into u.
func (u *Usage) add(o Usage) {
	if o.Requests == 0 {
		return
	}
	u.Model = o.Model
	u.Requests += o.Requests
	u.Tokens.PromptTokens += o.Tokens.PromptTokens
	u.Tokens.CompletionTokens += o.Tokens.CompletionTokens
	u.Cached = u.Cached && o.Cached
}

// streamed turns one request's progress reports into the Observer's token
// counts. Each request needs its own: a report's count is cumulative and
// starts again from one when the adapter retries.
func streamed(obs Observer, stage string) func(llm.Progress) {
	last := 0
	return func(pr llm.Progress) {
		if pr.Chunks <= last {
			last = 0
		}
		obs.Streamed(stage, pr.Chunks-last)
		last = pr.Chunks
	}
}

// generate asks the model for one call's answer, decodes it strictly and
// validates it. An invalid answer goes back to the model with the problems
// found, up to repairAttempts times, so a model can fix what it got wrong;
// nothing invalid is ever rendered.
//
// A response cache (an llm.Keeper) keeps only the answer that validated,
// and keeps it as the answer to the call's first request, so that the next
// run of an unchanged stage costs nothing even when this one needed a
// repair. An invalid answer from the cache (an earlier prodgen cached every
// answer) is dropped from it, so no run gets it again.
func (m *modelEngine) generate(ctx context.Context, req llm.Request, into artifactValue) (Usage, error) {
	keeper, _ := m.client.(llm.Keeper)
	first := req
	usage := Usage{Provider: modelProvider, Cached: true}
	for attempt := 0; ; attempt++ {
		resp, err := m.client.Complete(ctx, req)
		if err != nil {
			return usage, fmt.Errorf("%s stage: %w", req.Stage, err)
		}
		usage.Requests++
		usage.Model = resp.Model
		usage.Tokens.PromptTokens += resp.Usage.PromptTokens
		usage.Tokens.CompletionTokens += resp.Usage.CompletionTokens
		usage.Cached = usage.Cached && resp.Cached
		into.reset()
		err = decodeStrict(resp.Content, into)
		if err == nil {
			into.number()
			err = into.validate()
		}
		if leak := m.leaks(resp.Content, into); leak != nil {
			err = errors.Join(leak, err)
		}
		if err == nil {
			if keeper != nil && (attempt > 0 || !resp.Cached) {
				keeper.Keep(first, resp)
			}
			return usage, nil
		}
		if keeper != nil && resp.Cached {
			keeper.Forget(req)
		}
		if attempt >= m.repairAttempts {
			return usage, &invalidAnswerError{Stage: req.Stage, Attempts: attempt + 1, Cached: resp.Cached, Err: m.redactErr(err)}
		}
		req.Messages = append(req.Messages,
			llm.Message{Role: llm.RoleAssistant, Content: m.redact(resp.Content)},
			llm.Message{Role: llm.RoleUser, Content: m.redact(repairRequest(err))})
	}
}

// minSecret is the length below which an API key is not looked for in
// answers: a local server's placeholder key ("x", "ollama") is no secret,
// and as a word an answer may well hold it.
const minSecret = 8

// errLeakedKey is an answer that holds the API key: a server or model
// echoed it, and nothing of the answer may be written or cached.
var errLeakedKey = errors.New("the answer contains the API key the request was sent with; leave it out")

// leaks reports an answer that holds the API key, in its raw text or in
// the strings it decoded into (JSON escapes can spell the key without its
// letters appearing in the raw text).
func (m *modelEngine) leaks(content string, into artifactValue) error {
	if len(m.secret) < minSecret {
		return nil
	}
	if strings.Contains(content, m.secret) {
		return errLeakedKey
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(into); err == nil && strings.Contains(b.String(), m.secret) {
		return errLeakedKey
	}
	return nil
}

// redact cuts the API key out of text sent back for repair (the answer,
// and the problems found, which may quote it), so that it is never in a
// request body, nor in the cache key made from one.
func (m *modelEngine) redact(text string) string {
	if len(m.secret) < minSecret {
		return text
	}
	return strings.ReplaceAll(text, m.secret, "[redacted]")
}

// redactErr is err with the API key cut out of its message: a decoding
// error may quote the answer.
func (m *modelEngine) redactErr(err error) error {
	if msg := err.Error(); m.redact(msg) != msg {
		return errors.New(m.redact(msg))
	}
	return err
}

// decodeStrict decodes one JSON object: unknown fields and trailing data
// are errors, since they mean the answer does not follow the schema.
func decodeStrict(content string, into any) error {
	dec := json.NewDecoder(bytes.NewReader([]byte(content)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("the answer is not the JSON object the schema describes: %w", err)
	}
	if dec.More() {
		return fmt.Errorf("the answer has text after the JSON object")
	}
	return nil
}

func repairRequest(err error) string {
	var b strings.Builder
	b.WriteString("Your answer cannot be used. These problems were found:\n\n")
	for _, line := range strings.Split(err.Error(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			fmt.Fprintf(&b, "- %s\n", line)
		}
	}
	b.WriteString("\nAnswer again with the whole corrected JSON object, and nothing else.")
	return b.String()
}

// messages renders a prompt template with its data, for a request.
func (p *Project) messages(prompt string, data any) ([]llm.Message, error) {
	return p.opts.Prompts.Messages(prompt, data)
}
