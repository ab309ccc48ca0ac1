package xlsx

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/grid"
)

// Source reads the sheets of an .xlsx workbook as a stream of rows,
// scanning each worksheet part straight from the zip archive and never
// holding a whole sheet. It implements grid.Source. A cell's text is the
// raw value excelize gives with RawCellValue (numbers and dates as
// stored, booleans as 1 and 0, errors such as #N/A, a formula's cached
// value, strings shared or inline). Of styles.xml it reads only which
// cell formats are percentages (its Rows implement grid.Percents).
type Source struct {
	name    string
	parts   map[string]*zip.File
	entries []sheetEntry
	sheets  []grid.SheetInfo
	maxRows int

	stylesPart string
	stylesOnce sync.Once
	pctXF      []bool // per cellXfs record: a percentage format

	// sst is the shared-string table, read when a sheet is first opened;
	// a large one is let go once the rows of the sheet that read it are
	// all read (see release), and read again if another sheet is opened.
	sstMu  sync.Mutex
	sst    *sharedStrings
	sstErr error
}

// sstKeep is the size of text from which the shared-string table is let
// go after each sheet: a million strings are most of what a large
// workbook's reading holds, and lines keep their own copies of their text.
var sstKeep = 4 << 20

// sharedStrings returns the shared-string table, reading it if need be.
func (s *Source) sharedStrings() (*sharedStrings, error) {
	s.sstMu.Lock()
	defer s.sstMu.Unlock()
	if s.sst == nil && s.sstErr == nil {
		s.sst, s.sstErr = readSharedStrings(s.parts[sharedStringsPart])
	}
	return s.sst, s.sstErr
}

// release lets go of t, which a sheet has read all its rows with, when it
// is large.
func (s *Source) release(t *sharedStrings) {
	s.sstMu.Lock()
	defer s.sstMu.Unlock()
	if s.sst == t && len(t.text) >= sstKeep {
		s.sst = nil
	}
}

// Open opens a workbook. maxBytes bounds the uncompressed size of
// the archive (a zip bomb is refused); maxRows bounds the rows read from
// one sheet (0 means no bound).
func Open(r io.Reader, name string, maxBytes int64, maxRows int) (*Source, error) {
	zr, err := openZip(r)
	if err != nil {
		return nil, &budget.ParseError{File: name, Err: fmt.Errorf("not a readable .xlsx workbook: %v", err)}
	}
	parts, err := indexParts(zr, name, maxBytes)
	if err != nil {
		return nil, err
	}
	entries, styles, err := readWorkbook(parts)
	if err != nil {
		if od := openDocument(parts); od != "" {
			return nil, &budget.ParseError{File: name, Err: od2err(od)}
		}
		if _, ok := err.(*partError); ok {
			return nil, &budget.ParseError{File: name, Err: err}
		}
		return nil, &budget.ParseError{File: name, Err: fmt.Errorf("not a readable .xlsx workbook: %v", err)}
	}
	s := &Source{name: name, parts: parts, entries: entries, maxRows: maxRows, stylesPart: styles}
	for _, e := range entries {
		s.sheets = append(s.sheets, grid.SheetInfo{Name: e.name, Hidden: e.hidden})
	}
	return s, nil
}

// Sheets lists the sheets of the workbook in order, and whether each is
// hidden.
func (s *Source) Sheets() []grid.SheetInfo { return s.sheets }

// Close releases the workbook.
func (s *Source) Close() error { return nil }

// Rows opens a sheet for reading its rows in order. The shared-string
// table is read the first time a sheet is.
func (s *Source) Rows(sheet string) (grid.Rows, error) {
	r, err := s.openRows(sheet)
	if err != nil {
		return nil, err
	}
	if r.partSize >= aheadMin {
		return newAheadRows(r), nil
	}
	return r, nil
}

// openRows opens sheet for scanning on the caller's goroutine.
func (s *Source) openRows(sheet string) (*sheetRows, error) {
	part := ""
	for _, e := range s.entries {
		if e.part != "" && strings.EqualFold(e.name, sheet) {
			part = e.part
			break
		}
	}
	if part == "" {
		return nil, &budget.ParseError{File: s.name, Sheet: sheet, Err: fmt.Errorf("cannot read sheet: sheet %s does not exist", sheet)}
	}
	sst, err := s.sharedStrings()
	if err != nil {
		return nil, &budget.ParseError{File: s.name, Err: err}
	}
	rc, err := s.parts[part].Open()
	if err != nil {
		return nil, &budget.ParseError{File: s.name, Sheet: sheet, Err: fmt.Errorf("cannot read sheet: %s: %v", part, err)}
	}
	size := s.parts[part].UncompressedSize64
	if size >= aheadMin {
		rc = newReadAhead(rc)
	}
	return &sheetRows{src: s, sst: sst, sheet: sheet, rc: rc, s: newScanner(rc, part, 256<<10), partSize: size}, nil
}

// textColsOf scans sheet again up to row and returns the columns of its
// cells typed as not numbers (nil when the row cannot be read).
func (s *Source) textColsOf(sheet string, row int) []int {
	r, err := s.openRows(sheet)
	if err != nil {
		return nil
	}
	defer r.Close()
	for r.Next() {
		if r.n == row {
			return r.textCols
		}
	}
	return nil
}
