package reports

import (
	"compress/flate"
	"fmt"
	"hash/crc32"
	"math"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/xlsxcell"
)

// The data rows of a large table (the Lines sheets: a row per budget line)
// are most of report.xlsx. excelize's StreamWriter built every cell as a
// struct and a cell reference string, 1.1 s of a 100,000-line report's
// 2.2 s. Here they are written as worksheet XML as StreamWriter writes
// them, deflated as they are made; StreamWriter still writes the sheet
// with its header row and its table, and sortedZip splices these rows in
// before the sheet's </sheetData>. The tests compare every cell with
// StreamWriter's (the oracle).

// rowsPart is the data rows of one sheet, deflated: a deflate stream
// flushed to a byte boundary and not ended, so that it can stand between
// the deflated start and end of its sheet part, with the checksum and
// size of what it holds.
type rowsPart struct {
	data chunks
	crc  uint32
	size int64
	rows int
}

// chunks holds bytes written in pieces of chunkSize: the deflated rows of
// a million lines (some 150 MB) are never copied to grow a buffer.
type chunks [][]byte

const chunkSize = 1 << 20

func (c *chunks) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(*c) == 0 || len((*c)[len(*c)-1]) == chunkSize {
			*c = append(*c, make([]byte, 0, chunkSize))
		}
		last := &(*c)[len(*c)-1]
		k := min(len(p), chunkSize-len(*last))
		*last = append(*last, p[:k]...)
		p = p[k:]
	}
	return n, nil
}

// rowsWriter writes rows of cells as worksheet XML into a rowsPart.
type rowsWriter struct {
	part   *rowsPart
	fw     *flate.Writer
	buf    []byte
	refs   []string // column letters
	styles []int    // the style of each column's cells
	row    int      // the sheet row of the next row
}

func newRowsWriter(part *rowsPart, styles []int, firstRow int) (*rowsWriter, error) {
	fw, err := flate.NewWriter(&part.data, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	w := &rowsWriter{part: part, fw: fw, styles: styles, row: firstRow}
	for c := range styles {
		w.refs = append(w.refs, budget.ColumnName(c+1))
	}
	return w, nil
}

// write writes one row: the cells StreamWriter writes for values (see
// streamCell), with the columns' styles.
func (w *rowsWriter) write(values []any) error {
	b := append(w.buf[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(w.row), 10)
	b = append(b, `">`...)
	for c, v := range values {
		if c >= len(w.refs) {
			break
		}
		var err error
		if b, err = w.cell(b, c, v); err != nil {
			return err
		}
	}
	b = append(b, `</row>`...)
	w.buf = b
	w.row++
	w.part.rows++
	w.part.size += int64(len(b))
	w.part.crc = crc32.Update(w.part.crc, crc32.IEEETable, b)
	_, err := w.fw.Write(b)
	return err
}

// cell appends the cell of column c for v, as StreamWriter writes it.
func (w *rowsWriter) cell(b []byte, c int, v any) ([]byte, error) {
	var num string
	switch t := v.(type) {
	case nil:
		return b, nil
	case string:
		if t == "" {
			return b, nil
		}
		return w.text(b, c, t), nil
	case budget.Money:
		num = formatCellFloat(t.Float())
	case float64:
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return w.text(b, c, fmt.Sprint(t)), nil
		}
		num = formatCellFloat(t)
	case int:
		num = strconv.Itoa(t)
	case int64:
		num = strconv.FormatInt(t, 10)
	default:
		return b, fmt.Errorf("reports: a table cell of type %T", v)
	}
	b = w.open(b, c)
	b = append(b, `><v>`...)
	b = append(b, num...)
	return append(b, `</v></c>`...), nil
}

// open appends the start of column c's cell, up to its attributes.
func (w *rowsWriter) open(b []byte, c int) []byte {
	b = append(b, `<c r="`...)
	b = append(b, w.refs[c]...)
	b = strconv.AppendInt(b, int64(w.row), 10)
	b = append(b, '"')
	if s := w.styles[c]; s != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(s), 10)
		b = append(b, '"')
	}
	return b
}

// text appends an inline-string cell of v, cut and escaped as excelize
// writes one (trimCellValue): at most 32,767 UTF-16 units, XML-escaped
// with line feeds kept, an underscore that starts _xHHHH_ escaped, and
// xml:space="preserve" when it starts or ends with white space.
func (w *rowsWriter) text(b []byte, c int, v string) []byte {
	b = w.open(b, c)
	b = append(b, ` t="inlineStr"><is><t`...)
	v = xlsxcell.Cut(v)
	if xlsxcell.Preserve(v) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = xlsxcell.AppendText(b, v)
	return append(b, `</t></is></c>`...)
}

// close ends the rows: the deflate stream flushed to a byte boundary, not
// ended (its sheet's end follows it).
func (w *rowsWriter) close() error { return w.fw.Flush() }

// formatCellFloat formats v as excelize does a float cell
// (formatCellFloat in its cell.go): the shortest decimal, cut to Excel's
// 15 significant digits.
func formatCellFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

// crc32Combine returns the CRC-32 (IEEE) of a followed by b from crc1 of
// a, crc2 of b and the length of b (zlib's crc32_combine: the effect of
// len2 zero bytes on crc1, by squaring the CRC's shift operator in GF(2)).
func crc32Combine(crc1, crc2 uint32, len2 int64) uint32 {
	if len2 <= 0 {
		return crc1
	}
	var even, odd [32]uint32
	odd[0] = crc32.IEEE // the operator for one zero bit
	row := uint32(1)
	for n := 1; n < 32; n++ {
		odd[n] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four
	for {
		gf2Square(&even, &odd) // one zero byte, then two, four…
		if len2&1 != 0 {
			crc1 = gf2Times(&even, crc1)
		}
		len2 >>= 1
		if len2 == 0 {
			break
		}
		gf2Square(&odd, &even)
		if len2&1 != 0 {
			crc1 = gf2Times(&odd, crc1)
		}
		len2 >>= 1
		if len2 == 0 {
			break
		}
	}
	return crc1 ^ crc2
}

func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

func gf2Square(square, mat *[32]uint32) {
	for n := range 32 {
		square[n] = gf2Times(mat, mat[n])
	}
}
