package main

import (
	"os"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

// grb template --lang fr writes the tagging workbook's words in French;
// grb tag on the returned workbook keeps its language unless --lang
// says another; grb validate reads each.
func TestTemplateLang(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("budget.csv", []byte("Programme code,Programme,Approved\n0605030,Refugee Affairs,500\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	firstCell := func(file string) (sheet, a1 string) {
		t.Helper()
		f, err := excelize.OpenFile(file)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sheet = f.GetSheetList()[0]
		a1, _ = f.GetCellValue(sheet, "A1")
		return sheet, a1
	}
	steps := []struct {
		args      []string
		sheet, a1 string
		lang      string // of the workbook read back
	}{
		{[]string{"grb", "template", "--lang", "fr", "budget.csv", "-o", "fr.xlsx"}, "Mode d’emploi", "Comment marquer ce budget", "fr"},
		{[]string{"grb", "tag", "--no-model", "fr.xlsx", "-o", "again.xlsx"}, "Mode d’emploi", "Comment marquer ce budget", "fr"},
		{[]string{"grb", "tag", "--no-model", "--lang", "es", "again.xlsx", "-o", "es.xlsx"}, "Instrucciones", "Cómo etiquetar este presupuesto", "es"},
		{[]string{"grb", "template", "--lang", "en", "es.xlsx", "-o", "en.xlsx"}, "Instructions", "How to tag this budget", ""},
	}
	for _, s := range steps {
		res := runGrb(t, s.args)
		if res.code != exitOK {
			t.Fatalf("%v: exit %d, stderr %q", s.args, res.code, res.stderr)
		}
		out := s.args[len(s.args)-1]
		if sheet, a1 := firstCell(out); sheet != s.sheet || a1 != s.a1 {
			t.Errorf("%v: first sheet %q, A1 %q; want %q, %q", s.args, sheet, a1, s.sheet, s.a1)
		}
		tg, err := tagging.ReadFile(out, budget.Options{})
		if err != nil {
			t.Fatalf("%v: read back: %v", s.args, err)
		}
		if tg.Lang != s.lang || len(tg.Rows) != 1 {
			t.Errorf("%v: read back language %q, %d rows; want %q, 1", s.args, tg.Lang, len(tg.Rows), s.lang)
		}
		if res := runGrb(t, []string{"grb", "validate", out}); res.code != exitInvalid {
			t.Errorf("grb validate %s: exit %d, stderr %q; want 1 (a suggestion not confirmed)", out, res.code, res.stderr)
		}
	}
	if res := runGrb(t, []string{"grb", "template", "--lang", "de", "budget.csv", "-o", "de.xlsx"}); res.code != exitUsage {
		t.Errorf("grb template --lang de: exit %d, want %d", res.code, exitUsage)
	}
}
