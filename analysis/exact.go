package analysis

import (
	"fmt"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/grb-toolkit/grb/budget"
)

// adder adds money and counts, remembering whether a sum overflowed.
type adder struct{ overflow bool }

func (a *adder) add(x, y budget.Money) budget.Money {
	s, ok := budget.Add(x, y)
	if !ok {
		a.overflow = true
	}
	return s
}

func (a *adder) sub(x, y budget.Money) budget.Money {
	d, ok := x.Sub(y)
	if !ok {
		a.overflow = true
	}
	return d
}

// addN adds two counts of people.
func (a *adder) addN(x, y int64) int64 {
	s := x + y
	if (y > 0 && s < x) || (y < 0 && s > x) {
		a.overflow = true
		return 0
	}
	return s
}

func (a *adder) err() error {
	if a.overflow {
		return fmt.Errorf("analysis: a sum of money passes ±1.7e20 currency units, the most grb can add (grb validate says where): %w", budget.ErrOverflow)
	}
	return nil
}

// decimalRat returns x as the exact decimal it prints as (0.15, not the
// binary fraction just below it).
func decimalRat(x float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
	if !ok {
		r = new(big.Rat)
	}
	return r
}

// ratMoney returns m in currency units as an exact rational.
func ratMoney(m budget.Money) *big.Rat { return m.Rat() }

// quo returns a/b as the float64 nearest the exact quotient (0 when b is
// zero), for ratios and indices.
func quo(a, b budget.Money) float64 { return a.Ratio(b) }

// roundRat rounds r, in currency units, to the cent, halves away from
// zero, and reports whether it fits in Money. It is for derived estimates
// (amounts in real terms), not for sums, which are exact.
func roundRat(r *big.Rat) (budget.Money, bool) {
	return roundRatTo(r, 2)
}

// roundRatTo rounds r, in currency units, to the given decimals, halves
// away from zero.
func roundRatTo(r *big.Rat, decimals int) (budget.Money, bool) {
	scaled := new(big.Rat).Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)))
	num := new(big.Int).Abs(scaled.Num())
	q, m := new(big.Int).QuoRem(num, scaled.Denom(), new(big.Int))
	if m.Lsh(m, 1).Cmp(scaled.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	q.Mul(q, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(budget.MoneyDecimals-decimals)), nil))
	return budget.FromBig(q)
}

// mulDiv returns a*b/c and its remainder, with a 128-bit product. It
// panics if the quotient does not fit in 64 bits, which the callers' ranges
// rule out (weights ≤ c).
func mulDiv(a, b, c uint64) (q, r uint64) {
	hi, lo := bits.Mul64(a, b)
	return bits.Div64(hi, lo, c)
}

// finest returns the number of decimals of the finest of the amounts, and
// at least 2: derived amounts are rounded to it.
func finest(ms ...budget.Money) int {
	d := 2
	for _, m := range ms {
		d = max(d, m.Decimals())
	}
	return d
}

// mulDivRound returns x·y ÷ z rounded, halves away from zero, to the
// finest unit the three amounts are written in (and at least the cent),
// and false when z is 0 or the result does not fit in Money.
func mulDivRound(x, y, z budget.Money) (budget.Money, bool) {
	if z.IsZero() {
		return budget.Money{}, false
	}
	r := new(big.Rat).SetFrac(new(big.Int).Mul(x.Big(), y.Big()), z.Big())
	r.Quo(r, new(big.Rat).SetInt(budget.FromUnits(1).Big()))
	return roundRatTo(r, finest(x, y, z))
}

// weighBP returns m × bp / 10000 for a weight in basis points, exactly
// (rounded halves away from zero only past Money's 18 decimals), and
// false on overflow.
func weighBP(m budget.Money, bp int) (budget.Money, bool) {
	if bp == 10000 {
		return m, true
	}
	p, ok := m.Mul(int64(bp))
	if ok {
		if q, rem, _ := p.Quo(10000); rem == 0 {
			return q, true
		}
	}
	r := new(big.Rat).SetFrac(new(big.Int).Mul(m.Big(), big.NewInt(int64(bp))), big.NewInt(10000))
	r.Quo(r, new(big.Rat).SetInt(budget.FromUnits(1).Big()))
	return roundRatTo(r, budget.MoneyDecimals)
}

// bandLE reports whether dev·k ≤ d·m, exactly.
func bandLE(dev budget.Money, k int64, d budget.Money, m int64) bool {
	a, ok1 := dev.Mul(k)
	b, ok2 := d.Mul(m)
	if ok1 && ok2 {
		return a.Cmp(b) <= 0
	}
	return new(big.Int).Mul(dev.Big(), big.NewInt(k)).Cmp(new(big.Int).Mul(d.Big(), big.NewInt(m))) <= 0
}
