package cli

import (
	"fmt"

	"github.com/prodgen/prodgen/internal/llm"
)

// progress redraws one status line on a terminal as an answer streams in.
// It is only installed when stderr is a terminal and --quiet is off; in CI
// the "asking" and "wrote" lines are the whole story.
func (f *factory) progress(p llm.Progress) {
	if p.Chunks%8 != 1 {
		return
	}
	fmt.Fprintf(f.deps.IO.Err, "\r\x1b[Kreceiving… %d chunks", p.Chunks)
	f.progressShown = true
}
