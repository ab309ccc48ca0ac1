package depcheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// root is the module's root folder, seen from this package.
var root = filepath.Join("..", "..")

// goPackage is one folder of non-test Go files.
type goPackage struct {
	dir   string // slash-separated, relative to the module root
	files map[string]*ast.File
	fset  *token.FileSet
}

// packages parses every package of the module (test files left out, and
// testdata folders skipped), in the order of their folders.
func packages(t *testing.T, mode parser.Mode) []goPackage {
	t.Helper()
	byDir := map[string]*goPackage{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, mode)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		dir := filepath.ToSlash(rel)
		p := byDir[dir]
		if p == nil {
			p = &goPackage{dir: dir, files: map[string]*ast.File{}, fset: fset}
			byDir[dir] = p
		}
		p.files[path] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []goPackage
	for _, p := range byDir {
		out = append(out, *p)
	}
	slices.SortFunc(out, func(a, b goPackage) int { return strings.Compare(a.dir, b.dir) })
	if len(out) < 5 {
		t.Fatalf("found %d packages under %s; is the module root right?", len(out), root)
	}
	return out
}

// sortedFiles returns a package's file names in order.
func (p goPackage) sortedFiles() []string {
	names := make([]string, 0, len(p.files))
	for n := range p.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
