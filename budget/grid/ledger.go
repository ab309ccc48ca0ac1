package grid

import (
	"cmp"
	"maps"
	"slices"

	"github.com/grb-toolkit/grb/budget"
)

// ledger records row n in the ledger and returns the index of its record.
// A row may join the record of the rows above it (see Budget.record), so
// only a total's or subtotal's record can be changed later through the
// index.
func (s *sheetReader) ledger(row int, c budget.RowClass, lines int, reason string) int {
	s.rep.Counts[c]++
	return s.b.Record(budget.RowRecord{Sheet: s.sheet, Row: row, Rows: 1, Class: c, Lines: lines, Reason: reason})
}

// finish resolves the marker scheme, finds programme totals by their codes,
// checks every total, and drops total lines from the line items.
func (s *sheetReader) finish() {
	if s.rep.Skipped != "" || s.noAmount {
		return
	}
	s.warnPrecision()
	s.levels()
	if !s.rep.Wide {
		s.programmeTotals()
	}
	s.flatHierarchy()
	var checks []pendingTotal
	for _, t := range s.totals {
		if t.keyed && len(s.keyedScope(t.key)) == 0 {
			s.promote(t)
			continue
		}
		checks = append(checks, t)
	}
	s.resolveMarkers()
	for _, t := range checks {
		s.check(t)
	}
	// Drop programme totals from the line items.
	if len(s.isTotal) > 0 {
		s.b.Lines.Keep(func(i int) bool { return i < s.start || !s.isTotal[i-s.start] })
		order := make([]int, s.b.Lines.Len()-s.start)
		for k := range order {
			order[k] = s.start + k
		}
		row := func(i int) int { return s.b.Lines.RowAt(i) }
		byRow := func(a, b int) int { return cmp.Compare(row(a), row(b)) }
		if !slices.IsSortedFunc(order, byRow) {
			slices.SortStableFunc(order, byRow)
			s.b.Lines.Reorder(s.start, order)
		}
	}
	s.reclassify()
}

// reclassify turns the ledger rows of the lines found to be programme
// totals into subtotal rows, splitting the runs of line rows that hold
// them. It runs last, as it moves records: an index returned by ledger is
// no longer valid after it.
func (s *sheetReader) reclassify() {
	if len(s.reclass) == 0 {
		return
	}
	all := slices.Sorted(maps.Keys(s.reclass))
	seg := s.b.Ledger[s.ledger0:]
	out := make([]budget.RowRecord, 0, len(seg)+2*len(all))
	for _, r := range seg {
		i, _ := slices.BinarySearch(all, r.Row)
		j, _ := slices.BinarySearch(all, r.Last()+1)
		rows := all[i:j]
		if len(rows) == 0 {
			out = append(out, r)
			continue
		}
		next := r.Row
		for _, n := range rows {
			if n > next {
				run := r
				run.Row, run.Rows = next, n-next
				out = append(out, run)
			}
			out = append(out, budget.RowRecord{Sheet: r.Sheet, Row: n, Rows: 1, Class: s.reclassAs(n), Reason: s.reclass[n]})
			next = n + 1
		}
		if next <= r.Last() {
			run := r
			run.Row, run.Rows = next, r.Last()-next+1
			out = append(out, run)
		}
	}
	s.b.Ledger = append(s.b.Ledger[:s.ledger0], out...)
}
