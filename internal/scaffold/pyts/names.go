package pyts

import (
	"fmt"
	"strings"
	"unicode"
)

// snake turns a Pascal-case identifier into snake case, keeping acronyms
// together: "CreateQueueEntry" is "create_queue_entry", "ExportCSVReport"
// is "export_csv_report", "GetV2Item" is "get_v2_item".
func snake(s string) string {
	runes := []rune(s)
	var b strings.Builder
	for i, r := range runes {
		if r == '_' {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "_") {
				b.WriteByte('_')
			}
			continue
		}
		if unicode.IsUpper(r) && i > 0 && b.Len() > 0 && !strings.HasSuffix(b.String(), "_") {
			prev := runes[i-1]
			nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimSuffix(b.String(), "_")
}

// classNamer hands out the names of entity classes (Python) and
// interfaces (TypeScript) and their enum types: a name the generated code
// or the languages' built-ins have, or that is taken, gets "Record" (then
// a number) after it, so an entity named Store, Date or Error has a type
// of its own.
type classNamer struct{ taken map[string]bool }

// builtinNames are the capitalised names the generated Python and
// TypeScript use, theirs and the languages': a class or interface of the
// same name would shadow them.
var builtinNames = strings.Fields(`ApiError BaseException BaseHTTPRequestHandler Call Entities Entity
	EntityKey Error Exception Field FieldType Handler Item KeyboardInterrupt Literal Op OverflowError
	RecursionError Route RouteOptions Server ServerResponse Store TestContext ThreadingHTTPServer
	TypeError Value ValueError KeyError AddressInfo IncomingMessage Array ArrayBuffer Boolean Buffer
	Date Function Infinity JSON Map Math NaN Number Object Partial Promise Readonly Record RegExp
	Required Response Request Set String Symbol URL URLSearchParams Uint8Array Headers Awaited
	ReturnType NodeJS Any Optional Callable Iterable Iterator Sequence Mapping Union Self Ellipsis
	NotImplemented False None True UUID`)

func newClassNamer() *classNamer {
	n := &classNamer{taken: map[string]bool{}}
	for _, name := range builtinNames {
		n.taken[name] = true
	}
	return n
}

func (n *classNamer) take(name string) string {
	unique := name
	if n.taken[unique] {
		unique = name + "Record"
	}
	for i := 2; n.taken[unique]; i++ {
		unique = fmt.Sprintf("%sRecord%d", name, i)
	}
	n.taken[unique] = true
	return unique
}
