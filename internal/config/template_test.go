package config

import (
	"path/filepath"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
)

func TestTemplateGolden(t *testing.T) {
	golden.Check(t, filepath.Join("testdata", "init-prodgen.yaml"), []byte(Template(nil)))
}

// The file init writes loads, every value at its default unless set.
func TestTemplateLoads(t *testing.T) {
	tests := []struct {
		name string
		set  map[string]string
	}{
		{name: "defaults"},
		{name: "flags", set: map[string]string{"model": "gpt-4o", "base_url": "http://localhost:11434/v1", "provider": "openai", "out_dir": "my docs"}},
		{name: "brief and cache", set: map[string]string{"brief": "product/brief.md", "cache_dir": ".prodgen-cache"}},
		{name: "awkward values", set: map[string]string{"model": "llama3.1:8b", "out_dir": "yes", "brief": "#brief.md", "prompts_dir": ".inf", "cache_dir": "-x", "scaffold_dir": "a: b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Load(Options{Dir: t.TempDir(), Data: []byte(Template(tt.set))})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			for _, s := range cfg.Settings() {
				v, set := tt.set[s.Key]
				switch {
				case set && (s.Value != v || s.Source != SourceFile):
					t.Errorf("%s = %q from %s, want %q from the file", s.Key, s.Value, s.Where(), v)
				case !set && s.Source != SourceDefault:
					t.Errorf("%s = %q from %s, want the default", s.Key, s.Value, s.Where())
				}
			}
		})
	}
}
