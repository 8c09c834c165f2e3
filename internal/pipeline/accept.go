package pipeline

import (
	"fmt"
	"path/filepath"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
)

// Accept records the document at path, as it is now, as the stage's new
// baseline: check then calls it fresh, and the stages after it regenerate
// from it. The document must parse and validate, so a broken edit is not
// passed downstream.
func (p *Project) Accept(path string, settings map[string]string, version, now string) (string, error) {
	stage := ""
	for _, s := range Stages {
		if filepath.Clean(p.Abs(path)) == filepath.Clean(p.Abs(p.Output(s.Name))) {
			stage = s.Name
		}
	}
	if stage == "" {
		return "", &disk.InputError{Path: path, Err: fmt.Errorf("is not one of the project's documents (%s, %s, %s)",
			p.PRDPath(), p.StoriesPath(), p.TechPath())}
	}
	data, err := disk.Read(p.Abs(path), path, disk.MaxDocument)
	if err != nil {
		return "", err
	}
	ids, err := p.checkDocument(stage, data)
	if err != nil {
		return "", &disk.InputError{Path: path, Err: err}
	}
	entry := p.Lock.Artifacts[stage]
	if entry == nil {
		// Never generated: its inputs as they are now become the baseline.
		entry = &Entry{Settings: settings, Provider: "hand-written", Model: "none", Prodgen: version, Generated: now}
		if entry.Inputs, err = p.currentInputs(stage); err != nil {
			return "", err
		}
		p.Lock.Artifacts[stage] = entry
	}
	entry.Outputs = []FileHash{{Path: p.Output(stage), SHA256: hashBytes(data)}}
	entry.IDs = mergeHighest(entry.IDs, ids)
	return stage, p.Lock.Save(p.Abs(LockFile))
}

// checkDocument parses and validates a stage's document against the
// project's upstream documents, returning the highest IDs it uses.
func (p *Project) checkDocument(stage string, data []byte) (artifact.Highest, error) {
	switch stage {
	case "prd":
		prd, err := artifact.ParsePRD(data)
		if err != nil {
			return nil, err
		}
		ids := highestOf(artifact.KindGoal, goalIDs(prd.Goals), nil)
		ids = highestOf(artifact.KindFunctional, requirementIDs(prd.Functional), ids)
		ids = highestOf(artifact.KindNonFunctional, requirementIDs(prd.NonFunctional), ids)
		ids = highestOf(artifact.KindQuestion, questionIDs(prd.OpenQuestions), ids)
		return ids, prd.Validate()
	case "stories":
		s, err := artifact.ParseStories(data)
		if err != nil {
			return nil, err
		}
		_, prd, err := p.readPRD(p.PRDPath())
		if err != nil {
			return nil, err
		}
		var us []string
		for _, story := range s.Stories {
			us = append(us, story.ID)
		}
		return highestOf(artifact.KindStory, us, nil), s.Validate(prd)
	}
	t, err := artifact.ParseTech(data)
	if err != nil {
		return nil, err
	}
	_, s, err := p.readStories(p.StoriesPath())
	if err != nil {
		return nil, err
	}
	var tasks []string
	for _, task := range t.Tasks {
		tasks = append(tasks, task.ID)
	}
	ids := highestOf(artifact.KindTask, tasks, nil)
	ids = highestOf(artifact.KindQuestion, questionIDs(t.OpenQuestions), ids)
	return ids, t.Validate(s)
}

// currentInputs hashes the files a stage reads, as they are now.
func (p *Project) currentInputs(stage string) ([]FileHash, error) {
	var paths []string
	switch stage {
	case "prd":
		paths = []string{slash(p.Brief)}
	case "stories":
		paths = []string{p.PRDPath()}
	default:
		paths = []string{p.PRDPath(), p.StoriesPath()}
	}
	var inputs []FileHash
	for _, path := range paths {
		h, err := hashFile(p.Abs(path))
		if err != nil {
			return nil, &disk.InputError{Path: path, Err: disk.Unwrap(err)}
		}
		inputs = append(inputs, FileHash{Path: path, SHA256: h})
	}
	return inputs, nil
}

// highestOf adds the highest number among ids of kind k to h.
func highestOf(k artifact.Kind, ids []string, h artifact.Highest) artifact.Highest {
	if h == nil {
		h = artifact.Highest{}
	}
	for _, id := range ids {
		if n, err := artifact.ParseID(k, id); err == nil && n > h[k.Prefix()] {
			h[k.Prefix()] = n
		}
	}
	return h
}

// mergeHighest keeps, per prefix, the larger of a's and b's numbers.
func mergeHighest(a, b artifact.Highest) artifact.Highest {
	out := artifact.Highest{}
	for _, h := range []artifact.Highest{a, b} {
		for k, n := range h {
			out[k] = max(out[k], n)
		}
	}
	return out
}

func goalIDs(goals []artifact.Goal) []string {
	var ids []string
	for _, g := range goals {
		ids = append(ids, g.ID)
	}
	return ids
}

func questionIDs(qs []artifact.Question) []string {
	var ids []string
	for _, q := range qs {
		ids = append(ids, q.ID)
	}
	return ids
}
