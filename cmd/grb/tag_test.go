package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
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
	if res.code != exitOK || res.stdout != string(tagging.DefaultRulesYAML()) || res.stderr != "" {
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
	tg, err := tagging.Read(bytes.NewReader(data), "tagging.xlsx", budget.Options{})
	if err != nil {
		t.Fatalf("ReadTagging: %v", err)
	}
	if len(tg.Rows) != 1 || tg.Rows[0].Tag.Cells[tagging.ColObjective1] != "7" || tg.Rows[0].Tag.Status != tagging.StatusSuggested {
		t.Errorf("rows %+v, want one row with objective 7 suggested", tg.Rows)
	}
	// The suggestion is not confirmed: validate says so, exit 1.
	res := runGrb(t, []string{"grb", "validate", "tagging.xlsx"})
	if res.code != exitInvalid || !bytes.Contains([]byte(res.stdout), []byte("[tag-unconfirmed]")) {
		t.Errorf("grb validate: exit %d, stdout %q; want 1 and tag-unconfirmed", res.code, res.stdout)
	}
}

// TestEvaluateTaggingWorkbook evaluates the rules against a returned
// tagging workbook: its confirmed and not-screened rows are the truth.
func TestEvaluateTaggingWorkbook(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("..", "..", "testdata", "cli", "validate-tagging-clean.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	text, _ := section(ar, "tagging.xlsx")
	data, err := buildWorkbook(text)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("tagging.xlsx", data, 0o666); err != nil {
		t.Fatal(err)
	}
	res := runGrb(t, []string{"grb", "tag", "--evaluate", "tagging.xlsx", "--no-model"}) // the rules alone
	if res.code != exitOK {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	// Six rows, all confirmed or not screened. Objectives: the rules
	// suggest 5 and 11 (row 2), 7 (rows 3 and 4), 14 and 19 for row 6
	// (consular and diaspora disagree: both, for review), nothing for rows
	// 5 and 7; the truth adds 16 to row 4. TP 6 (5, 11, 7, 7, 14, 19),
	// FP 0, FN 1 (16). Markers, on
	// the five rows with one: significant suggested on row 4 (principal),
	// principal on row 5 (principal): right on 1.
	for _, want := range []string{
		"tagging.xlsx: suggestions by grb's default rules (30 rules), against the tags of 6 lines",
		"          all     7          6      6      0       1       1.00    0.86  0.92",
		"  right level: 1 of 5 (20%)",
	} {
		if !bytes.Contains([]byte(res.stdout), []byte(want+"\n")) {
			t.Errorf("output lacks %q:\n%s", want, res.stdout)
		}
	}
}
