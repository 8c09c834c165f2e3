package pipeline

import "fmt"

// MissingInputError says an upstream document has not been generated yet
// and which command makes it.
type MissingInputError struct {
	Path    string
	Command string
}

func (e *MissingInputError) Error() string {
	return fmt.Sprintf("%s does not exist; run %q first", e.Path, e.Command)
}
