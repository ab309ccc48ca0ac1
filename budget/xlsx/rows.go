package xlsx

import (
	"bytes"
	"fmt"
	"io"

	"github.com/grb-toolkit/grb/budget"
)

// Limits of a worksheet (Excel's, and excelize's).
const (
	maxSheetRows = 1 << 20 // 1048576
	maxSheetCols = 1 << 14 // 16384, column XFD
)

// sheetRows streams the rows of one worksheet part straight from the zip,
// scanning it with the strict scanner. Every row number from 1 to the last
// <row> is a row (those the part leaves out are empty), and a row's cells
// are the values excelize's Rows gives with RawCellValue: a cell is kept
// when its value is not empty or it has a formula, at the column its
// reference names.
type sheetRows struct {
	src   *Source
	sst   *sharedStrings // nil once the rows are all read
	sheet string
	rc    io.Closer
	s     *scanner

	n       int  // the number of the current row
	pending int  // the number of the next <row>, read but not yet yielded; 0 when none
	empty   bool // the pending <row> closes itself
	done    bool
	err     error

	cells []string
	buf   []byte // the text of the current row's cells
	ends  []int  // the end of each cell's text in buf
	// shared is, for each cell, the index of its shared string, whose text
	// is not copied into buf; -1 for a cell whose text is in buf.
	shared []int
	v, is  []byte // scratch for a cell's value and inline string
	runs   []byte

	dimRows  int    // the last row of the sheet's <dimension>, 0 when none
	partSize uint64 // the uncompressed size of the part, as the zip says

	textCols []int         // 0-based columns of the current row whose cells are typed as not numbers
	pctCols  []int         // 0-based columns of the current row's numbers shown as percentages
	early    map[int][]int // textCols of the first typedRows rows
}

// typedRows is how many first rows keep their cell types for IsNumber
// (the rows above and just below a header); the types of a later row
// than the current one are found by scanning the part again.
const typedRows = 64

func (r *sheetRows) Next() bool {
	if r.err != nil {
		return false
	}
	if r.pending == 0 {
		if r.done || !r.findRow() {
			r.end()
			return false
		}
	}
	r.n++
	if r.src.maxRows > 0 && r.n > r.src.maxRows {
		r.err = &budget.ParseError{File: r.src.name, Sheet: r.sheet, Row: r.n, Err: fmt.Errorf("%w: more than %d rows in one sheet (raise it with --max-rows)", budget.ErrLimit, r.src.maxRows)}
		return false
	}
	r.cells, r.textCols, r.pctCols = r.cells[:0], r.textCols[:0], r.pctCols[:0]
	if r.n < r.pending {
		r.cells = nil
		return true
	}
	r.pending = 0
	r.buf, r.ends, r.shared = r.buf[:0], r.ends[:0], r.shared[:0]
	if !r.empty && !r.readCells() {
		return false
	}
	if r.n <= typedRows && len(r.textCols) > 0 {
		if r.early == nil {
			r.early = map[int][]int{}
		}
		r.early[r.n] = append([]int(nil), r.textCols...)
	}
	if len(r.ends) == 0 {
		r.cells = nil
		return true
	}
	text, from := string(r.buf), 0
	for k, e := range r.ends {
		if i := r.shared[k]; i >= 0 {
			r.cells = append(r.cells, r.sst.str(i)) // no copy: the table's text
		} else {
			r.cells = append(r.cells, text[from:e])
		}
		from = e
	}
	return true
}

// fail records a fault of the part at the scanner's current token.
func (r *sheetRows) fail(row int, format string, args ...any) bool {
	if r.err == nil {
		r.err = &budget.ParseError{File: r.src.name, Sheet: r.sheet, Row: row,
			Err: &partError{part: r.s.part, off: r.s.tokOff, row: row, msg: fmt.Sprintf(format, args...)}}
	}
	return false
}

// scanFailed turns the scanner's error, if any, into r.err, and reports
// whether there was one.
func (r *sheetRows) scanFailed(row int) bool {
	if r.s.err == nil {
		return false
	}
	if pe, ok := r.s.err.(*partError); ok && pe.row == 0 {
		pe.row = row
	}
	r.err = &budget.ParseError{File: r.src.name, Sheet: r.sheet, Row: row, Err: r.s.err}
	return true
}

// findRow reads up to the next <row> of sheetData and sets r.pending to
// its number; false at the end of the rows or on error.
func (r *sheetRows) findRow() bool {
	s := r.s
	for {
		switch s.next() {
		case tokEOF:
			r.scanFailed(r.n)
			r.done = true
			return false
		case tokEnd:
			if string(localName(s.name)) == "sheetData" {
				r.done = true
				return r.rest()
			}
		case tokStart:
			switch string(localName(s.name)) {
			case "dimension":
				r.dimension()
			case "row":
				return r.rowStart()
			case "c":
				return r.fail(r.n, "a cell outside a row")
			}
		}
	}
}

