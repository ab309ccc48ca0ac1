package format

import "strings"

// Amount is money that prints itself exactly as a plain decimal with at
// least two decimals, as budget.Money does ("-1234567.80",
// "506.551191581").
type Amount interface {
	String() string
}

// Money formats an amount for display: rounded to two decimals, halves
// away from zero (as people and spreadsheets round money: 0.125 is 0.13,
// -0.125 is -0.13), with thousands separators: "1,234,567.80", "-0.50".
// Only display rounds; csv and json carry the exact amount.
func Money[A Amount](a A) string { return Thousands(RoundDecimal(a.String(), 2)) }

// RoundDecimal rounds a plain decimal ("-1234.565") to the given number of
// decimals, halves away from zero, padding with zeros: "-1234.57". A value
// that rounds to zero has no sign.
func RoundDecimal(decimal string, decimals int) string {
	sign, s := "", decimal
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	if len(frac) <= decimals {
		return sign + intPart + dot(decimals) + frac + strings.Repeat("0", decimals-len(frac))
	}
	up := frac[decimals] >= '5'
	digits := []byte(intPart + frac[:decimals])
	if up {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		} else {
			digits[i]++
		}
	}
	n := len(digits) - decimals
	out := string(digits[:n]) + dot(decimals) + string(digits[n:])
	if strings.Trim(string(digits), "0") == "" {
		sign = ""
	}
	return sign + out
}

func dot(decimals int) string {
	if decimals > 0 {
		return "."
	}
	return ""
}

// MoneyIn formats an amount as Money does, followed by its currency code
// when there is one: "1,234.50 USD".
func MoneyIn[A Amount](a A, currency string) string {
	if currency == "" {
		return Money(a)
	}
	return Money(a) + " " + currency
}

// Thousands puts a comma between each group of three digits of the
// integer part of a decimal number written with a point:
// "-1234567.8" is "-1,234,567.8", "1234" is "1,234".
func Thousands(decimal string) string {
	sign, s := "", decimal
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	b.Grow(len(decimal) + len(intPart)/3)
	b.WriteString(sign)
	for j, r := range intPart {
		if j > 0 && (len(intPart)-j)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	b.WriteString(frac)
	return b.String()
}
