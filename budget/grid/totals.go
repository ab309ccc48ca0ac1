package grid

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// totalState is the totals of a sheet met so far, and where the lines
// they cover start.
type totalState struct {
	totals     []pendingTotal
	sinceTotal int // sheet line index after the last total row
	sinceGrand int // sheet line index after the last grand total row
}

// pendingTotal is a total row, or several taken together, waiting for
// the sheet's end to be checked against the lines it covers.
type pendingTotal struct {
	rows     []int
	class    budget.RowClass
	label    string
	how      string
	key      lineKey
	keyed    bool
	from, to int    // positional scope: sheet line indices [from, to)
	idx      []int  // explicit scope: sheet line indices (programme totals)
	scope    string // explicit scope in words
	stated   []optMoney
	cells    [][]string   // keyed totals: the rows' cells, in case they cover no line
	tol      budget.Money // rounding allowed beyond the budget's tolerance (flattened hierarchies)
	ledger   []int        // keyed totals: the rows' ledger entries
}

type optMoney struct {
	v  budget.Money
	ok bool
	// over: the stated amounts of a total repeated over rows add up
	// past Money's range; v is then meaningless.
	over bool
}

// lineKey is what a keyed subtotal shares with the lines it covers.
type lineKey struct{ year, unit, programme string }

func (k lineKey) String() string {
	var parts []string
	if k.year != "" {
		parts = append(parts, "year "+k.year)
	}
	if k.unit != "" {
		parts = append(parts, "unit "+k.unit)
	}
	if k.programme != "" {
		parts = append(parts, "programme "+k.programme)
	}
	return strings.Join(parts, ", ")
}

// addTotal records a labelled total or subtotal row.
func (s *sheetReader) addTotal(n int, cells []string, label string, lc int, class budget.RowClass, vals []optMoney) {
	sheetLines := s.b.Lines.Len() - s.start
	t := pendingTotal{rows: []int{n}, class: class, label: label, how: "label", stated: append([]optMoney(nil), vals...)}
	if class == budget.RowSubtotal {
		// Classification cells on the row (other than the label's) say
		// which lines the subtotal covers.
		var k lineKey
		if c, ok := s.cols[budget.FieldYear]; ok && c != lc {
			k.year = cell(cells, c)
		}
		unit, prog, _ := s.codes(cells)
		if c, ok := s.cols[budget.FieldUnitCode]; ok && c != lc {
			k.unit = unit.Code()
		}
		if k.unit == "" {
			if c, ok := s.cols[budget.FieldUnitName]; ok && c != lc {
				k.unit = unit.Name()
			}
		}
		if c, ok := s.cols[budget.FieldProgrammeCode]; ok && c != lc {
			k.programme = prog.Code()
		}
		if k.programme == "" {
			if c, ok := s.cols[budget.FieldProgrammeName]; ok && c != lc {
				k.programme = prog.Label()
			}
		}
		if k != (lineKey{}) {
			t.key, t.keyed = k, true
			for i := range s.totals {
				if p := &s.totals[i]; p.keyed && p.key == k {
					p.rows = append(p.rows, n)
					for j := range p.stated {
						if vals[j].ok {
							p.stated[j] = addStated(p.stated[j], vals[j].v)
						}
					}
					p.cells = append(p.cells, append([]string(nil), cells...))
					p.ledger = append(p.ledger, s.ledger(n, class, 0, "total of "+k.String()))
					return
				}
			}
			t.cells = [][]string{append([]string(nil), cells...)}
			t.from, t.to = s.sinceTotal, sheetLines
			s.totals = append(s.totals, t)
			t := &s.totals[len(s.totals)-1]
			t.ledger = []int{s.ledger(n, class, 0, "total of "+k.String())}
			return
		}
		t.from, t.to = s.sinceTotal, sheetLines
	} else {
		t.from, t.to = s.sinceGrand, sheetLines
		s.sinceGrand = sheetLines
	}
	s.sinceTotal = sheetLines
	s.totals = append(s.totals, t)
	s.ledger(n, class, 0, "label "+strconv.Quote(label))
}

// arithmeticTotal handles a row with amounts and no text at all: it is a
// subtotal if it equals the sum of the lines since the last total, and is
// rejected otherwise.
func (s *sheetReader) arithmeticTotal(n int, vals []optMoney) {
	sheetLines := s.b.Lines.Len() - s.start
	from := s.sinceTotal
	any := false
	for i, a := range s.amts {
		if !vals[i].ok {
			continue
		}
		any = true
		sum, _, err := s.sumLines(from, sheetLines, a, nil)
		if err != nil || sum != vals[i].v || sheetLines == from {
			s.ledger(n, budget.RowRejected, 0, fmt.Sprintf("amounts without any label or classification, and %s %s is not the sum of the %d lines above it (%s)", a.header, vals[i].v, sheetLines-from, sum))
			s.b.AddIssue(budget.Error, "row-unlabelled", s.pos(n, a.col+1), vals[i].v.String(), "a line with a description or classification, or a subtotal equal to the lines above", "row has amounts but no label, and is not a subtotal of the lines above it", nil)
			return
		}
	}
	if !any {
		s.ledger(n, budget.RowBlank, 0, "")
		return
	}
	s.totals = append(s.totals, pendingTotal{rows: []int{n}, class: budget.RowSubtotal, how: "arithmetic", from: from, to: sheetLines, stated: append([]optMoney(nil), vals...)})
	s.sinceTotal = sheetLines
	s.ledger(n, budget.RowSubtotal, 0, "unlabelled row equal to the sum of the lines above it")
}

