package tagging

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/xlsx"
	"github.com/grb-toolkit/grb/internal/readertest"
	"github.com/grb-toolkit/grb/internal/xlsxcell"
	"github.com/grb-toolkit/grb/templates"
)

// oracleSource is a budget whose cells test what a text or number cell can
// hold: spaces around text, characters XML does not allow, text a reader
// would take for an escaped character, a cell longer than Excel allows,
// numbers written with trailing zeros, an exponent or 20 digits, codes
// with a leading zero, a two-row header, and an empty row.
func oracleSource() string {
	long := strings.Repeat("très long texte ", 2500) // 40,000 characters
	return "Budget 2024,,,,\n" +
		",,,Allocations,\n" +
		"Vote,Code,Description,Approved,Executed\n" +
		"1021,0605020,\"  Immigration services \",1000.50,900\n" +
		"1021,0605030,Reception of refugees\x01 and \x7f migrants,500,1E+3\n" +
		"1212,0912010,Gender _x0041_ mainstreaming & <equality>,12345678901234567890,150.00\n" +
		",,,,\n" +
		"1011,0702010,\"" + long + "\",99.98999999999999,-0\n" +
		"1011,0702011,\"Line\nwith a break\",2000,1900\n"
}

// writeBoth writes t through this package's rows and through excelize's
// model.
func writeBoth(t *testing.T, tg *Tagging) (rows, model []byte) {
	t.Helper()
	var a, b bytes.Buffer
	if err := writeWorkbook(&a, tg, WriteOptions{MadeBy: "test"}, false); err != nil {
		t.Fatalf("rows: %v", err)
	}
	if err := writeWorkbook(&b, tg, WriteOptions{MadeBy: "test"}, true); err != nil {
		t.Fatalf("model: %v", err)
	}
	return a.Bytes(), b.Bytes()
}

// cellsOf returns every cell of every sheet of an xlsx as excelize reads
// it, cells whose text holds "_x" as bstrCell.
func cellsOf(t *testing.T, data []byte) map[string]string {
	t.Helper()
	return readertest.WorkbookCells(t, data, func(v string) (string, bool) {
		return bstrCell, strings.Contains(v, "_x")
	})
}

// bstrCell stands for a cell whose text holds "_x": excelize's model
// writes "_x0041_" so that it reads back as "A" (and its reader decodes
// escapes its own way), so such cells are compared by grb's reader.
const bstrCell = "(text with _x)"

// TestTagRowsAsExcelizeModel: the tagging sheets written row by row read,
// through excelize, cell for cell as the same cells written through
// excelize's model (the oracle): values, types and styles; and grb reads
// both workbooks back to the same budget and tags.
func TestTagRowsAsExcelizeModel(t *testing.T) {
	inputs := []struct{ name, text string }{
		{"oracle.csv", oracleSource()},
		{templates.SampleBudgetName, string(templates.SampleBudget())},
	}
	for _, in := range inputs {
		tg, err := New(strings.NewReader(in.text), in.name, budget.Options{}, "")
		if err != nil {
			t.Fatalf("%s: %v", in.name, err)
		}
		tg.Suggest(SuggestOptions{Rules: DefaultRules()})
		for i := range tg.Rows {
			if i%2 == 0 {
				c := &tg.Rows[i].Tag.Cells
				c[ColObjective1], c[ColShare1], c[ColMarker], c[ColRationale], c[ColStatus] = "11", "60%", "1", " because = _x0042_ ", "confirmed"
			}
		}
		rows, model := writeBoth(t, tg)
		got, want := cellsOf(t, rows), cellsOf(t, model)
		if len(want) == 0 {
			t.Fatalf("%s: the oracle read no cells", in.name)
		}
		n := 0
		for k, w := range want {
			if g := got[k]; g != w && g != bstrCell && w != bstrCell && n < 10 {
				t.Errorf("%s: %s: rows give %s, excelize's model %s", in.name, k, g, w)
				n++
			}
		}
		for k, g := range got {
			if _, ok := want[k]; !ok && n < 10 {
				t.Errorf("%s: %s: rows give %s, excelize's model no cell", in.name, k, g)
				n++
			}
		}
		if in.name == "oracle.csv" {
			// excelize's model writes "_x0041_" so that it reads back as
			// "A"; the rows keep the text as written.
			if g := ourText(t, rows, "Tagging", 6, 3); g != "Gender _x0041_ mainstreaming & <equality>" {
				t.Errorf("C6: %q, want the text as written", g)
			}
		}
		a, err := Read(bytes.NewReader(rows), "rows.xlsx", budget.Options{})
		if err != nil {
			t.Fatalf("%s: read back the rows' workbook: %v", in.name, err)
		}
		b, err := Read(bytes.NewReader(model), "model.xlsx", budget.Options{})
		if err != nil {
			t.Fatalf("%s: read back the model's workbook: %v", in.name, err)
		}
		if a.Budget.Lines.Len() != b.Budget.Lines.Len() || a.Budget.Lines.Len() == 0 {
			t.Fatalf("%s: read back %d and %d lines", in.name, a.Budget.Lines.Len(), b.Budget.Lines.Len())
		}
		for i := range a.Budget.Lines.Len() {
			x, y := a.Budget.Lines.At(i), b.Budget.Lines.At(i)
			if !x.Amounts.Equal(y.Amounts) || x.Description != y.Description && !strings.Contains(x.Description, "_x") || x.Unit != y.Unit || x.Gender != y.Gender ||
				fmt.Sprint(x.Objectives) != fmt.Sprint(y.Objectives) || x.Pos.Row != y.Pos.Row {
				t.Errorf("%s: line %d reads back as %+v from the rows, %+v from the model", in.name, i, x, y)
			}
		}
	}
}

