package cli

import (
	"fmt"
	"slices"
	"strings"
)

// formatFlag checks a command's --format against its formats, and its
// --json, which is --format json.
func formatFlag[F ~string](name string, asJSON, named bool, formats []F) (F, error) {
	if asJSON {
		if named && name != "json" {
			return "", &usageError{fmt.Errorf("--json and --format %s cannot be used together", name)}
		}
		return "json", nil
	}
	if !slices.Contains(formats, F(name)) {
		names := make([]string, len(formats))
		for i, f := range formats {
			names[i] = string(f)
		}
		want := strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
		return "", &usageError{fmt.Errorf("invalid --format %q: want %s", name, want)}
	}
	return F(name), nil
}
