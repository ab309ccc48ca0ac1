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

// The methods below are the whole arithmetic of Money that code outside
// this file may use: Money's representation is not part of its API (it is
// about to change to reach any precision), so new code never applies
// operators or conversions to it.

// FromCents returns the amount of c hundredths of the currency unit.
func FromCents(c int64) Money { return Money(c) }

// Sub returns m-n, and false if the difference overflows.
func (m Money) Sub(n Money) (Money, bool) {
	if n == math.MinInt64 {
		return 0, false
	}
	return Add(m, -n)
}

// Neg returns -m, and false if it overflows.
func (m Money) Neg() (Money, bool) {
	if m == math.MinInt64 {
		return 0, false
	}
	return -m, true
}

// Sign returns -1, 0 or +1 as m is negative, zero or positive.
func (m Money) Sign() int {
	switch {
	case m < 0:
		return -1
	case m > 0:
		return 1
	}
	return 0
}

// Cmp returns -1, 0 or +1 as m is less than, equal to or greater than n.
func (m Money) Cmp(n Money) int {
	switch {
	case m < n:
		return -1
	case m > n:
		return 1
	}
	return 0
}

// IsZero reports whether m is zero.
func (m Money) IsZero() bool { return m == 0 }
