package brief

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
)

// lexiconFiles are the reader's word lists: the names of a brief's
// sections, the cue words that classify a sentence, the words for people
// and actions. They are data: teach the reader a new phrasing by adding a
// line to a file, not by changing code. Each file's header explains its
// lists; the format is shared:
//
//	# a comment
//	[list name]
//	an entry
//	another entry
//
// A list's entries are its lines; a backslash escapes an entry's leading
// "#". Lists read as word sets (wordList) may hold several words a line,
// separated by spaces.
//
//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// lexicon holds every list of every file by name, read on first use.
var lexicon = sync.OnceValue(func() map[string][]string {
	lists, err := readLexicon(lexiconFiles)
	if err != nil {
		panic(err) // the files are embedded; TestLexicon keeps them valid
	}
	return lists
})

// readLexicon reads every lexicon file of fsys. A list named twice, an
// entry outside a list or an empty list is an error.
func readLexicon(fsys fs.FS) (map[string][]string, error) {
	names, err := fs.Glob(fsys, "lexicon/*.txt")
	if err != nil {
		return nil, err
	}
	lists := map[string][]string{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		cur := ""
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			switch {
			case line == "" || strings.HasPrefix(line, "#"):
				continue
			case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
				cur = strings.TrimSpace(line[1 : len(line)-1])
				if _, dup := lists[cur]; dup {
					return nil, fmt.Errorf("%s:%d: list %q defined twice", path.Base(name), i+1, cur)
				}
				lists[cur] = nil
			case cur == "":
				return nil, fmt.Errorf("%s:%d: entry %q outside a list", path.Base(name), i+1, line)
			default:
				// "\#" is an entry that starts with "#", not a comment.
				lists[cur] = append(lists[cur], strings.TrimPrefix(line, `\`))
			}
		}
	}
	for name, entries := range lists {
		if len(entries) == 0 {
			return nil, fmt.Errorf("lexicon list %q is empty", name)
		}
	}
	return lists, nil
}

// phraseList returns a list's entries, one a line, in file order. A list
// that does not exist is a programming error.
func phraseList(name string) []string {
	entries, ok := lexicon()[name]
	if !ok {
		panic("brief: no lexicon list " + name)
	}
	return entries
}

// wordList returns a list's words: every space-separated word of every
// line.
func wordList(name string) []string {
	var out []string
	for _, line := range phraseList(name) {
		out = append(out, strings.Fields(line)...)
	}
	return out
}

// lexiconListsUsed names every list the reader asks for, so a test can
// check that each exists before a brief needs it.
var lexiconListsUsed []string

// use records that the reader asks for a list, and returns its name.
func use(name string) string {
	lexiconListsUsed = append(lexiconListsUsed, name)
	return name
}

// lexSet is a word set read from the lexicon on first use.
func lexSet(name string) func() map[string]bool {
	use(name)
	return sync.OnceValue(func() map[string]bool {
		m := map[string]bool{}
		for _, w := range wordList(name) {
			m[w] = true
		}
		return m
	})
}

// lexPhrases is a phrase list read from the lexicon on first use.
func lexPhrases(name string) func() []string {
	use(name)
	return sync.OnceValue(func() []string { return phraseList(name) })
}
