package csv

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/grid"
)

// The encodings a csv file can be read in, as reported in CSVFormat.Encoding.
const (
	csvEncUTF8       = "utf-8"
	csvEncUTF8BOM    = "utf-8 (BOM)"
	csvEncUTF16LEBOM = "utf-16le (BOM)"
	csvEncUTF16BEBOM = "utf-16be (BOM)"
	csvEncWin1252    = "windows-1252"
)

const (
	// csvSniffBytes is how much of the file (raw bytes for the encoding,
	// decoded text for the delimiter) is looked at before reading.
	csvSniffBytes = 64 << 10
	// csvSniffRecords is how many records the delimiter sniffer looks at.
	csvSniffRecords = 50
)

// Source implements grid.Source for one csv file, as one sheet whose
// name is "" (csv has no sheets).
//
// The input is decoded to UTF-8 up front by a transformer chosen from the
// first 64 KiB: a UTF-8 or UTF-16 byte order mark decides; without one,
// text that is valid UTF-8 is read as UTF-8 and anything else as
// Windows-1252. Invalid UTF-8 met later in a file read as UTF-8 becomes
// U+FFFD in the cells, and InvalidUTF8 reports where the first such byte
// was so the reader can warn about it.
//
// The file is streamed: rows can be read once, and nothing is read twice
// from r.
type Source struct {
	name     string
	format   budget.CSVFormat
	maxBytes int64

	rd     *csv.Reader
	lim    *csvLimitReader
	quotes *quoteTracker // tells a quote never closed
	check  *csvUTF8Check // nil unless the text is read as UTF-8
	skip   int64         // bytes of BOM dropped before check saw the input

	opened bool
	closed bool
}

