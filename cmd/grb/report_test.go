package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/grb-toolkit/grb/templates"
)

// TestReportOutputs runs grb report twice on the sample: every output is
// written, the same inputs give the same bytes, a non-empty folder is
// refused without --force, and the input is never overwritten.
func TestReportOutputs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	in := filepath.Join(dir, templates.SampleBudgetName)
	if err := os.WriteFile(in, templates.SampleBudget(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"a", "b"} {
		if res := runGrb(t, []string{"grb", "report", in, "-o", out}); res.code != exitOK {
			t.Fatalf("grb report -o %s: exit %d: %s", out, res.code, res.stderr)
		}
	}
	files := func(root string) []string {
		var names []string
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(root, p)
				names = append(names, rel)
			}
			return nil
		})
		sort.Strings(names)
		return names
	}
	a, b := files("a"), files("b")
	want := []string{"charts/execution.png", "charts/execution.svg", "charts/gewe-by-objective.png", "charts/gewe-by-objective.svg",
		"charts/gewe-trend.png", "charts/gewe-trend.svg", "charts/markers-by-ministry.png", "charts/markers-by-ministry.svg", "report.html", "report.xlsx"}
	if len(a) != len(want) {
		t.Fatalf("outputs %v, want %v", a, want)
	}
	for i, name := range want {
		if a[i] != name || b[i] != name {
			t.Errorf("output %d: %q and %q, want %q", i, a[i], b[i], name)
			continue
		}
		x, _ := os.ReadFile(filepath.Join("a", name))
		y, _ := os.ReadFile(filepath.Join("b", name))
		if !bytes.Equal(x, y) || len(x) == 0 {
			t.Errorf("%s differs between two runs (or is empty)", name)
		}
	}
	if res := runGrb(t, []string{"grb", "report", in, "-o", "a"}); res.code != exitUsage {
		t.Errorf("report into a non-empty folder: exit %d, want %d", res.code, exitUsage)
	}
	if res := runGrb(t, []string{"grb", "report", in, "-o", "a", "--force"}); res.code != exitOK {
		t.Errorf("report --force: exit %d: %s", res.code, res.stderr)
	}
	orig, _ := os.ReadFile(in)
	if !bytes.Equal(orig, templates.SampleBudget()) {
		t.Errorf("the input was modified")
	}
	// An output path that is the input is refused.
	if err := writeAtomic(in, []string{in}, func(*os.File) error { return nil }); err == nil {
		t.Errorf("writeAtomic over the input: no error")
	}
}
