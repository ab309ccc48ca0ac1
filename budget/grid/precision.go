package grid

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/grb-toolkit/grb/budget"
)

// precisionLoss counts the values of one column that had more decimals
// than Money keeps (18, once scaled) and were rounded, with the exact
// effect of that rounding on the column's total.
type precisionLoss struct {
	header string
	row    int      // the first row affected
	n      int      // values rounded
	effect *big.Rat // total as read minus total as written, in currency units
}

// parseAmount is budget.ParseAmount for the cells of column col (header
// h) in row n, counting the values rounded beyond 18 decimals.
func (s *sheetReader) parseAmount(t string, scale budget.Scale, mark budget.DecimalMark, n, col int, h string) (budget.Money, bool, error) {
	m, ok, residual, err := budget.ParseAmountExact(t, scale, mark)
	if residual != nil {
		if s.lost == nil {
			s.lost = map[int]*precisionLoss{}
		}
		p := s.lost[col]
		if p == nil {
			p = &precisionLoss{header: h, row: n, effect: new(big.Rat)}
			s.lost[col] = p
		}
		p.n++
		p.effect.Sub(p.effect, residual)
	}
	return m, ok, err
}

// warnPrecision adds one "precision-lost" warning per column with values
// rounded beyond Money's 18 decimals.
func (s *sheetReader) warnPrecision() {
	cols := make([]int, 0, len(s.lost))
	for c := range s.lost {
		cols = append(cols, c)
	}
	sort.Ints(cols)
	for _, c := range cols {
		p := s.lost[c]
		s.b.AddIssue(budget.Warning, "precision-lost", s.pos(p.row, c+1), p.header, "amounts with at most 18 decimals once scaled",
			fmt.Sprintf("%d %s in column %q %s more than 18 decimals once scaled: rounded to 18 decimals (halves to even), which changes the column's total by %s (the total as read minus the exact sum of the cells as written); --scale millions (or thousands) reads them in a larger unit and keeps every digit",
				p.n, plural(p.n, "value", "values"), p.header, plural(p.n, "has", "have"), budget.RatDecimal(p.effect)), nil)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
