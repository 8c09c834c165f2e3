package pipeline

import (
	"errors"
	"testing"
)

// A stage that failed on an answer from the response cache says so, and
// how to ask the model itself.
func TestInvalidAnswerError(t *testing.T) {
	problem := errors.New("FR-001: the requirement is empty")
	tests := []struct {
		name string
		err  *invalidAnswerError
		want string
	}{
		{"from the model", &invalidAnswerError{Stage: "prd", Attempts: 2, Err: problem},
			"prd stage: the answer was invalid after 2 attempts: FR-001: the requirement is empty"},
		{"from the cache", &invalidAnswerError{Stage: "prd", Attempts: 1, Cached: true, Err: problem},
			"prd stage: the answer was invalid after 1 attempt: FR-001: the requirement is empty; " +
				"the answer came from the response cache (run with --no-cache to ask the model again)"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
