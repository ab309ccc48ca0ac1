package grid

import (
	"fmt"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// fiscalYearWords are the header words that say a column holds the fiscal
// year; a year column recognised from a weaker header ("Year", "Año",
// "Ciclo de Recurso") is a decision made on its values and shown.
var fiscalYearWords = []string{"fiscal year", "financial year", "budget year", "fy", "ejercicio", "ano fiscal", "ano presupuestario", "exercice", "annee budgetaire", "annee fiscale"}

// cycleWords name a funding cycle: the year money was granted in, which
// need not be the fiscal year of the budget.
var cycleWords = []string{"ciclo", "cycle"}

// decideYearColumn checks the year column recognised from a header that
// does not say fiscal year (one the user named is kept as given). Its
// values in sample decide: mostly years, it is read as the fiscal year
// and the decision is recorded with the evidence; otherwise, or when the
// user gave --year, it is not read as the year. A funding cycle read as
// the fiscal year is ambiguous, so also a warning (year-column-ambiguous).
func (s *sheetReader) decideYearColumn(given map[int]bool, sample []rawRow) {
	k, ok := s.cols[budget.FieldYear]
	if !ok || given[k] {
		return
	}
	h := budget.Normalize(s.header[k])
	for _, w := range fiscalYearWords {
		if budget.ContainsWords(h, w) {
			return
		}
	}
	cycle := false
	for _, w := range cycleWords {
		cycle = cycle || budget.ContainsWords(h, w)
	}
	n, years, lo, hi := 0, 0, 0, 0
	for _, r := range sample {
		if k >= len(r.cells) || strings.TrimSpace(r.cells[k]) == "" {
			continue
		}
		n++
		if y, ok := ParseYearCell(strings.TrimSpace(r.cells[k])); ok {
			years++
			if lo == 0 || y < lo {
				lo = y
			}
			hi = max(hi, y)
		}
	}
	header := strings.TrimSpace(s.header[k])
	ev := "the header does not say fiscal year"
	if cycle {
		ev = "the header names a funding cycle, not a fiscal year"
	}
	ev += fmt.Sprintf("; %d of its first %d values are years", years, n)
	if years > 0 {
		ev += fmt.Sprintf(" (%d–%d)", lo, hi)
	}
	d := budget.Decision{Sheet: s.sheet, Column: header, Topic: "year", Evidence: ev,
		Override: "--column year=HEADER names another column; --year YEAR gives every line one year"}
	switch {
	case s.opt.Year != 0:
		delete(s.cols, budget.FieldYear)
		d.Choice = fmt.Sprintf("not read as the fiscal year: --year %d given", s.opt.Year)
	case years == 0 || 2*years <= n:
		delete(s.cols, budget.FieldYear)
		d.Choice = "not read as the fiscal year: its values are mostly not years"
	case cycle:
		d.Choice = "read as the fiscal year (the cycle the money comes from): no column says fiscal year"
		d.Ambiguous = true
		s.b.AddIssue(budget.Warning, "year-column-ambiguous", s.pos(s.rep.HeaderRow, k+1), header, "a fiscal-year column",
			fmt.Sprintf("column %q names a funding cycle and is read as the fiscal year (%s); if lines of several cycles make one budget, give --year YEAR, or --column year=HEADER for the right column", header, ev), nil)
	default:
		d.Choice = "read as the fiscal year: no column says fiscal year"
	}
	s.b.Decide(d)
}

// maxUnusedNamed is how many unused columns a decision names; the rest
// are counted.
const maxUnusedNamed = 20

// noteUnusedColumns records, as one decision, every column with a
// header that grb does not read: neither a field nor money. unusedAmount
// is the generic amount column dropped beside its phase's column, or -1.
func (s *sheetReader) noteUnusedColumns(unusedAmount int) {
	var cols []string
	for k, h := range s.header {
		h = strings.TrimSpace(h)
		if h == "" || s.mapped(k) || s.money[k] {
			continue
		}
		c := fmt.Sprintf("%s %q", budget.ColumnName(k+1), h)
		if k == unusedAmount {
			c += fmt.Sprintf(" (amount: phase %s has a column of its own)", s.opt.Phase)
		}
		cols = append(cols, c)
	}
	if len(cols) == 0 {
		return
	}
	word := "columns"
	if len(cols) == 1 {
		word = "column"
	}
	n := len(cols)
	if n > maxUnusedNamed {
		cols = append(cols[:maxUnusedNamed:maxUnusedNamed], fmt.Sprintf("and %d more", n-maxUnusedNamed))
	}
	s.b.Decide(budget.Decision{Sheet: s.sheet, Topic: "column-unused",
		Choice:   fmt.Sprintf("%d %s not used: %s", n, word, strings.Join(cols, ", ")),
		Evidence: "no field of grb's column synonyms matches these headers, or their field is taken by a better column",
		Override: "--column FIELD=HEADER reads one as FIELD"})
}

// decidePhase records how the money columns whose headers name no budget
// phase (a generic amount column, or fiscal-year columns in a wide layout)
// are read: as the phase --amount-phase gives, or by default as approved.
func (s *sheetReader) decidePhase() {
	var generic []string
	for _, a := range s.amts {
		if a.yearLabel != "" || budget.Field(a.phase.String()) != s.fieldOf(a.col) {
			generic = append(generic, a.header)
		}
	}
	if len(generic) == 0 {
		return
	}
	d := budget.Decision{Sheet: s.sheet, Column: strings.Join(generic, ", "), Topic: "phase",
		Evidence: "the header names no budget phase (proposed, approved, revised, executed)",
		Override: "--amount-phase proposed|approved|revised|executed"}
	if s.wide {
		d.Evidence = "the headers are fiscal years and name no budget phase (proposed, approved, revised, executed)"
	}
	p := s.opt.Phase
	d.Choice = fmt.Sprintf("read as %s amounts (the default)", p)
	if s.opt.PhaseSet {
		d.Choice = fmt.Sprintf("read as %s amounts: --amount-phase %s given", p, p)
	}
	s.b.Decide(d)
}

// fieldOf returns the field column k is mapped to, "" when none.
func (c *columns) fieldOf(k int) budget.Field {
	for f, v := range c.cols {
		if v == k {
			return f
		}
	}
	return ""
}
