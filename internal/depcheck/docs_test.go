package depcheck

import (
	"go/parser"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackageDocs checks that every package has a doc.go holding its
// package comment, and that the comment's first paragraph says what the
// package must not import (its place in the pipeline is said with it).
// A command (package main) needs only the doc.go.
func TestPackageDocs(t *testing.T) {
	for _, p := range packages(t, parser.ParseComments) {
		var doc *string
		main := false
		for name, f := range p.files {
			main = main || f.Name.Name == "main"
			if filepath.Base(name) == "doc.go" && f.Doc != nil {
				s := f.Doc.Text()
				doc = &s
			}
		}
		if doc == nil {
			t.Errorf("%s: no doc.go with a package comment", p.dir)
			continue
		}
		first, _, _ := strings.Cut(*doc, "\n\n")
		first = strings.Join(strings.Fields(first), " ")
		if main {
			continue // a command is imported by nothing: its doc is its manual
		}
		if !strings.Contains(first, "not import") && !strings.Contains(first, "never ") {
			t.Errorf("%s: the first paragraph of its package comment does not say what it must not import:\n%s", p.dir, first)
		}
	}
}
