package csv

import (
	"errors"
	"io"
)

// ErrUnclosedQuote is the error of a csv file with a quote never closed
// after text on the lines that follow it.
var ErrUnclosedQuote = errors.New("malformed csv")

// quoteTracker follows the quoting of the text encoding/csv reads, by its
// rules with LazyQuotes (a quote opens a quoted field only at the start of
// a field; in one, "" is a quote and a quote before a delimiter or a line
// end closes it; any other quote is kept as text), to tell a quote that
// is never closed. encoding/csv reads such a quote to the end of the file
// as one cell: every row after it would be lost without a word.
type quoteTracker struct {
	r       io.Reader
	delim   byte   // 0 until the delimiter is known
	pending []byte // text read before it was known, followed once it is
	off     bool   // a delimiter beyond ASCII: not followed

	line       int  // the line of the next byte, 1-based
	quoted     bool // inside a quoted field
	quote      bool // inside one, the last byte was a quote
	fieldStart bool
	openLine   int  // the line where the quoted field opened
	swallowed  bool // the quoted field has text on a line after the one it opened on
	lastText   int  // the last line of the quoted field with text on it
	afterBreak bool // inside it, a line end came and no text since
}

func newQuoteTracker(r io.Reader) *quoteTracker {
	return &quoteTracker{r: r, line: 1, fieldStart: true}
}

// setDelim gives the delimiter, once sniffed or given, and follows the
// text read before.
func (q *quoteTracker) setDelim(d rune) {
	if d <= 0 || d >= 0x80 {
		q.off, q.pending = true, nil
		return
	}
	q.delim = byte(d)
	q.follow(q.pending)
	q.pending = nil
}

func (q *quoteTracker) Read(p []byte) (int, error) {
	n, err := q.r.Read(p)
	switch {
	case q.off:
	case q.delim == 0:
		q.pending = append(q.pending, p[:n]...)
	default:
		q.follow(p[:n])
	}
	return n, err
}

func (q *quoteTracker) follow(b []byte) {
	for _, c := range b {
		if q.quoted {
			q.inQuotes(c)
			continue
		}
		switch c {
		case q.delim:
			q.fieldStart = true
		case '\n':
			q.line++
			q.fieldStart = true
		case '\r':
		case '"':
			if q.fieldStart {
				q.quoted, q.openLine, q.swallowed, q.afterBreak = true, q.line, false, false
			}
			q.fieldStart = false
		default:
			q.fieldStart = false
		}
	}
}

// inQuotes follows byte c inside a quoted field.
func (q *quoteTracker) inQuotes(c byte) {
	if q.quote {
		switch c {
		case '"': // "" is a quote
			q.quote = false
			return
		case '\r': // the CR of a CRLF line end, or text: decided by the next byte
			return
		case q.delim:
			q.quoted, q.quote, q.fieldStart = false, false, true
			return
		case '\n':
			q.quoted, q.quote, q.fieldStart = false, false, true
			q.line++
			return
		}
		q.quote = false // a quote kept as text
	}
	switch c {
	case '"':
		q.quote = true
	case '\n':
		q.line++
		q.afterBreak = true
	case '\r':
	default:
		if q.afterBreak {
			q.swallowed = true
		}
		q.lastText = q.line
	}
}

// unclosed reports, once the text has been read to its end, whether a
// quote was never closed after text on the lines that follow it, the line
// it opened on and the lines it spans. A quote left open on the last line
// swallows nothing and is read as encoding/csv reads it.
func (q *quoteTracker) unclosed() (open, lines int, ok bool) {
	if q.off || !q.quoted || q.quote || !q.swallowed {
		return 0, 0, false
	}
	return q.openLine, q.lastText - q.openLine + 1, true
}
