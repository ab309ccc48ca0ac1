package budget

import "math/bits"

// Amounts holds a line's money by phase. A phase the file does not give is
// absent, which is not the same as zero.
//
// A million lines hold a million Amounts, so they are compact: the amounts
// of a line as a budget writes them (whole units, cents, a few decimals)
// are held as int64 multiples of one power of ten, 10^-scale; a line with
// an amount that does not fit that way (beyond about 9.2e18 units at its
// scale) holds all four as Money in an array of its own, never written
// again once made (a copy of an Amounts shares it).
type Amounts struct {
	_       [0]func()         // not comparable with ==: two Amounts may hold one amount two ways; use Equal
	m       [NumPhases]int64  // phase p's amount is m[p] × 10^-scale, when big is nil
	big     *[NumPhases]Money // every phase's amount, when one does not fit m
	scale   uint8             // 0 … MoneyDecimals
	present uint8             // bit p: phase p is given
}

// Get returns the amount for phase p and whether it is present.
func (a Amounts) Get(p Phase) (Money, bool) {
	if p >= NumPhases || a.present&(1<<p) == 0 {
		return Money{}, false
	}
	if a.big != nil {
		return a.big[p], true
	}
	return fromScaled(a.m[p], a.scale), true
}

// Set records the amount m for phase p.
func (a *Amounts) Set(p Phase, m Money) {
	if a.big != nil {
		b := *a.big
		b[p] = m
		a.big = &b
		a.present |= 1 << p
		return
	}
	scale := max(a.scale, uint8(m.Decimals()))
	if scale != a.scale && !a.rescale(scale) {
		a.toBig()
		a.Set(p, m)
		return
	}
	v, ok := m.scaled(scale)
	if !ok {
		a.toBig()
		a.Set(p, m)
		return
	}
	a.m[p] = v
	a.present |= 1 << p
}

// rescale holds the present amounts at the larger scale s, and reports
// false, changing nothing, when one would not fit.
func (a *Amounts) rescale(s uint8) bool {
	f := int64(moneyPow10[s-a.scale])
	var m [NumPhases]int64
	for p := range NumPhases {
		if a.present&(1<<p) == 0 {
			continue
		}
		hi, lo := bits.Mul64(uint64(abs64(a.m[p])), uint64(f))
		if hi != 0 || lo > 1<<63-1 {
			return false
		}
		m[p] = a.m[p] * f
	}
	a.m, a.scale = m, s
	return true
}

// toBig moves the amounts to the large form.
func (a *Amounts) toBig() {
	var b [NumPhases]Money
	for p := range NumPhases {
		if a.present&(1<<p) != 0 {
			b[p] = fromScaled(a.m[p], a.scale)
		}
	}
	a.big, a.m, a.scale = &b, [NumPhases]int64{}, 0
}

// Any reports whether any phase has an amount.
func (a Amounts) Any() bool { return a.present != 0 }

// Equal reports whether a and b hold the same amounts for the same phases,
// however each holds them.
func (a Amounts) Equal(b Amounts) bool {
	if a.present != b.present {
		return false
	}
	for p := range NumPhases {
		x, _ := a.Get(p)
		y, _ := b.Get(p)
		if x != y {
			return false
		}
	}
	return true
}

// abs64 returns |v| as a uint64-safe int64 magnitude (math.MinInt64 stays
// itself, which callers read as 2^63 through a uint64 conversion).
func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// fromScaled returns the amount v × 10^-scale.
func fromScaled(v int64, scale uint8) Money {
	m, _ := Money{}.mulAdd(v, moneyPow10[MoneyDecimals-scale])
	return m
}

// scaled returns m as a multiple of 10^-scale, and false when it is not
// one or does not fit an int64.
func (m Money) scaled(scale uint8) (int64, bool) {
	q, rem, ok := m.Quo(int64(moneyPow10[MoneyDecimals-scale]))
	if !ok || rem != 0 {
		return 0, false
	}
	// q fits an int64 when its high word is the sign extension of its low.
	if (q.hi != 0 || q.lo > 1<<63-1) && (q.hi != -1 || q.lo < 1<<63) {
		return 0, false
	}
	return int64(q.lo), true
}
