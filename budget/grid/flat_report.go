package grid

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// flatReport records the sheet's decision on its flattened hierarchy and
// warns when candidates were left unresolved. Nothing is recorded for a
// sheet where no row could be a total.
func (s *sheetReader) flatReport() {
	f := &s.flat
	if f.totals == 0 && f.placeholders == 0 && !s.flatMaterial() {
		return
	}
	naive, _ := f.naive.Value()
	leaves, _ := f.leaves.Value()
	d := budget.Decision{Sheet: s.sheet, Column: s.amts[0].header, Topic: "hierarchy", Override: "--hierarchy off"}
	var ev []string
	if f.totals > 0 {
		d.Choice = fmt.Sprintf("flattened hierarchy: %d rows repeat the sums of the rows under them and are totals, not lines", f.totals)
		var depth []string
		for i, n := range f.atDepth {
			if n > 0 {
				depth = append(depth, fmt.Sprintf("%d at depth %d", n, i))
			}
		}
		ev = append(ev, "totals: "+strings.Join(depth, ", ")+" (depth 0 = outermost)")
		ev = append(ev, s.flatOrder())
	} else {
		d.Choice = "no flattened hierarchy: every row with an amount is a line"
	}
	ev = append(ev, fmt.Sprintf("sum of every row %s, of the lines counted %s", naive, leaves))
	if f.tolUses > 0 {
		ev = append(ev, fmt.Sprintf("%d totals match their rows only within rounding (half a unit of the last digit per figure)", f.tolUses))
	}
	if f.ambiguous > 0 {
		ev = append(ev, fmt.Sprintf("%d totals could cover blocks of more than one size (ties that do not change the sum)", f.ambiguous))
	}
	if f.placeholders > 0 {
		ev = append(ev, fmt.Sprintf("%d placeholder rows (\"-\", \"n/a\", \"none\"…) repeat an amount beside them and are not lines", f.placeholders))
	}
	if s.flatMaterial() {
		d.Ambiguous = true
		cand := flatCandidate(leaves, mustValue(&f.unresolvedSum))
		ev = append(ev, fmt.Sprintf("%d rows equal the sum of the rows beside them on too little evidence and are counted as lines (rows %s); without them the total would be %s", len(f.unresolved), flatRows(f.unresolved), cand))
		s.b.AddIssue(budget.Warning, "hierarchy-unresolved", s.pos(f.unresolved[0], 0), "",
			"rows that are either all lines or totals of the rows beside them",
			fmt.Sprintf("%d rows (%s) each equal the sum of a block of rows beside them, but nothing else says they are totals: they are counted as lines, so the %s total is %s; if they are subtotals it is %s. Check the file; --hierarchy off reads every row as a line without this warning",
				len(f.unresolved), flatRows(f.unresolved), s.amts[0].header, leaves, cand), nil)
	}
	d.Evidence = strings.Join(ev, "; ")
	s.b.Decide(d)
}

// flatCandidate is the total if the unresolved rows were subtotals.
func flatCandidate(leaves, unresolved budget.Money) budget.Money {
	c, _ := leaves.Sub(unresolved)
	return c
}

func mustValue(s *budget.Sum) budget.Money {
	v, _ := s.Value()
	return v
}

// flatMaterial reports whether the unresolved candidates matter: together
// they are at least a twentieth of the sum of every row (in absolute
// value). A coincidence among many rows of round amounts (a 3,000 row
// under 1,000 and 2,000 in a budget of millions) is not worth a warning.
func (s *sheetReader) flatMaterial() bool {
	f := &s.flat
	if len(f.unresolved) == 0 {
		return false
	}
	u, err1 := f.unresolvedSum.Value()
	n, err2 := f.naive.Value()
	if err1 != nil || err2 != nil {
		return true
	}
	u20, ok := flatAbs(u).Mul(20)
	return !ok || u20.Cmp(flatAbs(n)) >= 0
}

func flatAbs(m budget.Money) budget.Money {
	if m.Sign() < 0 {
		if n, ok := m.Neg(); ok {
			return n
		}
	}
	return m
}

// flatOrder says which flattening was found.
func (s *sheetReader) flatOrder() string {
	f := &s.flat
	o := "totals first (each total above its rows)"
	if f.order[HierarchyTotalsLast] > f.order[HierarchyTotalsFirst] {
		o = "totals last (each total below its rows)"
	}
	if f.orderAmbiguous {
		o += "; the other order explained some rows too"
	}
	return o
}

// flatRows lists row numbers, at most ten.
func flatRows(rows []int) string {
	sort.Ints(rows)
	var b []string
	for i, r := range rows {
		if i == 10 {
			b = append(b, fmt.Sprintf("and %d more", len(rows)-10))
			break
		}
		b = append(b, strconv.Itoa(r))
	}
	return strings.Join(b, ", ")
}
