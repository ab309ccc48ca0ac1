package budget

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unique"
)

// Sentinel errors carried in [ParseError.Err] and [Issue.Err]; test them
// with errors.Is.
var (
	ErrUnknownFormat    = errors.New("unknown file format")
	ErrNoHeader         = errors.New("no header row found")
	ErrNoAmountColumn   = errors.New("no amount column")
	ErrInvalidAmount    = errors.New("invalid amount")
	ErrUnknownMarker    = errors.New("unknown gender marker code")
	ErrUnknownScheme    = errors.New("unknown marker scheme")
	ErrInvalidObjective = errors.New("invalid GCM objective")
	ErrShareSum         = errors.New("objective shares do not sum to 100%")
	ErrLimit            = errors.New("input exceeds a safety limit")
	ErrNoSuchSheet      = errors.New("no such sheet")
)

// ParseError is a problem at a position in an input file. It prints as
// "budget.xlsx:Sheet1!C12: amount "12,5O0": invalid amount".
type ParseError struct {
	File  string
	Sheet string // empty for csv
	Row   int    // 1-based; 0 when the error concerns the whole file or sheet
	Col   int    // 1-based; 0 when the error concerns the whole row
	Err   error
}

func (e *ParseError) Error() string {
	return At(e.File, e.Sheet, e.Row, e.Col).String() + ": " + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Position locates a cell, a row or a sheet in an input file. Every line
// carries one, so it is small: the file and sheet names are interned
// (package unique) and shared by all the positions in one sheet. The zero
// Position is nowhere.
type Position struct {
	place unique.Handle[place] // file and sheet
	Row   int                  // 1-based; 0 for a whole file or sheet
	Col   int                  // 1-based; 0 for a whole row
}

type place struct{ file, sheet string }

// At returns the position of a cell: file, sheet ("" for a csv file), and
// 1-based row and column (0 for a whole sheet or row).
func At(file, sheet string, row, col int) Position {
	return Position{place: unique.Make(place{file, sheet}), Row: row, Col: col}
}

func (p Position) where() place { return interned(p.place) }

// interned returns the value of h; the zero value of T for the zero
// handle (whose Value would panic), which the interned types use for
// "none".
func interned[T comparable](h unique.Handle[T]) T {
	if h == (unique.Handle[T]{}) {
		var zero T
		return zero
	}
	return h.Value()
}

// File returns the name of the file.
func (p Position) File() string { return p.where().file }

// Sheet returns the name of the sheet; "" for a csv file.
func (p Position) Sheet() string { return p.where().sheet }

// WholeRow returns the position of p's row, without the column.
func (p Position) WholeRow() Position {
	p.Col = 0
	return p
}

// SameSheet reports whether p and q are in the same file and sheet.
func (p Position) SameSheet(q Position) bool { return p.place == q.place }

// Equal reports whether p and q are the same position.
func (p Position) Equal(q Position) bool { return p == q }

// String formats p as "file.xlsx:Sheet!C12" in a workbook and
// "file.csv:C12" in a csv file; a whole row is "file.csv:12".
func (p Position) String() string {
	w := p.where()
	s := w.file
	if w.sheet != "" {
		s += ":" + w.sheet
		if p.Row > 0 {
			s += "!" + Cell(p.Row, p.Col)
		}
		return s
	}
	if p.Row > 0 {
		s += ":" + Cell(p.Row, p.Col)
	}
	return s
}

// MarshalJSON writes the file, sheet, row and column, the cell reference
// ("D3") and the whole position as text ("file.xlsx:Sheet!D3").
func (p Position) MarshalJSON() ([]byte, error) {
	w := p.where()
	v := struct {
		File  string `json:"file"`
		Sheet string `json:"sheet,omitempty"`
		Row   int    `json:"row,omitempty"`
		Col   int    `json:"col,omitempty"`
		Cell  string `json:"cell,omitempty"`
		At    string `json:"at"`
	}{File: w.file, Sheet: w.sheet, Row: p.Row, Col: p.Col, At: p.String()}
	if p.Row > 0 && p.Col > 0 {
		v.Cell = Cell(p.Row, p.Col)
	}
	return json.Marshal(v)
}

// Cell returns the A1-style reference of a 1-based row and column; with
// col 0 it returns the row number alone.
func Cell(row, col int) string {
	if col <= 0 {
		return strconv.Itoa(row)
	}
	return ColumnName(col) + strconv.Itoa(row)
}

// ColumnName returns the spreadsheet letters of a 1-based column: 1 → "A", 27 → "AA".
func ColumnName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}

// Severity says whether an issue stops a budget from being used.
type Severity uint8

const (
	// Warning: the data can be analysed, but a reader should know.
	Warning Severity = iota
	// Error: a row or value could not be used as given.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Issue is one problem found in an input, with a stable code (such as
// "amount-invalid"), its severity, its position, what was found and what
// was expected.
type Issue struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Pos      Position `json:"position"`
	Found    string   `json:"found,omitempty"`
	Expected string   `json:"expected,omitempty"`
	Message  string   `json:"message"`
	// Currency and Year, when set, are the currency and fiscal year the
	// issue is about (a missing exchange rate or price index).
	Currency string `json:"currency,omitempty"`
	Year     int    `json:"year,omitempty"`
	Err      error  `json:"-"`
	// More counts the issues of this code and severity that were not
	// listed one by one (see MaxIssuesPerCode); 0 for an ordinary issue.
	More int `json:"more,omitempty"`
}

// Error formats the issue on one line. Found and Expected are added when
// the message does not already say them.
func (i Issue) Error() string {
	s := i.Pos.String() + ": " + i.Severity.String() + " [" + i.Code + "] " + i.Message
	if i.Found != "" && !strings.Contains(i.Message, i.Found) {
		s += fmt.Sprintf(": found %q", i.Found)
	}
	if i.Expected != "" && !strings.Contains(i.Message, "want") && !strings.Contains(i.Message, "expected") {
		s += ", expected " + i.Expected
	}
	return s
}

func (i Issue) Unwrap() error { return i.Err }
