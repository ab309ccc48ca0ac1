package depcheck

import (
	"go/parser"
	"path"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/grb-toolkit/grb"

// Third-party libraries, by what they are for.
const (
	excelize = "github.com/xuri/excelize/v2"
	yaml     = "gopkg.in/yaml.v3"
	xtext    = "golang.org/x/text/"
	gonum    = "gonum.org/v1/gonum/"
	plot     = "gonum.org/v1/plot"
	cli      = "github.com/urfave/cli/v2"
)

// rule is what the non-test files of a package may import besides the
// standard library. Entries are import paths; one ending in "/" is a
// prefix, and a module path of grb's is written from the module root.
type rule struct {
	may []string
}

// The layering of the style guide: imports point down (cmd → reports →
// analysis → budget); each input format is a package under budget/ and
// only budget/input, the one way in, dispatches to all of them; the
// vocabulary (budget) imports no package of grb's; the formatters
// (internal/format) are used by every layer that prints.
var rules = map[string]rule{
	"budget":                  {[]string{"internal/format", yaml, xtext}},
	"budget/grid":             {[]string{"budget", "internal/format", yaml, xtext}},
	"budget/csv":              {[]string{"budget", "budget/grid", "internal/files", "internal/format", xtext}},
	"budget/xlsx":             {[]string{"budget", "budget/grid", "internal/format"}}, // excelize in its tests only, as the oracle
	"budget/iati":             {[]string{"budget", "internal/format", xtext}},
	"budget/fdp":              {[]string{"budget", "budget/csv", "budget/grid", "internal/files", "internal/format", xtext}},
	"budget/tagging":          {[]string{"budget", "budget/grid", "budget/csv", "budget/xlsx", "budget/tagging/model", "internal/format", "internal/xlsxcell", excelize, yaml, xtext}},
	"budget/tagging/model":    {[]string{gonum}},
	"internal/train":          {[]string{"budget/tagging/model"}},
	"budget/sdg5c1":           {[]string{"budget", "budget/grid", "budget/csv", "budget/xlsx", "internal/format", excelize, yaml}},
	"budget/rates":            {[]string{"budget", "internal/format"}},
	"internal/ratesgen":       {[]string{xtext}},
	"internal/perfgen":        {nil},
	"internal/perfgen/floors": {nil},
	"internal/yamltest":       {nil},
	"budget/input":            {[]string{"budget", "budget/", "internal/files", "internal/format"}},
	"analysis":                {[]string{"budget", "budget/tagging", "budget/sdg5c1", gonum, yaml}},
	"templates":               {nil},
	"internal/format":         {[]string{"budget", xtext}},
	"internal/files":          {[]string{"budget"}},
	"reports":                 {[]string{"budget", "budget/", "analysis", "templates", "internal/format", "internal/xlsxcell", plot, excelize, xtext}},
	"internal/xlsxcell":       {nil},
	"cmd/grb":                 {[]string{"budget", "budget/", "analysis", "reports", "templates", "internal/files", "internal/format", cli}},
	"internal/samplegen":      {[]string{"budget", "budget/", "internal/format", excelize}},
	// Test helpers of the readers: imported by tests only, which no rule
	// here allows in non-test code.
	"internal/readertest": {[]string{"budget", "budget/", excelize}},
	"internal/depcheck":   {nil},
}

func TestImports(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range packages(t, parser.ParseComments) {
		seen[p.dir] = true
		r, ok := rules[p.dir]
		if !ok {
			t.Errorf("%s: a package with no import rule: add it to rules in %s", p.dir, "internal/depcheck/imports_test.go")
			continue
		}
		for _, name := range p.sortedFiles() {
			for _, imp := range p.files[name].Imports {
				ip, _ := strconv.Unquote(imp.Path.Value)
				if !isStd(ip) && !r.permits(ip) {
					t.Errorf("%s imports %s; %s may import only %v and the standard library", name, ip, p.dir, r.may)
				}
			}
		}
	}
	for dir := range rules {
		if !seen[dir] {
			t.Errorf("rule for %s, which has no Go files", dir)
		}
	}
}

func isStd(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".")
}

// permits reports whether r allows importing p.
func (r rule) permits(p string) bool {
	for _, m := range r.may {
		if !strings.Contains(strings.SplitN(m, "/", 2)[0], ".") {
			m = path.Join(module, m) + map[bool]string{true: "/"}[strings.HasSuffix(m, "/")]
		}
		if p == m || strings.HasSuffix(m, "/") && strings.HasPrefix(p, m) {
			return true
		}
		if !strings.HasSuffix(m, "/") && strings.HasPrefix(p, m+"/") && !strings.HasPrefix(m, module) {
			return true // a third-party module's subpackages
		}
	}
	return false
}
