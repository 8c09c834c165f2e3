package domain

import "testing"

// TestLexicon checks that the embedded word lists read: Read panics on a
// broken one, so a broken list must fail here first, naming the problem.
func TestLexicon(t *testing.T) {
	if _, err := readLexicon(); err != nil {
		t.Fatal(err)
	}
	if _, err := readTechnologies(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"platforms.txt", "needs.txt"} {
		if _, err := readCues(name); err != nil {
			t.Fatal(err)
		}
	}
}
