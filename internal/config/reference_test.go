package config

import (
	"strings"
	"testing"
)

func TestHelpListsEveryKey(t *testing.T) {
	out := Help()
	for _, k := range Reference() {
		if !strings.Contains(out, "\n  "+k.Name+"\n") && !strings.Contains(out, "\n  "+k.Name+" (default "+k.Default+")\n") {
			t.Errorf("help config has no entry for %s (default %q)", k.Name, k.Default)
		}
		for _, e := range k.Env {
			if !strings.Contains(out, e) {
				t.Errorf("help config does not name %s for %s", e, k.Name)
			}
		}
		if k.Flag != "" && !strings.Contains(out, "flag --"+k.Flag) {
			t.Errorf("help config does not name --%s for %s", k.Flag, k.Name)
		}
	}
	for _, want := range []string{"flags > env > prodgen.yaml > defaults", "Example prodgen.yaml:", `"settings": [{"key": "model"`} {
		if !strings.Contains(out, want) {
			t.Errorf("help config does not show %q", want)
		}
	}
}

// The example in the help is a valid configuration file.
func TestConfigExampleLoads(t *testing.T) {
	cfg, err := Load(Options{Dir: t.TempDir(), Data: []byte(Example)})
	if err != nil {
		t.Fatalf("the help's example does not load: %v", err)
	}
	if p, ok := cfg.Price("gpt-4o-mini"); !ok || p.Output != 0.6 {
		t.Errorf("example price = %v, %v", p, ok)
	}
}
