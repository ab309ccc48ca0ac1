package analysis

import (
	"fmt"
	"math"
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
	if y == math.MinInt64 {
		a.overflow = true
		return 0
	}
	return a.add(x, -y)
}

func (a *adder) addN(x, y int64) int64 { return int64(a.add(budget.Money(x), budget.Money(y))) }

func (a *adder) err() error {
	if a.overflow {
		return fmt.Errorf("analysis: %w", budget.ErrOverflow)
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

func ratMoney(m budget.Money) *big.Rat { return new(big.Rat).SetInt64(int64(m)) }

// roundRat rounds r to the nearest integer, halves away from zero, and
// reports whether it fits in Money.
func roundRat(r *big.Rat) (budget.Money, bool) {
	num := new(big.Int).Abs(r.Num())
	q, m := new(big.Int).QuoRem(num, r.Denom(), new(big.Int))
	if m.Lsh(m, 1).Cmp(r.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	if !q.IsInt64() {
		return 0, false
	}
	return budget.Money(q.Int64()), true
}

// mulLE reports whether a·k ≤ b·m, with 128-bit products.
func mulLE(a, k, b, m uint64) bool {
	h1, l1 := bits.Mul64(a, k)
	h2, l2 := bits.Mul64(b, m)
	return h1 < h2 || (h1 == h2 && l1 <= l2)
}

// mulDiv returns a*b/c and its remainder, with a 128-bit product. It
// panics if the quotient does not fit in 64 bits, which Money's range and
// weights ≤ c rule out.
func mulDiv(a, b, c uint64) (q, r uint64) {
	hi, lo := bits.Mul64(a, b)
	return bits.Div64(hi, lo, c)
}

// mulDivRound returns x·y ÷ z rounded half away from zero, with a 128-bit
// product, and false when z is 0 or the result does not fit in Money.
func mulDivRound(x, y, z budget.Money) (budget.Money, bool) {
	if z == 0 {
		return 0, false
	}
	if x == 0 || y == 0 {
		return 0, true
	}
	neg := (x < 0) != (y < 0) != (z < 0)
	ux, uy, uz := absU(x), absU(y), absU(z)
	hi, lo := bits.Mul64(ux, uy)
	if hi >= uz { // the quotient needs more than 64 bits
		return 0, false
	}
	q, r := bits.Div64(hi, lo, uz)
	if r >= uz-r { // 2r ≥ z, without overflow
		q++
	}
	switch {
	case neg && q == 1<<63:
		return math.MinInt64, true
	case q > math.MaxInt64:
		return 0, false
	case neg:
		return -budget.Money(q), true
	}
	return budget.Money(q), true
}

// absU returns |m| as a uint64, exact for math.MinInt64.
func absU(m budget.Money) uint64 {
	if m < 0 {
		return uint64(-(m + 1)) + 1
	}
	return uint64(m)
}
