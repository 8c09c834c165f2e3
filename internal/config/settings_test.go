package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// settingOf finds key's setting.
func settingOf(t *testing.T, cfg *Config, key string) Setting {
	t.Helper()
	for _, s := range cfg.Settings() {
		if s.Key == key {
			return s
		}
	}
	t.Fatalf("no setting %q", key)
	return Setting{}
}

func TestSettingsSources(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		env       []string
		flags     []string
		key       string
		wantValue string
		wantWhere string
	}{
		{name: "default", key: "out_dir", wantValue: "docs", wantWhere: "default"},
		{name: "file", file: "out_dir: spec\n", key: "out_dir", wantValue: "spec", wantWhere: "file prodgen.yaml"},
		{name: "file at the default value", file: "out_dir: docs\n", key: "out_dir", wantValue: "docs", wantWhere: "file prodgen.yaml"},
		{name: "env over file", file: "out_dir: spec\n", env: []string{"PRODGEN_OUT_DIR", "envdir"}, key: "out_dir", wantValue: "envdir", wantWhere: "env PRODGEN_OUT_DIR"},
		{name: "flag over env", file: "out_dir: spec\n", env: []string{"PRODGEN_OUT_DIR", "e"}, flags: []string{"--out-dir", "f"}, key: "out_dir", wantValue: "f", wantWhere: "flag --out-dir"},
		{name: "flag left at its default", env: []string{"PRODGEN_PROVIDER", "offline"}, key: "provider", wantValue: "offline", wantWhere: "env PRODGEN_PROVIDER"},
		{name: "alias variable", env: []string{"OPENAI_BASE_URL", "http://localhost:11434/v1"}, key: "base_url", wantValue: "http://localhost:11434/v1", wantWhere: "env OPENAI_BASE_URL"},
		{name: "PRODGEN_ variable over alias", env: []string{"OPENAI_BASE_URL", "http://a/v1", "PRODGEN_BASE_URL", "http://b/v1"}, key: "base_url", wantValue: "http://b/v1", wantWhere: "env PRODGEN_BASE_URL"},
		{name: "jobs flag", flags: []string{"--jobs", "9"}, key: "jobs", wantValue: "9", wantWhere: "flag --jobs"},
		{name: "unset", key: "base_url", wantValue: "", wantWhere: "default"},
		{name: "duration", file: "timeout: 90s\n", key: "timeout", wantValue: "1m30s", wantWhere: "file prodgen.yaml"},
		{name: "duration default", key: "timeout", wantValue: "10m", wantWhere: "default"},
		{name: "temperature unset", key: "temperature", wantValue: "", wantWhere: "default"},
		{name: "temperature 0", file: "temperature: 0\n", key: "temperature", wantValue: "0", wantWhere: "file prodgen.yaml"},
		{name: "prices", file: "prices:\n  b: {input: 1, output: 2}\n  a: {input: 0.15, output: 0.6}\n", key: "prices", wantValue: "{a: {input: 0.15, output: 0.6}, b: {input: 1, output: 2}}", wantWhere: "file prodgen.yaml"},
		{name: "password in base_url", env: []string{"OPENAI_BASE_URL", "https://me:hunter2@llm.example/v1"}, key: "base_url", wantValue: "https://me:xxxxx@llm.example/v1", wantWhere: "env OPENAI_BASE_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := load(t, tt.file, tt.env, tt.flags...)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			s := settingOf(t, cfg, tt.key)
			if s.Value != tt.wantValue || s.Where() != tt.wantWhere {
				t.Errorf("%s = %q from %q, want %q from %q", tt.key, s.Value, s.Where(), tt.wantValue, tt.wantWhere)
			}
		})
	}
}

func TestSettingsExplicitFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ci.yaml"), []byte("model: gpt-4o\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(Options{Dir: dir, File: "ci.yaml", Getenv: envOf()})
	if err != nil {
		t.Fatal(err)
	}
	if s := settingOf(t, cfg, "model"); s.Source != SourceFile || s.Origin != "ci.yaml" {
		t.Errorf("model from %q %q, want file ci.yaml", s.Source, s.Origin)
	}
}

