package xlsx

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget/grid"
)

// A share typed "60%" is stored as 0.6 under a percentage format: the
// rows say which cells carry one (built-in 9 and 10, or a custom code
// with a % in its first section outside quotes).
func TestIsPercent(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	style := func(s excelize.Style) int {
		id, err := f.NewStyle(&s)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	custom := func(code string) int { return style(excelize.Style{CustomNumFmt: &code}) }
	cells := []struct {
		v     any
		style int
		pct   bool
	}{
		{0.6, style(excelize.Style{NumFmt: 9}), true},    // A: 0%
		{0.125, style(excelize.Style{NumFmt: 10}), true}, // B: 0.00%
		{0.6, 0, false},                                   // C: General
		{0.125, custom("0.0%"), true},                     // D
		{5, custom(`0.00" %"`), false},                    // E: a quoted %
		{5, custom(`0;[Red]0%`), false},                   // F: % only for negatives
		{"60%", style(excelize.Style{NumFmt: 9}), false},  // G: text
		{1234.5, style(excelize.Style{NumFmt: 4}), false}, // H: #,##0.00
		{0.4, custom(`[$-409]0.00\%`), false},             // I: an escaped %
		{0.4, custom(`#,##0.0 %;-#,##0.0 %`), true},       // J
	}
	for i, c := range cells {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellValue("Sheet1", ref, c.v); err != nil {
			t.Fatal(err)
		}
		if c.style != 0 {
			if err := f.SetCellStyle("Sheet1", ref, ref, c.style); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	src, err := Open(bytes.NewReader(buf.Bytes()), "p.xlsx", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	it, err := src.Rows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	defer it.Close()
	if !it.Next() {
		t.Fatal("no row")
	}
	pr, ok := it.(grid.Percents)
	if !ok {
		t.Fatal("xlsx rows do not implement grid.Percents")
	}
	var got, want []bool
	for i, c := range cells {
		got, want = append(got, pr.IsPercent(i)), append(want, c.pct)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("IsPercent per column A–J (-want +got):\n%s", diff)
	}
	cellsOf, pcts, err := grid.CellsWithPercents(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v := cellsOf["Sheet1"][0][0]; v != "0.6" || !pcts["Sheet1"][grid.CellPos{Row: 1, Col: 0}] || pcts["Sheet1"][grid.CellPos{Row: 1, Col: 2}] {
		t.Errorf("CellsWithPercents: A1 %q, percents %v", v, pcts)
	}
}
