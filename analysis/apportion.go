package analysis

import (
	"github.com/grb-toolkit/grb/budget"
)

// apportion splits m across parts by their weights with the
// largest-remainder method, appending one amount per part to dst: the
// amounts add up to m exactly.
func apportion(dst []budget.Money, m budget.Money, parts []part) []budget.Money {
	neg := m < 0
	if neg {
		m = -m
	}
	weights := 0
	for _, p := range parts {
		weights += p.weight
	}
	var rems [16]uint64
	var sum budget.Money
	for i, p := range parts {
		q, r := mulDiv(uint64(m), uint64(p.weight), uint64(weights))
		dst = append(dst, budget.Money(q))
		sum += budget.Money(q)
		if i < len(rems) {
			rems[i] = r
		}
	}
	// Hand the cents left over to the largest remainders, earliest first.
	for left := m - sum; left > 0; left-- {
		best := 0
		for i := 1; i < len(parts) && i < len(rems); i++ {
			if rems[i] > rems[best] {
				best = i
			}
		}
		dst[best]++
		rems[best] = 0
	}
	if neg {
		for i := range dst {
			dst[i] = -dst[i]
		}
	}
	return dst
}
