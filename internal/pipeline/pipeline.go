// Package pipeline runs prodgen's stages: it reads a stage's inputs from
// disk, asks an llm.Client for the artifact, checks what comes back and
// renders it as markdown. Each stage reads the previous stage's document
// from disk, so a person's edits flow downstream.
package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/llm"
)

// Document file names inside the output folder.
const (
	PRDFile     = "prd.md"
	StoriesFile = "stories.md"
	TechFile    = "tech.md"
)

// Project is a prodgen project: a folder with a brief and an output folder.
type Project struct {
	// Root is the project folder; relative paths are taken from it.
	Root string
	// OutDir is the output folder, relative to Root or absolute.
	OutDir string
	// Client writes the artifacts.
	Client llm.Client
}

// Result is a rendered document and what it holds, for the caller to write.
type Result struct {
	// Path is where the document belongs, as the user would name it.
	Path     string
	Markdown []byte
	// Summary describes the content in a few words ("12 requirements").
	Summary string
}

// PRDPath, StoriesPath and TechPath are the documents' paths as the user
// would name them.
func (p *Project) PRDPath() string     { return p.docPath(PRDFile) }
func (p *Project) StoriesPath() string { return p.docPath(StoriesFile) }
func (p *Project) TechPath() string    { return p.docPath(TechFile) }

func (p *Project) docPath(name string) string {
	return filepath.ToSlash(filepath.Join(p.OutDir, name))
}

// Abs resolves a user-facing path against the project root.
func (p *Project) Abs(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(p.Root, filepath.FromSlash(name))
}

// PRD generates the product requirements document from the brief at
// briefPath.
func (p *Project) PRD(ctx context.Context, briefPath string) (*Result, error) {
	b, err := readBrief(p.Abs(briefPath), briefPath)
	if err != nil {
		return nil, err
	}
	var prd artifact.PRD
	req := llm.Request{Stage: llm.StagePRD, Input: &llm.PRDInput{Brief: b, BriefPath: briefPath}}
	if err := p.complete(ctx, req, &prd); err != nil {
		return nil, err
	}
	if err := prd.Validate(); err != nil {
		return nil, fmt.Errorf("the %s stage returned an invalid document: %w", llm.StagePRD, err)
	}
	prd.Header = artifact.Header{Sources: []string{slash(briefPath)}, Command: "prodgen prd " + slash(briefPath)}
	md, err := artifact.RenderPRD(&prd)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", p.PRDPath(), err)
	}
	summary := fmt.Sprintf("%s, %s, %s",
		count(len(prd.Functional), "functional requirement"),
		count(len(prd.NonFunctional), "non-functional requirement"),
		count(len(prd.OpenQuestions), "open question"))
	return &Result{Path: p.PRDPath(), Markdown: md, Summary: summary}, nil
}

// Stories generates user stories from the PRD at prdPath (the project's PRD
// when empty).
func (p *Project) Stories(ctx context.Context, prdPath string) (*Result, error) {
	if prdPath == "" {
		prdPath = p.PRDPath()
	}
	prd, err := p.readPRD(prdPath)
	if err != nil {
		return nil, err
	}
	var stories artifact.Stories
	if err := p.complete(ctx, llm.Request{Stage: llm.StageStories, Input: &llm.StoriesInput{PRD: prd}}, &stories); err != nil {
		return nil, err
	}
	if err := stories.Validate(prd); err != nil {
		return nil, fmt.Errorf("the %s stage returned an invalid document: %w", llm.StageStories, err)
	}
	stories.Header = artifact.Header{Sources: []string{slash(prdPath)}, Command: "prodgen stories"}
	if prdPath != p.PRDPath() {
		stories.Header.Command += " " + slash(prdPath)
	}
	md, err := artifact.RenderStories(&stories)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", p.StoriesPath(), err)
	}
	criteria := 0
	for _, s := range stories.Stories {
		criteria += len(s.Criteria)
	}
	summary := fmt.Sprintf("%s, %s", count(len(stories.Stories), "story"), count(criteria, "acceptance criterion"))
	return &Result{Path: p.StoriesPath(), Markdown: md, Summary: summary}, nil
}

// Tech generates the technical requirements from the project's PRD and
// stories.
func (p *Project) Tech(ctx context.Context) (*Result, error) {
	prd, err := p.readPRD(p.PRDPath())
	if err != nil {
		return nil, err
	}
	stories, err := p.readStories(p.StoriesPath())
	if err != nil {
		return nil, err
	}
	if err := stories.Validate(prd); err != nil {
		return nil, &InputError{Path: p.StoriesPath(), Err: err}
	}
	var tech artifact.TechSpec
	req := llm.Request{Stage: llm.StageTech, Input: &llm.TechInput{PRD: prd, Stories: stories}}
	if err := p.complete(ctx, req, &tech); err != nil {
		return nil, err
	}
	if err := tech.Validate(stories); err != nil {
		return nil, fmt.Errorf("the %s stage returned an invalid document: %w", llm.StageTech, err)
	}
	tech.Header = artifact.Header{Sources: []string{p.PRDPath(), p.StoriesPath()}, Command: "prodgen tech"}
	md, err := artifact.RenderTech(&tech)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", p.TechPath(), err)
	}
	summary := fmt.Sprintf("%s, %s, %s",
		count(len(tech.Entities), "entity"), count(len(tech.Endpoints), "endpoint"), count(len(tech.Tasks), "task"))
	return &Result{Path: p.TechPath(), Markdown: md, Summary: summary}, nil
}

// complete asks the client for a stage's artifact and decodes it strictly:
// a field prodgen does not know is an error, not something to drop.
func (p *Project) complete(ctx context.Context, req llm.Request, into any) error {
	resp, err := p.Client.Complete(ctx, req)
	if err != nil {
		return fmt.Errorf("%s stage: %w", req.Stage, err)
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(resp.Content)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("%s stage: decode response: %w", req.Stage, err)
	}
	return nil
}

func slash(p string) string { return path.Clean(filepath.ToSlash(p)) }

// count says "1 story" or "3 stories".
func count(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	switch {
	case strings.HasSuffix(noun, "criterion"):
		noun = strings.TrimSuffix(noun, "criterion") + "criteria"
	case strings.HasSuffix(noun, "y"):
		noun = strings.TrimSuffix(noun, "y") + "ies"
	default:
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}
