package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/analysis"
)

// internalCitations are the marks of grb's own research notes, which no
// output may cite: outputs cite public sources only.
var internalCitations = []string{"domain.md", "domain reference", "§", "memory", "⚠", "❌", "✅"}

// TestNoInternalCitations runs every command that prints sources
// (schemes, objectives, check with each built-in profile, text and json,
// sdg5c1 --template and the demo's report) and fails if any output cites
// an internal document.
func TestNoInternalCitations(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("b.csv", []byte("Fiscal year,Line description,Approved,Gender marker\n2024,Shelters,100,2\n2024,Borders,100,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runs := [][]string{{"grb", "schemes"}, {"grb", "objectives"}, {"grb", "demo", "-o", "demo"},
		{"grb", "sdg5c1", "--template", "-o", "q.xlsx"}}
	for _, p := range analysis.Profiles() {
		runs = append(runs,
			[]string{"grb", "check", "b.csv", "--profile", p.Name, "--scheme", "oecd_dac"},
			[]string{"grb", "check", "b.csv", "--profile", p.Name, "--scheme", "oecd_dac", "--format", "json"},
			[]string{"grb", "report", "b.csv", "--profile", p.Name, "--scheme", "oecd_dac", "-o", "r-" + p.Name})
	}
	outputs := map[string]string{}
	for _, args := range runs {
		res := runGrb(t, args)
		outputs[strings.Join(args, " ")] = res.stdout + res.stderr
	}
	for _, dir := range []string{"demo", "r-un-15"} {
		for _, name := range []string{"report.html"} {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			outputs[filepath.Join(dir, name)] = string(data)
		}
	}
	for what, out := range outputs {
		for _, bad := range internalCitations {
			if i := strings.Index(out, bad); i >= 0 {
				lo, hi := max(0, i-80), min(len(out), i+40)
				t.Errorf("%s cites %q: …%s…", what, bad, out[lo:hi])
			}
		}
	}
}
