package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// docSection returns the lines of the "# name" section of the manual in
// doc.go, up to the next heading.
func docSection(t *testing.T, name string) []string {
	t.Helper()
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	in := false
	for line := range strings.Lines(string(src)) {
		line = strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(line, "# ") {
			in = line == "# "+name
			continue
		}
		if line == "*/" {
			break
		}
		if in {
			lines = append(lines, line)
		}
	}
	if len(lines) == 0 {
		t.Fatalf("doc.go has no # %s section", name)
	}
	return lines
}

// TestDocExamples runs every "$ grb …" line of the manual's # Examples in
// a directory holding the files of ../../testdata/doc, as a user would
// after copying them. A fixture named "X.xlsx.txt" is written as the
// workbook X.xlsx (see buildWorkbook). Every example shows grb working, so
// each must exit 0.
func TestDocExamples(t *testing.T) {
	var examples []string
	for _, line := range docSection(t, "Examples") {
		if cmd, ok := strings.CutPrefix(strings.TrimSpace(line), "$ "); ok {
			examples = append(examples, cmd)
		}
	}
	// The manual shows demo, inspect and validate of a workbook, and a csv
	// read with --column; a parser that finds fewer has broken.
	if len(examples) < 4 {
		t.Fatalf("found %d examples in doc.go, want at least 4: %q", len(examples), examples)
	}
	fixtures, err := filepath.Abs(filepath.Join("..", "..", "testdata", "doc"))
	if err != nil {
		t.Fatal(err)
	}
	for _, example := range examples {
		t.Run(example, func(t *testing.T) {
			args, err := splitArgs(example)
			if err != nil {
				t.Fatal(err)
			}
			if args[0] != "grb" {
				t.Fatalf("example %q does not run grb", example)
			}
			dir := t.TempDir()
			copyFixtures(t, fixtures, dir)
			t.Chdir(dir)
			res := runGrb(t, args)
			if res.code != exitOK {
				t.Errorf("%s: exit status %d, want 0\nstdout:\n%s\nstderr:\n%s", example, res.code, res.stdout, res.stderr)
			}
			if res.stdout == "" {
				t.Errorf("%s: no output", example)
			}
		})
	}
}

// copyFixtures copies the files of dir src into dst, building workbooks
// from "*.xlsx.txt" files.
func copyFixtures(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		name := e.Name()
		if base, ok := strings.CutSuffix(name, ".xlsx.txt"); ok {
			name = base + ".xlsx"
			if data, err = buildWorkbook(string(data)); err != nil {
				t.Fatalf("%s: %v", e.Name(), err)
			}
		}
		if err := writeFile(filepath.Join(dst, name), data); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDocUsage checks that the manual's # Usage lists every command.
func TestDocUsage(t *testing.T) {
	usage := strings.Join(docSection(t, "Usage"), "\n")
	for _, cmd := range newApp(io.Discard, io.Discard).Commands {
		if !strings.Contains(usage, "\tgrb "+cmd.Name+" ") {
			t.Errorf("doc.go # Usage does not list grb %s", cmd.Name)
		}
	}
}

// TestREADMEDemo checks that README.md shows the demo's real output.
func TestREADMEDemo(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "`go run ./cmd/grb demo` prints:\n\n```\n")
	if !ok {
		t.Fatal("README.md has no demo output block")
	}
	want, _, _ := strings.Cut(after, "```")
	t.Chdir(t.TempDir())
	res := runGrb(t, []string{"grb", "demo"})
	if res.code != exitOK {
		t.Fatalf("grb demo: exit %d: %s", res.code, res.stderr)
	}
	if res.stdout != want {
		t.Errorf("README.md's demo output is stale:\n%s", cmp.Diff(strings.Split(want, "\n"), strings.Split(res.stdout, "\n")))
	}
}
