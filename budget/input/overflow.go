package input

import (
	"fmt"

	"github.com/grb-toolkit/grb/budget"
)

// checkSums reports, as an error of reading, each phase whose amounts
// (or whose amounts attributed to gender equality) cannot be added within
// Money's range, about ±1.7e20 currency units. The positive and the
// negative amounts are added apart: when neither sum overflows, no total
// or group of them can, in whatever order an analysis adds them. The
// error names the row and column where the sum passes the range, so that
// validate says it before an analysis fails on it.
func checkSums(b *budget.Budget) {
	var pos, neg, gpos, gneg [budget.NumPhases]budget.Sum
	var done, gdone [budget.NumPhases]bool
	for i := range b.Lines.Len() {
		lv := b.Lines.At(i)
		l := &lv
		for _, p := range budget.Phases() {
			if m, ok := l.Amounts.Get(p); ok && !done[p] && overflows(&pos[p], &neg[p], m) {
				done[p] = true
				b.AddIssue(budget.Error, "sum-overflow", amountPos(b, l, p, false), m.String(), "",
					fmt.Sprintf("the %s amounts%s add up past ±1.7e20 currency units, the most grb can add: no total or share of %s money can be computed; check the scale (thousands, millions) and the amounts of this column", p, columnText(b, l, p, false), p), budget.ErrOverflow)
			}
			if l.GEWE == nil {
				continue
			}
			if m, ok := l.GEWE.Get(p); ok && !gdone[p] && overflows(&gpos[p], &gneg[p], m) {
				gdone[p] = true
				b.AddIssue(budget.Error, "sum-overflow", amountPos(b, l, p, true), m.String(), "",
					fmt.Sprintf("the %s amounts attributed to gender equality%s add up past ±1.7e20 currency units, the most grb can add", p, columnText(b, l, p, true)), budget.ErrOverflow)
			}
		}
	}
}

// overflows adds m to the sum of its sign and reports whether that sum
// has passed Money's range.
func overflows(pos, neg *budget.Sum, m budget.Money) bool {
	s := pos
	if m.Sign() < 0 {
		s = neg
	}
	s.Add(m)
	_, err := s.Value()
	return err != nil
}

// amountColumn returns the column of line l's sheet that holds its amount
// of phase p (or its GEWE amount), or nil when no single column does.
func amountColumn(b *budget.Budget, l *budget.Line, p budget.Phase, gewe bool) *budget.ColumnMapping {
	sheet := l.Pos.Sheet()
	for i := range b.Sheets {
		s := &b.Sheets[i]
		if s.Name != sheet && len(b.Sheets) > 1 {
			continue
		}
		var found *budget.ColumnMapping
		n := 0
		for j := range s.Columns {
			c := &s.Columns[j]
			if !columnHolds(c, l, p, gewe) {
				continue
			}
			found = c
			n++
		}
		if n == 1 {
			return found
		}
		return nil
	}
	return nil
}

// columnHolds reports whether column c holds line l's amount of phase p.
func columnHolds(c *budget.ColumnMapping, l *budget.Line, p budget.Phase, gewe bool) bool {
	if gewe {
		return c.Field == budget.FieldGEWEAmount
	}
	if c.Year != 0 && c.Year != l.Year {
		return false
	}
	q, ok := c.Field.Phase()
	return (ok && q == p) || c.Field == budget.FieldAmount
}

// amountPos returns the cell of line l's amount of phase p, or its row.
func amountPos(b *budget.Budget, l *budget.Line, p budget.Phase, gewe bool) budget.Position {
	pos := l.Pos
	if c := amountColumn(b, l, p, gewe); c != nil && pos.Row > 0 {
		pos.Col = c.Col
	}
	return pos
}

// columnText names the column of line l's amount of phase p, as " of
// column Approved (sheet FY2025)", or "" when it is not known.
func columnText(b *budget.Budget, l *budget.Line, p budget.Phase, gewe bool) string {
	c := amountColumn(b, l, p, gewe)
	if c == nil {
		return ""
	}
	s := " of column " + c.Header
	if sh := l.Pos.Sheet(); sh != "" {
		s += " (sheet " + sh + ")"
	}
	return s
}
