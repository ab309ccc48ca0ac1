package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget/grid"
)

// TestRowCount checks the hint a sheet's <dimension> gives: its last row,
// bounded by the rows the part can hold, and nothing without a dimension.
func TestRowCount(t *testing.T) {
	rows := strings.Repeat(`<row><c><v>1</v></c></row>`, 3)
	head := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
	for _, tc := range []struct {
		name, dim string
		want      int
	}{
		{"range", `<dimension ref="A1:C3"/>`, 3},
		{"one cell", `<dimension ref="A1"/>`, 1},
		{"none", ``, 0},
		{"lying", `<dimension ref="A1:XFD1048576"/>`, (len(head) + 200) / minRowBytes},
	} {
		t.Run(tc.name, func(t *testing.T) {
			xl := buildWorkbook(t, []testSheet{{name: "Budget", xml: head + tc.dim + `<sheetData>` + rows + `</sheetData></worksheet>`}}, "", nil)
			src, err := Open(bytes.NewReader(xl), "b.xlsx", 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			it, err := src.Rows("Budget")
			if err != nil {
				t.Fatal(err)
			}
			defer it.Close()
			if !it.Next() {
				t.Fatal(it.Err())
			}
			got := it.(grid.RowCount).RowCount()
			if tc.name == "lying" {
				if got > tc.want || got < 3 {
					t.Errorf("RowCount = %d, want at most %d (the part's size) and at least 3", got, tc.want)
				}
				return
			}
			if got != tc.want {
				t.Errorf("RowCount = %d, want %d", got, tc.want)
			}
		})
	}
}
