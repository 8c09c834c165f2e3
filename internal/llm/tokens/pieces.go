package tokens

// The costs of ASCII pieces, in thousandths of a token. They were fitted to
// the corpus under testdata (see the package comment) within one
// constraint: merging two pieces (what concatenating two texts can do) may
// cost at most one token more than the two did apart, which is what keeps
// Estimate(a+b) <= Estimate(a)+Estimate(b)+1. For a word that means
// wordPer*wordFree <= wordBase+unit.
const (
	wordBase = 1100 // a case piece of letters: common words are one token
	wordFree = 7    // letters a piece has before it costs more
	wordPer  = 300  // each letter past wordFree
	capBonus = 600  // a capitalised piece of capFree lowercase letters or more
	capFree  = 4
	upperPer = 700 // each capital past two in a run of capitals
	upperTwo = 2

	markBase  = unit // a run of up to two punctuation marks
	markPer   = 500  // each mark past two
	markJoin  = 700  // one mark between a word and letters, as in ".md"
	repeatLen = 16   // a repeated -=*#~_. costs one mark per this many

	newlines      = unit // per eight newlines
	newlinesAfter = 500  // the same right after punctuation, which takes them in
	indent        = unit // per sixteen spaces or tabs
)

// letters costs the run of ASCII letters at s[i:] and returns where it ends.
// The run is split into case pieces, as BPE vocabularies split camelCase:
// "parseHTTPResponse" is "parse", "HTTP", "Response".
func letters(s string, i int) (int, int) {
	total := 0
	for i < len(s) && (class[s[i]] == upper || class[s[i]] == lower) {
		k := i
		for i < len(s) && class[s[i]] == upper {
			i++
		}
		u := i - k
		k = i
		for i < len(s) && class[s[i]] == lower {
			i++
		}
		l := i - k
		if l == 0 { // capitals only, up to the end of the run
			total += upperRun(u)
			continue
		}
		if u >= 2 { // the last capital starts the word that follows
			total += upperRun(u - 1)
			u = 1
		}
		n := u + l
		c := wordBase + max(0, n-wordFree)*wordPer
		if u == 1 && l >= capFree {
			c += capBonus
		}
		total += min(c, n*unit)
	}
	return total, i
}

// upperRun costs n capitals in a row: an acronym is one token, a longer run
// (base64, shouting) about one per two letters.
func upperRun(n int) int {
	return min(n*unit, wordBase+max(0, n-upperTwo)*upperPer)
}

// marks costs the run of ASCII punctuation at s[i:] and returns where it
// ends.
func marks(s string, i int) (int, int) {
	j, eff := i, 0
	for j < len(s) && class[s[j]] == mark {
		k := j + 1
		for k < len(s) && s[k] == s[j] {
			k++
		}
		if cheapRepeat(s[j]) {
			eff += (k - j + repeatLen - 1) / repeatLen
		} else {
			eff += k - j
		}
		j = k
	}
	if j-i == 1 && i > 0 && !isWhitespace(s[i-1]) && j < len(s) && isLetter(s[j]) {
		return markJoin, j
	}
	return markBase + max(0, eff-2)*markPer, j
}

// cheapRepeat reports whether long runs of b are single tokens in both
// vocabularies (markdown rules and underlines).
func cheapRepeat(b byte) bool {
	switch b {
	case '-', '=', '*', '#', '~', '_', '.':
		return true
	}
	return false
}

// whitespace costs the run of whitespace at s[i:] and returns where it ends. The
// newlines are one piece; the spaces after the last newline another, less
// the last space when a word or a mark follows, which takes it in.
func whitespace(s string, i int, afterMark bool) (int, int) {
	j, lastNL, nl, groups, inGroup := i, -1, 0, 0, false
	for j < len(s) && isWhitespace(s[j]) {
		switch {
		case class[s[j]] == newline:
			nl, lastNL = nl+1, j
			if inGroup {
				groups, inGroup = groups+1, false
			}
		default:
			inGroup = true
		}
		j++
	}
	total, rest := 0, i
	if nl > 0 {
		per := newlines
		if afterMark && class[s[i]] == newline {
			per = newlinesAfter
		}
		// Spaces between newlines ("\n  \n") split the piece.
		total = per*((nl+7)/8) + newlines*max(0, groups-1)
		rest = lastNL + 1
	}
	n := j - rest
	if n > 0 && s[j-1] == ' ' && j < len(s) && class[s[j]] != digit {
		n--
	}
	total += indent * ((n + 15) / 16)
	return total, j
}

func isLetter(b byte) bool     { return class[b] == lower || class[b] == upper }
func isWhitespace(b byte) bool { return class[b] == space || class[b] == newline }
