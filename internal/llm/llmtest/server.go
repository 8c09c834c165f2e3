// Package llmtest is a fake OpenAI-compatible chat completions server for
// prodgen's tests. It never touches the network beyond a loopback listener.
//
// The server answers POST {URL}/chat/completions (URL ends in /v1) and
// Azure's POST {RootURL}/openai/deployments/{deployment}/chat/completions
// ?api-version=…, streaming (server-sent events ending in data: [DONE]) when
// the request asks for stream: true and with one JSON body otherwise.
//
// Replies are scripted: each request takes the next Reply of the queue
// (Options.Replies, Server.Enqueue). Once the queue is used up, the
// Responder computes the reply if one is set; otherwise the last queued
// Reply repeats, and with nothing queued the answer is "{}". A Reply can
// also inject faults: error statuses, delays, dropped connections, streams
// without a finish, in-band error events, malformed JSON.
//
// Every request is recorded (Server.Requests) with its headers and decoded
// body, so tests can check what a client put on the wire.
//
// In a test, New starts a server and closes it when the test ends. Code
// without a *testing.T, such as a testscript command, uses Start and Close.
package llmtest

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Options configures a Server.
type Options struct {
	// Replies is the initial queue; each request takes the next one.
	Replies []Reply
	// Responder, when set, computes the reply to each request that finds
	// the queue used up.
	Responder func(Request) Reply
}

// Server is a running fake endpoint. Its methods are safe for concurrent
// use.
type Server struct {
	// URL is the OpenAI-style base URL, ending in /v1.
	URL string
	// RootURL is the server's origin, without /v1: the base URL for Azure.
	RootURL string

	srv       *httptest.Server
	closing   chan struct{}
	closeOnce sync.Once

	mu        sync.Mutex
	queue     []Reply
	last      *Reply
	responder func(Request) Reply
	requests  []Request
}

// Start starts a server on a loopback port. The caller must Close it.
func Start(opts Options) (*Server, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("llmtest: listen on loopback: %w", err)
	}
	s := &Server{
		closing:   make(chan struct{}),
		queue:     append([]Reply(nil), opts.Replies...),
		responder: opts.Responder,
	}
	s.srv = &httptest.Server{Listener: l, Config: &http.Server{Handler: http.HandlerFunc(s.serve)}}
	s.srv.Start()
	s.RootURL = s.srv.URL
	s.URL = s.srv.URL + "/v1"
	return s, nil
}

// New starts a server for a test and closes it when the test ends. It
// fails the test if the server cannot start.
func New(t testing.TB, replies ...Reply) *Server {
	t.Helper()
	return NewWithOptions(t, Options{Replies: replies})
}

// NewWithOptions is New with a Responder or other options.
func NewWithOptions(t testing.TB, opts Options) *Server {
	t.Helper()
	s, err := Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// Close stops the server. Replies still waiting on a delay end at once.
// Close may be called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.closing)
		s.srv.Close()
	})
}

// Enqueue appends replies to the queue.
func (s *Server) Enqueue(replies ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue = append(s.queue, replies...)
}

// SetResponder replaces the Responder.
func (s *Server) SetResponder(f func(Request) Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.responder = f
}

// Requests returns a copy of every request received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// record stores req and picks its reply.
func (s *Server) record(req Request) Reply {
	s.mu.Lock()
	s.requests = append(s.requests, req)
	reply, responder := s.nextLocked()
	s.mu.Unlock()
	// The responder runs unlocked: it may call Requests or Enqueue.
	if responder != nil {
		return responder(req)
	}
	return reply
}

// nextLocked takes the next queued reply, or says to ask the responder.
func (s *Server) nextLocked() (Reply, func(Request) Reply) {
	switch {
	case len(s.queue) > 0:
		r := s.queue[0]
		s.queue = s.queue[1:]
		s.last = &r
		return r, nil
	case s.responder != nil:
		return Reply{}, s.responder
	case s.last != nil:
		return *s.last, nil
	}
	return Reply{Content: "{}"}, nil
}

// serve routes a request, records it and answers it.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	deployment, ok := route(r.URL.Path)
	if !ok {
		writeError(w, http.StatusNotFound, "invalid_request_error", fmt.Sprintf("no route for %s %s", r.Method, r.URL.Path), "")
		return
	}
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "invalid_request_error", "use POST", "")
		return
	}
	req, err := decodeRequest(r, deployment)
	if err != nil {
		s.mu.Lock()
		s.requests = append(s.requests, req)
		s.mu.Unlock()
		writeError(w, http.StatusBadRequest, "invalid_request_error", err.Error(), "")
		return
	}
	reply := s.record(req)
	if deployment != "" && req.APIVersion == "" {
		writeError(w, http.StatusNotFound, "invalid_request_error", "Resource not found: the api-version query parameter is missing", "")
		return
	}
	s.answer(w, r, req, reply)
}

// route reports whether path is a chat completions endpoint and, for an
// Azure path, which deployment it names.
func route(path string) (string, bool) {
	if path == "/v1/chat/completions" {
		return "", true
	}
	rest, ok := strings.CutPrefix(path, "/openai/deployments/")
	if !ok {
		return "", false
	}
	deployment, ok := strings.CutSuffix(rest, "/chat/completions")
	if !ok || deployment == "" || strings.Contains(deployment, "/") {
		return "", false
	}
	return deployment, true
}
