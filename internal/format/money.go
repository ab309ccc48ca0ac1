package format

import "strings"

// Amount is money in minor units that prints itself as a plain decimal
// with two decimals, as budget.Money does ("-1234567.80").
type Amount interface {
	~int64
	String() string
}

// Money formats an amount with two decimals and thousands separators:
// "1,234,567.80", "-0.50".
func Money[A Amount](a A) string { return Thousands(a.String()) }

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
