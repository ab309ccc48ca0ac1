package depcheck

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/grb-toolkit/grb"

// allowed lists, per package directory, the import path prefixes a
// non-test file may use besides the standard library.
var allowed = map[string][]string{
	"budget":    {"github.com/xuri/excelize/v2", "gopkg.in/yaml.v3", "golang.org/x/text/"},
	"analysis":  {module + "/budget", "gonum.org/v1/gonum/", "gopkg.in/yaml.v3"},
	"templates": {},
	"reports":   {module + "/budget", module + "/analysis", module + "/templates", "gonum.org/v1/plot", "github.com/xuri/excelize/v2"},
	"cmd/grb":   {module + "/budget", module + "/analysis", module + "/reports", module + "/templates", "github.com/urfave/cli/v2"},
}

// onlyIn restricts a library to some files of its package.
var onlyIn = map[string]string{
	"github.com/xuri/excelize/v2@budget": "xlsx.go",
}

func TestImports(t *testing.T) {
	root := filepath.Join("..", "..")
	for dir, ok := range allowed {
		files, _ := filepath.Glob(filepath.Join(root, dir, "*.go"))
		if len(files) == 0 {
			t.Errorf("%s: no Go files", dir)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if isStd(path) {
					continue
				}
				if !permitted(path, ok) {
					t.Errorf("%s imports %s; %s may import only %v and the standard library", name, path, dir, ok)
					continue
				}
				for key, file := range onlyIn {
					lib, pkg, _ := strings.Cut(key, "@")
					if pkg == dir && strings.HasPrefix(path, lib) && filepath.Base(name) != file {
						t.Errorf("%s imports %s; in %s only %s may", name, path, dir, file)
					}
				}
			}
		}
	}
}

func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func permitted(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if path == p || strings.HasPrefix(path, strings.TrimSuffix(p, "/")+"/") {
			return true
		}
	}
	return false
}
