package analysis

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"

	"github.com/grb-toolkit/grb/budget"
)

// YearAmounts is one fiscal year's money.
type YearAmounts struct {
	Year    int          `json:"year"`
	Lines   int          `json:"lines"`
	Present int          `json:"present"` // lines with an amount in the phase
	Total   budget.Money `json:"total"`
	GEWE    budget.Money `json:"gewe"`
	Share   Ratio        `json:"share"` // GEWE ÷ Total
	// Real is set when the year has a deflator: RealTotal and RealGEWE
	// are then in the prices of Change.RealBase.
	Real      bool         `json:"real"`
	RealTotal budget.Money `json:"real_total"`
	RealGEWE  budget.Money `json:"real_gewe"`
}

// Delta is the change from Old to New.
type Delta struct {
	Old budget.Money `json:"old"`
	New budget.Money `json:"new"`
	Abs budget.Money `json:"abs"` // New − Old
	Rel Float        `json:"rel"` // Abs ÷ Old; undefined when Old is not positive
	// Why says why Rel is undefined: ReasonBaseZero or ReasonBaseNegative.
	Why ReasonCode `json:"rel_undefined,omitempty"`
}

// YearChange is the change from one fiscal year to the next.
type YearChange struct {
	From  int   `json:"from"`
	To    int   `json:"to"` // From + 1
	Total Delta `json:"total"`
	GEWE  Delta `json:"gewe"`
	// Share is the change of the GEWE share in percentage points;
	// undefined unless both totals are positive.
	Share Float `json:"share_points"`
	// ShareWhy says why Share is undefined: the reason of the first
	// year's share, else the second's.
	ShareWhy ReasonCode `json:"share_points_undefined,omitempty"`
	// Real is set when both years have a deflator.
	Real      bool  `json:"real"`
	RealTotal Delta `json:"real_total"`
	RealGEWE  Delta `json:"real_gewe"`
}

// Change is the money by fiscal year and its change from year to year.
type Change struct {
	Weighting string        `json:"weighting"`
	Years     []YearAmounts `json:"years"`
	NoYear    int           `json:"no_year"` // lines with no fiscal year, left out
	// RealBase is the year whose prices real amounts are in: the latest
	// year with money in the phase and a deflator; 0 when there are no
	// real amounts.
	RealBase int          `json:"real_base"`
	Changes  []YearChange `json:"changes"`
}

// change returns the money of r, a result by year, for each fiscal year,
// in real terms where defl has the year's price index, and its change
// from each year to the next.
func change(r *Result, phase budget.Phase, defl map[int]float64) (Change, error) {
	c := Change{Weighting: r.Weighting}
	c.Years, c.NoYear = yearAmounts(r, phase)
	c.RealBase = realBase(c.Years, defl)
	if c.RealBase != 0 {
		if err := setRealAmounts(c.Years, defl, c.RealBase); err != nil {
			return c, err
		}
	}
	var a adder
	c.Changes = yearChanges(&a, c.Years)
	return c, a.err()
}

// yearAmounts returns the money of each fiscal year of r, by year, and
// the number of lines with no year.
func yearAmounts(r *Result, phase budget.Phase) (years []YearAmounts, noYear int) {
	for i := range r.Groups {
		g := &r.Groups[i]
		v := g.Keys[0].Value
		if v == "" {
			noYear += g.Lines
			continue
		}
		y, err := strconv.Atoi(v)
		if err != nil {
			continue
		}
		years = append(years, YearAmounts{Year: y, Lines: g.Lines, Present: g.ByPhase.Lines[phase], Total: g.Amount, GEWE: g.GEWE, Share: g.GEWEShare})
	}
	sort.Slice(years, func(i, j int) bool { return years[i].Year < years[j].Year })
	return years, noYear
}

// realBase returns the latest of years with money in the phase and a
// deflator, 0 when there is none.
func realBase(years []YearAmounts, defl map[int]float64) int {
	base := 0
	for _, y := range years {
		if _, ok := defl[y.Year]; ok && y.Present > 0 {
			base = y.Year
		}
	}
	return base
}

// setRealAmounts sets the amounts of every year with a deflator in the
// prices of year base, rounded half away from zero to the cent.
func setRealAmounts(years []YearAmounts, defl map[int]float64, base int) error {
	baseIdx := decimalRat(defl[base])
	for i := range years {
		y := &years[i]
		idx, ok := defl[y.Year]
		if !ok {
			continue
		}
		f := new(big.Rat).Quo(baseIdx, decimalRat(idx))
		var ok1, ok2 bool
		y.RealTotal, ok1 = roundRat(new(big.Rat).Mul(ratMoney(y.Total), f))
		y.RealGEWE, ok2 = roundRat(new(big.Rat).Mul(ratMoney(y.GEWE), f))
		if !ok1 || !ok2 {
			return fmt.Errorf("analysis: real amounts of %d: %w", y.Year, budget.ErrOverflow)
		}
		y.Real = true
	}
	return nil
}

// yearChanges returns the change between each two consecutive years that
// both have money in the phase.
func yearChanges(a *adder, years []YearAmounts) []YearChange {
	var changes []YearChange
	for i := 1; i < len(years); i++ {
		o, n := years[i-1], years[i]
		if n.Year != o.Year+1 || o.Present == 0 || n.Present == 0 {
			continue
		}
		ch := YearChange{From: o.Year, To: n.Year, Total: delta(a, o.Total, n.Total), GEWE: delta(a, o.GEWE, n.GEWE)}
		ch.Share, ch.ShareWhy = sharePoints(o.Share, n.Share)
		if o.Real && n.Real {
			ch.Real = true
			ch.RealTotal = delta(a, o.RealTotal, n.RealTotal)
			ch.RealGEWE = delta(a, o.RealGEWE, n.RealGEWE)
		}
		changes = append(changes, ch)
	}
	return changes
}

// delta returns the change from old to new. Its relative change is
// undefined, with the reason, unless old is positive: a change from zero
// or from a negative amount is not a percentage.
func delta(a *adder, old, new budget.Money) Delta {
	d := Delta{Old: old, New: new, Abs: a.sub(new, old)}
	if d.Why = baseReason(old); d.Why == "" {
		d.Rel = defined(quo(d.Abs, old))
	}
	return d
}

// sharePoints returns the change from share o to share n in percentage
// points, or why it is undefined: the reason o is, else n's.
func sharePoints(o, n Ratio) (Float, ReasonCode) {
	ov, ook := o.Value()
	nv, nok := n.Value()
	switch {
	case !ook:
		return Float{}, o.Undefined()
	case !nok:
		return Float{}, n.Undefined()
	}
	return defined((nv - ov) * 100), ""
}

// NewDelta returns the change from old to new (see [Delta]), or
// ErrOverflow when the difference does not fit.
func NewDelta(old, new budget.Money) (Delta, error) {
	var a adder
	d := delta(&a, old, new)
	return d, a.err()
}
