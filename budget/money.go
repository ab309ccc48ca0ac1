package budget

import (
	"errors"
	"math"
	"strconv"
)

// Money is an exact amount of money in hundredths of the currency unit
// (cents, centavos, …). Amounts are summed as integers, never as floats, so
// totals reconcile to the cent; a sum that would not fit in an int64 is an
// error, not a wrap-around.
type Money int64

// ErrOverflow reports a sum of money too large for an int64 of cents
// (about ±92 trillion currency units).
var ErrOverflow = errors.New("money overflow")

// String formats m with two decimals and no grouping: "-1234.05".
func (m Money) String() string {
	neg := m < 0
	u := uint64(m)
	if neg {
		u = uint64(-(m + 1)) + 1 // handles math.MinInt64
	}
	s := strconv.FormatUint(u/100, 10) + "." + strconv.FormatUint(u%100/10, 10) + strconv.FormatUint(u%10, 10)
	if neg {
		return "-" + s
	}
	return s
}

// Float returns m in currency units as a float64, for ratios and charts only.
func (m Money) Float() float64 { return float64(m) / 100 }

// Add returns a+b, and false if the sum overflows.
func Add(a, b Money) (Money, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}

// Mul returns m*k, and false if the product overflows.
func (m Money) Mul(k int64) (Money, bool) {
	if m == 0 || k == 0 {
		return 0, true
	}
	p := m * Money(k)
	if p/Money(k) != m || (k == -1 && m == math.MinInt64) {
		return 0, false
	}
	return p, true
}

// Sum accumulates money exactly. Its zero value is an empty sum. Once an
// addition overflows, the sum stays in error.
type Sum struct {
	v        Money
	n        int
	overflow bool
}

// Add adds m to the sum.
func (s *Sum) Add(m Money) {
	if s.overflow {
		return
	}
	v, ok := Add(s.v, m)
	if !ok {
		s.overflow = true
		return
	}
	s.v = v
	s.n++
}

// Count reports how many amounts were added.
func (s *Sum) Count() int { return s.n }

// Value returns the sum, or ErrOverflow.
func (s *Sum) Value() (Money, error) {
	if s.overflow {
		return 0, ErrOverflow
	}
	return s.v, nil
}

// MarshalJSON writes m as a JSON number with two decimals, exactly:
// 1234.5 currency units is 1234.50, never 1234.4999999.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(m.String()), nil }
