package scaffold

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/plural"
)

// ident is one name in every style the plan hands to the generators.
// Pascal, Camel and Snake are identifiers in Go, Python and TypeScript
// alike: ASCII letters, digits and underscores, never starting with a
// digit and never a reserved word of any of the three languages.
type ident struct {
	Pascal string // "QueueEntry"
	Camel  string // "queueEntry"
	Snake  string // "queue_entry"
	Kebab  string // "queue-entry"
	// Collection is the kebab-case plural, for URL paths ("queue-entries").
	Collection string
}

// newIdent names s in every style. The rules, in order:
//
//   - common Latin letters with accents are transliterated ("é" → "e",
//     "ß" → "ss"), apostrophes are dropped ("user's" → "users") and any
//     other character that is not an ASCII letter or digit separates words;
//   - camelCase and acronyms split into words ("HTTPServer" → "http",
//     "server"); digits stay with their letters ("2FA", "v2");
//   - an identifier starting with a digit gets an "n" in front ("2FA
//     code" → "N2faCode", "n2fa_code");
//   - a name that is reserved in Go, Python or TypeScript in any style gets
//     the word "value" in every identifier style ("class" → "ClassValue",
//     "classValue", "class_value");
//   - Kebab and Collection are URL segments, not identifiers, so they keep
//     the name's own words ("2fa-codes", "classes");
//   - a name with no usable character at all is named after fallback,
//     which must itself give words ("Item1").
//
// Pascal and Camel write Go's initialisms in capitals ("HabitID",
// "apiKey"), so the Go code reads naturally; Snake is always lower case.
func newIdent(s, fallback string) ident {
	w := words(s)
	if len(w) == 0 {
		w = words(fallback)
	}
	if len(w) == 0 {
		w = []string{"item"}
	}
	url := fromWords(w)
	code := w
	if isDigit(w[0][0]) {
		code = append([]string{"n" + w[0]}, w[1:]...)
	}
	id := fromWords(code)
	if reserved[id.Pascal] || reserved[id.Camel] || reserved[id.Snake] {
		id = fromWords(append(code, "value"))
	}
	id.Kebab, id.Collection = url.Kebab, url.Collection
	return id
}

// fromWords joins lower-case ASCII words in every style.
func fromWords(w []string) ident {
	last := len(w) - 1
	coll := append(append([]string{}, w[:last]...), pluralWord(w[last]))
	return ident{
		Pascal:     pascal(w),
		Camel:      w[0] + pascal(w[1:]),
		Snake:      strings.Join(w, "_"),
		Kebab:      strings.Join(w, "-"),
		Collection: strings.Join(coll, "-"),
	}
}

// suffixed returns id with n appended, to tell apart two names that
// would otherwise be the same: "CheckIn2", "check_in2", "check-ins-2".
func (id ident) suffixed(n int) ident {
	s := strconv.Itoa(n)
	seg := func(v string) string {
		if v == "" {
			return ""
		}
		return v + "-" + s
	}
	return ident{Pascal: id.Pascal + s, Camel: id.Camel + s, Snake: id.Snake + s, Kebab: seg(id.Kebab), Collection: seg(id.Collection)}
}

// pascal joins words with each one capitalised, or all in capitals for
// Go's initialisms.
func pascal(w []string) string {
	var b strings.Builder
	for _, word := range w {
		if initialisms[word] {
			b.WriteString(strings.ToUpper(word))
			continue
		}
		b.WriteString(strings.ToUpper(word[:1]) + word[1:])
	}
	return b.String()
}

// words splits s into lower-case ASCII words.
func words(s string) []string {
	var out []string
	for _, tok := range strings.FieldsFunc(ascii(s), func(r rune) bool { return !isAlnum(r) }) {
		start := 0
		for i := 1; i < len(tok); i++ {
			if camelBreak(tok, i) {
				out = append(out, strings.ToLower(tok[start:i]))
				start = i
			}
		}
		out = append(out, strings.ToLower(tok[start:]))
	}
	return out
}

// camelBreak says a new word starts at tok[i]: "habitID" at "I",
// "HTTPServer" at "S", "item2Name" at "N", but not inside "2FA".
func camelBreak(tok string, i int) bool {
	prev, cur := tok[i-1], tok[i]
	if !isUpper(cur) {
		return false
	}
	nextLower := i+1 < len(tok) && isLower(tok[i+1])
	switch {
	case isLower(prev):
		return true
	case isUpper(prev), isDigit(prev):
		return nextLower
	}
	return false
}

