// Package pipeline runs prodgen's stages: it reads a stage's inputs from
// disk, asks an llm.Client for the artifact, checks what comes back and
// renders it as markdown. Each stage reads the previous stage's document
// from disk, so a person's edits flow downstream.
package pipeline

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/prompt"
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
	// Brief is the brief the prd stage reads by default.
	Brief string
	// ScaffoldRoot is the folder prototypes go in, one subfolder per
	// language ("prototype").
	ScaffoldRoot string
	// Lock, when set, supplies the numbers used so far (for stable IDs)
	// and records each document Record writes.
	Lock *Lock
	// Client writes the artifacts.
	Client llm.Client
	// Prompts renders the prompts a model reads; nil for the offline
	// engine, which reads the parsed input instead.
	Prompts *prompt.Set
	// RepairAttempts bounds how often an invalid answer is sent back.
	RepairAttempts int
	// Jobs bounds how many requests of a stage run at once; below 1 means 1.
	Jobs int
	// ContextWindow is how many tokens the model reads and writes in one
	// call; a request estimated above it is split or refused. 0: no limit.
	ContextWindow int
	// MaxTokens is the configured limit on an answer's tokens, 0 if none.
	MaxTokens int
	// Guard, when set, is called once a stage's inputs are read and before
	// its first request; an error stops the stage. It keeps a stage from
	// paying for a model call whose answer it may not write.
	Guard func(stage string) error
	// Observer, when set, hears stages start and answers stream in, for a
	// progress display.
	Observer Observer
}

// Observer hears what the pipeline is doing. Its methods may be called from
// several goroutines at once.
type Observer interface {
	// StageStarted is called as a stage sends its first request.
	StageStarted(stage string)
	// Streamed is called as an answer streams in, with the number of
	// tokens received since the last call for the same request.
	Streamed(stage string, tokens int)
}

// Result is a rendered document and what it holds, for the caller to write.
type Result struct {
	// Path is where the document belongs, as the user would name it.
	Path     string
	Markdown []byte
	// Summary describes the content in a few words ("12 requirements").
	Summary string
	Usage   Usage
	// Stage names the stage that made the document.
	Stage string
	// Inputs are the stage's inputs as read, for the lock.
	Inputs []FileHash
	// IDs is the highest number used per ID prefix, for the lock.
	IDs artifact.Highest
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

// Overwrites returns the first of files that is the file output names,
// all paths as the user names them; "" when none is. An empty name among
// files is skipped.
func (p *Project) Overwrites(output string, files ...string) string {
	abs := filepath.Clean(p.Abs(output))
	for _, f := range files {
		if f != "" && abs == filepath.Clean(p.Abs(f)) {
			return f
		}
	}
	return ""
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
