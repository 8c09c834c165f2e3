// Package pipeline runs prodgen's stages. A stage is a value (prd.go,
// stories.go, tech.go, scaffold.go), listed once, in running order, in
// stage.go. Plan works out, from prodgen.lock and the files on disk, which
// stages a command must run and why, and refuses before any model call when
// one would overwrite a hand edit; Execute runs the plan through an Engine
// (a language model, or the offline engine), writes each output and records
// it in the lock. Each stage reads the previous stage's document from disk,
// so a person's edits flow downstream.
package pipeline

import (
	"path"
	"path/filepath"
	"time"

	"github.com/prodgen/prodgen/internal/prompt"
	"github.com/prodgen/prodgen/internal/scaffold"
)

// Document file names inside the output folder.
const (
	prdFile     = "prd.md"
	storiesFile = "stories.md"
	techFile    = "tech.md"
)

// Options configure a project. Open takes them once; a Project never
// changes after.
type Options struct {
	// Root is the project folder; relative paths are taken from it.
	Root string
	// OutDir is the output folder, relative to Root or absolute.
	OutDir string
	// Brief is the brief the prd stage reads by default.
	Brief string
	// ScaffoldDir is the folder prototypes go in, one subfolder per
	// language ("prototype").
	ScaffoldDir string
	// ScaffoldLang is a language generate scaffolds besides those the lock
	// records; empty for none.
	ScaffoldLang string
	// Prompts are the configured prompt templates: what a model is sent,
	// and an input of every document a model wrote.
	Prompts *prompt.Set
	// Engine writes the documents. A project that only reads (check,
	// accept, a dry run) needs none.
	Engine Engine
	// OfflineChosen says the user chose the offline engine (provider
	// offline), so it may replace documents a model wrote.
	OfflineChosen bool
	// ContextWindow is how many tokens the model reads and writes in one
	// call; a request estimated above it is split or refused. 0: no limit.
	ContextWindow int
	// MaxTokens is the configured limit on an answer's tokens, 0 if none.
	MaxTokens int
	// Settings are the configuration values that shape a document, as
	// configured, recorded with each one.
	Settings map[string]string
	// Version is prodgen's own, recorded with each document.
	Version string
	// Now tells the time a document is recorded at; nil records the zero
	// time.
	Now func() time.Time
	// Observer hears what a run does; nil hears nothing.
	Observer Observer
	// Limits bound what one scaffold may write.
	Limits scaffold.Limits
	// VerifyTimeout bounds a prototype's build and tests.
	VerifyTimeout time.Duration

	// crashAt, in tests, is called at each point of a write where a run
	// could be stopped: "journal", "output".
	crashAt func(point string)
}

// crash lets a test stop a run at a point of a write.
func (p *Project) crash(point string) {
	if p.opts.crashAt != nil {
		p.opts.crashAt(point)
	}
}

// Project is a prodgen project: a folder with a brief, an output folder and
// a lock, and the engine that writes its documents.
type Project struct {
	opts   Options
	obs    Observer
	budget budget
	said   *said // the warnings about documents' unread parts given so far
	briefs *briefMemo
}

// Open returns the project opts describe.
func Open(opts Options) *Project {
	if opts.ScaffoldDir == "" {
		opts.ScaffoldDir = "prototype"
	}
	if opts.Prompts == nil {
		opts.Prompts = prompt.New("")
	}
	obs := opts.Observer
	if obs == nil {
		obs = quiet{}
	}
	return &Project{opts: opts, obs: obs, budget: budget{ContextWindow: opts.ContextWindow, MaxTokens: opts.MaxTokens}, said: &said{}, briefs: &briefMemo{}}
}

// Document is one of the documents a project keeps.
type Document struct {
	Path    string // as the user names it: "docs/prd.md"
	Command string // the command that writes it: "prodgen prd"
}

// Documents are the documents a project keeps, each by its role.
type Documents struct {
	PRD, Stories, Tech Document
}

// Documents are the project's documents: where each is and what writes it.
func (p *Project) Documents() Documents {
	doc := func(s stage) Document { return Document{Path: s.Output(p), Command: s.Command()} }
	return Documents{PRD: doc(prdStage{}), Stories: doc(storiesStage{}), Tech: doc(techStage{})}
}

// The documents' paths as the user would name them.
func (p *Project) prdPath() string     { return p.docPath(prdFile) }
func (p *Project) storiesPath() string { return p.docPath(storiesFile) }
func (p *Project) techPath() string    { return p.docPath(techFile) }

func (p *Project) docPath(name string) string {
	return filepath.ToSlash(filepath.Join(p.opts.OutDir, name))
}

// Abs resolves a user-facing path against the project root.
func (p *Project) Abs(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(p.opts.Root, filepath.FromSlash(name))
}

// generated is the time to record for a document made now.
func (p *Project) generated() string {
	var now time.Time
	if p.opts.Now != nil {
		now = p.opts.Now()
	}
	return now.UTC().Format(time.RFC3339)
}

// Overwrites names the project file (a document, the brief or the lock)
// that output, a path a view such as an export or a page would be written
// to, would replace; "" when it replaces none.
func (p *Project) Overwrites(output string) string {
	abs := filepath.Clean(p.Abs(output))
	for _, f := range []string{p.prdPath(), p.storiesPath(), p.techPath(), p.opts.Brief, lockFile} {
		if f != "" && abs == filepath.Clean(p.Abs(f)) {
			return f
		}
	}
	return ""
}

func slash(p string) string { return path.Clean(filepath.ToSlash(p)) }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
