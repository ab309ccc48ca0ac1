package rates

import (
	"errors"
	"fmt"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// The codes of the issues a conversion raises, each an error naming the
// file, the currency and the fiscal year; README lists them.
const (
	// CodeRateMissing: the tables have rates for the currency, but none
	// for the year.
	CodeRateMissing = "rate-missing"
	// CodeCurrencyUnknown: the tables have no rate for the currency in
	// any year (a code that is not ISO 4217, or one no table covers, such
	// as XDR).
	CodeCurrencyUnknown = "currency-unknown"
	// CodeCurrencyMissing: the line states no currency, so it cannot be
	// converted.
	CodeCurrencyMissing = "currency-missing"
	// CodeYearMissing: the line has no fiscal year, so no rate or price
	// index can be chosen.
	CodeYearMissing = "year-missing"
	// CodeFiscalYearInvalid: a fiscal year label or budget period that
	// does not say which calendar years it covers (2015-18, a period
	// that ends before it starts, a year over two calendar years without
	// --fiscal-year-start for the weighted rule).
	CodeFiscalYearInvalid = "fiscal-year-invalid"
	// CodeDeflatorMissing: no price index for the year, or no price
	// series for the currency's country.
	CodeDeflatorMissing = "deflator-missing"
	// CodeConvertOverflow: a converted amount is beyond what grb can
	// hold.
	CodeConvertOverflow = "convert-overflow"
)

// lookupError is a missing rate or index: its issue code, currency and
// year.
type lookupError struct {
	code string
	cur  string
	year int
	msg  string
}

func (e *lookupError) Error() string { return e.msg }

func missing(code, cur string, year int, format string, args ...any) error {
	return &lookupError{code: code, cur: cur, year: year, msg: fmt.Sprintf(format, args...)}
}

// Error is what Convert returns when a budget cannot be converted: every
// problem found, as issues with a code, a position, the currency and the
// year, one per code, currency and year (at its first line).
type Error struct {
	Source string
	Issues []budget.Issue
}

// Error lists the issues, one per line.
func (e *Error) Error() string {
	parts := make([]string, len(e.Issues))
	for i, is := range e.Issues {
		parts[i] = is.Error()
	}
	return fmt.Sprintf("cannot convert %s (%s):\n  %s", e.Source, format.Count(len(e.Issues), "error"), strings.Join(parts, "\n  "))
}

// issues collects a conversion's problems, one issue per code, currency
// and year, counting the lines each concerns.
type issues struct {
	list  []budget.Issue
	lines []int
	index map[lookupError]int
}

// add records err, met converting the line at pos.
func (s *issues) add(err error, l *budget.Line) {
	var le *lookupError
	if !errors.As(err, &le) { // none: every error of a line is one
		le = &lookupError{code: CodeConvertOverflow, cur: l.Currency, year: l.Year, msg: err.Error()}
	}
	k := *le
	if s.index == nil {
		s.index = map[lookupError]int{}
	}
	if i, ok := s.index[k]; ok {
		s.lines[i]++
		return
	}
	s.index[k] = len(s.list)
	s.list = append(s.list, budget.Issue{Code: le.code, Severity: budget.Error, Pos: l.Pos, Message: le.msg, Currency: le.cur, Year: le.year, Err: err})
	s.lines = append(s.lines, 1)
}

// err returns the issues as an *Error, nil when there is none.
func (s *issues) err(source string) error {
	if len(s.list) == 0 {
		return nil
	}
	for i := range s.list {
		if s.lines[i] > 1 {
			s.list[i].Message += fmt.Sprintf(" (%d lines, the first here)", s.lines[i])
		}
	}
	return &Error{Source: source, Issues: s.list}
}