// dimension notes the last row of the <dimension> just read, if its
// reference is one (A1:J1000, or A1 for one cell).
func (r *sheetRows) dimension() {
	v, ok := r.s.attr("ref")
	if !ok || r.n > 0 {
		return
	}
	if i := bytes.IndexByte(v, ':'); i >= 0 {
		v = v[i+1:]
	}
	if _, row, ok := parseRef(v); ok {
		r.dimRows = row
	}
}

// minRowBytes is the fewest bytes a row with a value takes in a part:
// <row><c><v>1</v></c></row>.
const minRowBytes = 24

// RowCount returns the rows the sheet's <dimension> announces, bounded by
// the rows the part's size can hold and by the row limit: a hint to size
// the lines (grid.RowCount), never a reading of the rows.
func (r *sheetRows) RowCount() int { return rowCount(r.dimRows, r.partSize, r.src.maxRows) }

// rowCount bounds dim, the rows a <dimension> announces, by the rows a part
// of partSize bytes can hold and by the row limit (0 for none).
func rowCount(dim int, partSize uint64, maxRows int) int {
	n := min(dim, maxSheetRows)
	if maxRows > 0 {
		n = min(n, maxRows)
	}
	return int(min(uint64(n), partSize/minRowBytes))
}

// rowStart checks the <row> just read and sets r.pending.
func (r *sheetRows) rowStart() bool {
	s := r.s
	if string(localName(s.parent())) != "sheetData" {
		return r.fail(r.n, "a <row> outside sheetData")
	}
	num := r.n + 1
	if v, ok := s.attr("r"); ok {
		n, ok := parseUint(v)
		switch {
		case !ok:
			return r.fail(r.n, "row number %q is not a number", v)
		case n > maxSheetRows:
			return r.fail(r.n, "row number %d is beyond Excel's last row, %d", n, maxSheetRows)
		case n <= r.n:
			return r.fail(r.n, "row %d comes after row %d", n, r.n)
		}
		num = n
	}
	if num > maxSheetRows {
		return r.fail(r.n, "more than %d rows", maxSheetRows)
	}
	r.pending, r.empty = num, s.self
	return true
}

// rest checks the part after sheetData: well-formed, and with no rows.
func (r *sheetRows) rest() bool {
	s := r.s
	for s.next() != tokEOF {
		if s.kind == tokStart {
			if n := string(localName(s.name)); n == "row" || n == "c" || n == "sheetData" {
				return r.fail(r.n, "a <%s> after sheetData", n)
			}
		}
	}
	r.scanFailed(r.n)
	return false
}

// readCells reads the cells of row r.n, whose start tag was the last
// token, up to its end tag.
func (r *sheetRows) readCells() bool {
	s := r.s
	d := s.depth()
	col := 0
	for s.next() != tokEOF && s.depth() >= d {
		if s.kind != tokStart {
			continue
		}
		switch name := string(localName(s.name)); {
		case name == "c" && (s.depth() == d+1 || s.self && s.depth() == d):
			if col = r.cell(col); col < 0 {
				return false
			}
		case name == "c" || name == "row":
			return r.fail(r.n, "a <%s> nested in a row", name)
		}
	}
	return !r.scanFailed(r.n)
}

// cell reads a <c> whose start tag was the last token, after the cell of
// column prev, and adds its value to the row; it returns its column, or
// -1 on error.
func (r *sheetRows) cell(prev int) int {
	s := r.s
	col := prev + 1
	if ref, ok := s.attr("r"); ok {
		c, row, ok := parseRef(ref)
		switch {
		case !ok:
			r.fail(r.n, "cell reference %q is not one of a worksheet (A1 to XFD1048576)", ref)
			return -1
		case row != r.n:
			r.fail(r.n, "cell %s in row %d", ref, r.n)
			return -1
		case c <= prev:
			r.fail(r.n, "cell %s after column %d of its row", ref, prev)
			return -1
		}
		col = c
	}
	if col > maxSheetCols {
		r.fail(r.n, "more than %d columns", maxSheetCols)
		return -1
	}
	typ, _ := s.attr("t")
	kind := cellKind(typ)
	if !numberType(typ) {
		r.textCols = append(r.textCols, col-1)
	} else if st, ok := s.attr("s"); ok && r.src.isPercentStyle(st) {
		r.pctCols = append(r.pctCols, col-1)
	}
	hasF, hasIS := false, false
	r.v = r.v[:0]
	if !s.self {
		d := s.depth()
		for s.next() != tokEOF && s.depth() >= d {
			if s.kind != tokStart {
				continue
			}
			switch string(localName(s.name)) {
			case "v":
				r.v = s.elemText(r.v[:0])
			case "f":
				hasF = true
				s.skip()
			case "is":
				hasIS = true
				r.is, r.runs = s.richText(r.is[:0], r.runs[:0])
			case "c", "row":
				r.fail(r.n, "a <%s> nested in a cell", localName(s.name))
				return -1
			}
		}
		if r.scanFailed(r.n) {
			return -1
		}
	}
	return r.value(col, kind, hasF, hasIS)
}

