package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/grid"
)

// Source reads the sheets of an .xlsx workbook as a stream of rows
// (excelize's Rows iterator), never loading a whole sheet. It implements
// grid.Source. It is the only place of package budget and its readers
// that reads with excelize.
type Source struct {
	name    string
	f       *excelize.File
	sheets  []grid.SheetInfo
	maxRows int
}

// Open opens a workbook. maxBytes bounds the uncompressed size of
// the archive (a zip bomb is refused); maxRows bounds the rows read from
// one sheet (0 means no bound).
func Open(r io.Reader, name string, maxBytes int64, maxRows int) (*Source, error) {
	opt := excelize.Options{RawCellValue: true}
	if maxBytes > 0 {
		opt.UnzipSizeLimit = maxBytes
	}
	f, err := excelize.OpenReader(r, opt)
	if err != nil {
		if isUnzipLimit(err) {
			return nil, &budget.ParseError{File: name, Err: fmt.Errorf("%w: the workbook unzips to more than %d bytes (raise it with --max-bytes)", budget.ErrLimit, maxBytes)}
		}
		return nil, &budget.ParseError{File: name, Err: fmt.Errorf("not a readable .xlsx workbook: %v", err)}
	}
	s := &Source{name: name, f: f, maxRows: maxRows}
	for _, sh := range f.GetSheetList() {
		visible, err := f.GetSheetVisible(sh)
		if err != nil {
			visible = true
		}
		s.sheets = append(s.sheets, grid.SheetInfo{Name: sh, Hidden: !visible})
	}
	return s, nil
}

// isUnzipLimit reports whether err is excelize's "unzip size exceeds the
// limit" error, which has no exported sentinel.
func isUnzipLimit(err error) bool {
	return strings.Contains(err.Error(), "unzip size exceeds")
}

// Sheets lists the sheets of the workbook in order, and whether each is
// hidden.
func (s *Source) Sheets() []grid.SheetInfo { return s.sheets }

// Close closes the workbook.
func (s *Source) Close() error { return s.f.Close() }

// Rows opens a sheet for reading its rows in order.
func (s *Source) Rows(sheet string) (grid.Rows, error) {
	rows, err := s.f.Rows(sheet)
	if err != nil {
		return nil, &budget.ParseError{File: s.name, Sheet: sheet, Err: fmt.Errorf("cannot read sheet: %v", err)}
	}
	return &sheetRows{src: s, sheet: sheet, rows: rows}, nil
}

type sheetRows struct {
	src   *Source
	sheet string
	rows  *excelize.Rows
	n     int
	cells []string
	err   error
}

var rawValues = excelize.Options{RawCellValue: true}

func (r *sheetRows) Next() bool {
	if r.err != nil || !r.rows.Next() {
		if r.err == nil {
			if err := r.rows.Error(); err != nil {
				r.err = &budget.ParseError{File: r.src.name, Sheet: r.sheet, Row: r.n + 1, Err: fmt.Errorf("cannot read row: %v", err)}
			}
		}
		return false
	}
	r.n++
	if r.src.maxRows > 0 && r.n > r.src.maxRows {
		r.err = &budget.ParseError{File: r.src.name, Sheet: r.sheet, Row: r.n, Err: fmt.Errorf("%w: more than %d rows in one sheet (raise it with --max-rows)", budget.ErrLimit, r.src.maxRows)}
		return false
	}
	cells, err := r.rows.Columns(rawValues)
	if err != nil {
		r.err = &budget.ParseError{File: r.src.name, Sheet: r.sheet, Row: r.n, Err: fmt.Errorf("cannot read row: %v", err)}
		return false
	}
	r.cells = cells
	return true
}

func (r *sheetRows) Row() (int, []string) { return r.n, r.cells }

// IsNumber reports whether the cell at row (1-based) and col (0-based) of
// the sheet is a number (or a formula with a number as its value) rather
// than text; it implements grid.CellTypes. The first call loads the
// sheet whole, so the grid reader asks it only of the cells whose reading
// depends on it (a value such as 46.843 in a column not yet decided).
func (r *sheetRows) IsNumber(row, col int) bool {
	name, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return false
	}
	t, err := r.src.f.GetCellType(r.sheet, name)
	return err == nil && (t == excelize.CellTypeNumber || t == excelize.CellTypeUnset)
}

func (r *sheetRows) Err() error { return r.err }

func (r *sheetRows) Close() error { return r.rows.Close() }
