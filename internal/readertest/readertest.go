package readertest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
)

// RealFile returns the path of rel in the folder of real public budgets
// shared with the project (beside the repository), or skips the test when
// it is not there: a user's clone does not have it.
func RealFile(t testing.TB, rel string) string {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	p := filepath.Join(filepath.Dir(self), "..", "..", "..", "shared", "data", "real", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real data not available (%s): %v", p, err)
	}
	return p
}

// BuildXLSX writes a workbook from literal rows; hidden names sheets to hide.
func BuildXLSX(t testing.TB, sheets map[string][][]any, hidden []string, order ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if len(order) == 0 {
		for n := range sheets {
			order = append(order, n)
		}
	}
	for i, name := range order {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, h := range hidden {
		if err := f.SetSheetVisible(h, false); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// CheckLedger reports, through t, every way in which b's ledger fails to
// account for its rows: runs out of order, line rows that do not make
// b's lines, or sheet counts that differ from the ledger.
func CheckLedger(t testing.TB, b *budget.Budget) {
	t.Helper()
	n := map[string]int{}
	last := map[string]int{}
	classes := map[string][]int{}
	lines := 0
	for _, r := range b.Ledger {
		if r.Rows < 1 {
			t.Errorf("ledger: %s row %d: %d rows", r.Sheet, r.Row, r.Rows)
		}
		n[r.Sheet] += r.Rows
		if r.Row <= last[r.Sheet] {
			t.Errorf("ledger: %s row %d after row %d", r.Sheet, r.Row, last[r.Sheet])
		}
		last[r.Sheet] = r.Last()
		if classes[r.Sheet] == nil {
			classes[r.Sheet] = make([]int, len(budget.RowClasses()))
		}
		classes[r.Sheet][r.Class] += r.Rows
		lines += r.Rows * r.Lines
	}
	if lines != b.Lines.Len() {
		t.Errorf("ledger: line rows make %d lines, budget has %d", lines, b.Lines.Len())
	}
	for _, s := range b.Sheets {
		if s.Skipped != "" {
			continue
		}
		sum := 0
		for c, k := range s.Counts {
			sum += k
			if got := classes[s.Name]; got != nil && got[c] != k {
				t.Errorf("sheet %q: %d %s rows counted, %d in the ledger", s.Name, k, budget.RowClass(c), got[c])
			}
		}
		if sum != s.Rows || n[s.Name] != s.Rows {
			t.Errorf("sheet %q: %d rows read, %d classified, %d in the ledger", s.Name, s.Rows, sum, n[s.Name])
		}
	}
}

// SumPhase returns the sum of the lines' amounts of phase p (absent
// amounts are not counted); it ignores an overflow.
func SumPhase(lines budget.Lines, p budget.Phase) budget.Money {
	var s budget.Sum
	for i := range lines.Len() {
		if v, ok := lines.AmountsAt(i).Get(p); ok {
			s.Add(v)
		}
	}
	v, _ := s.Value()
	return v
}

// WorkbookCells returns every cell of every sheet of an xlsx as excelize
// reads it, the oracle of grb's own sheet writers: by "Sheet!A1", the raw
// value, whether it is text or a number (inline and shared strings alike)
// and the style, for each cell with a value or a style (up to 20 columns
// right of the widest row, so that styled empty cells count); and by
// "Sheet table NAME", each table's range. mark, when not nil, replaces
// the entry of a value for which it returns a text.
func WorkbookCells(t testing.TB, data []byte, mark func(v string) (string, bool)) map[string]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		for r := 1; r <= len(rows)+1; r++ {
			for c := 1; c <= width+20; c++ {
				ref, _ := excelize.CoordinatesToCellName(c, r)
				v, err := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				typ, _ := f.GetCellType(sh, ref)
				st, err := f.GetCellStyle(sh, ref)
				if err != nil {
					t.Fatal(err)
				}
				if v == "" && st == 0 {
					continue
				}
				if mark != nil {
					if m, ok := mark(v); ok {
						out[sh+"!"+ref] = m
						continue
					}
				}
				kind := "number"
				switch typ {
				case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
					kind = "text"
				case excelize.CellTypeUnset:
					kind = "unset"
				}
				out[sh+"!"+ref] = fmt.Sprintf("%q %s style %d", v, kind, st)
			}
		}
		tables, err := f.GetTables(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range tables {
			out[sh+" table "+tb.Name] = tb.Range
		}
	}
	return out
}