// Open prepares r, the content of the csv file name (used in
// error positions), for reading. delim is the field delimiter, or 0 to
// sniff one of ',', ';' and '\t' from the first lines. maxBytes limits the
// size of the decoded text (0 means no limit); past it, reading stops with
// a *ParseError wrapping ErrLimit.
//
// The caller keeps ownership of r: closing the source does not close it.
func Open(r io.Reader, name string, delim rune, maxBytes int64) (*Source, error) {
	if delim != 0 && !csvValidDelim(delim) {
		return nil, fmt.Errorf("budget: invalid csv delimiter %q", delim)
	}
	if maxBytes < 0 {
		maxBytes = 0
	}
	s := &Source{name: name, maxBytes: maxBytes}

	// Choose the encoding from the raw prefix. Peek keeps the bytes in
	// raw's buffer, so the decoder reads them again from there, not from r.
	raw := bufio.NewReaderSize(r, csvSniffBytes)
	prefix, err := raw.Peek(csvSniffBytes)
	atEOF := false
	switch err {
	case nil:
	case io.EOF:
		atEOF = true
	default:
		return nil, &budget.ParseError{File: name, Err: fmt.Errorf("reading csv: %w", err)}
	}

	var text io.Reader
	switch {
	case bytes.HasPrefix(prefix, []byte{0xEF, 0xBB, 0xBF}):
		s.format.Encoding = csvEncUTF8BOM
		raw.Discard(3)
		s.skip = 3
		s.check = newCSVUTF8Check()
		text = transform.NewReader(raw, s.check)
	case bytes.HasPrefix(prefix, []byte{0xFF, 0xFE}):
		s.format.Encoding = csvEncUTF16LEBOM
		text = transform.NewReader(raw, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.HasPrefix(prefix, []byte{0xFE, 0xFF}):
		s.format.Encoding = csvEncUTF16BEBOM
		text = transform.NewReader(raw, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	case csvLooksUTF8(prefix, atEOF):
		s.format.Encoding = csvEncUTF8
		s.check = newCSVUTF8Check()
		text = transform.NewReader(raw, s.check)
	default:
		s.format.Encoding = csvEncWin1252
		text = transform.NewReader(raw, charmap.Windows1252.NewDecoder())
	}

	// The limit counts decoded bytes. The 64 KiB buffer on top is shared by
	// the sniffer (Peek) and encoding/csv, which uses a *bufio.Reader of at
	// least 4 KiB as it is instead of wrapping it in another one.
	s.lim = &csvLimitReader{r: text, max: maxBytes}
	s.quotes = newQuoteTracker(s.lim)
	buf := bufio.NewReaderSize(s.quotes, csvSniffBytes)

	s.format.Delimiter = delim
	if delim == 0 {
		head, err := buf.Peek(csvSniffBytes)
		switch {
		case err == nil:
			s.format.Delimiter = sniffCSVDelimiter(head, false)
		case err == io.EOF || errors.Is(err, errCSVLimit):
			// A limit error stays in lim and is met again by the csv
			// reader once the rows before it have been read.
			s.format.Delimiter = sniffCSVDelimiter(head, true)
		default:
			return nil, &budget.ParseError{File: name, Err: fmt.Errorf("reading csv: %w", err)}
		}
	}

	s.quotes.setDelim(s.format.Delimiter)
	s.rd = csv.NewReader(buf)
	s.rd.Comma = s.format.Delimiter
	s.rd.FieldsPerRecord = -1
	s.rd.LazyQuotes = true
	s.rd.ReuseRecord = true
	s.rd.TrimLeadingSpace = false
	return s, nil
}

// Format reports the encoding and the delimiter the file is read with.
func (s *Source) Format() budget.CSVFormat { return s.format }

// InvalidUTF8 reports whether invalid UTF-8 was met so far in a file read
// as UTF-8 (each invalid byte becomes U+FFFD in the cells), and the 0-based
// offset in the raw file of the first invalid byte, for a warning such as
// "invalid UTF-8 after byte N". Call it after reading the rows.
func (s *Source) InvalidUTF8() (offset int64, found bool) {
	if s.check == nil || s.check.bad < 0 {
		return 0, false
	}
	return s.check.bad + s.skip, true
}

// Sheets returns the single, unnamed sheet of a csv file.
func (s *Source) Sheets() []grid.SheetInfo { return []grid.SheetInfo{{Name: ""}} }

// Rows returns the rows of the file; name must be "". The rows can be read
// only once, as the input is streamed.
//
// Row numbers are the 1-based line numbers, in the decoded text, where
// each record starts: a quoted cell spanning several lines makes the next
// row's number jump accordingly, so that the numbers point to the lines a
// user sees in a text editor. Empty lines are skipped, but counted.
//
// The cells slice returned by Row is reused: it is valid until the next
// call to Next (the strings themselves stay valid).
func (s *Source) Rows(name string) (grid.Rows, error) {
	if name != "" {
		return nil, &budget.ParseError{File: s.name, Err: fmt.Errorf("%w: %q (a csv file has one sheet, named \"\")", budget.ErrNoSuchSheet, name)}
	}
	if s.closed {
		return nil, &budget.ParseError{File: s.name, Err: errors.New("csv source is closed")}
	}
	if s.opened {
		return nil, &budget.ParseError{File: s.name, Err: errors.New("csv rows can be read only once")}
	}
	s.opened = true
	return &csvRows{s: s}, nil
}

// Close releases the reader's buffers. It does not close the io.Reader
// given to Open.
func (s *Source) Close() error {
	s.closed = true
	s.rd = nil
	return nil
}

// csvRows is the grid.Rows of a Source.
type csvRows struct {
	s    *Source
	n    int
	rec  []string
	err  error
	done bool
}

func (it *csvRows) Next() bool {
	if it.done {
		return false
	}
	rd := it.s.rd
	if rd == nil { // source closed
		it.stop(nil)
		return false
	}
	rec, err := rd.Read()
	if err != nil {
		it.stop(err)
		return false
	}
	if len(rec) == 0 { // cannot happen with encoding/csv; be safe anyway
		rec = append(rec, "")
	}
	line, _ := rd.FieldPos(0)
	if line <= it.n { // keep numbers strictly increasing whatever happens
		line = it.n + 1
	}
	it.n, it.rec = line, rec
	return true
}

func (it *csvRows) stop(err error) {
	it.done = true
	it.rec = nil
	if err != nil && err != io.EOF {
		it.err = it.s.wrapErr(err, it.n)
		return
	}
	if open, lines, ok := it.s.quotes.unclosed(); err == io.EOF && ok {
		it.err = &budget.ParseError{File: it.s.name, Row: open, Err: fmt.Errorf("%w: a quote opened on line %d is never closed, so the %d lines from there to the end of the file would be read as one cell: close the quote (a quote inside a quoted cell is written \"\") or remove it", ErrUnclosedQuote, open, lines)}
	}
}

// Row returns the line number where the current record starts and its
// cells; the slice is valid until the next call to Next.
func (it *csvRows) Row() (int, []string) { return it.n, it.rec }

// Err returns the *ParseError that stopped the rows, if any.
func (it *csvRows) Err() error { return it.err }

func (it *csvRows) Close() error {
	it.done = true
	it.rec = nil
	return nil
}

// wrapErr turns an error of the csv reader into a *ParseError; last is the
// number of the last row read.
func (s *Source) wrapErr(err error, last int) error {
	if errors.Is(err, errCSVLimit) {
		where := "before the first row"
		if last > 0 {
			where = fmt.Sprintf("after the row at line %d", last)
		}
		return &budget.ParseError{File: s.name, Err: fmt.Errorf(
			"%w: the text is larger than %d bytes (reading stopped %s); raise the limit with --max-bytes",
			budget.ErrLimit, s.maxBytes, where)}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &budget.ParseError{File: s.name, Row: pe.Line, Err: fmt.Errorf("csv syntax, byte %d of the line: %w", pe.Column, pe.Err)}
	}
	return &budget.ParseError{File: s.name, Err: fmt.Errorf("reading csv: %w", err)}
}

// csvValidDelim reports whether encoding/csv accepts d as a delimiter.
func csvValidDelim(d rune) bool {
	return d != '"' && d != '\r' && d != '\n' && utf8.ValidRune(d) && d != utf8.RuneError
}

// csvLooksUTF8 reports whether the raw prefix p of a file without BOM is
// UTF-8. An incomplete rune at the end of a prefix cut from a longer file
// is ignored. A few invalid bytes among many valid multi-byte runes are
// taken as a damaged UTF-8 file rather than Windows-1252 text: real
// Windows-1252 text almost never forms valid UTF-8 multi-byte sequences.
func csvLooksUTF8(p []byte, atEOF bool) bool {
	if !atEOF {
		for i := len(p) - 1; i >= 0 && i >= len(p)-utf8.UTFMax; i-- {
			if utf8.RuneStart(p[i]) {
				if !utf8.FullRune(p[i:]) {
					p = p[:i]
				}
				break
			}
		}
	}
	if utf8.Valid(p) {
		return true
	}
	multi, invalid := 0, 0
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			multi++
		}
		i += size
	}
	return multi >= 16*invalid
}

