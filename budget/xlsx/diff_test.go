package xlsx

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/internal/readertest"
	"github.com/grb-toolkit/grb/templates"
)

// Differential tests: every cell this reader gives is the one excelize
// (grb's reader until now, kept as the oracle in tests) gives with
// RawCellValue, row by row, sheet by sheet.

type dumpRow struct {
	N     int
	Cells []string
}

type dumpSheet struct {
	Name   string
	Hidden bool
	Rows   []dumpRow
}

// readOurs reads every sheet of xl through Source (its first limit rows
// when limit > 0).
func readOurs(xl []byte, limit int) ([]dumpSheet, error) {
	src, err := Open(bytes.NewReader(xl), "x.xlsx", 0, 0)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	var out []dumpSheet
	for _, sh := range src.Sheets() {
		d := dumpSheet{Name: sh.Name, Hidden: sh.Hidden}
		it, err := src.Rows(sh.Name)
		if err != nil {
			return nil, err
		}
		for (limit == 0 || len(d.Rows) < limit) && it.Next() {
			n, cells := it.Row()
			d.Rows = append(d.Rows, dumpRow{n, append([]string(nil), cells...)})
		}
		err = it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// readExcelize reads every sheet of xl as grb's excelize reader did.
func readExcelize(xl []byte, limit int) ([]dumpSheet, error) {
	f, err := excelize.OpenReader(bytes.NewReader(xl), excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []dumpSheet
	for _, name := range f.GetSheetList() {
		visible, err := f.GetSheetVisible(name)
		if err != nil {
			visible = true
		}
		d := dumpSheet{Name: name, Hidden: !visible}
		rows, err := f.Rows(name)
		if err != nil {
			return nil, err
		}
		n := 0
		for (limit == 0 || n < limit) && rows.Next() {
			n++
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				return nil, err
			}
			d.Rows = append(d.Rows, dumpRow{n, cells})
		}
		err = rows.Error()
		rows.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func checkSame(t *testing.T, label string, xl []byte) {
	t.Helper()
	want, err := readExcelize(xl, 0)
	if err != nil {
		t.Fatalf("%s: excelize: %v", label, err)
	}
	got, err := readOurs(xl, 0)
	if err != nil {
		t.Fatalf("%s: %v", label, err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("%s: cells differ from excelize's (-excelize +ours):\n%s", label, d)
	}
}

func TestSameAsExcelizeReal(t *testing.T) {
	dir := readertest.RealFile(t, ".")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.xlsx"))
	if len(files) == 0 {
		t.Skipf("no .xlsx under %s", dir)
	}
	for _, name := range files {
		xl, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(name), func(t *testing.T) { checkSame(t, name, xl) })
	}
}

func TestSameAsExcelizeSample(t *testing.T) {
	checkSame(t, templates.SampleBudgetName, templates.SampleBudget())
}

// A workbook written by excelize: shared strings (rich text too), numbers,
// booleans, dates under a date style, formulas, a merged header, a hidden
// and a very hidden sheet, and gaps in rows and columns.
func TestSameAsExcelizeWritten(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Budget")
	set := func(sheet, cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("Budget", "A1", "Ministerio de Salud — Presupuesto 2024")
	if err := f.MergeCell("Budget", "A1", "D1"); err != nil {
		t.Fatal(err)
	}
	for i, h := range []string{"Descripción", "Aprobado", "Fecha", "Pagado", "Activo"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		set("Budget", cell, h)
	}
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	for r := 4; r < 40; r++ {
		set("Budget", fmt.Sprintf("A%d", r), fmt.Sprintf("Línea & <%d> \"citada\" _x0041_ tab\there", r))
		set("Budget", fmt.Sprintf("B%d", r), float64(r)*1234.56)
		set("Budget", fmt.Sprintf("C%d", r), time.Date(2024, 1, r, 12, 30, 0, 0, time.UTC))
		f.SetCellStyle("Budget", fmt.Sprintf("C%d", r), fmt.Sprintf("C%d", r), date)
		if r%3 == 0 {
			f.SetCellFormula("Budget", fmt.Sprintf("D%d", r), fmt.Sprintf("B%d*0.5", r))
		}
		if r%5 != 0 {
			set("Budget", fmt.Sprintf("E%d", r), r%2 == 0)
		}
		set("Budget", fmt.Sprintf("G%d", r), 0.25)
		f.SetCellStyle("Budget", fmt.Sprintf("G%d", r), fmt.Sprintf("G%d", r), pct)
	}
	set("Budget", "A45", "after a gap")
	f.SetCellRichText("Budget", "A46", []excelize.RichTextRun{{Text: "bold "}, {Text: "and plain", Font: &excelize.Font{Bold: true}}})
	for _, name := range []string{"Hidden", "Very hidden"} {
		f.NewSheet(name)
		set(name, "B2", name+" text")
	}
	f.SetSheetVisible("Hidden", false)
	f.SetSheetVisible("Very hidden", false, true)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	checkSame(t, "written", buf.Bytes())
}

// Hand-written parts, for what excelize does not write: inline strings,
// cached formula values, errors, 1904 dates, cells and rows without
// references, escapes, CDATA, comments, line ends and phonetic runs.
var handSheets = []string{
	`<row r="1"><c r="A1" t="inlineStr"><is><t>Description</t></is></c><c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t>Appro</t></r><r><t xml:space="preserve">ved </t></r></is></c></row>` +
		`<row r="3" spans="1:4"><c r="A3" t="s"><v>0</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C3"><f>SUM(C1:C2)</f><v>12.5</v></c><c r="D3" t="str"><f>A3&amp;"x"</f><v>Shelters x</v></c></row>` +
		`<row><c t="b"><v>1</v></c><c><v>  7 </v></c><c t="e"><v>#N/A</v></c><c r="F4" t="d"><v>2024-03-01T00:00:00Z</v></c></row>` +
		`<row r="6"><c r="A6" t="s"><v>1</v></c><c r="B6" t="s"><v> 2 </v></c><c r="C6"><f>NOW()</f></c><c r="D6" t="s"><v>3</v></c></row>` +
		`<row r="7"><c r="a7" t="inlineStr"><is><t>line one&#13;&#10;two&#xA;three</t></is></c><c r="$B$7"><v><![CDATA[4<5]]></v></c><!-- a comment --><c r="C7" t="inlineStr"><is><t>_x005F_x0041_ and _xD800_ and _x00e9_</t><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></is></c></row>` +
		`<row r="8"/><row r="9"><c r="A9" s="3"/><c r="B9" t="s"/><c r="C9" t="inlineStr"/></row>`,
	"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>crlf\r\nand cr\rend</t></is></c><c r=\"B1\"><v>1\r\n</v></c></row>",
}

const handSST = `<si><t>Shared &amp; first</t></si><si><r><t>rich </t></r><r><rPr><i/></rPr><t>run</t></r></si><si><t>two</t><t>last t wins</t></si><si/>`

func TestSameAsExcelizeHand(t *testing.T) {
	for i, x := range handSheets {
		for _, date1904 := range []bool{false, true} {
			xl := handWorkbook(t, x, date1904)
			checkSame(t, fmt.Sprintf("hand sheet %d (1904 %v)", i, date1904), xl)
		}
	}
}

func handWorkbook(t testing.TB, sheetData string, date1904 bool) []byte {
	var sst strings.Builder
	sst.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + handSST + `</sst>`)
	xl := buildWorkbook(t, []testSheet{
		{name: "Budget &amp; notes", xml: sheetHead + sheetData + sheetTail},
		{name: "Lists", state: "hidden", xml: sheetHead + `<row r="2"><c r="B2" t="s"><v>0</v></c></row>` + sheetTail},
	}, sst.String(), nil)
	if !date1904 {
		return xl
	}
	return rezip(t, xl, "xl/workbook.xml", func(s string) string {
		return strings.Replace(s, "<workbookPr/>", `<workbookPr date1904="1"/>`, 1)
	})
}

// rezip rewrites one part of an archive.
func rezip(t testing.TB, xl []byte, part string, edit func(string) string) []byte {
	parts := unzipParts(t, xl)
	parts[part] = edit(parts[part])
	return zipParts(t, parts)
}

// IsNumber tells a cell's type as excelize's GetCellType does, for the
// current row and the rows before it.
func TestIsNumberSameAsExcelize(t *testing.T) {
	for i, x := range handSheets {
		xl := handWorkbook(t, x, false)
		f, err := excelize.OpenReader(bytes.NewReader(xl))
		if err != nil {
			t.Fatal(err)
		}
		src, err := Open(bytes.NewReader(xl), "x.xlsx", 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		sheet := src.Sheets()[0].Name
		it, _ := src.Rows(sheet)
		rows := it.(*sheetRows)
		check := func(row int) {
			for col := 0; col < 8; col++ {
				name, _ := excelize.CoordinatesToCellName(col+1, row)
				ct, _ := f.GetCellType(sheet, name)
				want := ct == excelize.CellTypeNumber || ct == excelize.CellTypeUnset
				if i == 0 && row == 7 && col == 0 {
					continue // r="a7": excelize's sheet model does not find a lower-case reference
				}
				if got := rows.IsNumber(row, col); got != want {
					t.Errorf("sheet %d: IsNumber(%d, %d) = %v, excelize says %v", i, row, col, got, want)
				}
			}
		}
		for rows.Next() {
			n, _ := rows.Row()
			for r := 1; r <= n; r++ {
				check(r)
			}
		}
		it.Close()
		f.Close()
	}
}