// FuzzTagRowsText writes any cell text through the rows and through
// excelize's model: excelize reads both workbooks to the same cells.
func FuzzTagRowsText(f *testing.F) {
	f.Add("Immigration services", "1000.50", "because")
	f.Add("  x_x0041_\x01\r\n", "1E+3", "_x005F_x0041_")
	f.Add(strings.Repeat("é", 40000), "12345678901234567890", " ")
	f.Fuzz(func(t *testing.T, desc, amount, rationale string) {
		var src strings.Builder
		w := csv.NewWriter(&src)
		w.WriteAll([][]string{{"Programme", "Description", "Approved"}, {"P1", desc, amount}, {"P2", "other", "5"}})
		tg, err := New(strings.NewReader(src.String()), "fuzz.csv", budget.Options{}, "")
		if err != nil || len(tg.Rows) == 0 {
			return
		}
		tg.Rows[0].Tag.Cells[ColRationale] = rationale
		tg.Rows[0].Tag.Cells[ColShare1] = amount
		rows, model := writeBoth(t, tg)
		got, want := cellsOf(t, rows), cellsOf(t, model)
		for k, w := range want {
			if g := got[k]; g != w && g != bstrCell && w != bstrCell {
				t.Errorf("%s: rows give %s, excelize's model %s", k, g, w)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%d cells from the rows, %d from the model", len(got), len(want))
		}
		// Any text, "_x0041_" too, reads back as written (cut to Excel's
		// limit, characters XML does not allow replaced).
		want1 := xmlText(tg.Sheets[0].Cells[1][1])
		if g := ourText(t, rows, tg.Sheets[0].Name, 2, 2); g != want1 {
			t.Errorf("B2 reads back as %q, want %q", g, want1)
		}
	})
}

// xmlText is v as a cell can hold it: cut to 32,767 UTF-16 units, and a
// character XML does not allow replaced by U+FFFD.
func xmlText(v string) string {
	n := 0
	var b strings.Builder
	for _, r := range v {
		if n += utf16.RuneLen(r); n > xlsxcell.MaxUnits {
			break
		}
		if !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ourText returns the text of a cell as grb's xlsx reader reads it.
func ourText(t *testing.T, data []byte, sheet string, row, col int) string {
	t.Helper()
	src, err := xlsx.Open(bytes.NewReader(data), "t.xlsx", 1<<30, 0)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := src.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	for rs.Next() {
		if n, cells := rs.Row(); n == row {
			if col <= len(cells) {
				return cells[col-1]
			}
			return ""
		}
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return ""
}