// csvUTF8Check is a transformer that passes valid UTF-8 through, replaces
// invalid bytes with U+FFFD (through x/text's UTF-8 decoder) and records
// the offset of the first invalid byte.
type csvUTF8Check struct {
	dec transform.Transformer
	off int64 // input bytes consumed so far
	bad int64 // offset of the first invalid byte, or -1
}

func newCSVUTF8Check() *csvUTF8Check {
	return &csvUTF8Check{dec: unicode.UTF8.NewDecoder(), bad: -1}
}

func (c *csvUTF8Check) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	// Fast path: a chunk of complete, valid UTF-8 is copied as is.
	if len(src) <= len(dst) && utf8.Valid(src) {
		n := copy(dst, src)
		c.off += int64(n)
		return n, n, nil
	}
	// Otherwise (a rune cut at the chunk's end, or invalid bytes) let the
	// decoder do it, and find out whether it replaced anything.
	nDst, nSrc, err = c.dec.Transform(dst, src, atEOF)
	if nSrc > len(src) || nSrc < 0 {
		nSrc = len(src) // defensive; x/text never does this
	}
	if c.bad < 0 {
		if done := src[:nSrc]; !utf8.Valid(done) {
			for i := 0; i < len(done); {
				r, size := utf8.DecodeRune(done[i:])
				if r == utf8.RuneError && size == 1 {
					c.bad = c.off + int64(i)
					break
				}
				i += size
			}
		}
	}
	c.off += int64(nSrc)
	return nDst, nSrc, err
}

