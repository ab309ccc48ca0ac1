package reports

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/xlsxcell"
)

// xlsxWriter writes the sheets of report.xlsx: cells, styled tables and
// charts. It keeps the first error, in the manner of bufio.Writer: after
// one, every method does nothing.
type xlsxWriter struct {
	f                                 *excelize.File
	err                               error
	money, pct, head, text, wrap, int int
	points                            int // percentage points: +1.5
	thead                             int // a table's header cells
	tables                            int
	footer                            string               // the footer of every sheet
	printed                           map[string]bool      // the sheets whose page is set up
	headRow                           map[string]int       // the header row of each sheet's first table
	width                             map[string]float64   // the widths of each sheet's table columns
	cut                               map[string]int       // text cells too long for Excel, by sheet
	rows                              map[string]*rowsPart // the data rows of streamed tables, by sheet
}

// countCut counts v when it is text longer than an Excel cell holds
// (xlsxcell.MaxUnits UTF-16 units, as Excel counts): it is cut.
func (x *xlsxWriter) countCut(sheet string, v any) {
	if s, ok := v.(string); ok && len(xlsxcell.Cut(s)) < len(s) {
		if x.cut == nil {
			x.cut = map[string]int{}
		}
		x.cut[sheet]++
	}
}

// styles adds the cell styles of the workbook: money, percent, integer,
// bold and wrapped text.
func (x *xlsxWriter) styles() {
	money, pct := "#,##0.00", "0.0%"
	x.money = x.style(&excelize.Style{CustomNumFmt: &money})
	x.pct = x.style(&excelize.Style{CustomNumFmt: &pct})
	x.int = x.style(&excelize.Style{NumFmt: 3})
	points := "+0.0;-0.0;0.0"
	x.points = x.style(&excelize.Style{CustomNumFmt: &points})
	x.head = x.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	x.wrap = x.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	// Header cells carry their own bold, fill and wrap, so that they read
	// as headers where the table style is not drawn (LibreOffice) and
	// long headers are not cut off.
	x.thead = x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F1F1F"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Border:    []excelize.Border{{Type: "bottom", Color: "1F1F1F", Style: 1}}})
}

// style adds cell style s to the workbook and returns its id.
func (x *xlsxWriter) style(s *excelize.Style) int {
	if x.err != nil {
		return 0
	}
	id, err := x.f.NewStyle(s)
	x.err = err
	return id
}

// kindStyle returns the cell style of a column of the given kind (see
// col), 0 for text.
func (x *xlsxWriter) kindStyle(kind int) int {
	switch kind {
	case 1:
		return x.money
	case 2:
		return x.pct
	case 3:
		return x.int
	case 4:
		return x.points
	}
	return 0
}

// col is a column of a table: its header, width and cell style.
type col struct {
	name  string
	width float64
	kind  int // 0 text, 1 money, 2 percent, 3 integer, 4 percentage points
}

// table writes a header and rows to a new sheet as an Excel table with a
// frozen header. A cell is a string, float64, int, budget.Money (written
// as a number of currency units), analysis.Ratio (a fraction, blank when
// undefined) or nil (blank).
func (x *xlsxWriter) table(sheet string, top int, cols []col, rows [][]any) {
	if x.err != nil {
		return
	}
	x.tableAt(sheet, top, cols)
	for c, cl := range cols {
		name, _ := excelize.ColumnNumberToName(c + 1)
		x.set(sheet, fmt.Sprintf("%s%d", name, top), capFirst(cl.name))
		w := cl.width
		if w == 0 {
			w = 12
		}
		if x.err == nil {
			x.err = x.f.SetColWidth(sheet, name, name, w)
		}
		style := x.kindStyle(cl.kind)
		if style != 0 && len(rows) > 0 && x.err == nil {
			x.err = x.f.SetCellStyle(sheet, fmt.Sprintf("%s%d", name, top+1), fmt.Sprintf("%s%d", name, top+len(rows)), style)
		}
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	if x.err == nil {
		x.err = x.f.SetCellStyle(sheet, fmt.Sprintf("A%d", top), fmt.Sprintf("%s%d", last, top), x.thead)
	}
	for i, row := range rows {
		for c, v := range row {
			name, _ := excelize.ColumnNumberToName(c + 1)
			x.set(sheet, fmt.Sprintf("%s%d", name, top+1+i), v)
		}
	}
	if x.err != nil {
		return
	}
	bottom := top + len(rows)
	if len(rows) == 0 {
		bottom = top + 1 // an Excel table needs a data row
	}
	x.tables++
	x.err = x.f.AddTable(sheet, &excelize.Table{
		Range:     fmt.Sprintf("A%d:%s%d", top, last, bottom),
		Name:      fmt.Sprintf("T%d_%s", x.tables, tableName(sheet)),
		StyleName: "TableStyleMedium2",
	})
	if x.err == nil {
		x.err = x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: top, TopLeftCell: fmt.Sprintf("A%d", top+1), ActivePane: "bottomLeft"})
	}
}

