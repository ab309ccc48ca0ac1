package format

import "strconv"

// percent writes p (in per cent) with dec decimals (-1: as many as it
// takes to print p exactly), then sep and "%".
func percent(p float64, dec int, sep string) string {
	return strconv.FormatFloat(p, 'f', dec, 64) + sep + "%"
}

// Percent formats p, in per cent, with one decimal: 12.34 is "12.3%".
func Percent(p float64) string { return percent(p, 1, "") }

// PercentRounded formats p, in per cent, rounded to a whole number:
// 66.7 is "67%".
func PercentRounded(p float64) string { return percent(p, 0, "") }

// PercentExact formats p, in per cent, with the decimals it has and no
// more: 15 is "15%", 12.5 is "12.5%". It suits a figure someone typed or
// a threshold.
func PercentExact(p float64) string { return percent(p, -1, "") }

// PercentExactSpaced is PercentExact with a space before the sign, as
// the charts write it: "15 %".
func PercentExactSpaced(p float64) string { return percent(p, -1, " ") }

// PercentSigned formats p, in per cent, with its sign and one decimal, for
// a change: 5 is "+5.0%", -2.25 is "-2.2%", 0 is "+0.0%".
func PercentSigned(p float64) string {
	s := percent(p, 1, "")
	if s[0] == '-' {
		return s
	}
	return "+" + s
}

// BasisPoints formats a threshold in basis points (1 % is 100) as
// PercentExact does: 1500 is "15%", 1250 is "12.5%".
func BasisPoints(bp int) string { return PercentExact(float64(bp) / 100) }

// BasisPointsSpaced is BasisPoints with a space before the sign, as the
// charts write it: 4000 is "40 %".
func BasisPointsSpaced(bp int) string { return PercentExactSpaced(float64(bp) / 100) }

// BasisPointsWhole formats basis points as a whole per cent, dropping
// any fraction: 1500 is "15%", 1250 is "12%" (the reference sheet of the
// report workbook prints weights so).
func BasisPointsWhole(bp int) string { return strconv.Itoa(bp/100) + "%" }

// Share formats a fraction as a per cent with one decimal (0.1234 is
// "12.3%"), or "n/a" when it is not defined: it takes what a ratio's
// Value method returns.
func Share(fraction float64, defined bool) string {
	if !defined {
		return "n/a"
	}
	return Percent(100 * fraction)
}

// PercentAgainst formats a fraction measured against a threshold in basis
// points, as a per cent with one decimal, or with as many more (up to
// four, then six) as it takes not to print the threshold itself for a
// value that misses it: 0.14996 against 1500 is "14.996%", never "15.0%".
// pass says whether the value meets the threshold.
func PercentAgainst(fraction float64, thresholdBP int, pass bool) string {
	for dec := 1; dec <= 4; dec++ {
		s := strconv.FormatFloat(100*fraction, 'f', dec, 64)
		if pass || s != strconv.FormatFloat(float64(thresholdBP)/100, 'f', dec, 64) {
			return s + "%"
		}
	}
	return percent(100*fraction, 6, "")
}
