package reports

import (
	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// Why a like-for-like change cannot be given.
const (
	likeNoEarlierYear = "no-earlier-year" // the focus year is the first year read
	likeNotScreened   = "not-screened"    // one of the two years has no screened line
	likeNoPairs       = "no-pairs"        // no line screened in one year matches one screened in the other
	likeAmbiguous     = "ambiguous"       // lines of the two years match more than one line
	likeCurrencies    = "currencies"      // the lines are in several currencies
	likeFailed        = "failed"          // the comparison could not be made (an overflow)
)

// LikeForLike is the change of gender-equality money from the fiscal year
// before the focus year to the focus year, on the lines screened for
// gender in both years only, so that a year tagged against a year not yet
// tagged is no change. Lines are paired as analysis.Diff pairs them (by
// ID, else by unit, programme and description).
type LikeForLike struct {
	From, To int
	// Why is "" when the change is given, else why not (like* codes), and
	// Year the year that has no screened line (likeNotScreened).
	Why  string
	Year int
	// Pairs is the number of lines (or keys) screened in both years;
	// GEWE the change of their gender-equality money under the report's
	// weighting, Total that of all their money.
	Pairs int
	GEWE  analysis.Delta
	Total analysis.Delta
}

// likeForLike compares the focus year with the year before it on the
// lines screened in both; nil when the lines carry no year.
func (r *Report) likeForLike(all *budget.Budget) *LikeForLike {
	if r.Focus == 0 {
		return nil
	}
	l := &LikeForLike{To: r.Focus}
	for _, y := range r.Years {
		if y < r.Focus {
			l.From = y
		}
	}
	if l.From == 0 {
		l.Why = likeNoEarlierYear
		return l
	}
	if len(r.Headline.Currencies) > 1 {
		l.Why = likeCurrencies
		return l
	}
	old, cur := screenedOfYear(&all.Lines, l.From), screenedOfYear(&all.Lines, l.To)
	for _, c := range []struct {
		b    *budget.Budget
		year int
	}{{old, l.From}, {cur, l.To}} {
		if c.b.Lines.Len() == 0 {
			l.Why, l.Year = likeNotScreened, c.year
			return l
		}
	}
	d, err := analysis.Diff(old, cur, analysis.DiffOptions{Weighting: r.Weighting, Phase: r.Phase, PhaseSet: true, Context: r.ctx})
	switch {
	case err != nil:
		l.Why = likeFailed
		return l
	case len(d.Ambiguous) > 0:
		l.Why = likeAmbiguous
		return l
	case d.Kept == 0:
		l.Why = likeNoPairs
		return l
	}
	oldG, newG, oldT, newT := d.OldGEWE, d.NewGEWE, d.OldTotal, d.NewTotal
	ok := true
	sub := func(m *budget.Money, n budget.Money) {
		v, k := m.Sub(n)
		*m, ok = v, ok && k
	}
	for _, it := range d.Cut {
		sub(&oldG, it.OldGEWE)
		sub(&oldT, it.Old)
	}
	for _, it := range d.Added {
		sub(&newG, it.NewGEWE)
		sub(&newT, it.New)
	}
	g, err1 := analysis.NewDelta(oldG, newG)
	t, err2 := analysis.NewDelta(oldT, newT)
	if !ok || err1 != nil || err2 != nil {
		l.Why = likeFailed
		return l
	}
	l.Pairs, l.GEWE, l.Total = d.Kept, g, t
	return l
}

// screenedOfYear returns a budget of the lines of fiscal year y that are
// screened for gender.
func screenedOfYear(lines *budget.Lines, y int) *budget.Budget {
	b := &budget.Budget{}
	for i := range lines.Len() {
		if lines.YearAt(i) == y && lines.GenderAt(i).Level != budget.NotScreened {
			b.Lines.Append(lines.At(i))
		}
	}
	return b
}
