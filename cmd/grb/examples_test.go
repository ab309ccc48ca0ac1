package main

import (
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestHelpExamples checks that every command's --help shows at least one
// example, and that each runs as written in a folder holding the files
// of ../../testdata/doc: exit 0, or 3 for a check whose rule fails.
func TestHelpExamples(t *testing.T) {
	fixtures, err := filepath.Abs(filepath.Join("..", "..", "testdata", "doc"))
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range newApp(io.Discard, io.Discard).Commands {
		res := runGrb(t, []string{"grb", cmd.Name, "--help"})
		var shown []string
		for line := range strings.Lines(res.stdout) {
			if ex, ok := strings.CutPrefix(strings.TrimSpace(line), "$ "); ok {
				shown = append(shown, ex)
			}
		}
		if len(shown) == 0 {
			t.Errorf("grb %s --help shows no example:\n%s", cmd.Name, res.stdout)
		}
		for _, ex := range shown {
			t.Run(ex, func(t *testing.T) {
				args, err := splitArgs(ex)
				if err != nil {
					t.Fatal(err)
				}
				if len(args) < 2 || args[0] != "grb" || args[1] != cmd.Name {
					t.Fatalf("example %q of grb %s does not run grb %s", ex, cmd.Name, cmd.Name)
				}
				dir := t.TempDir()
				copyFixtures(t, fixtures, dir)
				t.Chdir(dir)
				res := runGrb(t, args)
				if res.code != exitOK && !(cmd.Name == "check" && res.code == exitRule) {
					t.Errorf("%s: exit status %d\nstdout:\n%s\nstderr:\n%s", ex, res.code, res.stdout, res.stderr)
				}
			})
		}
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"grb", "--version"}, {"grb", "-v"}} {
		res := runGrb(t, args)
		if res.code != exitOK || !strings.HasPrefix(res.stdout, "grb ") || !strings.Contains(res.stdout, "go1.") {
			t.Errorf("%v: exit %d, stdout %q; want exit 0 and the version", args, res.code, res.stdout)
		}
	}
	bi := &debug.BuildInfo{GoVersion: "go1.24.0", Main: debug.Module{Path: "github.com/grb-toolkit/grb", Version: "v1.2.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0791c40aaaabbbbccccdddd"}, {Key: "vcs.time", Value: "2025-06-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	if got, want := versionOf(bi), "grb v1.2.0 (revision 0791c40aaaab+dirty, 2025-06-01T10:00:00Z), go1.24.0"; got != want {
		t.Errorf("versionOf = %q, want %q", got, want)
	}
	if got, want := versionOf(&debug.BuildInfo{GoVersion: "go1.24.0"}), "grb (devel), go1.24.0"; got != want {
		t.Errorf("versionOf without VCS = %q, want %q", got, want)
	}
}
