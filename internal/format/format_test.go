package format

import (
	"math"
	"strconv"
	"testing"
)

// cents is a stand-in for budget.Money, which this package must not
// import.
type cents int64

func (c cents) String() string {
	neg := c < 0
	u := uint64(c)
	if neg {
		u = uint64(-(c + 1)) + 1
	}
	s := strconv.FormatUint(u/100, 10) + "." + strconv.FormatUint(u%100/10, 10) + strconv.FormatUint(u%10, 10)
	if neg {
		return "-" + s
	}
	return s
}

func TestMoney(t *testing.T) {
	for _, tt := range []struct {
		in   cents
		want string
	}{
		{0, "0.00"},
		{5, "0.05"},
		{-50, "-0.50"},
		{99999, "999.99"},
		{100000, "1,000.00"},
		{123456780, "1,234,567.80"},
		{-123456780, "-1,234,567.80"},
		{math.MinInt64, "-92,233,720,368,547,758.08"},
	} {
		if got := Money(tt.in); got != tt.want {
			t.Errorf("Money(%d) = %q, want %q", int64(tt.in), got, tt.want)
		}
	}
	if got := MoneyIn(cents(123450), "USD"); got != "1,234.50 USD" {
		t.Errorf(`MoneyIn(123450, "USD") = %q, want "1,234.50 USD"`, got)
	}
	if got := MoneyIn(cents(123450), ""); got != "1,234.50" {
		t.Errorf(`MoneyIn(123450, "") = %q, want "1,234.50"`, got)
	}
}

func TestRoundDecimal(t *testing.T) {
	for _, tt := range []struct {
		in   string
		dec  int
		want string
	}{
		{"506.551191581", 2, "506.55"}, {"0.125", 2, "0.13"}, {"-0.125", 2, "-0.13"},
		{"99.995", 2, "100.00"}, {"-99.995", 2, "-100.00"}, {"-0.001", 2, "0.00"},
		{"1234.5", 2, "1234.50"}, {"7", 2, "7.00"}, {"1234.05", 2, "1234.05"},
		{"0.0049", 2, "0.00"}, {"2.5", 0, "3"}, {"9.999999999", 2, "10.00"},
	} {
		if got := RoundDecimal(tt.in, tt.dec); got != tt.want {
			t.Errorf("RoundDecimal(%q, %d) = %q, want %q", tt.in, tt.dec, got, tt.want)
		}
	}
}

func TestThousands(t *testing.T) {
	for in, want := range map[string]string{
		"":           "",
		"7":          "7",
		"1234":       "1,234",
		"123456":     "123,456",
		"-1234567.8": "-1,234,567.8",
		"1000.25":    "1,000.25",
	} {
		if got := Thousands(in); got != want {
			t.Errorf("Thousands(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tt := range []struct {
		name, got, want string
	}{
		{"Percent", Percent(12.34), "12.3%"},
		{"Percent zero", Percent(0), "0.0%"},
		{"PercentRounded", PercentRounded(66.7), "67%"},
		{"PercentExact whole", PercentExact(15), "15%"},
		{"PercentExact half", PercentExact(12.5), "12.5%"},
		{"PercentExactSpaced", PercentExactSpaced(40), "40 %"},
		{"PercentSigned up", PercentSigned(5), "+5.0%"},
		{"PercentSigned down", PercentSigned(-2.25), "-2.2%"},
		{"PercentSigned zero", PercentSigned(0), "+0.0%"},
		{"PercentSigned NaN", PercentSigned(math.NaN()), "+NaN%"},
		{"BasisPoints", BasisPoints(1500), "15%"},
		{"BasisPoints decimals", BasisPoints(1250), "12.5%"},
		{"BasisPointsSpaced", BasisPointsSpaced(4000), "40 %"},
		{"BasisPointsWhole", BasisPointsWhole(1250), "12%"},
		{"Share", Share(0.1234, true), "12.3%"},
		{"Share undefined", Share(0, false), "n/a"},
		{"PercentAgainst pass", PercentAgainst(0.15, 1500, true), "15.0%"},
		{"PercentAgainst miss", PercentAgainst(0.14996, 1500, false), "14.996%"},
		{"PercentAgainst far", PercentAgainst(0.1, 1500, false), "10.0%"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

// TestPercentSignedAsFmt checks PercentSigned against the fmt verb it
// replaces.
func TestPercentSignedAsFmt(t *testing.T) {
	for _, p := range []float64{0, math.Copysign(0, -1), 0.05, -0.05, 12.25, -99.95, math.Inf(1), math.Inf(-1)} {
		want := strconv.FormatFloat(p, 'f', 1, 64)
		if want[0] != '-' {
			want = "+" + want
		}
		if got := PercentSigned(p); got != want+"%" {
			t.Errorf("PercentSigned(%v) = %q, want %q", p, got, want+"%")
		}
	}
}

func TestWords(t *testing.T) {
	for _, tt := range []struct {
		name, got, want string
	}{
		{"Count 0", Count(0, "line"), "0 lines"},
		{"Count 1", Count(1, "line"), "1 line"},
		{"Count int64", Count(int64(3), "line"), "3 lines"},
		{"CountOf", CountOf(2, "ministry", "ministries"), "2 ministries"},
		{"Plural 1", Plural(1, "is", "are"), "is"},
		{"Plural 2", Plural(2, "is", "are"), "are"},
		{"List none", List(nil, "and"), ""},
		{"List one", List([]string{"a"}, "and"), "a"},
		{"List two", List([]string{"a", "b"}, "or"), "a or b"},
		{"List three", List([]string{"a", "b", "c"}, "and"), "a, b and c"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

// TestCountGroupsThousands: a count of a million reads as one.
func TestCountGroupsThousands(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 lines"}, {1, "1 line"}, {999, "999 lines"}, {1000, "1,000 lines"}, {1000000, "1,000,000 lines"}, {-2500, "-2,500 lines"}} {
		if got := Count(tt.n, "line"); got != tt.want {
			t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
