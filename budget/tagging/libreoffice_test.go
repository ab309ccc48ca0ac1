package tagging_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

// TestTaggingInLibreOffice fills a tagging workbook with a share typed as
// a percentage, has LibreOffice (Debian's libreoffice-calc-nogui) open and
// re-save it as .xlsx, and reads it back: the tags and the typed 60 % /
// 40 % shares read as they were, with no issue.
func TestTaggingInLibreOffice(t *testing.T) {
	exe := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		t.Skip("no LibreOffice found: install Debian's libreoffice-calc-nogui to run the round-trip test")
	}
	_, data := makeTemplate(t, "budget.csv", tagSource, nil)
	f := openXLSX(t, data)
	set(t, f, map[string]any{
		"M2": 0, "N2": "Visas", "O2": "A. Officer", "P2": "confirmed",
		"G4": 7, "H4": 0.6, "I4": 16, "J4": 0.4, "M4": 2, "N4": "Legal aid", "O4": "B. Reviewer", "P4": "confirmed",
	})
	code := "0%"
	st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"H4", "J4"} {
		if err := f.SetCellStyle("Tagging", c, c, st); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "tagging.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, saveXLSX(t, f), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "out")
	cmd := exec.CommandContext(ctx, exe, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx", "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	back, err := os.ReadFile(filepath.Join(out, "tagging.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tagging.Read(bytes.NewReader(back), "tagging.xlsx", budget.Options{})
	if err != nil {
		t.Fatalf("read LibreOffice's workbook: %v", err)
	}
	for _, is := range append(tg.Budget.Issues, tagging.Check(tg)...) {
		if is.Severity == budget.Error && is.Code != "tag-unconfirmed" && is.Code != "tag-missing" { // rows 3, 5, 6 are left to fill
			t.Errorf("issue after LibreOffice: %v", is)
		}
	}
	l := tg.Budget.Lines.At(2)
	if len(l.Objectives) != 2 || l.Objectives[0].Share != 6000 || l.Objectives[1].Share != 4000 {
		t.Errorf("row 4 objectives %+v after LibreOffice, want 7 at 60%% and 16 at 40%%", l.Objectives)
	}
}
