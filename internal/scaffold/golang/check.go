package golang

import (
	"errors"
	"fmt"
	"go/token"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// The patterns are compiled on first use, not in package init, which every
// prodgen command pays for.
var (
	slugRE    = lazyRegexp(`^[a-z0-9][a-z0-9._~-]*$`)
	segmentRE = lazyRegexp(`^[A-Za-z0-9._~:@+,;=!-]+$`)
	jsonKeyRE = lazyRegexp(`^[A-Za-z0-9_]+$`)
)

// lazyRegexp returns a function that compiles expr on its first call and
// returns the same *regexp.Regexp on every call, from any goroutine.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

var methods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

var allOps = []string{scaffold.OpCreate, scaffold.OpList, scaffold.OpExport,
	scaffold.OpGet, scaffold.OpUpdate, scaffold.OpDelete, scaffold.OpAction}

// check reports what in the API would make generated code that does not
// compile or panics at start: the plan promises safe identifiers, and this
// holds it to the promise rather than emit a broken project.
func check(api *scaffold.API) error {
	if api == nil {
		return errors.New("no API to generate")
	}
	if !slugRE().MatchString(api.Slug) || strings.HasSuffix(api.Slug, ".") {
		return fmt.Errorf("slug %q is not a valid Go module path", api.Slug)
	}
	names := names{}
	for _, e := range api.Entities {
		if err := checkEntity(e, names); err != nil {
			return fmt.Errorf("entity %q: %w", e.Name, err)
		}
		if err := checkEnums(e); err != nil {
			return fmt.Errorf("entity %q: %w", e.Name, err)
		}
	}
	for i, ep := range api.Endpoints {
		if err := checkEndpoint(api, ep, names); err != nil {
			return fmt.Errorf("endpoint %d (%s %s): %w", i+1, ep.Method, ep.Path, err)
		}
	}
	for _, s := range api.Stories {
		if err := checkStory(s, names); err != nil {
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
	}
	if err := api.CheckDomain(); err != nil {
		return err
	}
	_, err := newMux(api.Endpoints)
	return err
}

// checkStory holds a story's test to a Go test name of its own.
func checkStory(s scaffold.Story, n names) error {
	if !isIdent(s.TestName) || unicode.IsLower(firstRune(s.TestName)) {
		return fmt.Errorf("test name %q does not make a Go test name", s.TestName)
	}
	return n.add("Test"+s.TestName, "story "+s.ID)
}

// checkEnums holds each enum value's name to one that makes a Go
// identifier after its type's name.
func checkEnums(e scaffold.Entity) error {
	for _, f := range e.Fields {
		for _, v := range f.Enum {
			if !isIdent("X" + v.Pascal) {
				return fmt.Errorf("field %q: value %q is named %q, which is not part of a Go identifier", f.Name, v.Value, v.Pascal)
			}
		}
	}
	return nil
}

// names are the package-level names the API gives the generated code,
// entity types and endpoint tests, which must not collide. The names the
// generator derives are numbered instead (see namer).
type names map[string]string

func (n names) add(id, what string) error {
	if prev, ok := n[id]; ok {
		return fmt.Errorf("%s would be named %s, like %s", what, id, prev)
	}
	n[id] = what
	return nil
}

func checkEntity(e scaffold.Entity, n names) error {
	if !isExported(e.Pascal) {
		return fmt.Errorf("type name %q is not an exported Go identifier", e.Pascal)
	}
	if !isIdent(e.Camel) || !unicode.IsLower(firstRune(e.Camel)) {
		return fmt.Errorf("camel name %q is not an unexported Go identifier", e.Camel)
	}
	if !segmentRE().MatchString(e.Collection) {
		return fmt.Errorf("collection %q is not a URL path segment", e.Collection)
	}
	if err := n.add(e.Pascal, "entity "+e.Pascal); err != nil {
		return err
	}
	snakes := names{"id": "field ID", "created_at": "field CreatedAt", "updated_at": "field UpdatedAt"}
	for _, f := range e.Fields {
		if !isExported(f.Pascal) {
			return fmt.Errorf("field %q: Go name %q is not an exported Go identifier", f.Name, f.Pascal)
		}
		if !jsonKeyRE().MatchString(f.Snake) {
			return fmt.Errorf("field %q: snake name %q is not a plain JSON key", f.Name, f.Snake)
		}
		if _, ok := goTypes[f.Type]; !ok {
			return fmt.Errorf("field %q: unknown type %q", f.Name, f.Type)
		}
		if err := snakes.add(f.Snake, "field "+f.Pascal); err != nil {
			return err
		}
	}
	return nil
}

func checkEndpoint(api *scaffold.API, ep scaffold.Endpoint, n names) error {
	if !slices.Contains(methods, ep.Method) {
		return fmt.Errorf("method must be one of %s", strings.Join(methods, ", "))
	}
	if !slices.Contains(allOps, ep.Op) {
		return fmt.Errorf("unknown op %q", ep.Op)
	}
	if ep.Entity < 0 || ep.Entity >= len(api.Entities) {
		return fmt.Errorf("entity index %d is out of range", ep.Entity)
	}
	if !isIdent(ep.TestName) || unicode.IsLower(firstRune(ep.TestName)) {
		return fmt.Errorf("test name %q does not make a Go test name", ep.TestName)
	}
	if err := n.add("Test"+ep.TestName, "endpoint "+ep.TestName); err != nil {
		return err
	}
	if err := checkPath(ep); err != nil {
		return err
	}
	if ep.Location != "" {
		if err := checkLocation(ep); err != nil {
			return err
		}
	}
	return nil
}

// checkPath holds a path to the form scaffold.Plan gives it: "/" and
// segments, each a plain URL segment or a parameter whose name is an
// identifier and appears once; ID must be one of them, and an endpoint
// about one item that can only be found by its ID must have one.
func checkPath(ep scaffold.Endpoint) error {
	if !strings.HasPrefix(ep.Path, "/") || strings.HasSuffix(ep.Path, "/") && ep.Path != "/" || strings.Contains(ep.Path, "//") {
		return errors.New("path must start with / and have no empty segment")
	}
	params := map[string]bool{}
	for _, seg := range scaffold.Segments(ep.Path) {
		switch {
		case seg.Param && (!isIdent(seg.Text) || params[seg.Text]):
			return fmt.Errorf("path parameter %q is not an identifier, or appears twice", seg.Text)
		case !seg.Param && (!segmentRE().MatchString(seg.Text) || seg.Text == "." || seg.Text == ".."):
			return fmt.Errorf("path segment %q is neither a parameter nor a plain URL segment", seg.Text)
		}
		params[seg.Text] = params[seg.Text] || seg.Param
	}
	if ep.ID != "" && !params[ep.ID] {
		return fmt.Errorf("ID %q is not a parameter of the path", ep.ID)
	}
	if ep.ID == "" && (ep.Op == scaffold.OpGet || ep.Op == scaffold.OpAction) {
		return fmt.Errorf("a %s endpoint needs an ID parameter in its path", ep.Op)
	}
	return nil
}

// checkLocation holds a create's Location to a path whose parameters are
// its ID and parameters of the create's path.
func checkLocation(ep scaffold.Endpoint) error {
	if ep.Op != scaffold.OpCreate {
		return fmt.Errorf("a %s endpoint has a Location", ep.Op)
	}
	loc := scaffold.Endpoint{Path: ep.Location, ID: ep.LocationID, Op: scaffold.OpGet}
	if err := checkPath(loc); err != nil {
		return fmt.Errorf("location: %w", err)
	}
	have := scaffold.Params(ep.Path)
	for _, name := range scaffold.Params(ep.Location) {
		if name != ep.LocationID && !slices.Contains(have, name) {
			return fmt.Errorf("location %s has a parameter the path does not: %s", ep.Location, name)
		}
	}
	return nil
}

// newMux registers every endpoint's pattern with a real ServeMux, which
// panics on a duplicate or conflicting pattern just as the generated
// server would, and returns it to ask which requests it routes.
func newMux(eps []scaffold.Endpoint) (*http.ServeMux, error) {
	mux := http.NewServeMux()
	nop := func(http.ResponseWriter, *http.Request) {}
	for _, ep := range eps {
		pattern := scaffold.MuxPattern(ep.Method, ep.Path)
		if err := register(mux, pattern, nop); err != nil {
			return nil, fmt.Errorf("route %q: %w", pattern, err)
		}
	}
	return mux, nil
}

// register turns HandleFunc's panic into an error; the named result is
// how a deferred recover hands it back.
func register(mux *http.ServeMux, pattern string, h http.HandlerFunc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	mux.HandleFunc(pattern, h)
	return nil
}

func isIdent(s string) bool { return token.IsIdentifier(s) }

func isExported(s string) bool { return token.IsIdentifier(s) && token.IsExported(s) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
