package budget

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxSource reads the sheets of an .xlsx workbook as a stream of rows
// (excelize's Rows iterator), never loading a whole sheet. It is the only
// file of the package that imports excelize.
type xlsxSource struct {
	name    string
	f       *excelize.File
	sheets  []sheetInfo
	maxRows int
}

// newXLSXSource opens a workbook. maxBytes bounds the uncompressed size of
// the archive (a zip bomb is refused); maxRows bounds the rows read from
// one sheet (0 means no bound).
func newXLSXSource(r io.Reader, name string, maxBytes int64, maxRows int) (*xlsxSource, error) {
	opt := excelize.Options{RawCellValue: true}
	if maxBytes > 0 {
		opt.UnzipSizeLimit = maxBytes
	}
	f, err := excelize.OpenReader(r, opt)
	if err != nil {
		if isUnzipLimit(err) {
			return nil, &ParseError{File: name, Err: fmt.Errorf("%w: the workbook unzips to more than %d bytes (raise it with --max-bytes)", ErrLimit, maxBytes)}
		}
		return nil, &ParseError{File: name, Err: fmt.Errorf("not a readable .xlsx workbook: %v", err)}
	}
	s := &xlsxSource{name: name, f: f, maxRows: maxRows}
	for _, sh := range f.GetSheetList() {
		visible, err := f.GetSheetVisible(sh)
		if err != nil {
			visible = true
		}
		s.sheets = append(s.sheets, sheetInfo{Name: sh, Hidden: !visible})
	}
	return s, nil
}

// isUnzipLimit reports whether err is excelize's "unzip size exceeds the
// limit" error, which has no exported sentinel.
func isUnzipLimit(err error) bool {
	return strings.Contains(err.Error(), "unzip size exceeds")
}

func (s *xlsxSource) Sheets() []sheetInfo { return s.sheets }

func (s *xlsxSource) Close() error { return s.f.Close() }

func (s *xlsxSource) Rows(sheet string) (rowIter, error) {
	rows, err := s.f.Rows(sheet)
	if err != nil {
		return nil, &ParseError{File: s.name, Sheet: sheet, Err: fmt.Errorf("cannot read sheet: %v", err)}
	}
	return &xlsxRows{src: s, sheet: sheet, rows: rows}, nil
}

type xlsxRows struct {
	src   *xlsxSource
	sheet string
	rows  *excelize.Rows
	n     int
	cells []string
	err   error
}

var rawValues = excelize.Options{RawCellValue: true}

func (r *xlsxRows) Next() bool {
	if r.err != nil || !r.rows.Next() {
		if r.err == nil {
			if err := r.rows.Error(); err != nil {
				r.err = &ParseError{File: r.src.name, Sheet: r.sheet, Row: r.n + 1, Err: fmt.Errorf("cannot read row: %v", err)}
			}
		}
		return false
	}
	r.n++
	if r.src.maxRows > 0 && r.n > r.src.maxRows {
		r.err = &ParseError{File: r.src.name, Sheet: r.sheet, Row: r.n, Err: fmt.Errorf("%w: more than %d rows in one sheet (raise it with --max-rows)", ErrLimit, r.src.maxRows)}
		return false
	}
	cells, err := r.rows.Columns(rawValues)
	if err != nil {
		r.err = &ParseError{File: r.src.name, Sheet: r.sheet, Row: r.n, Err: fmt.Errorf("cannot read row: %v", err)}
		return false
	}
	r.cells = cells
	return true
}

func (r *xlsxRows) Row() (int, []string) { return r.n, r.cells }

func (r *xlsxRows) Err() error { return r.err }

func (r *xlsxRows) Close() error { return r.rows.Close() }
