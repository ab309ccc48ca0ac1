package reports

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/templates"
)

// catalogKeys are the messages the code words through a printer: the
// string literal of every call to a method S or F in the package's
// non-test files, every {{$.T "..."}} of the report template, and the
// keys built at run time (dynamicKeys).
func catalogKeys(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "S" && sel.Sel.Name != "F") {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				keys[s] = true
			}
			return true
		})
	}
	for _, m := range regexp.MustCompile(`\$\.T "((?:[^"\\]|\\.)*)"`).FindAllStringSubmatch(templates.ReportHTML(), -1) {
		keys[m[1]] = true
	}
	for _, k := range dynamicKeys() {
		keys[k] = true
	}
	return keys
}

// TestCatalogComplete: every message has its French and Spanish words
// (English is the key), and the catalog holds no message the code no
// longer says.
func TestCatalogComplete(t *testing.T) {
	keys := catalogKeys(t)
	if len(keys) < 100 {
		t.Fatalf("only %d catalog keys found: the scan is broken", len(keys))
	}
	for _, l := range []Lang{French, Spanish} {
		var missing, orphan []string
		for k := range keys {
			if _, ok := translations[l][k]; !ok {
				missing = append(missing, k)
			}
		}
		for k := range translations[l] {
			if !keys[k] {
				orphan = append(orphan, k)
			}
		}
		sort.Strings(missing)
		sort.Strings(orphan)
		for _, k := range missing {
			t.Errorf("%s: no translation of %q", l, k)
		}
		for _, k := range orphan {
			t.Errorf("%s: translation of %q, which the code never says", l, k)
		}
	}
}

// TestCatalogVerbs: a translation takes the same arguments as its key
// (the same verbs, in any order with explicit indexes).
func TestCatalogVerbs(t *testing.T) {
	verb := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*[a-z]|%%`)
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, v := range verb.FindAllString(s, -1) {
			v = regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v, "")
			m[v]++
		}
		return m
	}
	for _, l := range []Lang{French, Spanish} {
		for k, v := range translations[l] {
			if !strings.Contains(k, "%") {
				continue
			}
			a, b := count(k), count(v)
			if len(a) != len(b) {
				t.Errorf("%s %q: verbs %v, key has %v", l, v, b, a)
				continue
			}
			for x, n := range a {
				if b[x] != n {
					t.Errorf("%s %q: verbs %v, key has %v", l, v, b, a)
				}
			}
		}
	}
}

var _ = os.Stat
var _ = analysis.DACHeadline
var _ = budget.Approved
