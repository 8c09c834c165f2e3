package config

import (
	"maps"
	"testing"
)

func TestLockSettings(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  []string
		want map[string]string
	}{
		{name: "defaults", want: map[string]string{
			"provider": "auto", "model": "gpt-4o-mini", "max_tokens": "0", "response_format": "json_schema",
		}},
		{name: "configured", file: "provider: openai\nmodel: gpt-4o\nmax_tokens: 2048\nresponse_format: json_object\ntemperature: 0.2\n", want: map[string]string{
			"provider": "openai", "model": "gpt-4o", "max_tokens": "2048", "response_format": "json_object", "temperature": "0.2",
		}},
		{name: "temperature 0 is set", file: "temperature: 0\n", want: map[string]string{
			"provider": "auto", "model": "gpt-4o-mini", "max_tokens": "0", "response_format": "json_schema", "temperature": "0",
		}},
		{name: "temperature 1 from env", env: []string{"PRODGEN_TEMPERATURE", "1.0"}, want: map[string]string{
			"provider": "auto", "model": "gpt-4o-mini", "max_tokens": "0", "response_format": "json_schema", "temperature": "1",
		}},
		{name: "the endpoint is not recorded", file: "base_url: http://localhost:11434/v1\napi_type: azure\napi_version: \"2024-10-21\"\nprovider: offline\n", want: map[string]string{
			"provider": "offline", "model": "gpt-4o-mini", "max_tokens": "0", "response_format": "json_schema",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := load(t, tt.file, tt.env)
			if err != nil {
				t.Fatal(err)
			}
			if got := cfg.LockSettings(); !maps.Equal(got, tt.want) {
				t.Errorf("LockSettings() = %v, want %v", got, tt.want)
			}
		})
	}

	// A Config that Load did not make records its zero values, as before.
	want := map[string]string{"provider": "", "model": "", "max_tokens": "0", "response_format": ""}
	if got := (&Config{}).LockSettings(); !maps.Equal(got, want) {
		t.Errorf("zero Config: LockSettings() = %v, want %v", got, want)
	}
	tiny := 1e-05
	if got := (&Config{Temperature: &tiny}).LockSettings()["temperature"]; got != "1e-05" {
		t.Errorf("temperature 1e-05 recorded as %q, want fmt.Sprint's 1e-05", got)
	}
}

func TestCacheParams(t *testing.T) {
	cfg, err := load(t, "base_url: https://llm.example/v1\napi_key: sk-secret\napi_type: azure\napi_version: \"2024-10-21\"\nmodel: gpt-4o\n"+
		"max_tokens: 2048\nresponse_format: json_object\ntemperature: 0.7\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"api_type": "azure", "api_version": "2024-10-21",
		"model": "gpt-4o", "max_tokens": "2048", "response_format": "json_object", "temperature": "0.7",
	}
	got := cfg.CacheParams()
	if !maps.Equal(got, want) {
		t.Errorf("CacheParams() = %v, want %v", got, want)
	}
	// Every key that shapes an answer or names the endpoint is in the
	// cache key; base_url reaches it as the Identity's Endpoint.
	for _, k := range keys {
		if _, ok := got[k.name]; (k.role == roleShapes || k.role == roleEndpoint) && k.name != "base_url" && !ok {
			t.Errorf("CacheParams lacks %s", k.name)
		}
		if k.secret && got[k.name] != "" {
			t.Errorf("CacheParams holds the secret %s", k.name)
		}
	}
	for _, v := range got {
		if v == "sk-secret" {
			t.Error("CacheParams holds the API key")
		}
	}

	// So does the lock, but for the endpoint, as configured.
	lock := cfg.LockSettings()
	for _, k := range keys {
		if _, ok := lock[k.name]; (k.role == roleShapes || k.role == roleEngine) != ok {
			t.Errorf("LockSettings has %s: %v, want %v", k.name, ok, !ok)
		}
	}

	// Unset, temperature is left out, and nothing else is.
	cfg, err = load(t, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	want = map[string]string{"api_type": "openai", "api_version": "", "model": "gpt-4o-mini", "max_tokens": "0", "response_format": "json_schema"}
	if got := cfg.CacheParams(); !maps.Equal(got, want) {
		t.Errorf("defaults: CacheParams() = %v, want %v", got, want)
	}
}
