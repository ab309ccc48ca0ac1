package reports

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// Item 15 of issue 13: a text cell longer than Excel's 32,767 characters
// was cut in report.xlsx without a note. The Methodology sheet says how
// many cells were cut, and where; the report counts them for the CLI.
func TestLongCellsCutAreSaid(t *testing.T) {
	long := strings.Repeat("é", 40000) // characters, not bytes
	lines := make([]budget.Line, 3)
	for i, d := range []string{long, "Shelters", long[:2*32767]} { // the last is exactly at the limit
		lines[i].Amounts.Set(budget.Approved, budget.FromCents(100))
		lines[i].Currency = "EUR"
		lines[i].Description = d
	}
	r, err := Build([]*budget.Budget{{Source: "long.csv", Lines: budget.LinesOf(lines...)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := writeAndOpen(t, r)
	if got := r.CutCells["Lines"]; got != 1 || len(r.CutCells) != 1 {
		t.Errorf("CutCells = %v, want Lines: 1", r.CutCells)
	}
	rows, _ := f.GetRows("Methodology")
	said := false
	for _, row := range rows {
		s := strings.Join(row, " ")
		if strings.Contains(s, "32,767") && strings.Contains(s, "Lines: 1") {
			said = true
		}
	}
	if !said {
		t.Errorf("Methodology does not say that 1 cell of Lines was cut to 32,767 characters")
	}
	r2 := sampleReport(t)
	writeAndOpen(t, r2)
	if len(r2.CutCells) != 0 {
		t.Errorf("sample: CutCells = %v, want none", r2.CutCells)
	}
}