// Cell kinds whose value is not the text of <v>.
const (
	kindPlain = iota
	kindShared
	kindInline
)

func cellKind(t []byte) int {
	switch string(t) {
	case "s":
		return kindShared
	case "inlineStr":
		return kindInline
	}
	return kindPlain
}

// value adds the value of the cell just read at column col.
func (r *sheetRows) value(col, kind int, hasF, hasIS bool) int {
	val, sharedIndex := r.v, -1
	switch {
	case kind == kindShared && len(r.v) > 0:
		i, ok := parseUint(trimSpace(r.v))
		if !ok || i >= r.sst.len() {
			r.fail(r.n, "shared string %q is not in the table of %d strings", r.v, r.sst.len())
			return -1
		}
		val, sharedIndex = r.sst.at(i), i
	case kind == kindInline && hasIS:
		val = r.is
		if hasBstr(val) {
			r.runs = appendBstr(r.runs[:0], val)
			val = r.runs
		}
	}
	if len(val) == 0 && !hasF {
		return col
	}
	for len(r.ends) < col-1 {
		r.ends = append(r.ends, len(r.buf))
		r.shared = append(r.shared, -1)
	}
	if kind == kindShared && len(r.v) > 0 {
		r.shared = append(r.shared, sharedIndex)
	} else {
		r.buf = append(r.buf, val...)
		r.shared = append(r.shared, -1)
	}
	r.ends = append(r.ends, len(r.buf))
	return col
}

func (r *sheetRows) Row() (int, []string) { return r.n, r.cells }

// numberType reports whether a cell of type t (its t attribute) is a
// number as excelize's GetCellType tells: "n", none, or a type it does not
// know.
func numberType(t []byte) bool {
	switch string(t) {
	case "b", "d", "e", "s", "str", "inlineStr":
		return false
	}
	return true
}

// IsPercent reports whether the cell of the current row at col (0-based)
// is a number under a percentage format (0.6 shown as 60%); it implements
// grid.Percents.
func (r *sheetRows) IsPercent(col int) bool {
	for _, c := range r.pctCols {
		if c == col {
			return true
		}
	}
	return false
}

// IsNumber reports whether the cell at row (1-based) and col (0-based) is
// a number (or a formula with a number as its value, or no cell) rather
// than text; it implements grid.CellTypes. The current row and the first
// rows answer at once; another row is found by scanning the part again.
func (r *sheetRows) IsNumber(row, col int) bool {
	var text []int
	switch {
	case row == r.n:
		text = r.textCols
	case row <= typedRows:
		text = r.early[row]
	default:
		text = r.src.textColsOf(r.sheet, row)
	}
	for _, c := range text {
		if c == col {
			return false
		}
	}
	return true
}

func (r *sheetRows) Err() error { return r.err }

// end lets go of what the rows referred to once they are all read: the
// shared-string table, which the last row's cells are parts of.
func (r *sheetRows) end() {
	if r.sst != nil {
		r.src.release(r.sst)
		r.sst, r.cells = nil, nil
	}
}

func (r *sheetRows) Close() error { return r.rc.Close() }

// parseRef parses a cell reference such as B12 or $B$12 (letters in
// either case): its column and row, and whether it is one of a worksheet.
func parseRef(b []byte) (col, row int, ok bool) {
	i := 0
	if i < len(b) && b[i] == '$' {
		i++
	}
	for ; i < len(b); i++ {
		c := b[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > maxSheetCols {
			return 0, 0, false
		}
	}
	if col == 0 {
		return 0, 0, false
	}
	if i < len(b) && b[i] == '$' {
		i++
	}
	row, ok = parseUint(b[i:])
	if !ok || row < 1 || row > maxSheetRows {
		return 0, 0, false
	}
	return col, row, true
}

// parseUint parses a decimal number of up to nine digits.
func parseUint(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}