// streamTable writes a large table with excelize's StreamWriter, which
// keeps memory flat. excelize writes the parts of streamed sheets in map
// order; WriteWorkbook's sortedZip orders them, so the bytes do not vary.
func (x *xlsxWriter) streamTable(sheet string, cols []col, rows func(emit func([]any))) {
	if x.err != nil {
		return
	}
	x.tableAt(sheet, 1, cols)
	x.printSheet(sheet)
	if x.err != nil {
		return
	}
	sw, err := x.f.NewStreamWriter(sheet)
	if err != nil {
		x.err = err
		return
	}
	styles := make([]int, len(cols))
	for c, cl := range cols {
		w := cl.width
		if w == 0 {
			w = 12
		}
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			x.err = err
			return
		}
		styles[c] = x.kindStyle(cl.kind)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		x.err = err
		return
	}
	x.tableAt(sheet, 1, cols)
	head := make([]any, len(cols))
	for c, cl := range cols {
		head[c] = excelize.Cell{StyleID: x.thead, Value: capFirst(cl.name)}
	}
	if x.err = sw.SetRow("A1", head); x.err != nil {
		return
	}
	var n int
	if streamWriterRows {
		n = x.setRows(sw, sheet, styles, rows)
	} else {
		n = x.writeRows(sheet, styles, rows)
	}
	if x.err != nil {
		return
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	bottom := max(n, 2)
	x.tables++
	if x.err = sw.AddTable(&excelize.Table{Range: fmt.Sprintf("A1:%s%d", last, bottom), Name: fmt.Sprintf("T%d_%s", x.tables, tableName(sheet)), StyleName: "TableStyleMedium2"}); x.err != nil {
		return
	}
	x.err = sw.Flush()
}

// streamWriterRows has streamTable write the data rows with
// StreamWriter.SetRow, as it did: the tests' oracle for writeRows.
var streamWriterRows = false

// writeRows writes the data rows of a streamed table, from row 2, for
// sortedZip to put into the sheet's part; it returns the sheet's last row.
func (x *xlsxWriter) writeRows(sheet string, styles []int, rows func(emit func([]any))) int {
	part := &rowsPart{}
	rw, err := newRowsWriter(part, styles, 2)
	if err != nil {
		x.err = err
		return 0
	}
	rows(func(row []any) {
		if x.err != nil {
			return
		}
		for _, v := range row[:min(len(row), len(styles))] {
			x.countCut(sheet, v)
		}
		x.err = rw.write(row)
	})
	if x.err == nil {
		x.err = rw.close()
	}
	if x.rows == nil {
		x.rows = map[string]*rowsPart{}
	}
	x.rows[sheet] = part
	return 1 + part.rows
}

// setRows writes the data rows of a streamed table with sw, from row 2,
// and returns the sheet's last row.
func (x *xlsxWriter) setRows(sw *excelize.StreamWriter, sheet string, styles []int, rows func(emit func([]any))) int {
	n := 1
	buf := make([]any, len(styles))
	rows(func(row []any) {
		if x.err != nil {
			return
		}
		n++
		for c := range buf {
			buf[c] = nil
			if c < len(row) {
				x.countCut(sheet, row[c])
				buf[c] = streamCell(row[c], styles[c])
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		x.err = sw.SetRow(cell, buf)
	})
	return n
}

// streamCell returns the cell a StreamWriter writes for v in a column of
// the given style: a number for budget.Money, nil for an empty string.
func streamCell(v any, style int) any {
	switch t := v.(type) {
	case budget.Money:
		v = t.Float()
	case string:
		if t == "" {
			v = nil
		}
	}
	if v != nil && style != 0 {
		v = excelize.Cell{StyleID: style, Value: v}
	}
	return v
}

// tableName returns the letters and digits of sheet name s, for the name
// of an Excel table.
func tableName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// set writes v to a cell: budget.Money as a number of currency units,
// analysis.Ratio as a fraction; nil, an empty string and an undefined
// ratio leave the cell blank.
func (x *xlsxWriter) set(sheet, cell string, v any) {
	if x.err != nil {
		return
	}
	switch t := v.(type) {
	case nil:
		return
	case budget.Money:
		v = t.Float()
	case analysis.Ratio:
		f, ok := t.Value()
		if !ok {
			return
		}
		v = f
	case string:
		if t == "" {
			return
		}
		x.countCut(sheet, t)
	}
	x.err = x.f.SetCellValue(sheet, cell, v)
}

// newSheet adds a sheet called name.
func (x *xlsxWriter) newSheet(name string) {
	if x.err != nil {
		return
	}
	_, x.err = x.f.NewSheet(name)
}

// tableAt notes the header row of a sheet's first table and the width of
// its columns, for the page setup.
func (x *xlsxWriter) tableAt(sheet string, top int, cols []col) {
	if x.headRow == nil {
		x.headRow, x.width = map[string]int{}, map[string]float64{}
	}
	if _, ok := x.headRow[sheet]; ok {
		return
	}
	x.headRow[sheet] = top
	for _, c := range cols {
		w := c.width
		if w == 0 {
			w = 12
		}
		x.width[sheet] += w
	}
}

// capFirst capitalises the first letter of a header ("objective" is
// "Objective").
func capFirst(s string) string {
	for i, r := range s {
		return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