func (c *csvUTF8Check) Reset() {
	c.dec.Reset()
	c.off, c.bad = 0, -1
}

// errCSVLimit is returned by csvLimitReader past its limit.
var errCSVLimit = errors.New("csv size limit reached")

// csvLimitReader passes at most max bytes of r through (all of them when
// max is 0) and then fails with errCSVLimit, every time, if r has more.
type csvLimitReader struct {
	r   io.Reader
	max int64
	n   int64
	err error
}

func (l *csvLimitReader) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	if l.max > 0 {
		// Read at most one byte past the limit, to learn whether there is more.
		if rest := l.max - l.n; rest+1 < int64(len(p)) {
			p = p[:rest+1]
		}
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.max > 0 && l.n > l.max {
		n -= int(l.n - l.max)
		l.n = l.max
		l.err = errCSVLimit
		return n, l.err
	}
	return n, err
}

// sniffCSVDelimiter picks the delimiter among ',', ';' and '\t' that splits
// the first records of text into the most consistent number of fields
// greater than one; ties go to ',', then ';'. Delimiters inside quoted
// fields are ignored, and quoted fields may span lines. atEOF says whether
// text is the whole file; if not, its last, maybe partial, record is left
// out. When no delimiter splits anything, the answer is ','.
func sniffCSVDelimiter(text []byte, atEOF bool) rune {
	best, bestScore := ',', 0
	for _, d := range [...]byte{',', ';', '\t'} {
		counts := csvFieldCounts(text, d, atEOF, csvSniffRecords)
		// The score is how many records have the most common field count
		// above one (the higher count when two are as common).
		score, mode := 0, 0
		for _, c := range counts {
			if c <= 1 {
				continue
			}
			k := 0
			for _, c2 := range counts {
				if c2 == c {
					k++
				}
			}
			if k > score || (k == score && c > mode) {
				score, mode = k, c
			}
		}
		if score > bestScore {
			best, bestScore = rune(d), score
		}
	}
	return best
}

// csvFieldCounts returns the number of fields of each of the first max
// non-empty records of text split by d, following encoding/csv's rules
// with LazyQuotes: a quote opens a quoted field only at the start of a
// field, and closes it only before a delimiter, a line end or the end;
// "" inside a quoted field is a quote.
func csvFieldCounts(text []byte, d byte, atEOF bool, max int) []int {
	counts := make([]int, 0, max)
	fields, content, fieldStart, quoted := 1, false, true, false
	for i := 0; i < len(text) && len(counts) < max; i++ {
		c := text[i]
		if quoted {
			if c == '"' {
				switch {
				case i+1 < len(text) && text[i+1] == '"':
					i++
				case i+1 == len(text), text[i+1] == d, text[i+1] == '\n',
					text[i+1] == '\r' && i+2 < len(text) && text[i+2] == '\n':
					quoted = false
				}
			}
			continue
		}
		switch c {
		case d:
			fields++
			content, fieldStart = true, true
		case '\n':
			if content {
				counts = append(counts, fields)
			}
			fields, content, fieldStart = 1, false, true
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue // part of a CRLF line end
			}
			content, fieldStart = true, false
		case '"':
			if fieldStart {
				quoted = true
			}
			content, fieldStart = true, false
		default:
			content, fieldStart = true, false
		}
	}
	// The last record, without a line end, is complete only at EOF; use a
	// partial one anyway when it is all there is.
	if (content || quoted) && len(counts) < max && (atEOF || len(counts) == 0) {
		counts = append(counts, fields)
	}
	return counts
}
