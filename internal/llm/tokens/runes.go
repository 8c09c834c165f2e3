package tokens

import "unicode/utf8"

// The costs of characters outside ASCII, in thousandths of a token, by
// class. cl100k_base needs the most of these; o200k_base fewer. None is
// more than the character's bytes.
const (
	latinAccented = 2000 // é, ü, ß: the letter, and the word around it splits in two
	cyrillic      = 550
	semitic       = 900  // Hebrew, Arabic
	otherLetter2  = 1200 // Greek, Armenian and other two-byte letters
	symbol2       = 1000 // other two-byte characters: ©, °, «, combining marks
	cjk           = 1400 // kana, CJK ideographs, Hangul
	joiner        = 2000 // zero-width joiner, variation selectors
	other3        = 1500 // punctuation, symbols, Indic and other scripts
	fourByte      = 3000 // emoji and rare ideographs
	invalidByte   = unit // one byte of invalid UTF-8
)

// nonASCII costs the character at s[i:], which is not ASCII, and returns
// where it ends.
func nonASCII(s string, i int) (int, int) {
	r, size := utf8.DecodeRuneInString(s[i:])
	switch size {
	case 1: // invalid UTF-8
		return invalidByte, i + 1
	case 2:
		return rune2(r), i + 2
	case 3:
		return rune3(r), i + 3
	}
	return fourByte, i + size
}

func rune2(r rune) int {
	switch {
	case r >= 0xC0 && r < 0x250: // Latin-1 letters, Latin Extended-A and -B
		return latinAccented
	case r >= 0x400 && r < 0x530: // Cyrillic and its supplement
		return cyrillic
	case r >= 0x590 && r < 0x700: // Hebrew, Arabic
		return semitic
	case r >= 0x370: // Greek, Armenian, Syriac, Thaana, N'Ko...
		return otherLetter2
	}
	return symbol2
}

func rune3(r rune) int {
	switch {
	case r == 0x200D || r >= 0xFE00 && r < 0xFE10:
		return joiner
	case r >= 0x3040 && r < 0xA000, r >= 0xAC00 && r < 0xD7B0:
		return cjk
	}
	return other3
}
