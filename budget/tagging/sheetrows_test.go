package tagging

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
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
// it: raw value, type and style, by sheet and reference.
func cellsOf(t *testing.T, data []byte) map[string]string {
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
				ref := cellRef(c, r)
				v, err := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				typ, _ := f.GetCellType(sh, ref)
				st, err := f.GetCellStyle(sh, ref)
				if err != nil {
					t.Fatal(err)
				}
				if v != "" || st != 0 {
					kind := "number"
					switch typ {
					case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
						kind = "text" // inline here, shared in the model: both text
					case excelize.CellTypeUnset:
						kind = "unset"
					}
					out[sh+"!"+ref] = fmt.Sprintf("%q %s style %d", v, kind, st)
				}
			}
		}
	}
	return out
}

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
			g := got[k]
			if g != w && bstrLiteral.ReplaceAllStringFunc(g, bstrChar) == w {
				// excelize's model writes text such as "_x0041_" so that
				// it reads back as "A"; the rows keep it as written.
				continue
			}
			if g != w && n < 10 {
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
			if g := got["Tagging!C6"]; g != `"Gender _x0041_ mainstreaming & <equality>" text style 0` {
				t.Errorf("C6: %s, want the text as written", g)
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
		if len(a.Budget.Lines) != len(b.Budget.Lines) || len(a.Budget.Lines) == 0 {
			t.Fatalf("%s: read back %d and %d lines", in.name, len(a.Budget.Lines), len(b.Budget.Lines))
		}
		for i := range a.Budget.Lines {
			x, y := a.Budget.Lines[i], b.Budget.Lines[i]
			if !x.Amounts.Equal(y.Amounts) || bstrLiteral.ReplaceAllStringFunc(x.Description, bstrChar) != y.Description || x.Unit != y.Unit || x.Gender != y.Gender ||
				fmt.Sprint(x.Objectives) != fmt.Sprint(y.Objectives) || x.Pos.Row != y.Pos.Row {
				t.Errorf("%s: line %d reads back as %+v from the rows, %+v from the model", in.name, i, x, y)
			}
		}
	}
}

// bstrChar decodes one _xHHHH_ escape, as a reader of excelize's model's
// text does.
func bstrChar(s string) string {
	var r rune
	fmt.Sscanf(s[2:6], "%x", &r)
	return string(r)
}
