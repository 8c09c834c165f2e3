package pipeline

import "fmt"

// InputError is a problem with an input file the user gave or configured:
// it does not exist, is not a regular file, or its content is unusable.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }

func (e *InputError) Unwrap() error { return e.Err }

// MissingInputError says an upstream document has not been generated yet
// and which command makes it.
type MissingInputError struct {
	Path    string
	Command string
}

func (e *MissingInputError) Error() string {
	return fmt.Sprintf("%s does not exist; run %q first", e.Path, e.Command)
}
