package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// readmeExample is a "$ grb …" line of a README code block and the
// output shown under it.
type readmeExample struct {
	cmd   string
	shown []string
}

// readmeExamples returns the examples of README.md's fenced code blocks.
func readmeExamples(t *testing.T) []readmeExample {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []readmeExample
	var cur *readmeExample // the example of the block being read
	in := false
	for line := range strings.Lines(string(src)) {
		line = strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(line, "```") {
			in = !in
			cur = nil
			continue
		}
		if !in {
			continue
		}
		if cmd, ok := strings.CutPrefix(line, "$ "); ok {
			out = append(out, readmeExample{cmd: cmd})
			cur = &out[len(out)-1]
			continue
		}
		if cur != nil {
			cur.shown = append(cur.shown, line)
		}
	}
	return out
}

// TestREADMEExamples runs every "$ grb …" example of README.md in a
// directory holding the files they name, all from the repository: the
// manual's fixtures (testdata/doc), the hand-tagged lines
// (testdata/tagging) and the returned tagging workbook of
// testdata/cli/validate-tagging.txtar. Each example must run (exit 0, or
// the status its output shows: 1 with errors, 3 with a failed rule), and
// every line of output the README shows, but for "…", must be printed.
func TestREADMEExamples(t *testing.T) {
	examples := readmeExamples(t)
	if len(examples) < 5 {
		t.Fatalf("found %d examples in README.md, want at least 5", len(examples))
	}
	root := filepath.Join("..", "..", "testdata")
	ar, err := txtar.ParseFile(filepath.Join(root, "cli", "validate-tagging.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range examples {
		t.Run(ex.cmd, func(t *testing.T) {
			args, err := splitArgs(ex.cmd)
			if err != nil {
				t.Fatal(err)
			}
			if args[0] != "grb" {
				t.Fatalf("example %q does not run grb", ex.cmd)
			}
			dir := t.TempDir()
			copyFixtures(t, filepath.Join(root, "doc"), dir)
			copyFixtures(t, filepath.Join(root, "tagging"), dir)
			if err := writeFiles(dir, ar.Files); err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			res := runGrb(t, args)
			shown := strings.Join(ex.shown, "\n")
			want := exitOK
			switch {
			case strings.Contains(shown, ": error ["):
				want = 1
			case strings.Contains(shown, " fails: "):
				want = 3
			}
			if res.code != want {
				t.Fatalf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, want, res.stdout, res.stderr)
			}
			got := map[string]bool{}
			for _, l := range strings.Split(res.stdout, "\n") {
				got[strings.TrimRight(l, " ")] = true
			}
			for _, l := range ex.shown {
				if l = strings.TrimRight(l, " "); l != "" && l != "…" && !got[l] {
					t.Errorf("README shows %q, not in the output:\n%s", l, res.stdout)
				}
			}
		})
	}
}

// TestDocWording: the manual words the marker as the OECD DAC defines
// it, a record of intent, not a claim of what the money does.
func TestDocWording(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(strings.Fields(string(src)), " ")
	if strings.Contains(doc, "serves gender equality") {
		t.Errorf("doc.go says \"serves gender equality\"")
	}
	if !strings.Contains(doc, "marked with gender equality as a principal or significant objective") {
		t.Errorf("doc.go does not say \"marked with gender equality as a principal or significant objective\"")
	}
}
