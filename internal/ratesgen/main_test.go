package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

var (
	sourceDir = filepath.Join("..", "..", "budget", "rates", "testdata", "source")
	dataDir   = filepath.Join("..", "..", "budget", "rates", "data")
)

// TestSourcesAreTheOriginals checks every committed source file against
// the sha256 its SOURCE.md gives.
func TestSourcesAreTheOriginals(t *testing.T) {
	md, err := os.ReadFile(filepath.Join(sourceDir, "SOURCE.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([^`]+)` \\| [0-9]+ \\| `([0-9a-f]{64})` \\|$")
	n := 0
	for _, m := range row.FindAllStringSubmatch(string(md), -1) {
		b, err := os.ReadFile(filepath.Join(sourceDir, m[1]))
		if os.IsNotExist(err) {
			continue // a source grb does not use
		}
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != m[2] {
			t.Errorf("%s: sha256 %s, SOURCE.md says %s", m[1], got, m[2])
		}
		n++
	}
	if n != 8 {
		t.Errorf("checked %d source files, want 8", n)
	}
}

// TestEmbeddedTablesAreGenerated checks that the embedded tables are what
// the generator makes from the committed sources (go generate
// ./budget/rates rebuilds them).
func TestEmbeddedTablesAreGenerated(t *testing.T) {
	files, err := build(os.DirFS(sourceDir))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 6 {
		t.Errorf("generated %d tables, want 6", len(files))
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dataDir, name))
		if err != nil {
			t.Errorf("%v (run go generate ./budget/rates)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the generator makes from the sources: run go generate ./budget/rates", name)
		}
	}
}

// TestBuildTwiceSameBytes checks that the generator makes the same bytes
// from the same sources, run after run.
func TestBuildTwiceSameBytes(t *testing.T) {
	a, err := build(os.DirFS(sourceDir))
	if err != nil {
		t.Fatal(err)
	}
	b, err := build(os.DirFS(sourceDir))
	if err != nil {
		t.Fatal(err)
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s: two runs of the generator differ", name)
		}
	}
}
