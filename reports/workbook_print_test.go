package reports

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// report.xlsx is print-ready: every sheet fits one page wide, landscape
// when wide, repeats its header row, has a footer with the source and the
// page number; header cells are bold, filled, wrapped and capitalised;
// chart value axes have thousands separators and dark labels.
func TestWorkbookPrintReady(t *testing.T) {
	r := sampleReport(t)
	f, data := writeAndOpen(t, r)
	names := map[string]bool{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			names[dn.Scope] = true
		}
	}
	for _, sheet := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: not fitted to one page wide: %+v", sheet, pl)
		}
		props, _ := f.GetSheetProps(sheet)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page is off", sheet)
		}
		hf, _ := f.GetHeaderFooter(sheet)
		if hf == nil {
			hf = &excelize.HeaderFooterOptions{}
		}
		if !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "examplia-budget.xlsx") {
			t.Errorf("%s: footer %q, want the source and the page number", sheet, hf.OddFooter)
		}
		if sheet == "Methodology" || (sheet == "Changes" && r.Diff == nil) {
			continue // Changes of one budget is a sentence, no table
		}
		if !names[sheet] {
			t.Errorf("%s: no print titles (repeated header row)", sheet)
		}
	}
	if pl, _ := f.GetPageLayout("By ministry"); pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Errorf("By ministry is wide and not landscape")
	}
	// The header of the By objective table: bold, filled, wrapped,
	// capitalised.
	rows, _ := f.GetRows("By objective")
	for c, h := range rows[0] {
		if h != "" && unicode.IsLower([]rune(h)[0]) {
			t.Errorf("By objective header %q starts lower-case", h)
		}
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		id, _ := f.GetCellStyle("By objective", cell)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 || st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("By objective header %s %q: style %+v, want bold, fill and wrap", cell, h, st)
			break
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		charts++
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		x := string(b)
		if !strings.Contains(x, `formatCode="#,##0"`) && !strings.Contains(x, `formatCode="0%"`) {
			t.Errorf("%s: the value axis has no thousands separator or per cent format", zf.Name)
		}
		if !strings.Contains(x, `val="262626"`) {
			t.Errorf("%s: axis labels not in dark grey 262626", zf.Name)
		}
	}
	if charts == 0 {
		t.Fatal("no chart in report.xlsx")
	}
}
