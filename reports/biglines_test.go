package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// A Lines sheet that would pass the row limit of a sheet continues on
// Lines 2, Lines 3…, every line once and in order, and the Methodology
// sheet says so. The limit is lowered to keep the test small.
func TestLinesSheetSplits(t *testing.T) {
	defer func(n int) { sheetRows = n }(sheetRows)
	sheetRows = 100 // a header and 99 lines per sheet
	r := sampleReport(t)
	n := 0
	for _, b := range r.Budgets {
		n += b.Lines.Len()
	}
	f, _ := writeAndOpen(t, r)
	got := 0
	var names []string
	for i := 1; ; i++ {
		name := "Lines"
		if i > 1 {
			name = fmt.Sprintf("Lines %d", i)
		}
		rows, err := f.GetRows(name)
		if err != nil {
			break
		}
		names = append(names, name)
		if len(rows) > sheetRows {
			t.Errorf("%s has %d rows, over the limit of %d", name, len(rows), sheetRows)
		}
		if len(rows) == 0 || rows[0][0] != "File" {
			t.Fatalf("%s has no header", name)
		}
		// The first line of each sheet is the next line of the budget.
		if want := r.Budgets[0].Lines.RowAt(got); len(rows) > 1 && rows[1][2] != fmt.Sprint(want) {
			t.Errorf("%s starts with row %s, want %d", name, rows[1][2], want)
		}
		got += len(rows) - 1
	}
	if want := (n + 98) / 99; len(names) != want || got != n {
		t.Fatalf("sheets %v with %d lines, want %d sheets and %d lines", names, got, want, n)
	}
	rows, _ := f.GetRows("Methodology")
	said := false
	for _, row := range rows {
		if strings.Contains(strings.Join(row, " "), "Lines 2") {
			said = true
		}
	}
	if !said {
		t.Errorf("Methodology does not say that the lines continue on Lines 2")
	}
}

// Lines continued on several sheets give the same bytes every time:
// excelize wrote its streamed sheets in map order, so a report of more
// than 1,048,575 lines differed from one run to the next.
func TestLinesSheetsDeterministic(t *testing.T) {
	defer func(n int) { sheetRows = n }(sheetRows)
	sheetRows = 20 // the sample's lines on several sheets
	r := sampleReport(t)
	if names := linesSheetNames(r); len(names) < 5 {
		t.Fatalf("lines on %v, want five sheets or more", names)
	}
	var first bytes.Buffer
	if err := WriteWorkbook(&first, r); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		var again bytes.Buffer
		if err := WriteWorkbook(&again, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), again.Bytes()) {
			t.Fatalf("write %d of one report gave other bytes (%d and %d bytes)", i+2, first.Len(), again.Len())
		}
	}
}

// The real limit: a budget of 1,048,576 lines (one more than a sheet
// holds under its header), built in memory, is written whole.
func TestLinesSheetExcelLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a workbook of a million lines")
	}
	lines := make([]budget.Line, excelRows)
	for i := range lines {
		lines[i].Amounts.Set(budget.Approved, budget.FromCents(int64(i%1000+1)*100))
		lines[i].Currency = "EUR"
		lines[i].Description = "line"
	}
	r, err := Build([]*budget.Budget{{Source: "big.csv", Lines: budget.LinesOf(lines...)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, r); err != nil {
		t.Fatalf("a report of %d lines: %v", len(lines), err)
	}
}

// excelRows is the row limit of an Excel sheet.
const excelRows = 1 << 20
