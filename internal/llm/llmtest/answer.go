package llmtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// answer writes reply to w.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, req Request, reply Reply) {
	if !s.wait(r, reply.Delay) {
		return
	}
	if reply.Hangup {
		hangup(w)
		return
	}
	if reply.Status != 0 && reply.Status != http.StatusOK {
		if reply.RetryAfter != "" {
			w.Header().Set("Retry-After", reply.RetryAfter)
		}
		if reply.ErrorBody != "" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(reply.Status)
			fmt.Fprint(w, reply.ErrorBody)
			return
		}
		writeError(w, reply.Status, reply.ErrorType, errorMessage(reply.ErrorMessage, reply, req), "")
		return
	}
	if reply.EchoKey != "" {
		reply.Content = strings.ReplaceAll(reply.Content, reply.EchoKey, requestKey(req))
	}
	if req.Stream && !reply.NoStream {
		s.stream(w, r, req, reply)
		return
	}
	whole(w, req, reply)
}

// stream writes reply as server-sent events.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, req Request, reply Reply) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	model := modelOf(reply, req)
	sent := 0
	send := func(data string) bool {
		if sent > 0 && !s.wait(r, reply.ChunkDelay) {
			return false
		}
		sent++
		fmt.Fprintf(w, "data: %s\n\n", data)
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		return true
	}
	pace := newPacer(reply.TokensPerSecond)
	for i, piece := range split(reply.Content, reply.Chunks) {
		if !s.wait(r, pace.next(piece)) {
			return
		}
		if !send(chunk(model, map[string]string{"role": "assistant", "content": piece}, "")) {
			return
		}
		if reply.DropAfter > 0 && i+1 >= reply.DropAfter {
			hangup(w)
			return
		}
	}
	if reply.Refusal != "" && !send(chunk(model, map[string]string{"refusal": reply.Refusal}, "")) {
		return
	}
	switch {
	case reply.Malformed:
		send(`{"id":"chatcmpl-llmtest","object":"chat.completion.chunk","choices":[{"delta":{"content":`)
		return
	case reply.StreamError != nil:
		e := *reply.StreamError
		e.Message = errorMessage(e.Message, reply, req)
		send(mustJSON(map[string]APIError{"error": e}))
		return
	}
	if !reply.NoFinish && !send(chunk(model, map[string]string{}, finishReason(reply))) {
		return
	}
	if reply.Usage != nil && req.IncludeUsage && !send(usageChunk(model, *reply.Usage)) {
		return
	}
	if !reply.NoDone {
		send("[DONE]")
	}
}

// pacer times content chunks for Reply.TokensPerSecond.
type pacer struct {
	rate  float64
	start time.Time
	bytes int // content bytes handed out so far
}

func newPacer(rate float64) *pacer { return &pacer{rate: rate, start: time.Now()} }

// next returns how long to wait before sending piece: until the answer so
// far, piece included, has had the time its tokens take at the rate. A
// zero rate never waits.
func (p *pacer) next(piece string) time.Duration {
	if p.rate <= 0 {
		return 0
	}
	p.bytes += len(piece)
	tokens := (p.bytes + 3) / 4
	due := p.start.Add(time.Duration(float64(tokens) / p.rate * float64(time.Second)))
	return time.Until(due)
}

// whole writes reply as one chat.completion body.
func whole(w http.ResponseWriter, req Request, reply Reply) {
	w.Header().Set("Content-Type", "application/json")
	if reply.Malformed {
		fmt.Fprint(w, `{"id":"chatcmpl-llmtest","choices":[{"message":`)
		return
	}
	out := map[string]any{
		"id":      "chatcmpl-llmtest",
		"object":  "chat.completion",
		"created": 0,
		"model":   modelOf(reply, req),
		"choices": []any{map[string]any{
			"index":         0,
			"message":       map[string]string{"role": "assistant", "content": reply.Content},
			"finish_reason": finishReason(reply),
		}},
	}
	if reply.Usage != nil {
		out["usage"] = reply.Usage
	}
	fmt.Fprint(w, mustJSON(out))
}

// chunk is one chat.completion.chunk with one choice.
func chunk(model string, delta map[string]string, finish string) string {
	choice := map[string]any{"index": 0, "delta": delta, "finish_reason": nil}
	if finish != "" {
		choice["finish_reason"] = finish
	}
	return mustJSON(map[string]any{
		"id":      "chatcmpl-llmtest",
		"object":  "chat.completion.chunk",
		"created": 0,
		"model":   model,
		"choices": []any{choice},
	})
}

// usageChunk is the last chunk of a stream that asked for usage.
func usageChunk(model string, u Usage) string {
	return mustJSON(map[string]any{
		"id":      "chatcmpl-llmtest",
		"object":  "chat.completion.chunk",
		"created": 0,
		"model":   model,
		"choices": []any{},
		"usage":   u,
	})
}

// writeError writes an OpenAI-style JSON error body.
func writeError(w http.ResponseWriter, status int, typ, msg, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprint(w, mustJSON(map[string]APIError{"error": {Message: msg, Type: typ, Code: code}}))
}

// errorMessage is msg, with the request's credentials appended when the
// reply echoes them.
func errorMessage(msg string, reply Reply, req Request) string {
	if !reply.EchoAuth {
		return msg
	}
	var echo []string
	if v := req.Header.Get("Authorization"); v != "" {
		echo = append(echo, "Authorization: "+v)
	}
	if v := req.Header.Get("api-key"); v != "" {
		echo = append(echo, "api-key: "+v)
	}
	return fmt.Sprintf("%s (you sent %s)", msg, strings.Join(echo, ", "))
}

// requestKey is the API key req was sent with.
func requestKey(req Request) string {
	if key, ok := strings.CutPrefix(req.Header.Get("Authorization"), "Bearer "); ok {
		return key
	}
	return req.Header.Get("api-key")
}

func modelOf(reply Reply, req Request) string {
	if reply.Model != "" {
		return reply.Model
	}
	return req.Model
}

func finishReason(reply Reply) string {
	if reply.FinishReason != "" {
		return reply.FinishReason
	}
	return "stop"
}

// wait sleeps for d, and reports false when the client went away or the
// server closed first.
func (s *Server) wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
	case <-s.closing:
	}
	return false
}

// hangup closes the connection under w without finishing the response.
func hangup(w http.ResponseWriter) {
	h, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := h.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	// The close error is of no interest: the point is to break the
	// connection.
	_ = conn.Close()
}

// mustJSON marshals v, which is always a plain map or struct of ours.
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("llmtest: marshal %T: %v", v, err))
	}
	return string(b)
}
