package cache

import (
	"testing"

	"github.com/prodgen/prodgen/internal/llm"
)

func TestKeySensitivity(t *testing.T) {
	base := Key(testIdentity(), testRequest())
	tests := []struct {
		name string
		id   func(*Identity)
		req  func(*llm.Request)
	}{
		{"endpoint", func(id *Identity) { id.Endpoint = "http://127.0.0.1:8081/v1" }, nil},
		{"model", func(id *Identity) { id.Model = "gpt-test-mini" }, nil},
		{"param value", func(id *Identity) { id.Params["temperature"] = "0.3" }, nil},
		{"param added", func(id *Identity) { id.Params["response_format"] = "json_object" }, nil},
		{"param removed", func(id *Identity) { delete(id.Params, "max_tokens") }, nil},
		{"param renamed", func(id *Identity) {
			id.Params["max_completion_tokens"] = id.Params["max_tokens"]
			delete(id.Params, "max_tokens")
		}, nil},
		{"no params", func(id *Identity) { id.Params = nil }, nil},
		{"param boundary", func(id *Identity) { id.Params = map[string]string{"temperature0": ".2", "max_tokens": "4096"} }, nil},
		{"stage", nil, func(r *llm.Request) { r.Stage = "stories" }},
		{"role", nil, func(r *llm.Request) { r.Messages[0].Role = llm.RoleUser }},
		{"content", nil, func(r *llm.Request) { r.Messages[1].Content += " " }},
		{"message added", nil, func(r *llm.Request) {
			r.Messages = append(r.Messages, llm.Message{Role: llm.RoleAssistant})
		}},
		{"message removed", nil, func(r *llm.Request) { r.Messages = r.Messages[:1] }},
		{"messages swapped", nil, func(r *llm.Request) { r.Messages[0], r.Messages[1] = r.Messages[1], r.Messages[0] }},
		{"content moved between messages", nil, func(r *llm.Request) {
			r.Messages[0].Content += r.Messages[1].Content[:1]
			r.Messages[1].Content = r.Messages[1].Content[1:]
		}},
		{"invalid UTF-8 content", nil, func(r *llm.Request) { r.Messages[1].Content = "\xff" }},
		{"other invalid UTF-8 content", nil, func(r *llm.Request) { r.Messages[1].Content = "\xfe" }},
		{"schema name", nil, func(r *llm.Request) { r.Schema.Name = "stories" }},
		{"schema JSON", nil, func(r *llm.Request) { r.Schema.JSON = []byte(`{"type":"array"}`) }},
		{"schema JSON spacing", nil, func(r *llm.Request) { r.Schema.JSON = []byte(`{"type": "object"}`) }},
		{"no schema", nil, func(r *llm.Request) { r.Schema = nil }},
		{"empty schema", nil, func(r *llm.Request) { r.Schema = &llm.Schema{} }},
	}
	seen := map[string]string{base: "base"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, req := testIdentity(), testRequest()
			if tt.id != nil {
				tt.id(&id)
			}
			if tt.req != nil {
				tt.req(&req)
			}
			got := Key(id, req)
			if other, ok := seen[got]; ok {
				t.Errorf("key %s is also the key of %q", got, other)
			}
			seen[got] = tt.name
		})
	}
}

func TestKeyIgnores(t *testing.T) {
	base := Key(testIdentity(), testRequest())
	tests := []struct {
		name string
		id   func(*Identity)
		req  func(*llm.Request)
	}{
		{"progress", nil, func(r *llm.Request) { r.Progress = func(llm.Progress) {} }},
		{"params rebuilt in another order", func(id *Identity) {
			id.Params = map[string]string{}
			id.Params["max_tokens"] = "4096"
			id.Params["temperature"] = "0.2"
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, req := testIdentity(), testRequest()
			if tt.id != nil {
				tt.id(&id)
			}
			if tt.req != nil {
				tt.req(&req)
			}
			if got := Key(id, req); got != base {
				t.Errorf("key changed: %s, want %s", got, base)
			}
		})
	}
}

func TestKeyIsStable(t *testing.T) {
	// Entries written by an earlier build must keep their names. If the
	// encoding has to change, bump formatVersion and update this key.
	const want = "a554731e1e8054e3e47497ea2297488a34c0d8810ad0d94a792d46b10c972a50"
	if got := Key(testIdentity(), testRequest()); got != want {
		t.Errorf("Key = %s, want %s", got, want)
	}
}
