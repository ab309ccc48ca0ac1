package format

import (
	"strconv"
	"strings"
)

// Integer is the integer types that count things.
type Integer interface{ ~int | ~int64 }

// Plural returns one when n is 1 and many otherwise: Plural(n, "is",
// "are").
func Plural[N Integer](n N, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count writes n with a noun that takes an s in the plural: "1 line",
// "0 lines", "2 lines".
func Count[N Integer](n N, noun string) string {
	return CountOf(n, noun, noun+"s")
}

// CountOf writes n, its thousands grouped, with the noun's singular or plural: "1 ministry",
// "3 ministries".
func CountOf[N Integer](n N, one, many string) string {
	return Thousands(strconv.FormatInt(int64(n), 10)) + " " + Plural(n, one, many)
}

// List joins items with commas and conj before the last: "a, b and c"
// with conj "and"; one item stands alone; none is "".
func List(items []string, conj string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}
