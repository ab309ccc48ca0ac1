package budget

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
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
	return Position{e.File, e.Sheet, e.Row, e.Col}.String() + ": " + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Position locates a cell, a row or a sheet in an input file.
type Position struct {
	File  string `json:"file"`
	Sheet string `json:"sheet,omitempty"`
	Row   int    `json:"row,omitempty"` // 1-based
	Col   int    `json:"col,omitempty"` // 1-based
}

// String formats p as "file.xlsx:Sheet!C12", "file.csv:12:3" style
// positions: spreadsheet cell references for workbooks, and
// "file.csv:row 12, column C" for csv files.
func (p Position) String() string {
	s := p.File
	if p.Sheet != "" {
		s += ":" + p.Sheet
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

// MarshalJSON adds the cell reference ("D3") and the whole position as
// text ("file.xlsx:Sheet!D3") to the fields.
func (p Position) MarshalJSON() ([]byte, error) {
	type plain Position
	v := struct {
		plain
		Cell string `json:"cell,omitempty"`
		At   string `json:"at"`
	}{plain: plain(p), At: p.String()}
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
	Err      error    `json:"-"`
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
