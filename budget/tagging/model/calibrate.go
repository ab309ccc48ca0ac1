package model

import (
	"math"
)

// calibrate sets, from out-of-fold scores z of rows labelled y, the
// class offsets that give the best macro-F1, the temperature that gives
// the lowest log-loss with those offsets, and the review threshold.
func (m *Model) calibrate(z [][NumClasses]float64, y []Class) {
	m.Offset = bestOffsets(z, y)
	m.Temperature = bestTemperature(z, y, m.Offset)
	m.Threshold = reviewThreshold(m, z, y)
}

// offsetF1 is the macro-F1 of scores z with offsets off against y.
func offsetF1(z [][NumClasses]float64, y []Class, off [NumClasses]float64) float64 {
	pred := make([]Class, len(z))
	for j := range z {
		pred[j] = argmaxScores(z[j], off)
	}
	return macroF1(y, pred)
}

// bestOffsets tries offsets from -2 to 2 by 0.1 for the significant and
// principal classes (not targeted stays at 0) and keeps the best macro-F1
// (the smallest offsets on a tie).
func bestOffsets(z [][NumClasses]float64, y []Class) [NumClasses]float64 {
	var best [NumClasses]float64
	bestF1 := -1.0
	pred := make([]Class, len(z))
	for a := -20; a <= 20; a++ {
		for b := -20; b <= 20; b++ {
			off := [NumClasses]float64{0, float64(a) / 10, float64(b) / 10}
			for j := range z {
				pred[j] = argmaxScores(z[j], off)
			}
			f1 := macroF1(y, pred)
			if f1 > bestF1+1e-12 || (math.Abs(f1-bestF1) <= 1e-12 && math.Abs(off[1])+math.Abs(off[2]) < math.Abs(best[1])+math.Abs(best[2])) {
				best, bestF1 = off, f1
			}
		}
	}
	return best
}

func argmaxScores(z, off [NumClasses]float64) Class {
	best := Class(0)
	for k := range z {
		if z[k]+off[k] > z[best]+off[best] {
			best = Class(k)
		}
	}
	return best
}

// bestTemperature minimises the log-loss over the temperature, by golden
// section search on its logarithm in [-3, 3].
func bestTemperature(z [][NumClasses]float64, y []Class, off [NumClasses]float64) float64 {
	nll := func(logT float64) float64 {
		t := math.Exp(logT)
		var s float64
		for j := range z {
			var v [NumClasses]float64
			for k := range v {
				v[k] = (z[j][k] + off[k]) / t
			}
			s -= math.Log(math.Max(softmax(v)[y[j]], 1e-300))
		}
		return s
	}
	lo, hi := -3.0, 3.0
	g := (math.Sqrt(5) - 1) / 2
	a, b := hi-g*(hi-lo), lo+g*(hi-lo)
	fa, fb := nll(a), nll(b)
	for i := 0; i < 60; i++ {
		if fa < fb {
			hi, b, fb = b, a, fa
			a = hi - g*(hi-lo)
			fa = nll(a)
		} else {
			lo, a, fa = a, b, fb
			b = lo + g*(hi-lo)
			fb = nll(b)
		}
	}
	return round6(math.Exp((lo + hi) / 2))
}

// ReviewPrecision is the share of right suggestions wanted above the
// review threshold, on the out-of-fold scores of the training rows.
const ReviewPrecision = 0.85

// reviewThreshold returns the lowest confidence, in steps of 0.05 from
// 0.5, above which the out-of-fold suggestions are right at least
// ReviewPrecision of the time; 0.95 if none is.
func reviewThreshold(m *Model, z [][NumClasses]float64, y []Class) float64 {
	for t := 50; t < 95; t += 5 {
		th := float64(t) / 100
		var n, right int
		for j := range z {
			p := m.calibrated(z[j])
			c := argmax(p)
			if p[c] >= th {
				n++
				if c == y[j] {
					right++
				}
			}
		}
		if n > 0 && float64(right) >= ReviewPrecision*float64(n) {
			return th
		}
	}
	return 0.95
}

// macroF1 is the mean F1 of the classes over true labels y and
// predictions pred; a class never true nor predicted is left out.
func macroF1(y, pred []Class) float64 {
	var tp, fp, fn [NumClasses]int
	for j := range y {
		if y[j] == pred[j] {
			tp[y[j]]++
		} else {
			fn[y[j]]++
			fp[pred[j]]++
		}
	}
	var sum float64
	n := 0
	for k := range tp {
		if d := 2*tp[k] + fp[k] + fn[k]; d > 0 {
			sum += float64(2*tp[k]) / float64(d)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}
