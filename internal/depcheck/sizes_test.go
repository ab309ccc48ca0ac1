package depcheck

import (
	"bytes"
	"go/parser"
	"os"
	"path/filepath"
	"testing"

	"github.com/fzipp/gocyclo"
)

// The house's size limits (the style guide's "sizes a reader can hold in
// their head"): benchstat's largest hand-written file is 536 lines and its
// most complex function 25.
const (
	maxFileLines  = 600
	maxComplexity = 25
)

// generated lists non-test files allowed above maxFileLines: generated
// tables only, keyed by their slash-separated path from the module root,
// each with the generator that writes it.
var generated = map[string]string{}

func TestFileSizes(t *testing.T) {
	for _, p := range packages(t, parser.ParseComments) {
		for _, name := range p.sortedFiles() {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			n := bytes.Count(data, []byte("\n"))
			rel, _ := filepath.Rel(root, name)
			if n > maxFileLines && generated[filepath.ToSlash(rel)] == "" {
				t.Errorf("%s has %d lines; the limit is %d: split it by responsibility", name, n, maxFileLines)
			}
		}
	}
}

func TestComplexity(t *testing.T) {
	for _, p := range packages(t, parser.ParseComments) {
		var stats gocyclo.Stats
		for _, name := range p.sortedFiles() {
			stats = gocyclo.AnalyzeASTFile(p.files[name], p.fset, stats)
		}
		for _, s := range stats.SortAndFilter(-1, maxComplexity) {
			t.Errorf("%s: %s has cyclomatic complexity %d; the limit is %d", s.Pos, s.FuncName, s.Complexity, maxComplexity)
		}
	}
}
