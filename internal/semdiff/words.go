package semdiff

import "strings"

// Op is what a word diff does with a run of words.
type Op int

// The operations of a word diff.
const (
	Keep   Op = iota // in both texts
	Delete           // only in the old text
	Insert           // only in the new text
)

// Edit is a run of words that a word diff keeps, deletes or inserts.
type Edit struct {
	Op   Op
	Text string // the words, joined by single spaces
}

// maxCells bounds the table of the longest common subsequence. Beyond it
// (two texts of more than a thousand words that differ throughout) the
// differing middle is shown deleted and inserted whole, rather than spend
// memory on a finer diff nobody reads.
const maxCells = 1 << 20

// Words compares two texts word by word, words being what strings.Fields
// splits them into, and returns the edits that turn old into cur: the
// fewest words deleted and inserted, each deleted run just before the
// inserted run that replaces it, and no two adjacent edits of the same
// kind. Equal texts give one Keep; two empty texts give none.
func Words(old, cur string) []Edit {
	a, b := strings.Fields(old), strings.Fields(cur)
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var e edits
	e.add(Keep, a[:pre]...)
	e.middle(a[pre:len(a)-suf], b[pre:len(b)-suf])
	e.add(Keep, a[len(a)-suf:]...)
	return e.done()
}

// edits collects words op by op and merges them into runs.
type edits struct {
	out []Edit
	// del and ins hold a change not yet written, so that its deleted
	// words come out before its inserted ones however the table ordered
	// them.
	del, ins []string
}

func (e *edits) add(op Op, words ...string) {
	if len(words) == 0 {
		return
	}
	switch op {
	case Delete:
		e.del = append(e.del, words...)
		return
	case Insert:
		e.ins = append(e.ins, words...)
		return
	}
	e.flush()
	e.run(Keep, words)
}

// flush writes the pending change: deletions, then insertions.
func (e *edits) flush() {
	e.run(Delete, e.del)
	e.run(Insert, e.ins)
	e.del, e.ins = nil, nil
}

func (e *edits) run(op Op, words []string) {
	if len(words) == 0 {
		return
	}
	text := strings.Join(words, " ")
	if n := len(e.out); n > 0 && e.out[n-1].Op == op {
		e.out[n-1].Text += " " + text
		return
	}
	e.out = append(e.out, Edit{Op: op, Text: text})
}

func (e *edits) done() []Edit {
	e.flush()
	return e.out
}

// middle diffs what lies between the common prefix and suffix with a
// longest-common-subsequence table.
func (e *edits) middle(a, b []string) {
	if len(a) == 0 || len(b) == 0 || len(a)*len(b) > maxCells {
		e.add(Delete, a...)
		e.add(Insert, b...)
		return
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:], in one slice of (len(a)+1)*(len(b)+1) cells.
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			e.add(Keep, a[i])
			i, j = i+1, j+1
		case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
			e.add(Delete, a[i])
			i++
		default:
			e.add(Insert, b[j])
			j++
		}
	}
	e.add(Delete, a[i:]...)
	e.add(Insert, b[j:]...)
}
