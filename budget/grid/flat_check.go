package grid

import (
	"sort"

	"github.com/grb-toolkit/grb/budget"
)

// flatSumsKept is the most prefix sums flatMayHaveTotal keeps between runs.
const flatSumsKept = 1 << 16

// flatMayHaveTotal is a quick necessary test, linear but for a binary
// search per row, that some line of the run could be a total: the detector
// runs only when it passes. Every total of a flattened hierarchy has, at
// the bottom of its tree, a total whose rows are plain lines, so some row's
// amount in the first amount column equals (within the widest tolerance)
// the sum of a block of at most flatMaxFanout rows right below or above it,
// or a first (last) row equals the sum of every row after (before) it
// past some point. Rows that the test cannot judge this way make it pass:
// a row without that phase, a placeholder label, a negative amount (the
// prefix sums are then not monotonic). A row whose label says total is
// read as a total before (totalLabel), so the words are not looked for.
func (s *sheetReader) flatMayHaveTotal(idx []int) bool {
	lines := s.b.Lines.View(s.start, s.b.Lines.Len())
	p := s.amts[0].phase
	if cap(s.flatSums) < len(idx)+1 {
		s.flatSums = make([]budget.Money, 0, len(idx)+1)
	}
	sums := append(s.flatSums[:0], budget.FromCents(0))
	defer func() {
		// Kept for the sheet's next run, unless large: a run of a million
		// rows would hold 16 MB through the search that follows it.
		if s.flatSums = sums; cap(sums) > flatSumsKept {
			s.flatSums = nil
		}
	}()
	for _, i := range idx {
		v, ok := lines.AmountsAt(i).Get(p)
		if !ok || v.Sign() < 0 {
			return true
		}
		if d := lines.DescriptionAt(i); len(d) <= 16 && HierarchyPlaceholderLabel(d) {
			return true // placeholder labels are short: the test allocates for none else
		}
		next, ok := budget.Add(sums[len(sums)-1], v)
		if !ok {
			return true
		}
		sums = append(sums, next)
	}
	tol := s.flatTolerance(nil)
	n := len(idx)
	for r, i := range idx {
		v, _ := lines.AmountsAt(i).Get(p)
		if v.Sign() <= 0 {
			continue // zero totals need more than arithmetic
		}
		// Exact blocks of any size up to F: totals first, sums[j]-sums[r+1]
		// for j in r+2 .. r+1+F; totals last, sums[r]-sums[j] for j in
		// r-F .. r-1.
		zero := tol.Absolute
		if flatFind(sums, sums[r+1], v, zero, r+2, min(n, r+1+flatMaxFanout)) ||
			(r > 0 && flatFindBelow(sums, sums[r], v, zero, max(0, r-flatMaxFanout), r-1)) {
			return true
		}
		// Blocks of 2 to flatRoundedFanout rows within rounding (a total of
		// one row repeats its figure, rounded the same way: exact).
		for k := 2; k <= flatRoundedFanout; k++ {
			w := flatWide(tol, k, v)
			if w.IsZero() {
				break
			}
			if (r+1+k <= n && flatNear(sums, mustAdd(sums[r+1], v), w, r+1+k, r+1+k)) ||
				(r-k >= 0 && flatNear(sums, mustSub(sums[r], v), w, r-k, r-k)) {
				return true
			}
		}
	}
	first, _ := lines.AmountsAt(idx[0]).Get(p)
	last, _ := lines.AmountsAt(idx[n-1]).Get(p)
	if first.Sign() <= 0 && last.Sign() <= 0 {
		return false
	}
	// Grand totals over a whole side of the sheet, at any size.
	return (first.Sign() > 0 && flatFind(sums, sums[1], first, flatWide(tol, n, first), 2, n)) ||
		(last.Sign() > 0 && flatFindBelow(sums, sums[n-1], last, flatWide(tol, n, last), 0, n-2))
}

// flatRoundedFanout is the largest block the pre-check tries within
// rounding: the innermost totals of a rounded hierarchy rarely have more
// rows.
const flatRoundedFanout = 8

// flatWide is the detector's tolerance for a block of k rows and a total
// v (see hierCap): only the absolute tolerance when v is under a hundred
// times it.
func flatWide(tol HierarchyTolerance, k int, v budget.Money) budget.Money {
	w := tol.allowed(k)
	if a, ok := w.Mul(100); !ok || a.Cmp(v) > 0 {
		return tol.Absolute
	}
	return w
}

func mustAdd(a, b budget.Money) budget.Money {
	s, ok := budget.Add(a, b)
	if !ok {
		return a
	}
	return s
}

func mustSub(a, b budget.Money) budget.Money {
	s, ok := a.Sub(b)
	if !ok {
		return a
	}
	return s
}

// flatFind reports whether base+v±wide equals sums[j] for some j in
// [lo, hi]: a block sums[j]-base of the rows after a total v.
func flatFind(sums []budget.Money, base, v, wide budget.Money, lo, hi int) bool {
	if lo > hi {
		return false
	}
	want, ok := budget.Add(base, v)
	if !ok {
		return true
	}
	return flatNear(sums, want, wide, lo, hi)
}

// flatFindBelow reports whether top-v±wide equals sums[j] for some j in
// [lo, hi]: a block top-sums[j] of the rows before a total v.
func flatFindBelow(sums []budget.Money, top, v, wide budget.Money, lo, hi int) bool {
	if lo > hi {
		return false
	}
	want, ok := top.Sub(v)
	if !ok {
		return true
	}
	return flatNear(sums, want, wide, lo, hi)
}

// flatNear reports whether some sums[j], j in [lo, hi], is within wide of
// want; sums is non-decreasing.
func flatNear(sums []budget.Money, want, wide budget.Money, lo, hi int) bool {
	from, ok := want.Sub(wide)
	if !ok {
		return true
	}
	to, ok := budget.Add(want, wide)
	if !ok {
		return true
	}
	j := lo + sort.Search(hi-lo+1, func(k int) bool { return sums[lo+k].Cmp(from) >= 0 })
	return j <= hi && sums[j].Cmp(to) <= 0
}