// ascii transliterates s to ASCII: accented Latin letters lose their
// accents, apostrophes go, and every other non-ASCII rune becomes a space.
func ascii(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
		case r < 0x80:
			b.WriteRune(r)
		case translit[unicode.ToLower(r)] != "":
			t := translit[unicode.ToLower(r)]
			if unicode.IsUpper(r) {
				t = strings.ToUpper(t[:1]) + t[1:]
			}
			b.WriteString(t)
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(r rune) bool {
	return r < 0x80 && (isUpper(byte(r)) || isLower(byte(r)) || isDigit(byte(r)))
}

// translit maps lower-case accented Latin letters to ASCII.
var translit = func() map[rune]string {
	m := map[rune]string{}
	for _, g := range []struct{ from, to string }{
		{"àáâãäåāăą", "a"}, {"æ", "ae"}, {"çćčĉċ", "c"}, {"ďđð", "d"},
		{"èéêëēĕėęě", "e"}, {"ĝğġģ", "g"}, {"ĥħ", "h"}, {"ìíîïĩīĭįı", "i"},
		{"ĵ", "j"}, {"ķ", "k"}, {"ĺļľŀł", "l"}, {"ñńņňŉ", "n"},
		{"òóôõöøōŏő", "o"}, {"œ", "oe"}, {"ŕŗř", "r"}, {"śŝşšș", "s"},
		{"ß", "ss"}, {"ţťŧț", "t"}, {"þ", "th"}, {"ùúûüũūŭůűų", "u"},
		{"ŵ", "w"}, {"ýÿŷ", "y"}, {"źżž", "z"},
	} {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()

// initialisms are the words Go writes in capitals inside names.
var initialisms = set(`acl api ascii cpu css csv dns eof guid html http https id ip json
	pdf qps ram rpc sku sla smtp sql ssh tcp tls ttl udp ui uid uri url utf8 uuid vm xml xmpp xsrf xss`)

// reserved holds the words no generated identifier may be: the keywords
// of Go, Python and JavaScript/TypeScript, the names Go predeclares and
// TypeScript's type names, which would shadow what generated code uses,
// and names with a fixed meaning in a class (self, constructor).
var reserved = set(`
	break case chan const continue default defer else fallthrough for func go goto if
	import interface map package range return select struct switch type var
	any bool byte comparable complex64 complex128 error float32 float64 int int8 int16
	int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr true false iota nil
	append cap clear close complex copy delete imag len make max min new panic print
	println real recover
	False None True and as assert async await class def del elif except finally from
	global in is lambda nonlocal not or pass raise try while with yield self cls
	catch debugger do enum export extends function instanceof let null private protected
	public static super this throw typeof void arguments eval implements undefined NaN
	Infinity boolean number symbol bigint never unknown object declare keyof readonly
	constructor prototype require module namespace of`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// pluralWord is the plural of the lower-case last word of a name, for its
// Collection: plural.Noun ("entry" → "entries", "analysis" → "analyses",
// "settings" kept), except that "criterion" and "personnel" keep the
// plurals scaffold has always given them, "criterions" and "personnels".
// Collection names a generated prototype's URL paths and test names
// ("/criterions", "ListCriterions"); regenerating a prototype must not
// move its routes.
func pluralWord(w string) string {
	if w == "criterion" || w == "personnel" {
		return w + "s"
	}
	return plural.Noun(w)
}

// namer hands out identifiers that are unique in every style: a name
// whose Pascal, Camel, Snake or Collection form is taken gets the suffix
// 2, then 3, and so on.
type namer struct {
	taken map[string]bool
}

func newNamer() *namer { return &namer{taken: map[string]bool{}} }

func (n *namer) unique(id ident) ident {
	got := id
	for i := 2; n.clash(got); i++ {
		got = id.suffixed(i)
	}
	for _, k := range keys(got) {
		n.taken[k] = true
	}
	return got
}

func (n *namer) clash(id ident) bool {
	for _, k := range keys(id) {
		if n.taken[k] {
			return true
		}
	}
	return false
}

// keys are id's forms, tagged by style: "queue_entry" as a Snake name
// does not clash with "queue_entry" as a collection.
// Forms left empty (a field has no collection) are not names.
func keys(id ident) []string {
	var k []string
	for _, f := range []struct{ tag, name string }{{"P", id.Pascal}, {"C", id.Camel}, {"S", id.Snake}, {"K", id.Collection}} {
		if f.name != "" {
			k = append(k, f.tag+f.name)
		}
	}
	return k
}
