package golang

import (
	"net/http"
)

// unrouted returns the status the mux answers a request with when no
// route matches it (404 or 405), or 0 when a route does.
func unrouted(mux *http.ServeMux, method, path string) int {
	r, err := http.NewRequest(method, path, nil)
	if err != nil {
		return 0
	}
	h, pattern := mux.Handler(r)
	if pattern != "" {
		return 0
	}
	w := &statusProbe{header: http.Header{}}
	h.ServeHTTP(w, r)
	if w.status != http.StatusNotFound && w.status != http.StatusMethodNotAllowed {
		return 0
	}
	return w.status
}

// routed returns the pattern that serves a request, or "".
func routed(mux *http.ServeMux, method, path string) string {
	r, err := http.NewRequest(method, path, nil)
	if err != nil {
		return ""
	}
	_, pattern := mux.Handler(r)
	return pattern
}

// unknownPath returns a path no route matches, or "" when a pattern
// catches every path.
func unknownPath(mux *http.ServeMux) string {
	path := "/no-such-route"
	for range 8 {
		if unrouted(mux, http.MethodGet, path) == http.StatusNotFound {
			return path
		}
		path += "-x"
	}
	return ""
}

// findWrongMethod returns a request to an endpoint's path with a method
// no route serves there, or nil when every path takes every method.
func findWrongMethod(mux *http.ServeMux, eps []*endpoint) *request {
	for _, ep := range eps {
		path := fill(ep.Path, "1")
		for _, m := range methods {
			if unrouted(mux, m, path) == http.StatusMethodNotAllowed {
				return &request{Method: m, Path: path}
			}
		}
	}
	return nil
}

// statusProbe is a ResponseWriter that keeps only the status and headers.
type statusProbe struct {
	header http.Header
	status int
}

func (p *statusProbe) Header() http.Header { return p.header }

func (p *statusProbe) WriteHeader(status int) {
	if p.status == 0 {
		p.status = status
	}
}

func (p *statusProbe) Write(b []byte) (int, error) {
	p.WriteHeader(http.StatusOK)
	return len(b), nil
}
