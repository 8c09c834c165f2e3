package export

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
)

// Load reads the stories document at storiesPath and the PRD at prdPath
// with read, which says that a file does not exist with an error that is
// fs.ErrNotExist, and parses them. The stories are required: when they do
// not exist Load returns read's error and reads nothing else. The PRD only
// gives the priorities: when it does not exist prd is nil, and every story
// is then Medium. A document that cannot be read or parsed is an error
// naming it.
func Load(read func(path string) ([]byte, error), storiesPath, prdPath string) (*artifact.Stories, *artifact.PRD, error) {
	src, err := read(storiesPath)
	if err != nil {
		return nil, nil, err
	}
	stories, err := artifact.ParseStories(src)
	if err != nil {
		return nil, nil, &disk.InputError{Path: storiesPath, Err: err}
	}
	src, err = read(prdPath)
	if errors.Is(err, fs.ErrNotExist) {
		return stories, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	prd, err := artifact.ParsePRD(src)
	if err != nil {
		return nil, nil, &disk.InputError{Path: prdPath, Err: err}
	}
	return stories, prd, nil
}

// UnknownTraces lists the requirements that stories trace and prd does
// not have, each once, in the order first traced: no priority is taken
// from them.
func UnknownTraces(stories *artifact.Stories, prd *artifact.PRD) []string {
	var ids []string
	for _, d := range DanglingTraces(stories, prd) {
		if !slices.Contains(ids, d.Trace) {
			ids = append(ids, d.Trace)
		}
	}
	return ids
}

// FormatNames lists the formats for a message: "csv, json or github".
func FormatNames() string {
	var names []string
	for _, f := range Formats {
		names = append(names, string(f))
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
