package reports

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// soffice finds LibreOffice (Debian's libreoffice-calc-nogui, which .ci/run
// installs), or skips the test.
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no LibreOffice found: install Debian's libreoffice-calc-nogui to run the round-trip and print tests")
	return ""
}

// convert has LibreOffice convert file to format (pdf, xlsx) in out.
func convert(t *testing.T, exe, file, format, out string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(out, "profile"),
		"--convert-to", format, "--outdir", out, file)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, b)
	}
	base := filepath.Base(file)
	res := filepath.Join(out, base[:len(base)-len(filepath.Ext(base))]+"."+format)
	if _, err := os.Stat(res); err != nil {
		t.Fatalf("soffice wrote no %s", res)
	}
	return res
}

// TestWorkbookInLibreOffice prints the demo's report.xlsx to PDF with
// LibreOffice: at most 30 pages (it was about 100 before page setup), and
// re-saved as .xlsx it still has every sheet.
func TestWorkbookInLibreOffice(t *testing.T) {
	exe := soffice(t)
	r := sampleReport(t)
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, r); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf, err := os.ReadFile(convert(t, exe, in, "pdf", filepath.Join(dir, "pdf")))
	if err != nil {
		t.Fatal(err)
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page\b[^s]`).FindAll(pdf, -1))
	t.Logf("report.xlsx prints to %d pages", pages)
	if pages == 0 || pages > 30 {
		t.Errorf("report.xlsx prints to %d pages, want 1 to 30", pages)
	}
	back := convert(t, exe, in, "xlsx", filepath.Join(dir, "xlsx"))
	f, err := excelize.OpenFile(back)
	if err != nil {
		t.Fatalf("LibreOffice's report.xlsx: %v", err)
	}
	defer f.Close()
	orig, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	defer orig.Close()
	if got, want := f.GetSheetList(), orig.GetSheetList(); len(got) != len(want) {
		t.Errorf("re-saved by LibreOffice: sheets %v, want %v", got, want)
	}
}
