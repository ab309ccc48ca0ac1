package grid

import (
	"fmt"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// flatState is what the reading of a sheet keeps for its flattened
// hierarchy (see Hierarchy): buffers reused over the sheet's runs, and the
// decisions summed over its runs.
type flatState struct {
	flatIdx  []int          // sheet line indices of the run being examined
	flatSums []budget.Money // prefix sums of the pre-check
	flat     flatSummary
}

// flatSummary adds up what the detector found over the runs of a sheet.
type flatSummary struct {
	ran, totals, tolUses, ambiguous, placeholders int
	atDepth                                       []int
	order                                         [3]int // totals per HierarchyOrder
	orderAmbiguous                                bool
	naive, leaves, candidate                      budget.Sum
	unresolved                                    []int // row numbers
	unresolvedSum                                 budget.Sum
}

// flatMaxFanout is the largest block searched for one total.
const flatMaxFanout = 128

// flatHierarchy looks for a flattened hierarchy in the lines of the sheet
// (not in a wide layout, nor in a sheet with a parent column, whose levels
// are read from it; rows read as totals already, by their label or their
// programme code, are not lines and take no part). The lines are
// examined in runs that share a fiscal year and currency. Rows the detector
// reads as totals become subtotal (or total) rows: marked as totals, so
// that they are dropped from the lines, and checked against the lines they
// cover. Placeholders become notes. Candidates the evidence cannot settle
// stay lines, with a warning.
func (s *sheetReader) flatHierarchy() {
	if s.opt.Hierarchy == budget.HierarchyOff || s.rep.Wide || len(s.amts) == 0 {
		return
	}
	if _, ok := s.cols[budget.FieldParent]; ok {
		return // parent and child records: their levels are read from the parent column (levels.go)
	}
	lines := s.b.Lines.View(s.start, s.b.Lines.Len())
	if cap(s.flatIdx) < lines.Len() {
		s.flatIdx = make([]int, 0, lines.Len()) // once per sheet, not grown row by row
	}
	s.flatIdx = s.flatIdx[:0]
	flush := func() {
		if len(s.flatIdx) >= 3 {
			s.flatRun(s.flatIdx)
		}
		s.flatIdx = s.flatIdx[:0]
	}
	for i := range lines.Len() {
		if s.isTotal[i] {
			continue
		}
		if n := len(s.flatIdx); n > 0 {
			p := s.flatIdx[n-1]
			if lines.YearLabelAt(p) != lines.YearLabelAt(i) || lines.CurrencyAt(p) != lines.CurrencyAt(i) {
				flush()
			}
		}
		s.flatIdx = append(s.flatIdx, i)
	}
	flush()
	s.flatReport()
}

// flatTolerance returns the rounding allowed between a repeated total and
// its block: half a unit of the finest digit written in the run (at most a
// unit of the sheet's scale), plus the --tolerance given.
func (s *sheetReader) flatTolerance(idx []int) HierarchyTolerance {
	finest := budget.FromUnits(max(int64(s.scale), 1))
	if idx != nil {
		lines := s.b.Lines.View(s.start, s.b.Lines.Len())
		smallest := budget.Unit(budget.MoneyDecimals)
		for _, i := range idx {
			for _, p := range budget.Phases() {
				if v, ok := lines.AmountsAt(i).Get(p); ok && !v.IsZero() {
					if d := lastDigit(v); d.Cmp(finest) < 0 {
						finest = d
					}
				}
			}
			if finest == smallest {
				break
			}
		}
	}
	return HierarchyTolerance{LastDigit: finest, Absolute: s.opt.Tolerance}
}

// lastDigit returns the unit of the last non-zero digit of m as written
// exactly: 0.000001 for 46.843123, 0.01 for 12.34, 1000 for 5000 (at most
// 10^13).
func lastDigit(m budget.Money) budget.Money {
	if d := m.Decimals(); d > 0 {
		return budget.Unit(d)
	}
	whole, _, _ := strings.Cut(strings.TrimLeft(m.String(), "-"), ".")
	u := int64(1)
	for i := len(whole) - 1; i > 0 && whole[i] == '0' && u < 1e13; i-- {
		u *= 10
	}
	return budget.FromUnits(u)
}

// flatRun runs the detector on one run of sheet lines.
func (s *sheetReader) flatRun(idx []int) {
	lines := s.b.Lines.View(s.start, s.b.Lines.Len())
	if !s.flatMayHaveTotal(idx) {
		return
	}
	// The detector takes each line's amounts, label and code as it goes:
	// no copy of the run's rows is made for it.
	row := func(k int) HierarchyRow {
		i := idx[k]
		return HierarchyRow{Amounts: lines.AmountsAt(i), Label: flatLabelAt(lines, i), Code: flatCode(lines.ProgrammeAt(i))}
	}
	res, err := hierarchyOf(len(idx), row, HierarchyOptions{Tolerance: s.flatTolerance(idx), MaxFanout: flatMaxFanout})
	if err != nil {
		return // a sum overflows: the totals' own checks say so
	}
	s.flatApply(idx, res)
}

// flatCode is the line's programme code when it can be hierarchical, as
// programme totals read them: four digits or more. Short codes (Macedonia's
// sub-programmes 10, 11, 12) are numbers, not levels: "10" is no parent
// of "11".
func flatCode(programme budget.Code) string {
	if c := programme.Code(); len(c) >= 4 && allDigits(c) {
		return c
	}
	return ""
}

// flatLabelAt is the text that names line i of lines: its description,
// else its programme's or unit's.
func flatLabelAt(lines budget.LineView, i int) string {
	if d := lines.DescriptionAt(i); d != "" {
		return d
	}
	if p := lines.ProgrammeAt(i).Label(); p != "" {
		return p
	}
	return lines.UnitAt(i).Label()
}

// flatApply turns the detector's decisions into totals, notes and warnings.
func (s *sheetReader) flatApply(idx []int, res *HierarchyResult) {
	lines := s.b.Lines.View(s.start, s.b.Lines.Len())
	f := &s.flat
	f.ran++
	p := s.amts[0].phase
	add := func(sum *budget.Sum, a budget.Amounts) {
		if v, ok := a.Get(p); ok {
			sum.Add(v)
		}
	}
	add(&f.naive, res.Naive)
	add(&f.leaves, res.Leaves)
	add(&f.candidate, res.Candidate)
	f.tolUses += res.ToleranceUses
	f.ambiguous += res.Ambiguous
	f.placeholders += res.Placeholders
	f.order[res.Order] += res.Totals
	f.orderAmbiguous = f.orderAmbiguous || res.OrderAmbiguous
	for d, n := range res.TotalsAtDepth {
		for len(f.atDepth) <= d {
			f.atDepth = append(f.atDepth, 0)
		}
		f.atDepth[d] += n
	}
	f.totals += res.Totals
	tol := s.flatTolerance(idx)
	for r, rr := range res.Rows {
		i := idx[r]
		row := lines.RowAt(i)
		switch rr.Role {
		case HierarchySubtotal, HierarchyGrandTotal, HierarchyAggregate:
			s.isTotal[i] = true
			class := budget.RowSubtotal
			if rr.Role == HierarchyGrandTotal {
				class = budget.RowTotal
			}
			s.markRow(row, class, s.flatReason(idx, rr))
			if rr.Role != HierarchyAggregate {
				s.totals = append(s.totals, s.flatTotal(idx, res, r, class, tol))
			}
		case HierarchyPlaceholder:
			s.isTotal[i] = true
			s.markRow(row, budget.RowNote, fmt.Sprintf("placeholder %q repeating the amount of the row beside it: not a line", lines.DescriptionAt(i)))
		case HierarchyUnresolved:
			if !flatSuspect(res, r) {
				continue
			}
			f.unresolved = append(f.unresolved, row)
			add(&f.unresolvedSum, lines.AmountsAt(i))
		}
	}
}

// flatSuspect reports whether unresolved row r is worth a warning: it
// equals the sum of a block of three rows or more. A row equal to one or
// two rows beside it, with nothing else saying it is a total, is as common
// in a flat budget (equal neighbours; 300 after 100 and 200; 500 after 150
// and 350) as in a hierarchy: it is a line, silently.
func flatSuspect(res *HierarchyResult, r int) bool {
	rr := res.Rows[r]
	block := 0
	// Only the rows of its block: a sheet of many unresolved rows is not
	// read once per row.
	for k := max(int(rr.First), 0); k <= min(int(rr.Last), len(res.Rows)-1) && block < 3; k++ {
		if x := res.Rows[k]; x.Role == HierarchyNoAmount || x.Role == HierarchyPlaceholder || k == r {
			continue
		}
		block++
	}
	return block >= 3
}

// flatReason is the ledger reason of a row read as a total.
func (s *sheetReader) flatReason(idx []int, rr HierarchyRowResult) string {
	if rr.Role == HierarchyAggregate {
		return "aggregate of rows counted elsewhere, above the grand total (flattened hierarchy)"
	}
	first, last := s.b.Lines.RowAt(s.start+idx[rr.First]), s.b.Lines.RowAt(s.start+idx[rr.Last])
	return fmt.Sprintf("repeats the sum of rows %d–%d (flattened hierarchy, %s)", first, last, flatEvidence(rr.Evidence))
}

// flatEvidence names the reasons a row was read as a total.
func flatEvidence(ev HierarchyEvidence) string {
	names := []string{"label says total", "outline level", "code", "same label as its one row", "inside a total", "the structure repeats", "blocks tile the sheet", "equals the sum of the sheet"}
	var out []string
	for i, n := range names {
		if ev&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

// flatTotal makes the check of total row r against the lines it covers.
func (s *sheetReader) flatTotal(idx []int, res *HierarchyResult, r int, class budget.RowClass, tol HierarchyTolerance) pendingTotal {
	rr := res.Rows[r]
	lines := s.b.Lines.View(s.start, s.b.Lines.Len())
	t := pendingTotal{rows: []int{lines.RowAt(idx[r])}, class: class, label: flatLabelAt(lines, idx[r]), how: "hierarchy", idx: []int{}}
	for k := int(rr.First); k <= int(rr.Last); k++ {
		if k != r && res.Rows[k].Role.Counted() {
			t.idx = append(t.idx, idx[k])
		}
	}
	first, last := s.b.Lines.RowAt(s.start+idx[rr.First]), s.b.Lines.RowAt(s.start+idx[rr.Last])
	t.scope = fmt.Sprintf("the lines of rows %d–%d (flattened hierarchy)", first, last)
	t.tol = tol.allowed(len(t.idx))
	t.stated = make([]optMoney, len(s.amts))
	for j, a := range s.amts {
		if v, ok := lines.AmountsAt(idx[r]).Get(a.phase); ok {
			t.stated[j] = optMoney{v: v, ok: true}
		}
	}
	return t
}

// markRow records that the line row n is of class c (a subtotal, a total
// or a note), for the reason given; reclassify rewrites the ledger.
func (s *sheetReader) markRow(n int, c budget.RowClass, reason string) {
	if _, done := s.reclass[n]; done {
		return
	}
	s.markSubtotal(n, reason)
	if c != budget.RowSubtotal {
		s.rep.Counts[budget.RowSubtotal]--
		s.rep.Counts[c]++
		if s.levelClass == nil {
			s.levelClass = map[int]budget.RowClass{}
		}
		s.levelClass[n] = c // the ledger class reclassify gives the row (levels.go)
	}
}
