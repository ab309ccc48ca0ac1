package analysis

import (
	"math/big"

	"github.com/grb-toolkit/grb/budget"
)

// apportion splits m across parts by their weights with the
// largest-remainder method, appending one amount per part to dst: the
// amounts add up to m exactly. It apportions in the smallest unit m is
// written in, and never finer than a cent (10^-max(2, decimals of m)), so
// 100.00 in three parts is 33.34, 33.33 and 33.33, and 0.001 in two is
// 0.001 and 0.
func apportion(dst []budget.Money, m budget.Money, parts []part) []budget.Money {
	neg := m.Sign() < 0
	abs := m.Abs()
	unit := budget.FromCents(1)
	if d := abs.Decimals(); d > 2 {
		unit = budget.Unit(d)
	}
	weights := 0
	for _, p := range parts {
		weights += p.weight
	}
	// n = |m| / unit, exact by the choice of unit.
	n, fits := abs.Div(unit)
	if !fits {
		return apportionBig(dst, abs, unit, parts, weights, neg)
	}
	var rems [16]uint64
	var counts [16]uint64
	start := len(dst)
	var given uint64
	for i, p := range parts {
		q, r := mulDiv(n, uint64(p.weight), uint64(weights))
		if i < len(counts) {
			counts[i], rems[i] = q, r
		}
		given += q
		dst = append(dst, times(unit, q))
	}
	// Hand the units left over to the largest remainders, earliest first.
	for left := n - given; left > 0; left-- {
		best := 0
		for i := 1; i < len(parts) && i < len(rems); i++ {
			if rems[i] > rems[best] {
				best = i
			}
		}
		counts[best]++
		rems[best] = 0
		dst[start+best] = times(unit, counts[best])
	}
	if neg {
		for i := start; i < len(dst); i++ {
			dst[i], _ = dst[i].Neg()
		}
	}
	return dst
}

// times returns unit × q; apportioned shares never exceed the amount, so it
// fits.
func times(unit budget.Money, q uint64) budget.Money {
	if q <= 1<<62 {
		v, _ := unit.Mul(int64(q))
		return v
	}
	v, _ := budget.FromBig(new(big.Int).Mul(unit.Big(), new(big.Int).SetUint64(q)))
	return v
}

// apportionBig is apportion for amounts of more than 2^64 units, with
// math/big: the same largest-remainder method.
func apportionBig(dst []budget.Money, abs, unit budget.Money, parts []part, weights int, neg bool) []budget.Money {
	u := unit.Big()
	n := new(big.Int).Quo(abs.Big(), u)
	w := big.NewInt(int64(weights))
	qs := make([]*big.Int, len(parts))
	rems := make([]*big.Int, len(parts))
	left := new(big.Int).Set(n)
	for i, p := range parts {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(n, big.NewInt(int64(p.weight))), w, new(big.Int))
		qs[i], rems[i] = q, r
		left.Sub(left, q)
	}
	one := big.NewInt(1)
	for ; left.Sign() > 0; left.Sub(left, one) {
		best := 0
		for i := 1; i < len(parts); i++ {
			if rems[i].Cmp(rems[best]) > 0 {
				best = i
			}
		}
		qs[best].Add(qs[best], one)
		rems[best].SetInt64(-1)
	}
	for _, q := range qs {
		v, _ := budget.FromBig(q.Mul(q, u))
		if neg {
			v, _ = v.Neg()
		}
		dst = append(dst, v)
	}
	return dst
}

// apportionBP splits 10,000 basis points across non-negative weights that
// add up to total (> 0) with the largest-remainder method, earliest first
// on ties: the shares add up to 10,000 exactly.
func apportionBP(weights []budget.Money, total budget.Money) []int {
	t := total.Big()
	out := make([]int, len(weights))
	rems := make([]*big.Int, len(weights))
	left := 10000
	for i, w := range weights {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(w.Big(), big.NewInt(10000)), t, new(big.Int))
		out[i], rems[i] = int(q.Int64()), r
		left -= out[i]
	}
	for ; left > 0; left-- {
		best := 0
		for i := 1; i < len(rems); i++ {
			if rems[i].Cmp(rems[best]) > 0 {
				best = i
			}
		}
		out[best]++
		rems[best].SetInt64(-1)
	}
	return out
}
