package reports

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// portraitWidth is the width, in Excel character units, of the columns
// that print on a portrait A4 page at a readable scale; a sheet wider
// than that prints landscape.
const portraitWidth = 100

// printSetup makes every sheet print-ready: A4, landscape when wide, fitted
// to one page wide (as many pages tall as it takes), its table's header
// row repeated on each page, and a footer naming the source with the page
// number.
func (x *xlsxWriter) printSetup() {
	for _, sheet := range x.f.GetSheetList() {
		if !x.printed[sheet] {
			x.printSheet(sheet)
		}
	}
}

// printSheet sets up the page of one sheet (a streamed sheet before it
// is streamed: excelize writes its settings then).
func (x *xlsxWriter) printSheet(sheet string) {
	if x.err != nil {
		return
	}
	if x.printed == nil {
		x.printed = map[string]bool{}
	}
	x.printed[sheet] = true
	a4, one, tall, orient := 9, 1, 0, "portrait"
	if x.width[sheet] > portraitWidth {
		orient = "landscape"
	}
	x.err = x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient, FitToWidth: &one, FitToHeight: &tall})
	if x.err != nil {
		return
	}
	fit := true
	if x.err = x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); x.err != nil {
		return
	}
	if x.err = x.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: x.footer}); x.err != nil {
		return
	}
	if top, ok := x.headRow[sheet]; ok {
		x.err = x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheet, "'", "''"), top, top)})
	}
}

// footerText is the footer of every sheet: the source at the left, the
// page number at the right.
func footerText(r *Report) string {
	return "&L&8" + strings.ReplaceAll(footerSource(r), "&", "&&") + "&R&8" + pageOf(r)
}

// footerSource is the footer's source: the report's input files.
func footerSource(r *Report) string {
	return r.p.F("Source: %s", r.p.chartSources(r))
}

// pageOf is the footer's page number field (&P and &N are Excel's page
// number and page count).
func pageOf(r *Report) string { return r.p.F("Page %s of %s", "&P", "&N") }

// chartAxes are the axes of report.xlsx's bar charts: values with
// thousands separators (or per cent), labels in dark grey.
func chartAxesXLSX(percent bool) (cat, val excelize.ChartAxis) {
	dark := excelize.Font{Color: "262626", Size: 9}
	code := "#,##0"
	if percent {
		code = "0%"
	}
	return excelize.ChartAxis{Font: dark}, excelize.ChartAxis{Font: dark, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: code}}
}
