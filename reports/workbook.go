package reports

import (
	"io"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// fixedTime is written as the workbook's creation and modification time,
// so that the same inputs give the same bytes.
const fixedTime = "2000-01-01T00:00:00Z"

// WriteWorkbook writes report.xlsx, the sheets of reportSheets in their
// order: Summary, Currencies (lines in several currencies), Budget and
// aid (with donor aid), By objective, By thematic area, By ministry, By marker, Trends,
// Execution, Changes, Compliance (with a profile), SDG 5.c.1 (with
// questionnaires), Lines, Issues, Reconciliation, Row ledger and
// Methodology. Every table is an Excel table with filters, a frozen
// header, number formats and fitted widths; figures are numbers.
func WriteWorkbook(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f, footer: footerText(r)}
	x.styles()
	for _, sheet := range reportSheets {
		if x.err != nil {
			break
		}
		sheet(x, r)
	}
	r.CutCells = x.cut
	if x.err != nil {
		return x.err
	}
	f.DeleteSheet("Sheet1")
	x.printSetup()
	if x.err != nil {
		return x.err
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    "Gender allocation report",
		Subject:  "Gender-responsive budgeting for the Global Compact for Migration",
		Creator:  "grb",
		Created:  fixedTime,
		Modified: fixedTime,
		Language: "en",
	}); err != nil {
		return err
	}
	// excelize adds the image content types from a map, in random order;
	// sort them so the same report gives the same bytes.
	if ct := f.ContentTypes; ct != nil {
		sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	// The parts in one order, deflated fast, the data rows of the large
	// tables put in, and straight to w: excelize's own Write builds the
	// archive in a buffer first (into which nothing is then written) and
	// copies it.
	splice := map[string]*rowsPart{}
	for id, name := range f.GetSheetMap() {
		if p, ok := x.rows[name]; ok {
			splice["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"] = p // excelize's name (File.NewSheet)
		}
	}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newSortedZip(w, splice) })
	return f.Write(w)
}

// reportSheets are the sheets of report.xlsx, in their order. Each
// function adds its sheet, or nothing when the report has nothing for it
// (Compliance without a profile). Adding a sheet to the report is one
// function and one line here.
var reportSheets = []func(x *xlsxWriter, r *Report){
	summarySheet,
	currenciesSheet,
	joinSheet,
	objectiveSheet,
	areaSheet,
	ministrySheet,
	markerSheet,
	trendsSheet,
	executionSheet,
	changesSheet,
	complianceSheet,
	sdgTrackingSheet,
	linesSheet,
	issuesSheet,
	reconciliationSheet,
	rowLedgerSheet,
	methodologySheet,
}
