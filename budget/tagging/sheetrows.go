package tagging

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/xlsxcell"
)

// The cells of a tagging sheet (a copy of every cell of the budget's sheet
// and the tag columns of every row) are most of the workbook: written
// cell by cell into excelize's in-memory model, a 100,000-line budget's
// workbook took 25 s and 1.3 GB, as the model holds every cell as a
// struct and marshals it through encoding/xml. excelize's StreamWriter
// cannot write them either: it writes a number from a float64, and a
// budget's numbers are kept as written (setCell: "12.50", 20 digits).
// So the tagging sheets' rows are written here, one row at a time, into
// the sheet part excelize writes with everything else (widths, panes,
// dropdowns, protection) and an empty sheetData; excelize stays the
// oracle in the tests, which write the same cells through its model.

// cellWriter is what the tag sheets' writers need of a sheet: a rowWriter,
// or excelize's model (modelCells, the tests' oracle). Columns and rows
// are 1-based.
type cellWriter interface {
	str(col, row int, v string) error    // a text cell
	num(col, row int, v string) error    // a number, kept as written (plainNumber)
	style(col1, col2, row, id int) error // style the cells col1..col2 of row, empty or not
}

// modelCells writes cells into excelize's model of one sheet.
type modelCells struct {
	f     *excelize.File
	sheet string
}

func (m modelCells) str(col, row int, v string) error {
	return m.f.SetCellStr(m.sheet, cellRef(col, row), v)
}

func (m modelCells) num(col, row int, v string) error {
	return m.f.SetCellDefault(m.sheet, cellRef(col, row), v)
}

func (m modelCells) style(col1, col2, row, id int) error {
	return m.f.SetCellStyle(m.sheet, cellRef(col1, row), cellRef(col2, row), id)
}

// rowCell is a cell of the row being written.
type rowCell struct {
	col, style int
	kind       byte // 0: styled only, 's': text, 'n': number
	text       string
}

// rowWriter collects the cells of one row and writes the row as
// worksheet XML.
type rowWriter struct {
	row     int
	cells   []rowCell
	lastCol int // the rightmost column written in any row
	buf     []byte
}

func (w *rowWriter) cell(col, row int) (*rowCell, error) {
	if row != w.row {
		return nil, fmt.Errorf("tagging: cell of row %d written in row %d", row, w.row)
	}
	for i := range w.cells {
		if w.cells[i].col == col {
			return &w.cells[i], nil
		}
	}
	w.cells = append(w.cells, rowCell{col: col})
	return &w.cells[len(w.cells)-1], nil
}

func (w *rowWriter) str(col, row int, v string) error {
	c, err := w.cell(col, row)
	if err == nil {
		c.kind, c.text = 's', v
	}
	return err
}

func (w *rowWriter) num(col, row int, v string) error {
	c, err := w.cell(col, row)
	if err == nil {
		c.kind, c.text = 'n', v
	}
	return err
}

func (w *rowWriter) style(col1, col2, row, id int) error {
	for col := col1; col <= col2; col++ {
		c, err := w.cell(col, row)
		if err != nil {
			return err
		}
		c.style = id
	}
	return nil
}

// flush writes the row's cells, left to right, and starts the next row.
func (w *rowWriter) flush(out io.Writer) error {
	defer func() { w.cells, w.row = w.cells[:0], w.row+1 }()
	if len(w.cells) == 0 {
		return nil
	}
	slices.SortFunc(w.cells, func(a, b rowCell) int { return a.col - b.col })
	b := append(w.buf[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(w.row), 10)
	b = append(b, `">`...)
	for _, c := range w.cells {
		w.lastCol = max(w.lastCol, c.col)
		b = append(b, `<c r="`...)
		b = append(b, budget.ColumnName(c.col)...)
		b = strconv.AppendInt(b, int64(w.row), 10)
		b = append(b, '"')
		if c.style != 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(c.style), 10)
			b = append(b, '"')
		}
		switch c.kind {
		case 0:
			b = append(b, `/>`...)
		case 'n':
			b = append(b, `><v>`...)
			b = xlsxcell.AppendText(b, c.text)
			b = append(b, `</v></c>`...)
		default:
			b = append(b, ` t="inlineStr"><is><t xml:space="preserve">`...)
			b = xlsxcell.AppendText(b, xlsxcell.Cut(c.text))
			b = append(b, `</t></is></c>`...)
		}
	}
	b = append(b, `</row>`...)
	w.buf = b
	_, err := out.Write(b)
	return err
}

// sheetRows are the rows of one tagging sheet: the last row and column
// they may fill (the sheet's dimension), and how to write them.
type sheetRows struct {
	lastRow, lastCol int
	write            func(out io.Writer) error
}

// tagZip is the zip writer of the tagging workbook: excelize's own (a
// zip.Writer), but for the parts of the tagging sheets, into whose empty
// sheetData it writes their rows, and whose dimension it sets.
type tagZip struct {
	zw      *zip.Writer
	sheets  map[string]sheetRows // by part name
	pending string               // a tagging sheet's part being captured
	head    bytes.Buffer         // what excelize wrote of it
	done    map[string]bool
}

func (z *tagZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	if _, ok := z.sheets[name]; ok {
		z.pending = name
		z.head.Reset()
		return &z.head, nil
	}
	return z.zw.Create(name)
}

// emptySheetData and dimension are what excelize writes of a sheet with
// no cells.
var (
	emptySheetData = regexp.MustCompile(`<sheetData\s*/>|<sheetData>\s*</sheetData>`)
	dimensionRef   = regexp.MustCompile(`<dimension ref="[^"]*"\s*/>`)
)

// finish writes the tagging sheet captured, with its rows.
func (z *tagZip) finish() error {
	if z.pending == "" {
		return nil
	}
	name := z.pending
	z.pending = ""
	part := z.head.Bytes()
	loc := emptySheetData.FindIndex(part)
	if loc == nil {
		return fmt.Errorf("tagging: the sheet part %s has no empty sheetData to write its rows into", name)
	}
	rows := z.sheets[name]
	head := part[:loc[0]]
	if rows.lastRow > 0 {
		dim := []byte(`<dimension ref="A1:` + budget.ColumnName(max(rows.lastCol, 1)) + strconv.Itoa(rows.lastRow) + `"/>`)
		head = dimensionRef.ReplaceAll(head, dim)
	}
	w, err := z.zw.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head)
	bw.WriteString(`<sheetData>`)
	if err := rows.write(bw); err != nil {
		return err
	}
	bw.WriteString(`</sheetData>`)
	bw.Write(part[loc[1]:])
	if err := bw.Flush(); err != nil {
		return err
	}
	z.done[name] = true
	return nil
}

func (z *tagZip) AddFS(fsys fs.FS) error { return z.zw.AddFS(fsys) }

func (z *tagZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	for name := range z.sheets {
		if !z.done[name] {
			return fmt.Errorf("tagging: the sheet part %s was not written", name)
		}
	}
	return z.zw.Close()
}