// sumLines sums column a over the sheet lines [from, to), or over idx when
// given, skipping lines that turned out to be programme totals.
func (s *sheetReader) sumLines(from, to int, a amountCol, idx []int) (budget.Money, int, error) {
	var sum budget.Sum
	n := 0
	add := func(i int) {
		if s.isTotal[i] {
			return
		}
		l := s.b.Lines.At(s.start + i)
		if a.yearLabel != "" && l.YearLabel != a.yearLabel {
			return
		}
		n++
		if v, ok := l.Amounts.Get(a.phase); ok {
			sum.Add(v)
		}
	}
	if idx != nil {
		for _, i := range idx {
			add(i)
		}
	} else {
		for i := from; i < to; i++ {
			add(i)
		}
	}
	v, err := sum.Value()
	return v, n, err
}

func (s *sheetReader) check(t pendingTotal) {
	var idx []int
	scope := ""
	switch {
	case t.keyed:
		idx = s.keyedScope(t.key)
		scope = "lines of " + t.key.String()
	case t.idx != nil:
		idx = t.idx
		scope = t.scope
	case t.class == budget.RowTotal:
		scope = "all lines of the sheet above it"
		if t.from > 0 {
			scope = "lines since the previous total"
		}
	default:
		scope = "lines since the previous total or subtotal"
	}
	c := budget.TotalCheck{Pos: s.pos(t.rows[0], 0), Rows: t.rows, Class: t.class, Label: t.label, How: t.how, Scope: scope, Tolerance: t.tol}
	for i, a := range s.amts {
		if !t.stated[i].ok {
			continue
		}
		if t.stated[i].over {
			s.b.AddIssue(budget.Error, "total-overflow", c.Pos, "", "", fmt.Sprintf("the stated %s amounts of the %d rows of total %q add up past ±1.7e20 currency units, the most grb can add: the total is not checked", a.header, len(t.rows), t.label), budget.ErrOverflow)
			continue
		}
		sum, n, err := s.sumLines(t.from, t.to, a, idx)
		if err != nil {
			s.b.AddIssue(budget.Error, "total-overflow", c.Pos, "", "", "sum of lines overflows", err)
			continue
		}
		c.Covered = n
		c.Amounts = append(c.Amounts, budget.TotalAmount{Column: a.header, Phase: a.phase, Stated: t.stated[i].v, Computed: sum})
	}
	if len(c.Amounts) == 0 && idx != nil {
		c.Covered = len(idx)
	}
	s.b.Totals = append(s.b.Totals, c)
	if !c.OK(s.b.Tolerance) {
		tol := s.b.Tolerance
		if c.Tolerance.Cmp(tol) > 0 {
			tol = c.Tolerance
		}
		for _, a := range c.Amounts {
			if d := a.Diff(); !a.Within(tol) {
				s.b.AddIssue(budget.Warning, "total-mismatch", c.Pos, a.Stated.String(), fmt.Sprintf("%s, the sum of the %d lines it covers (%s); difference %s", a.Computed, c.Covered, scope, d), fmt.Sprintf("%s total %q does not equal its lines", a.Column, c.Label), nil)
			}
		}
	}
}

// keyedScope returns the sheet lines that share the key of a subtotal.
func (s *sheetReader) keyedScope(k lineKey) []int {
	idx := []int{}
	for i := 0; i < len(s.isTotal); i++ {
		l := s.b.Lines.At(s.start + i)
		if s.isTotal[i] || !l.Pos.SameSheet(s.at) {
			continue
		}
		if k.year != "" && l.YearLabel != k.year {
			continue
		}
		if k.unit != "" && l.Unit.Code() != k.unit && l.Unit.Name() != k.unit {
			continue
		}
		if k.programme != "" && l.Programme.Code() != k.programme && l.Programme.Label() != k.programme {
			continue
		}
		idx = append(idx, i)
	}
	return idx
}

// promote turns total rows that cover no line into line items: a
// programme reported only by its total is the finest figure the file has,
// and dropping it would lose money.
func (s *sheetReader) promote(t pendingTotal) {
	for i, cells := range t.cells {
		led := t.ledger[i]
		s.rep.Counts[budget.RowSubtotal]--
		n := t.rows[i]
		vals := make([]optMoney, len(s.amts))
		for j, a := range s.amts {
			m, ok, err := budget.ParseAmount(cell(cells, a.col), a.scale, s.markOf(n, a.col))
			if err == nil {
				vals[j] = optMoney{v: m, ok: ok}
			}
		}
		s.addLinesAt(n, cells, vals, led)
		r := &s.b.Ledger[led]
		r.Reason = "total row of " + t.key.String() + " with no item rows below it: read as a line"
	}
}

// addStated adds m to the stated amount a of a total that repeats over
// rows; past Money's range (±1.7e20 units) the sum is marked over, and
// the total's check reports it as an error.
func addStated(a optMoney, m budget.Money) optMoney {
	if !a.ok {
		return optMoney{v: m, ok: true}
	}
	s, ok := budget.Add(a.v, m)
	return optMoney{v: s, ok: true, over: a.over || !ok}
}
