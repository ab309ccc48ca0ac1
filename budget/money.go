package budget

import (
	"errors"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// MoneyDecimals is the number of decimals of the currency unit that Money
// keeps exactly: 18, so amounts written with any number of decimals up to
// 18 (after scaling) are summed to the exact decimal sum of the cells.
const MoneyDecimals = 18

// Money is an exact amount of money: a 128-bit two's-complement count of
// 10^-18 of the currency unit, so about ±1.7e20 currency units with 18
// decimals. Amounts are summed as integers, never as floats, so totals are
// the exact decimal sums of the amounts as written; a sum that would not fit
// is an error, not a wrap-around. The zero value is zero, and Money is a
// comparable value (== and map keys work); its fields are not part of its
// API: use the functions and methods below.
type Money struct {
	hi int64  // high 64 bits, with the sign
	lo uint64 // low 64 bits
}

// ErrOverflow reports a sum of money outside Money's range (about ±1.7e20
// currency units).
var ErrOverflow = errors.New("money overflow")

// moneyOne is 10^18, one currency unit in Money's unit.
const moneyOne = 1_000_000_000_000_000_000

// moneyPow10 holds 10^0 … 10^19.
var moneyPow10 = [...]uint64{
	1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// neg reports whether m is negative.
func (m Money) neg() bool { return m.hi < 0 }

// negate returns -m, wrapping for the minimum value (callers check).
func (m Money) negate() Money {
	lo, b := bits.Sub64(0, m.lo, 0)
	hi := -m.hi - int64(b)
	return Money{hi, lo}
}

// abs returns |m| as an unsigned 128-bit value (hi, lo); exact for the
// minimum value.
func (m Money) abs() (hi, lo uint64) {
	if m.neg() {
		n := m.negate()
		return uint64(n.hi), n.lo
	}
	return uint64(m.hi), m.lo
}

// fromAbs returns the magnitude (hi, lo) with sign neg, and false if it
// does not fit.
func fromAbs(hi, lo uint64, neg bool) (Money, bool) {
	if neg {
		if hi > 1<<63 || (hi == 1<<63 && lo != 0) {
			return Money{}, false
		}
		return Money{int64(hi), lo}.negate(), true
	}
	if hi >= 1<<63 {
		return Money{}, false
	}
	return Money{int64(hi), lo}, true
}

// FromCents returns the amount of c hundredths of the currency unit.
func FromCents(c int64) Money {
	m, _ := Money{}.mulAdd(c, 1e16)
	return m
}

// FromUnits returns the amount of u whole currency units.
func FromUnits(u int64) Money {
	m, _ := Money{}.mulAdd(u, moneyOne)
	return m
}

// mulAdd returns m + v×f for f > 0; it cannot overflow for |v| < 2^63 and
// f ≤ 10^18 when m is zero.
func (m Money) mulAdd(v int64, f uint64) (Money, bool) {
	neg := v < 0
	u := uint64(v)
	if neg {
		u = -u
	}
	hi, lo := bits.Mul64(u, f)
	p, ok := fromAbs(hi, lo, neg)
	if !ok {
		return Money{}, false
	}
	return Add(m, p)
}

// ParseMoney reads an exact decimal as String writes it: an optional '-',
// digits, and an optional '.' with at most 18 decimals ("-1234.5"). It is
// for text grb wrote itself and for tests; cells of a budget are read by
// [ParseAmount].
func ParseMoney(s string) (Money, error) {
	bad := func() (Money, error) {
		return Money{}, errors.New("budget: " + strconv.Quote(ClipText(s)) + " is not a decimal amount such as -1234.5")
	}
	t, neg := s, false
	if strings.HasPrefix(t, "-") {
		t, neg = t[1:], true
	}
	whole, frac, _ := strings.Cut(t, ".")
	if whole == "" || len(frac) > MoneyDecimals || strings.Trim(whole+frac, "0123456789") != "" {
		return bad()
	}
	n, ok := new(big.Int).SetString(whole+frac+strings.Repeat("0", MoneyDecimals-len(frac)), 10)
	if !ok {
		return bad()
	}
	if neg {
		n.Neg(n)
	}
	m, ok := FromBig(n)
	if !ok {
		return Money{}, ErrOverflow
	}
	return m, nil
}

// Big returns m as a count of 10^-18 currency units (m × 10^18).
func (m Money) Big() *big.Int {
	hi, lo := m.abs()
	n := new(big.Int).SetUint64(hi)
	n.Lsh(n, 64).Or(n, new(big.Int).SetUint64(lo))
	if m.neg() {
		n.Neg(n)
	}
	return n
}

// Rat returns m in currency units as an exact rational.
func (m Money) Rat() *big.Rat {
	return new(big.Rat).SetFrac(m.Big(), new(big.Int).SetUint64(moneyOne))
}

// FromBig returns the amount of n × 10^-18 currency units, and false if it
// does not fit.
func FromBig(n *big.Int) (Money, bool) {
	if n.BitLen() > 128 {
		return Money{}, false
	}
	a := new(big.Int).Abs(n)
	lo := new(big.Int).And(a, new(big.Int).SetUint64(math.MaxUint64)).Uint64()
	hi := new(big.Int).Rsh(a, 64).Uint64()
	return fromAbs(hi, lo, n.Sign() < 0)
}

// split returns |m| as whole units (128-bit: qhi, qlo) and the remaining
// 10^-18 units.
func (m Money) split() (qhi, qlo, frac uint64) {
	hi, lo := m.abs()
	qhi, r := hi/moneyOne, hi%moneyOne
	qlo, frac = bits.Div64(r, lo, moneyOne)
	return qhi, qlo, frac
}

// String formats m exactly, with at least two decimals and no trailing
// zeros beyond them, and no grouping: "-1234.05", "0.123456789".
func (m Money) String() string {
	qhi, qlo, frac := m.split()
	var b []byte
	if m.neg() {
		b = append(b, '-')
	}
	if qhi == 0 {
		b = strconv.AppendUint(b, qlo, 10)
	} else {
		n := new(big.Int).SetUint64(qhi)
		n.Lsh(n, 64).Or(n, new(big.Int).SetUint64(qlo))
		b = n.Append(b, 10)
	}
	var fd [MoneyDecimals]byte
	for i := MoneyDecimals - 1; i >= 0; i-- {
		fd[i] = byte('0' + frac%10)
		frac /= 10
	}
	n := MoneyDecimals
	for n > 2 && fd[n-1] == '0' {
		n--
	}
	b = append(b, '.')
	b = append(b, fd[:n]...)
	return string(b)
}

// Float returns m in currency units as a float64, for ratios, charts and
// spreadsheet cells only: the float64 nearest the exact amount.
func (m Money) Float() float64 {
	qhi, qlo, frac := m.split()
	var f float64
	if qhi == 0 && qlo < 1<<46 && frac%1e16 == 0 {
		// whole cents: one correctly rounded division, as for int64 cents
		f = float64(qlo*100+frac/1e16) / 100
	} else {
		f, _ = new(big.Rat).SetFrac(m.Abs().Big(), new(big.Int).SetUint64(moneyOne)).Float64()
	}
	if m.neg() {
		return -f
	}
	return f
}

// Ratio returns m/n as the float64 nearest the exact quotient (0 when n is
// zero), for shares and indices. Whole cents below 2^53 take one float
// division, as int64 cents did; other amounts, math/big.
func (m Money) Ratio(n Money) float64 {
	if n.IsZero() {
		return 0
	}
	if a, ok := m.smallCents(); ok {
		if b, ok := n.smallCents(); ok {
			return float64(a) / float64(b)
		}
	}
	f, _ := new(big.Rat).SetFrac(m.Big(), n.Big()).Float64()
	return f
}

// smallCents returns m in cents when it is whole cents of magnitude below
// 2^53, so that float64 holds it exactly.
func (m Money) smallCents() (int64, bool) {
	hi, lo := m.abs()
	if hi >= 1e16 {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, 1e16)
	if r != 0 || q >= 1<<53 {
		return 0, false
	}
	if m.neg() {
		return -int64(q), true
	}
	return int64(q), true
}

// Add returns a+b, and false if the sum overflows.
func Add(a, b Money) (Money, bool) {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	hi := a.hi + b.hi + int64(c)
	if (a.hi^hi)&(b.hi^hi) < 0 {
		return Money{}, false
	}
	return Money{hi, lo}, true
}

// Mul returns m*k, and false if the product overflows.
func (m Money) Mul(k int64) (Money, bool) {
	if m.IsZero() || k == 0 {
		return Money{}, true
	}
	hi, lo := m.abs()
	uk := uint64(k)
	if k < 0 {
		uk = -uk
	}
	h1, l1 := bits.Mul64(lo, uk)
	h2, l2 := bits.Mul64(hi, uk)
	if h2 != 0 {
		return Money{}, false
	}
	h, c := bits.Add64(h1, l2, 0)
	if c != 0 {
		return Money{}, false
	}
	return fromAbs(h, l1, m.neg() != (k < 0))
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
		return Money{}, ErrOverflow
	}
	return s.v, nil
}

// MarshalJSON writes m as a JSON number, exactly as String writes it:
// 1234.5 currency units is 1234.50, never 1234.4999999, and
// 0.123456789 keeps its nine decimals.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(m.String()), nil }

// Sub returns m-n, and false if the difference overflows.
func (m Money) Sub(n Money) (Money, bool) {
	nn, ok := n.Neg()
	if !ok {
		return Money{}, false
	}
	return Add(m, nn)
}

// Neg returns -m, and false if it overflows.
func (m Money) Neg() (Money, bool) {
	if m.hi == math.MinInt64 && m.lo == 0 {
		return Money{}, false
	}
	return m.negate(), true
}

// Sign returns -1, 0 or +1 as m is negative, zero or positive.
func (m Money) Sign() int {
	switch {
	case m.hi < 0:
		return -1
	case m.hi == 0 && m.lo == 0:
		return 0
	}
	return 1
}

// Cmp returns -1, 0 or +1 as m is less than, equal to or greater than n.
func (m Money) Cmp(n Money) int {
	switch {
	case m.hi < n.hi || (m.hi == n.hi && m.lo < n.lo):
		return -1
	case m == n:
		return 0
	}
	return 1
}

// Abs returns |m|; the most negative Money, which has no opposite,
// gives the largest positive one (an amount no budget reaches).
func (m Money) Abs() Money {
	if !m.neg() {
		return m
	}
	if n, ok := m.Neg(); ok {
		return n
	}
	return Money{math.MaxInt64, math.MaxUint64}
}

// Equal reports whether m and n are the same amount (as m == n does); it
// lets go-cmp compare values that hold Money.
func (m Money) Equal(n Money) bool { return m == n }

// IsZero reports whether m is zero.
func (m Money) IsZero() bool { return m.hi == 0 && m.lo == 0 }

// Round returns m rounded to the given number of decimals (0 to 18),
// halves away from zero, as people round money for display: 0.125 to two
// decimals is 0.13, -0.125 is -0.13. It reports false if the rounded
// amount overflows.
func (m Money) Round(decimals int) (Money, bool) {
	if decimals >= MoneyDecimals {
		return m, true
	}
	d := moneyPow10[MoneyDecimals-max(decimals, 0)]
	hi, lo := m.abs()
	qh, r := hi/d, hi%d
	ql, r := bits.Div64(r, lo, d)
	if r >= d-r {
		var c uint64
		ql, c = bits.Add64(ql, 1, 0)
		qh += c
	}
	// back to 10^-18 units: (qh, ql) × d
	h1, l1 := bits.Mul64(ql, d)
	h2, l2 := bits.Mul64(qh, d)
	if h2 != 0 {
		return Money{}, false
	}
	h, c := bits.Add64(h1, l2, 0)
	if c != 0 {
		return Money{}, false
	}
	return fromAbs(h, l1, m.neg())
}

// Quo returns m/k truncated toward zero and the remainder's sign-free
// magnitude in Money's unit, and false when k is 0 or the quotient
// overflows (the most negative Money divided by -1).
func (m Money) Quo(k int64) (q Money, rem uint64, ok bool) {
	if k == 0 {
		return Money{}, 0, false
	}
	hi, lo := m.abs()
	uk := uint64(k)
	if k < 0 {
		uk = -uk
	}
	qh, r := hi/uk, hi%uk
	ql, r := bits.Div64(r, lo, uk)
	q, ok = fromAbs(qh, ql, m.neg() != (k < 0))
	return q, r, ok
}

// Unit returns the amount 10^-decimals of the currency unit (decimals
// from 0 to 18): Unit(2) is a cent.
func Unit(decimals int) Money {
	return Money{0, moneyPow10[MoneyDecimals-min(max(decimals, 0), MoneyDecimals)]}
}

// Div returns |m| / |u| truncated, and false when u is zero or the
// quotient does not fit in a uint64.
func (m Money) Div(u Money) (uint64, bool) {
	uh, ul := u.abs()
	if uh == 0 && ul == 0 {
		return 0, false
	}
	hi, lo := m.abs()
	if uh != 0 {
		q := new(big.Int).Quo(m.Abs().Big(), u.Abs().Big())
		return q.Uint64(), q.IsUint64()
	}
	if hi >= ul {
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, ul)
	return q, true
}

// Cents returns m in hundredths of the currency unit, rounded halves away
// from zero, and false if that does not fit in an int64.
func (m Money) Cents() (int64, bool) {
	r, ok := m.Round(2)
	if !ok {
		return 0, false
	}
	hi, lo := r.abs()
	if hi >= 1e16 {
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, 1e16)
	if r.neg() {
		if q > 1<<63 {
			return 0, false
		}
		return -int64(q), true
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	return int64(q), true
}

// Decimals returns the number of decimals m needs to be written exactly
// (0 to 18).
func (m Money) Decimals() int {
	_, _, frac := m.split()
	if frac == 0 {
		return 0
	}
	n := MoneyDecimals
	for frac%10 == 0 {
		frac /= 10
		n--
	}
	return n
}

// RatDecimal writes r, whose denominator divides a power of ten, as an
// exact decimal ("-0.00000000000000000006"); any other rational is written
// with 40 decimals.
func RatDecimal(r *big.Rat) string {
	d := new(big.Int).Set(r.Denom())
	twos := d.TrailingZeroBits()
	d.Rsh(d, twos)
	fives := 0
	five, m := big.NewInt(5), new(big.Int)
	for d.Cmp(big.NewInt(1)) > 0 {
		if d.QuoRem(d, five, m); m.Sign() != 0 {
			return r.FloatString(40)
		}
		fives++
	}
	return r.FloatString(max(int(twos), fives))
}
