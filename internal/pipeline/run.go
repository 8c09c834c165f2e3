package pipeline

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
)

// Stage is one step of the pipeline.
type Stage struct {
	Name     string
	Upstream []string // stages whose documents this one reads
	Command  string   // the command that runs it alone
}

// Stages lists the pipeline's stages in the order they run.
var Stages = []Stage{
	{Name: "prd", Command: "prodgen prd"},
	{Name: "stories", Upstream: []string{"prd"}, Command: "prodgen stories"},
	{Name: "tech", Upstream: []string{"prd", "stories"}, Command: "prodgen tech"},
}

// StageNames returns the stages' names in order.
func StageNames() []string {
	names := make([]string, len(Stages))
	for i, s := range Stages {
		names[i] = s.Name
	}
	return names
}

// AllStages lists the document stages and a scaffold stage for each of
// langs and each language the lock already records, in running order.
func (p *Project) AllStages(langs []string) []Stage {
	all := slices.Clone(Stages)
	seen := map[string]bool{}
	add := func(lang string) {
		if lang == "" || seen[lang] || !slices.Contains(Languages, lang) {
			return
		}
		seen[lang] = true
		all = append(all, Stage{Name: ScaffoldStage(lang), Upstream: []string{"stories", "tech"},
			Command: "prodgen scaffold --lang " + lang})
	}
	for _, l := range langs {
		add(l)
	}
	if p.Lock != nil {
		for _, name := range slices.Sorted(maps.Keys(p.Lock.Artifacts)) {
			if lang, ok := strings.CutPrefix(name, "scaffold-"); ok {
				add(lang)
			}
		}
	}
	return all
}

// Output is the path of the document (or, for a scaffold, the folder) a
// stage writes.
func (p *Project) Output(stage string) string {
	if lang, ok := strings.CutPrefix(stage, "scaffold-"); ok {
		return p.ScaffoldDir(lang)
	}
	switch stage {
	case "prd":
		return p.PRDPath()
	case "stories":
		return p.StoriesPath()
	}
	return p.TechPath()
}

// Run runs one stage with its default inputs.
func (p *Project) Run(ctx context.Context, stage string) (*Result, error) {
	switch stage {
	case "prd":
		return p.PRD(ctx, p.Brief)
	case "stories":
		return p.Stories(ctx, "")
	case "tech":
		return p.Tech(ctx)
	}
	return nil, fmt.Errorf("unknown stage %q", stage)
}

// Record writes res's document and its lock entry: the document first, so
// the lock never describes a document that is not on disk.
func (p *Project) Record(res *Result, settings map[string]string, version, generated string) error {
	if err := disk.Write(p.Abs(res.Path), res.Markdown); err != nil {
		return err
	}
	if p.Lock == nil {
		return nil
	}
	entry := &Entry{
		Outputs:   []FileHash{{Path: res.Path, SHA256: hashBytes(res.Markdown)}},
		Inputs:    res.Inputs,
		Settings:  settings,
		Provider:  res.Usage.Provider,
		Model:     res.Usage.Model,
		Prodgen:   version,
		Usage:     res.Usage.Tokens,
		Requests:  res.Usage.Requests,
		Generated: generated,
		IDs:       res.IDs,
	}
	if old := p.Lock.Artifacts[res.Stage]; old != nil && sameGeneration(old, entry) {
		// The same document from the same inputs: keep when it was first
		// made, so regenerating an unchanged project changes nothing.
		entry.Generated = old.Generated
	}
	p.Lock.Artifacts[res.Stage] = entry
	return p.Lock.Save(p.Abs(LockFile))
}

// ScaffoldDir is where a language's prototype goes by default.
func (p *Project) ScaffoldDir(lang string) string {
	root := p.ScaffoldRoot
	if root == "" {
		root = "prototype"
	}
	return slash(filepath.Join(root, lang))
}

// RecordScaffold records a prototype's files in the lock with the hashes
// of the contents prodgen generated: written, unchanged, and kept ones, so
// that a kept file that differs shows as edited.
func (p *Project) RecordScaffold(res *ScaffoldResult, settings map[string]string, version, generated string) error {
	if p.Lock == nil {
		return nil
	}
	ours := slices.Concat(res.Report.Written, res.Report.Unchanged, res.Report.Skipped)
	var outputs []FileHash
	for _, f := range res.Files {
		if slices.Contains(ours, f.Path) {
			outputs = append(outputs, FileHash{Path: slash(path.Join(res.Dir, f.Path)), SHA256: hashBytes(f.Content)})
		}
	}
	sort.Slice(outputs, func(i, j int) bool { return outputs[i].Path < outputs[j].Path })
	entry := &Entry{Outputs: outputs, Inputs: res.Inputs, Settings: settings, Provider: res.Usage.Provider,
		Model: res.Usage.Model, Prodgen: version, Usage: res.Usage.Tokens, Requests: res.Usage.Requests, Generated: generated}
	stage := ScaffoldStage(res.Lang)
	if old := p.Lock.Artifacts[stage]; old != nil && sameGeneration(old, entry) {
		entry.Generated = old.Generated
	}
	p.Lock.Artifacts[stage] = entry
	return p.Lock.Save(p.Abs(LockFile))
}

// previous reads the document a stage last wrote, for stable IDs. A
// missing or unreadable document is no previous document.
func previous[T any](p *Project, path string, parse func([]byte) (*T, error)) (*T, error) {
	data, err := os.ReadFile(p.Abs(path))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	return parse(data)
}

func (p *Project) highest(stage string) artifact.Highest {
	if p.Lock == nil {
		return artifact.Highest{}
	}
	return p.Lock.Highest(stage)
}

// inputs lists a stage's inputs: the files it read and, for a model, its
// prompt template, whose change also makes the document stale.
func (p *Project) inputs(stage string, files ...FileHash) ([]FileHash, error) {
	if p.Prompts == nil {
		return files, nil
	}
	text, _, err := p.Prompts.Template(stage)
	if err != nil {
		return nil, err
	}
	return append(files, FileHash{Path: PromptInput(stage), SHA256: hashBytes([]byte(text))}), nil
}

// PromptInput names a stage's prompt template among its lock inputs.
func PromptInput(stage string) string { return "prompt:" + stage }

// sameGeneration reports whether two entries describe the same document
// made from the same inputs by the same provider and model.
func sameGeneration(a, b *Entry) bool {
	return slices.Equal(a.Outputs, b.Outputs) && slices.Equal(a.Inputs, b.Inputs) &&
		maps.Equal(a.Settings, b.Settings) && a.Provider == b.Provider && a.Model == b.Model
}
