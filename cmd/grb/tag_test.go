package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/grb-toolkit/grb/budget"
)

// TestEvaluateSample keeps the hand-tagged sample of the tag-evaluate
// golden case equal to testdata/tagging/hand-tagged.csv, whose figures
// analysis.TestEvaluateHandTagged works out by hand.
func TestEvaluateSample(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "tagging", "hand-tagged.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile(filepath.Join("..", "..", "testdata", "cli", "tag-evaluate.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	got, ok := section(ar, "hand-tagged.csv")
	if !ok || got != string(want) {
		t.Errorf("tag-evaluate.txtar's hand-tagged.csv differs from testdata/tagging/hand-tagged.csv")
	}
}

func TestDefaultRulesFlag(t *testing.T) {
	res := runGrb(t, []string{"grb", "tag", "--default-rules"})
	if res.code != exitOK || res.stdout != string(budget.DefaultRulesYAML()) || res.stderr != "" {
		t.Errorf("grb tag --default-rules: exit %d, %d bytes, stderr %q; want 0 and the embedded rules", res.code, len(res.stdout), res.stderr)
	}
}

// TestTagWritesWorkbook checks that grb tag writes a tagging workbook that
// grb validate then reads as one, and that the temporary file is gone.
func TestTagWritesWorkbook(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	budgetCSV := "Programme code,Programme,Approved\n0605030,Refugee Affairs,500\n"
	if err := os.WriteFile("budget.csv", []byte(budgetCSV), 0o666); err != nil {
		t.Fatal(err)
	}
	if res := runGrb(t, []string{"grb", "tag", "budget.csv", "-o", "tagging.xlsx"}); res.code != exitOK {
		t.Fatalf("grb tag: exit %d, stderr %q", res.code, res.stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("folder holds %d files, want budget.csv and tagging.xlsx", len(entries))
	}
	data, err := os.ReadFile("tagging.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	tg, err := budget.ReadTagging(bytes.NewReader(data), "tagging.xlsx", budget.Options{})
	if err != nil {
		t.Fatalf("ReadTagging: %v", err)
	}
	if len(tg.Rows) != 1 || tg.Rows[0].Tag.Cells[budget.ColObjective1] != "7" || tg.Rows[0].Tag.Status != budget.StatusSuggested {
		t.Errorf("rows %+v, want one row with objective 7 suggested", tg.Rows)
	}
	// The suggestion is not confirmed: validate says so, exit 1.
	res := runGrb(t, []string{"grb", "validate", "tagging.xlsx"})
	if res.code != exitInvalid || !bytes.Contains([]byte(res.stdout), []byte("[tag-unconfirmed]")) {
		t.Errorf("grb validate: exit %d, stdout %q; want 1 and tag-unconfirmed", res.code, res.stdout)
	}
}
