package corpus

import (
	"os"
	"testing"
)

// baselineCheck is how a measure of the corpus is held to its committed
// baseline: rewritten with its -update flag, else compared, each gain
// logged and each regression failing the test.
type baselineCheck struct {
	path    string // the baseline file
	test    string // the test's name, for the commands it suggests
	flag    string // the flag that rewrites the baseline
	update  bool   // the flag's value
	what    string // "the baseline", "the stories baseline"
	marshal func() ([]byte, error)
	compare func(data []byte) (Comparison, error)
}

func (b baselineCheck) run(t *testing.T) {
	t.Helper()
	if b.update {
		data, err := b.marshal()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(b.path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", b.path)
		return
	}
	data, err := os.ReadFile(b.path)
	if err != nil {
		t.Fatalf("%v (go test ./internal/corpus -run '^%s$' -%s writes it)", err, b.test, b.flag)
	}
	c, err := b.compare(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range c.Gains {
		t.Logf("better than %s: %s", b.what, g)
	}
	if len(c.Gains) > 0 {
		t.Logf("record the gains: go test ./internal/corpus -run '^%s$' -%s", b.test, b.flag)
	}
	for _, r := range c.Regressions {
		t.Errorf("worse than %s: %s", b.what, r)
	}
	if len(c.Regressions) > 0 {
		t.Logf("if the change is intended (an expectation was corrected, a brief added), rewrite the baseline with -%s and say why in the commit", b.flag)
	}
}
