package tagging_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

// A share typed "60%" in a spreadsheet is stored as 0.6 under a
// percentage format: it reads as 60, not 0.6, and the row's shares sum
// to 100. Both forms, 60 and 60%, validate.
func TestTypedPercentShares(t *testing.T) {
	for _, tc := range []struct {
		name       string
		h4, j4     any
		percentFmt bool
	}{
		{"typed 60% and 40%", 0.6, 0.4, true},
		{"typed 60 and 40", 60, 40, false},
		{"text 60% and 40%", "60%", "40%", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, data := makeTemplate(t, "budget.csv", tagSource, nil)
			f := openXLSX(t, data)
			set(t, f, map[string]any{
				"G4": 7, "H4": tc.h4, "I4": 16, "J4": tc.j4, "M4": 2, "N4": "Legal aid", "O4": "B. Reviewer", "P4": "confirmed",
			})
			if tc.percentFmt {
				code := "0%"
				st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range []string{"H4", "J4"} {
					if err := f.SetCellStyle("Tagging", c, c, st); err != nil {
						t.Fatal(err)
					}
				}
			}
			tg, err := tagging.Read(bytes.NewReader(saveXLSX(t, f)), "tagged.xlsx", budget.Options{})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			for _, is := range tagging.Check(tg) {
				if is.Code == "share-sum" || is.Code == "share-invalid" {
					t.Errorf("issue %s: %s", is.Code, is.Message)
				}
			}
			l := tg.Budget.Lines.At(2)
			if len(l.Objectives) != 2 || l.Objectives[0].Share != 6000 || l.Objectives[1].Share != 4000 {
				t.Errorf("row 4 objectives %+v, want 7 at 60%% and 16 at 40%%", l.Objectives)
			}
		})
	}
}

// Numbers stay numbers: a value another program stored as
// 99.98999999999999 (the float nearest 99.99, written with 16 digits), in
// exponent form, or with a trailing zero, is a numeric cell in the tagging
// workbook, with the text it had; codes with a leading zero stay text.
func TestNumbersStayNumbers(t *testing.T) {
	src := excelize.NewFile()
	defer src.Close()
	rows := [][]string{
		{"Programme code", "Description", "Approved", "Executed"},
		{"0605020", "Immigration services", "99.98999999999999", "1E+3"},
		{"0605030", "Reception of refugees", "12.50", "450"},
	}
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			var err error
			if r == 0 || c < 2 {
				err = src.SetCellStr("Sheet1", ref, v)
			} else {
				err = src.SetCellDefault("Sheet1", ref, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	tg, err := tagging.New(bytes.NewReader(saveXLSX(t, src)), "budget.xlsx", budget.Options{}, "")
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	tg.Rows[0].Tag.Cells[tagging.ColObjective1] = "7"
	tg.Rows[0].Tag.Cells[tagging.ColShare1] = "60%"
	tg.Rows[0].Tag.Cells[tagging.ColObjective1+2] = "16"
	tg.Rows[0].Tag.Cells[tagging.ColShare1+2] = "40"
	var buf bytes.Buffer
	if err := tagging.Write(&buf, tg, tagging.WriteOptions{MadeBy: "test"}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f := openXLSX(t, buf.Bytes())
	sheet := tg.Sheets[0].Name
	share1, _ := excelize.CoordinatesToCellName(tg.Sheets[0].TagCol(tagging.ColShare1), 2)
	share2, _ := excelize.CoordinatesToCellName(tg.Sheets[0].TagCol(tagging.ColShare1+2), 2)
	for _, c := range []struct {
		cell, raw string
		number    bool
	}{
		{"A2", "0605020", false},
		{"C2", "99.98999999999999", true},
		{"D2", "1E+3", true},
		{"C3", "12.50", true},
		{"D3", "450", true},
		{share1, "60", true},
		{share2, "40", true},
	} {
		typ, err := f.GetCellType(sheet, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue(sheet, c.cell, excelize.Options{RawCellValue: true})
		isNum := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset
		if isNum != c.number || raw != c.raw {
			t.Errorf("%s: %q (type %v), want %q as a number: %v", c.cell, raw, typ, c.raw, c.number)
		}
	}
}