func TestSettingsData(t *testing.T) {
	// Data stands in for the file, which does not exist.
	cfg, err := Load(Options{Dir: t.TempDir(), Data: []byte("model: gpt-4o\n")})
	if err != nil {
		t.Fatal(err)
	}
	if s := settingOf(t, cfg, "model"); s.Value != "gpt-4o" || s.Where() != "file prodgen.yaml" {
		t.Errorf("model = %q from %q", s.Value, s.Where())
	}
	_, err = Load(Options{Dir: t.TempDir(), Data: []byte("jobs: 100\n")})
	wantConfigError(t, err, "jobs", "1 to 64")
}

func TestSettingsSecret(t *testing.T) {
	const key = "sk-test-0123456789"
	tests := []struct {
		name      string
		file      string
		env       []string
		wantValue string
		wantWhere string
	}{
		{name: "unset", wantValue: "unset", wantWhere: "default"},
		{name: "OPENAI_API_KEY", env: []string{"OPENAI_API_KEY", key}, wantValue: "set", wantWhere: "env OPENAI_API_KEY"},
		{name: "PRODGEN_API_KEY", env: []string{"OPENAI_API_KEY", "sk-other", "PRODGEN_API_KEY", key}, wantValue: "set", wantWhere: "env PRODGEN_API_KEY"},
		{name: "file", file: "api_key: " + key + "\n", wantValue: "set", wantWhere: "file prodgen.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := load(t, tt.file, tt.env)
			if err != nil {
				t.Fatal(err)
			}
			s := settingOf(t, cfg, "api_key")
			if s.Value != tt.wantValue || s.Where() != tt.wantWhere || !s.Secret {
				t.Errorf("api_key = %q from %q (secret %v), want %q from %q", s.Value, s.Where(), s.Secret, tt.wantValue, tt.wantWhere)
			}
			for _, s := range cfg.Settings() {
				if strings.Contains(s.Value+s.Origin, "sk-") {
					t.Errorf("setting %s shows the key: %+v", s.Key, s)
				}
			}
		})
	}
}

func TestSettingsCoverEveryKey(t *testing.T) {
	cfg, err := load(t, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range cfg.Settings() {
		got = append(got, s.Key)
	}
	var want []string
	for _, k := range Reference() {
		want = append(want, k.Name)
		if k.Kind != "prices" && cfg.field(k.Name) == nil {
			t.Errorf("key %s has no Config field", k.Name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Settings keys %v, want the Reference order %v", got, want)
	}
	// Settings of a Config made without Load: all defaults, no panic.
	for _, s := range (&Config{}).Settings() {
		if s.Source != SourceDefault {
			t.Errorf("%s from %q, want default", s.Key, s.Source)
		}
	}
}

func TestReference(t *testing.T) {
	ref := Reference()
	byName := map[string]KeyInfo{}
	for _, k := range ref {
		if k.Summary == "" {
			t.Errorf("key %s has no summary", k.Name)
		}
		byName[k.Name] = k
	}
	tests := []struct {
		name   string
		kind   string
		def    string
		flag   string
		env    []string
		secret bool
	}{
		{name: "model", kind: "string", def: "gpt-4o-mini", flag: "model", env: []string{"PRODGEN_MODEL"}},
		{name: "api_key", kind: "string", env: []string{"PRODGEN_API_KEY", "OPENAI_API_KEY"}, secret: true},
		{name: "jobs", kind: "integer", def: "4", flag: "jobs", env: []string{"PRODGEN_JOBS"}},
		{name: "requests_per_minute", kind: "integer", def: "0", env: []string{"PRODGEN_REQUESTS_PER_MINUTE"}},
		{name: "tokens_per_minute", kind: "integer", def: "0", env: []string{"PRODGEN_TOKENS_PER_MINUTE"}},
		{name: "context_window", kind: "integer", def: "128000", env: []string{"PRODGEN_CONTEXT_WINDOW"}},
		{name: "prices", kind: "prices"},
		{name: "temperature", kind: "number", env: []string{"PRODGEN_TEMPERATURE"}},
		{name: "timeout", kind: "duration", def: "10m", env: []string{"PRODGEN_TIMEOUT"}},
	}
	for _, tt := range tests {
		k, ok := byName[tt.name]
		if !ok {
			t.Errorf("Reference has no %s", tt.name)
			continue
		}
		if k.Kind != tt.kind || k.Default != tt.def || k.Flag != tt.flag || !slices.Equal(k.Env, tt.env) || k.Secret != tt.secret {
			t.Errorf("Reference %s = %+v", tt.name, k)
		}
	}
}
