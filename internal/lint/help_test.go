package lint

import (
	"fmt"
	"strings"
	"testing"
)

func TestHelpListsEveryRule(t *testing.T) {
	help := Help()
	for _, r := range Rules {
		if line := fmt.Sprintf("\n  %-27s %-8s %s", r.ID, r.Severity, r.What); !strings.Contains(help, line) {
			t.Errorf("help has no line %q", line)
		}
	}
	// The rules about the brief are explained above the table.
	if !strings.Contains(help, "reported on the brief's line") {
		t.Error("help does not say where brief-dropped is reported")
	}
	if strings.HasSuffix(help, "\n") {
		t.Error("help ends with a newline; cobra adds its own")
	}
}
