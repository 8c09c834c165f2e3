package offline

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/golden"
)

// TestArtifactContract checks the engine's output against the artifact
// package's own rules: it validates, renders, and reads back unchanged, so
// the next stage sees what this one wrote.
func TestArtifactContract(t *testing.T) {
	for _, s := range allSamples() {
		t.Run(s.name, func(t *testing.T) {
			d := buildAll(s.brief)
			if err := d.PRD.Validate(); err != nil {
				t.Errorf("PRD: %v", err)
			}
			if err := d.Stories.Validate(d.PRD); err != nil {
				t.Errorf("stories: %v", err)
			}
			if err := d.Tech.Validate(d.PRD, d.Stories); err != nil {
				t.Errorf("tech: %v", err)
			}
			roundTrip(t, "PRD", d.PRD, artifact.RenderPRD, artifact.ParsePRD)
			roundTrip(t, "stories", d.Stories, artifact.RenderStories, artifact.ParseStories)
			roundTrip(t, "tech", d.Tech, artifact.RenderTech, artifact.ParseTech)
		})
	}
}

func roundTrip[T any](t *testing.T, name string, doc *T, render func(*T) ([]byte, error), parse func([]byte) (*T, error)) {
	t.Helper()
	md, err := render(doc)
	if err != nil {
		t.Fatalf("render %s: %v", name, err)
	}
	back, err := parse(md)
	if err != nil {
		t.Fatalf("parse %s: %v\n%s", name, err, md)
	}
	want, _ := json.MarshalIndent(doc, "", "  ")
	got, _ := json.MarshalIndent(back, "", "  ")
	if !bytes.Equal(got, want) {
		t.Errorf("%s changes when rendered and read back:\n%s", name, golden.Diff(string(want), string(got)))
	}
}
