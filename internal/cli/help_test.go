package cli

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
)

// Every command a user can reach has help worth reading: a Short in the
// style of the others, a Long, and examples that can be pasted.
func TestHelpQuality(t *testing.T) {
	var out bytes.Buffer
	root, _ := newRootCmd(Deps{IO: IO{In: strings.NewReader(""), Out: &out, Err: &out}})
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		for _, problem := range helpProblems(c) {
			t.Errorf("%q: %s", c.CommandPath(), problem)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// helpProblems catches each kind of problem, so that TestHelpQuality
// passing means something.
func TestHelpProblems(t *testing.T) {
	run := func(*cobra.Command, []string) {}
	tests := []struct {
		name string
		cmd  *cobra.Command
		want []string
	}{
		{"good", &cobra.Command{Use: "x", Short: "Do x", Long: "x.", Example: "  prodgen x\n  prodgen x -q", Run: run}, nil},
		{"topic", &cobra.Command{Use: "x", Short: "About x", Long: "x."}, nil},
		{"bare topic", &cobra.Command{Use: "x"}, []string{"no Short", "no Long"}},
		{"no example", &cobra.Command{Use: "x", Short: "Do x", Long: "x.", Run: run}, []string{"no Example"}},
		{"period", &cobra.Command{Use: "x", Short: "Do x.", Long: "x.", Example: "  prodgen x", Run: run}, []string{`Short "Do x." ends with a period`}},
		{"lowercase", &cobra.Command{Use: "x", Short: "do x", Long: "x.", Example: "  prodgen x", Run: run}, []string{`Short "do x" does not start with a capital letter`}},
		{"example", &cobra.Command{Use: "x", Short: "Do x", Long: "x.", Example: "prodgen x\n  $ prodgen x", Run: run},
			[]string{`Example line "prodgen x" does not start with "  prodgen "`, `Example line "  $ prodgen x" does not start with "  prodgen "`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := helpProblems(tt.cmd); !slices.Equal(got, tt.want) {
				t.Errorf("helpProblems = %q, want %q", got, tt.want)
			}
		})
	}
}

// helpProblems lists what c's help lacks. A help topic (no Run and no
// subcommands) needs no Example.
func helpProblems(c *cobra.Command) []string {
	var problems []string
	if c.Short == "" {
		problems = append(problems, "no Short")
	} else {
		if strings.HasSuffix(c.Short, ".") {
			problems = append(problems, fmt.Sprintf("Short %q ends with a period", c.Short))
		}
		if r, _ := utf8.DecodeRuneInString(c.Short); !unicode.IsUpper(r) {
			problems = append(problems, fmt.Sprintf("Short %q does not start with a capital letter", c.Short))
		}
	}
	if c.Long == "" {
		problems = append(problems, "no Long")
	}
	if !c.Runnable() {
		return problems
	}
	if c.Example == "" {
		problems = append(problems, "no Example")
	}
	for line := range strings.SplitSeq(c.Example, "\n") {
		if line != "" && !strings.HasPrefix(line, "  prodgen ") {
			problems = append(problems, fmt.Sprintf("Example line %q does not start with \"  prodgen \"", line))
		}
	}
	return problems
}

// The exit-codes topic documents every code exitCode can return: each
// Exit constant in errors.go is in the exitCodes table, and exitCode
// returns only those constants.
func TestExitCodesDocumented(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "errors.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	documented := map[int]bool{}
	for _, c := range exitCodes {
		if documented[c.code] {
			t.Errorf("exit code %d is documented twice", c.code)
		}
		documented[c.code] = true
	}
	constants := map[string]bool{}
	var mapping *ast.FuncDecl
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if !strings.HasPrefix(name.Name, "Exit") || i >= len(n.Values) {
					continue
				}
				constants[name.Name] = true
				lit, ok := n.Values[i].(*ast.BasicLit)
				if !ok {
					t.Errorf("%s: want a number literal, the test reads it", name.Name)
					continue
				}
				code, err := strconv.Atoi(lit.Value)
				if err != nil {
					t.Errorf("%s: %v", name.Name, err)
				}
				if !documented[code] {
					t.Errorf("%s = %d is not in exitCodes, so 'prodgen help exit-codes' does not document it", name.Name, code)
				}
			}
		case *ast.FuncDecl:
			if n.Name.Name == "exitCode" {
				mapping = n
			}
		}
		return true
	})
	if len(constants) == 0 || mapping == nil {
		t.Fatal("found no Exit constants or no exitCode in errors.go")
	}
	checkReturns(t, fset, mapping, constants)
	long := newExitCodesCmd().Long
	for code := range documented {
		if !strings.Contains(long, fmt.Sprintf("\n  %-4d ", code)) {
			t.Errorf("the exit-codes topic has no line for %d:\n%s", code, long)
		}
	}
}

// checkReturns fails for a return in fn that is not one of the constants.
func checkReturns(t *testing.T, fset *token.FileSet, fn *ast.FuncDecl, constants map[string]bool) {
	t.Helper()
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		if !ok {
			return true
		}
		for _, res := range ret.Results {
			if id, ok := res.(*ast.Ident); !ok || !constants[id.Name] {
				t.Errorf("%s: exitCode returns something other than an Exit constant", fset.Position(res.Pos()))
			}
		}
		return true
	})
}
