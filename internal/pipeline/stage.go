package pipeline

import (
	"context"
	"slices"

	"github.com/prodgen/prodgen/internal/artifact"
)

// stage is one step of the pipeline: a type per stage, one file each,
// listed once, in running order, in stages.
type stage interface {
	// Name names the stage in the lock, in --only and in messages.
	Name() string
	// Command runs the stage alone.
	Command() string
	// Output is the document (or, for a prototype, the folder) the stage
	// writes, as the user names it.
	Output(p *Project) string

	// upstream names the stages whose outputs this one reads.
	upstream() []string
	// sources are the files the stage reads by default, as the user names
	// them: a hand-written output's baseline.
	sources(p *Project) []string
	// check reads the stage's inputs, given its input (empty: the
	// default), as run would, so that a plan refuses nothing that could not
	// run anyway: a missing or broken input is the error to report first.
	check(p *Project, input string) error
	// run makes the stage's output and writes it.
	run(ctx context.Context, x *execution, s planStep) error
	// dryCalls are what a model would be sent for the stage, given its
	// input (empty: the default), for a dry run.
	dryCalls(p *Project, input string) ([]call, error)
	// accept checks a hand-edited output against the project and takes it
	// as it is into the ledger: it returns the highest number of each kind
	// of ID the output uses and the new ledger.
	accept(p *Project, data []byte, ledger []item) (artifact.Highest, []item, error)
	// why says why the stage would run on its own, for a dry run.
	why(p *Project, sel Selection, st Status) string
	// folder reports whether the output is a folder of files, each kept
	// by the safe writer when edited, rather than one document.
	folder() bool
}

// stages lists every stage in running order: the documents, then a
// prototype per language.
func stages() []stage {
	all := []stage{prdStage{}, storiesStage{}, techStage{}}
	for _, l := range languages {
		all = append(all, scaffoldStage{lang: l})
	}
	return all
}

// StageNames are the names of every stage, in running order.
func StageNames() []string {
	var names []string
	for _, s := range stages() {
		names = append(names, s.Name())
	}
	return names
}

// lookup finds a stage by name.
func lookup(name string) (stage, bool) {
	i := slices.IndexFunc(stages(), func(s stage) bool { return s.Name() == name })
	if i < 0 {
		return nil, false
	}
	return stages()[i], true
}

// active lists the stages a project runs, in running order: the documents,
// and a prototype for its configured language and each one the lock
// already records.
func (p *Project) active(l *lock) []stage {
	var out []stage
	for _, s := range stages() {
		recorded := l.Artifacts[s.Name()] != nil
		if s.folder() && s.Name() != ScaffoldStage(p.opts.ScaffoldLang) && !recorded {
			continue
		}
		out = append(out, s)
	}
	return out
}

// Observer hears what a run does, to show it to a person; the pipeline
// prints nothing itself. Its methods may be called from several goroutines
// at once.
type Observer interface {
	// StageStarted is called as a stage sends its first request to a
	// model.
	StageStarted(stage string)
	// Streamed is called as an answer streams in, with the number of
	// tokens received since the last call for the same request.
	Streamed(stage string, tokens int)
	// Wrote is called when a stage's output is written, with what it
	// holds ("12 requirements") and what it cost.
	Wrote(path, summary string, u Usage)
	// Debugf tells detail (shown with --verbose), Infof progress (hidden
	// with --quiet), Warnf what a person must see.
	Debugf(format string, args ...any)
	Infof(format string, args ...any)
	Warnf(format string, args ...any)
}

// quiet is the Observer of a project given none.
type quiet struct{}

func (quiet) StageStarted(string)         {}
func (quiet) Streamed(string, int)        {}
func (quiet) Wrote(string, string, Usage) {}
func (quiet) Debugf(string, ...any)       {}
func (quiet) Infof(string, ...any)        {}
func (quiet) Warnf(string, ...any)        {}
