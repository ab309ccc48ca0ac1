package reports

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
)

// genBudgetXLSX writes an n-line budget workbook: 24 ministries, split
// objectives, every marker form, approved and executed amounts.
func genBudgetXLSX(tb testing.TB, path string, n int) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	set := func(row int, v []any) {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, v); err != nil {
			tb.Fatal(err)
		}
	}
	set(1, []any{"Generated budget, amounts in thousands of USD"})
	set(2, []any{"Fiscal year", "Vote code", "Ministry", "Programme code", "Line description", "Approved", "Executed", "GCM objective(s)", "Gender marker (OECD DAC)", "Women", "Men"})
	objs := []string{"7", "7 (60%), 16 (40%)", "3; 7", "11", "21"}
	marks := []any{0, 1, 2, ""}
	for i := 0; i < n; i++ {
		u := i % 24
		set(i+3, []any{2024 + i%2, 100 + u, "Ministry " + strconv.Itoa(u), fmt.Sprintf("%d-%02d", 100+u, i%7), "Line " + strconv.Itoa(i),
			float64(1000 + i%9000), float64(900 + i%8000), objs[i%len(objs)], marks[i%len(marks)], i % 50, i % 40})
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkReport runs what `grb report` does on a 100,000-line xlsx
// budget: read, analyse, and write the workbook, the HTML page and the
// charts.
func BenchmarkReport(b *testing.B) {
	path := filepath.Join(b.TempDir(), "budget.xlsx")
	genBudgetXLSX(b, path, 100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bud, err := input.ReadFile(path, budget.Options{})
		if err != nil {
			b.Fatal(err)
		}
		r, err := Build([]*budget.Budget{bud}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteWorkbook(io.Discard, r); err != nil {
			b.Fatal(err)
		}
		charts, err := RenderCharts(r)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteHTML(io.Discard, r, charts); err != nil {
			b.Fatal(err)
		}
	}
}

var _ = os.Getenv
