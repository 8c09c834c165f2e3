package cache

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestLogHits(t *testing.T) {
	dir := t.TempDir()
	inner := answer(`{"title":"Brief to PRD"}`)
	c := New(dir, inner, testIdentity())
	var got []string
	c.Log = func(msg string) { got = append(got, msg) }

	completeKeep(t, c, testRequest())
	if len(got) != 0 {
		t.Fatalf("a miss logged %q, want nothing", got)
	}
	completeKeep(t, c, testRequest())
	key := Key(testIdentity(), testRequest())
	want := []string{"prd: answer from the response cache (" + key[:12] + ")"}
	if !slices.Equal(got, want) {
		t.Errorf("a hit logged %q, want %q", got, want)
	}
	// The short key finds the entry's file.
	matches, err := filepath.Glob(filepath.Join(dir, key[:2], key[:12]+"*.json"))
	if err != nil || len(matches) != 1 {
		t.Errorf("files named by the short key: %v, %v; want one", matches, err)
	}

	// --no-cache reads nothing, so it replays nothing.
	got = nil
	c.Bypass = true
	if _, err := c.Complete(t.Context(), testRequest()); err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("bypass logged %q, want nothing", got)
	}
}
