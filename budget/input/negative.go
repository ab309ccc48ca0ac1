package input

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// maxNegativeRows is how many rows of negative amounts a decision names.
const maxNegativeRows = 5

// noteNegatives records, for each phase with negative amounts (reversals,
// net repayments, corrections), a decision that says how many there are,
// what they sum to, where the first are and what the phase's total is.
// They are kept: each total is the exact net sum of its lines. It is a
// decision, not a warning, because a negative amount is valid money; the
// analysis reads no percentage over a total that is zero or negative.
// ReadFile and Read call it on every budget they read.
func noteNegatives(b *budget.Budget) {
	type acc struct {
		n, neg int
		sum    budget.Sum // of the negative amounts
		total  budget.Sum
		rows   []string
	}
	var accs [budget.NumPhases]acc
	for i := range b.Lines.Len() {
		lv := b.Lines.At(i)
		l := &lv
		for _, p := range budget.Phases() {
			m, ok := l.Amounts.Get(p)
			if !ok {
				continue
			}
			a := &accs[p]
			a.n++
			a.total.Add(m)
			if m.Sign() >= 0 {
				continue
			}
			a.neg++
			a.sum.Add(m)
			if r := rowRef(l.Pos); len(a.rows) <= maxNegativeRows && l.Pos.Row > 0 && (len(a.rows) == 0 || a.rows[len(a.rows)-1] != r) {
				a.rows = append(a.rows, r)
			}
		}
	}
	for _, p := range budget.Phases() {
		a := &accs[p]
		if a.neg == 0 {
			continue
		}
		b.Decide(budget.Decision{Topic: "negative", Choice: negativeChoice(a.neg, p), Evidence: negativeEvidence(a.n, a.neg, p, &a.sum, &a.total, a.rows)})
	}
}

func negativeChoice(neg int, p budget.Phase) string {
	if neg == 1 {
		return fmt.Sprintf("1 negative %s amount kept as a reduction (reversals or net repayments)", p)
	}
	return fmt.Sprintf("%d negative %s amounts kept as reductions (reversals or net repayments)", neg, p)
}

func negativeEvidence(n, neg int, p budget.Phase, sum, total *budget.Sum, rows []string) string {
	verb := "are"
	if neg == 1 {
		verb = "is"
	}
	s := fmt.Sprintf("%d of %d %s amounts %s negative, summing %s", neg, n, p, verb, sumText(sum))
	if len(rows) > 0 {
		word := "rows "
		if len(rows) == 1 {
			word = "row "
		}
		if len(rows) > maxNegativeRows {
			rows = append(rows[:maxNegativeRows:maxNegativeRows], "…")
		}
		s += " (" + word + strings.Join(rows, ", ") + ")"
	}
	return s + fmt.Sprintf("; the %s total is %s; a share of a zero or negative total, or a change from one, is n/a", p, sumText(total))
}

// sumText is the value of s, or "too large" when it overflowed.
func sumText(s *budget.Sum) string {
	v, err := s.Value()
	if err != nil {
		return "too large to add"
	}
	return format.Money(v)
}

// rowRef names a row: "12", or "12 of sheet FY2025" in a workbook.
func rowRef(p budget.Position) string {
	if sh := p.Sheet(); sh != "" {
		return strconv.Itoa(p.Row) + " of sheet " + sh
	}
	return strconv.Itoa(p.Row)
}
