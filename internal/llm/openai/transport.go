package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// wire is the client's http.RoundTripper. It writes the configured
// temperature into request bodies (go-openai drops a 0), and reports each
// response's status and headers, and every byte of life, to the attempt's
// exchange.
type wire struct {
	next        http.RoundTripper
	temperature *float64
}

// exchange is what one attempt learns from the transport.
type exchange struct {
	status int         // the response's status; 0 before a response
	header http.Header // the response's headers; nil before a response
	touch  func()      // called on the response and on every read of its body
}

type exchangeKey struct{}

// withExchange returns ctx carrying ex for the transport.
func withExchange(ctx context.Context, ex *exchange) context.Context {
	return context.WithValue(ctx, exchangeKey{}, ex)
}

// RoundTrip implements http.RoundTripper.
func (w *wire) RoundTrip(req *http.Request) (*http.Response, error) {
	if w.temperature != nil && req.Body != nil && req.Method == http.MethodPost {
		r, err := withTemperature(req, *w.temperature)
		if err != nil {
			return nil, err
		}
		req = r
	}
	resp, err := w.next.RoundTrip(req)
	ex, ok := req.Context().Value(exchangeKey{}).(*exchange)
	if err != nil || !ok {
		return resp, err
	}
	ex.status, ex.header = resp.StatusCode, resp.Header
	ex.touch()
	resp.Body = &liveBody{ReadCloser: resp.Body, touch: ex.touch}
	return resp, nil
}

// withTemperature returns a copy of req whose JSON body has temperature
// set to t. It closes req's body, as a RoundTripper must.
func withTemperature(req *http.Request, t float64) (*http.Request, error) {
	raw, err := io.ReadAll(req.Body)
	// The body is in memory (go-openai built it from a bytes.Buffer), so
	// closing it cannot fail in a way that matters.
	_ = req.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("read the request body: %w", err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, fmt.Errorf("set temperature: the request body is not a JSON object: %w", err)
	}
	value, err := json.Marshal(t)
	if err != nil {
		return nil, fmt.Errorf("set temperature %v: %w", t, err)
	}
	fields["temperature"] = value
	body, err := json.Marshal(fields)
	if err != nil {
		return nil, fmt.Errorf("set temperature: %w", err)
	}
	r := req.Clone(req.Context())
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	return r, nil
}

// liveBody reports every successful read as a sign of life.
type liveBody struct {
	io.ReadCloser
	touch func()
}

func (b *liveBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if n > 0 {
		b.touch()
	}
	return n, err
}
