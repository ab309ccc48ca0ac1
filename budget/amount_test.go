package budget

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in    string
		scale Scale
		mark  DecimalMark
		want  Money
	}{
		// Plain numbers.
		{"1234", Units, AutoDecimal, 123400},
		{"0", Units, AutoDecimal, 0},
		{"-0", Units, AutoDecimal, 0},
		{"0001234", Units, AutoDecimal, 123400},
		{"364900212", Units, AutoDecimal, 36490021200},
		{"1234.56", Units, AutoDecimal, 123456},
		{"358999127.02", Units, AutoDecimal, 35899912702},
		{"-1234.56", Units, AutoDecimal, -123456},
		{"+12", Units, AutoDecimal, 1200},
		{"  1234  ", Units, AutoDecimal, 123400},
		{"\t1234\n", Units, AutoDecimal, 123400},
		{"\ufeff1234", Units, AutoDecimal, 123400},
		{".5", Units, AutoDecimal, 50},
		{"-.5", Units, AutoDecimal, -50},
		{"-1234.", Units, AutoDecimal, -123400},
		{"12345678901234567.89", Units, DecimalPoint, 1234567890123456789}, // 19 digits: fast path limit
		{"1234567890123456.789", Units, DecimalPoint, 123456789012345679},
		{"12345678901234567.891", Units, DecimalPoint, 1234567890123456789}, // 20 digits: full parser
		{"1234.", Units, AutoDecimal, 123400},

		// Grouping.
		{"1,234.56", Units, AutoDecimal, 123456},
		{"1.234,56", Units, AutoDecimal, 123456},
		{"1 234,56", Units, AutoDecimal, 123456},
		{"1 234 567", Units, AutoDecimal, 123456700},
		{"1\u00a0234\u00a0567", Units, AutoDecimal, 123456700},
		{"1\u202f234\u202f567", Units, AutoDecimal, 123456700},
		{"1\u2009234,5", Units, AutoDecimal, 123450},
		{"1'234.50", Units, AutoDecimal, 123450},
		{"1’234.50", Units, AutoDecimal, 123450},
		{"1,234,567", Units, AutoDecimal, 123456700},
		{"1.234.567", Units, AutoDecimal, 123456700},
		{"1,234,567.89", Units, AutoDecimal, 123456789},
		{"1.234.567,89", Units, AutoDecimal, 123456789},
		{"1 234 567,89", Units, AutoDecimal, 123456789},
		{"1,00,000", Units, AutoDecimal, 10000000},             // Indian lakh
		{"12,34,567.89", Units, AutoDecimal, 123456789},        // Indian: 12 lakh 34 thousand…
		{"1,23,456", Units, AutoDecimal, 12345600},             // Indian
		{"1,00,00,000", Units, AutoDecimal, 1000000000},        // one crore
		{"999,999,999", Units, AutoDecimal, 99999999900},       // standard, not lakh
		{"12,345,678", Units, AutoDecimal, 1234567800},         // standard
		{"1,234.5678", Units, AutoDecimal, 123457},             // decimals beyond cents
		{"1.234.567,891", Units, AutoDecimal, 123456789},       // 1234567.891
		{"1'234'567.5", Units, AutoDecimal, 123456750},         // Swiss
		{"1 234 567.891", Units, AutoDecimal, 123456789},       // spaces and a point
		{"1 234,567", Units, AutoDecimal, 123457},              // spaces make ',' decimal: 1234.567
		{"1'234,5", Units, AutoDecimal, 123450},                // apostrophe and comma
		{"1\u00a0234\u202f567", Units, AutoDecimal, 123456700}, // mixed space kinds

		// Ambiguous single separator with AutoDecimal.
		{"1,234", Units, AutoDecimal, 123400},
		{"1.234", Units, AutoDecimal, 123400},
		{"12,345", Units, AutoDecimal, 1234500},
		{"123.456", Units, AutoDecimal, 12345600},
		{"1234,5", Units, AutoDecimal, 123450},
		{"12.75", Units, AutoDecimal, 1275},
		{"0,5", Units, AutoDecimal, 50},
		{"0.125", Units, AutoDecimal, 13},        // leading 0: decimal; 12.5 cents → 13
		{"1234.567", Units, AutoDecimal, 123457}, // first group too long to be grouping
		{"1,2345", Units, AutoDecimal, 123},      // four digits after: decimal
		{"1,23", Units, AutoDecimal, 123},
		{",5", Units, AutoDecimal, 50},
		{"1234,", Units, AutoDecimal, 123400},

		// Forced decimal marks.
		{"1,234", Units, DecimalPoint, 123400},
		{"1.234", Units, DecimalPoint, 123},
		{"1,234.56", Units, DecimalPoint, 123456},
		{"1 234.5", Units, DecimalPoint, 123450},
		{"1234", Units, DecimalPoint, 123400},
		{"1.234", Units, DecimalComma, 123400},
		{"1,234", Units, DecimalComma, 123},
		{"1,5", Units, DecimalComma, 150},
		{"1.234,56", Units, DecimalComma, 123456},
		{"1 234,56", Units, DecimalComma, 123456},
		{"1.234.567", Units, DecimalComma, 123456700},
		{"5,25E+08", Units, DecimalComma, 52500000000},

		// Negative forms.
		{"(1 234)", Units, AutoDecimal, -123400},
		{"(1,234.50)", Units, AutoDecimal, -123450},
		{"( 12 )", Units, AutoDecimal, -1200},
		{"1234-", Units, AutoDecimal, -123400},
		{"1.234,56-", Units, AutoDecimal, -123456},
		{"−1234", Units, AutoDecimal, -123400}, // U+2212
		{"–1234", Units, AutoDecimal, -123400}, // en dash
		{"- 1234", Units, AutoDecimal, -123400},
		{"-$1,234.00", Units, AutoDecimal, -123400},
		{"$-1,234", Units, AutoDecimal, -123400},
		{"$(1,234)", Units, AutoDecimal, -123400},
		{"($1,234)", Units, AutoDecimal, -123400},
		{"(1,234) €", Units, AutoDecimal, -123400},
		{"-1 234,56 €", Units, AutoDecimal, -123456},

		// Currencies.
		{"$1,234", Units, AutoDecimal, 123400},
		{"US$ 1,234", Units, AutoDecimal, 123400},
		{"US $1,234", Units, AutoDecimal, 123400},
		{"€ 1.234,56", Units, AutoDecimal, 123456},
		{"1 234,56 €", Units, AutoDecimal, 123456},
		{"1234€", Units, AutoDecimal, 123400},
		{"£12", Units, AutoDecimal, 1200},
		{"¥100", Units, AutoDecimal, 10000},
		{"₦1,000", Units, AutoDecimal, 100000},
		{"₹12,34,567", Units, AutoDecimal, 123456700},
		{"KES 1,000", Units, AutoDecimal, 100000},
		{"MXN $27,158,570", Units, AutoDecimal, 2715857000},
		{"$27,158,570", Units, AutoDecimal, 2715857000},
		{"1,000 USD", Units, AutoDecimal, 100000},
		{"USD1,000", Units, AutoDecimal, 100000},
		{"usd 100", Units, AutoDecimal, 10000},
		{"EUR 1.234,56", Units, AutoDecimal, 123456},
		{"R$ 1.234,56", Units, AutoDecimal, 123456},
		{"R 1 000", Units, AutoDecimal, 100000},
		{"S/ 1,234.50", Units, AutoDecimal, 123450},
		{"S/. 1,234.50", Units, AutoDecimal, 123450},
		{"Ksh. 1,000", Units, AutoDecimal, 100000},
		{"1 000 000 FCFA", Units, AutoDecimal, 100000000},
		{"1 000 000 F CFA", Units, AutoDecimal, 100000000},
		{"CHF 1'234.–", Units, AutoDecimal, 123400}, // ".–": no cents
		{"12,-", Units, AutoDecimal, 1200},
		{"Rs. 1,00,000", Units, AutoDecimal, 10000000},
		{"1 234 zł", Units, AutoDecimal, 123400},

		// Scientific notation and exporter noise.
		{"5.25e+08", Units, AutoDecimal, 52500000000},
		{"5.25E8", Units, AutoDecimal, 52500000000},
		{"1.00E-05", Units, AutoDecimal, 0},
		{"1.5E-02", Units, AutoDecimal, 2}, // 0.015 → 1.5 cents → 2
		{"1E6", Units, AutoDecimal, 100000000},
		{"1e0", Units, AutoDecimal, 100},
		{"-2.5e3", Units, AutoDecimal, -250000},
		{"1e-99999", Units, AutoDecimal, 0},
		{"0e99999", Units, AutoDecimal, 0},
		{"27158569.530000001", Units, AutoDecimal, 2715856953},
		{"0.30000000000000004", Units, AutoDecimal, 30},
		{"12345678901234567890123e-10", Units, AutoDecimal, 123456789012346}, // long mantissa
		{"0.000000000000000000000000001", Units, AutoDecimal, 0},
		{"0.0000000000000000000050", Units, AutoDecimal, 0},

		// Rounding beyond cents: half away from zero.
		{"0.005", Units, AutoDecimal, 1},
		{"-0.005", Units, AutoDecimal, -1},
		{"0.0049", Units, AutoDecimal, 0},
		{"-0.0049", Units, AutoDecimal, 0},
		{"2.675", Units, DecimalPoint, 268}, // float64 would give 267
		{"1.005", Units, DecimalPoint, 101},
		{"2.675", Units, AutoDecimal, 267500},     // AutoDecimal: one '.' and three digits is grouping
		{"1,234e5", Units, AutoDecimal, 12340000}, // in scientific notation ',' is decimal
		{"(0.125)", Units, AutoDecimal, -13},

		// Scales.
		{"1185.8814", Thousands, AutoDecimal, 118588140},
		{"1234", Thousands, AutoDecimal, 123400000},
		{"1,234", Thousands, AutoDecimal, 123400000},
		{"0.0005", Thousands, AutoDecimal, 50},
		{"0.000005", Thousands, AutoDecimal, 1}, // half a cent
		{"1.5", Millions, AutoDecimal, 150000000},
		{"5.25e+08", Millions, AutoDecimal, 52500000000000000},
		{"1185.8814", Billions, AutoDecimal, 118588140000000},
		{"405,6", Trillions, AutoDecimal, 40560000000000000},
		{"3", Scale(100000), AutoDecimal, 30000000}, // 3 lakh
		{"1234", 0, AutoDecimal, 123400},            // zero Scale is Units

		// Limits of Money.
		{"92233720368547758.07", Units, AutoDecimal, math.MaxInt64},
		{"-92233720368547758.08", Units, AutoDecimal, math.MinInt64},
		{"92233720368547758", Units, AutoDecimal, 9223372036854775800},
		{"92233720368547.75807", Thousands, AutoDecimal, math.MaxInt64},
	}
	for _, tt := range tests {
		got, ok, err := ParseAmount(tt.in, tt.scale, tt.mark)
		if err != nil || !ok || got != tt.want {
			t.Errorf("ParseAmount(%q, %v, %v) = %d, %v, %v, want %d, true, nil", tt.in, tt.scale, tt.mark, got, ok, err, tt.want)
		}
	}
}

func TestParseAmountAbsent(t *testing.T) {
	for _, in := range []string{
		"", " ", "\u00a0", "\t\n",
		"-", "- ", " - ", "–", "—", "--", "−",
		"N/A", "n/a", "NA", "na", "n.a.", "N.A.",
		"n.d.", "N/D", "ND", "N/R", "nfp", "NFP", "np", "n.p.",
		"..", "...", "…", "s/d", "S/D", "s.d.", "s.o.", "x", "X",
		"[not published]", "[Not Published]",
		"$ -", "$-", "- €", "€ –", "$ —", "USD N/A",
	} {
		got, ok, err := ParseAmount(in, Units, AutoDecimal)
		if got != 0 || ok || err != nil {
			t.Errorf("ParseAmount(%q) = %d, %v, %v, want 0, false, nil (absent)", in, got, ok, err)
		}
	}
}

func TestParseAmountInvalid(t *testing.T) {
	for _, tt := range []struct {
		in   string
		mark DecimalMark
	}{
		{"12,5O0", AutoDecimal},
		{"abc", AutoDecimal},
		{"1.2.3,4,5", AutoDecimal},
		{"--5", AutoDecimal},
		{"- -5", AutoDecimal},
		{"-(5)", AutoDecimal},
		{"(-5)", AutoDecimal},
		{"5--", AutoDecimal},
		{"0x10", AutoDecimal},
		{"NaN", AutoDecimal},
		{"nan", AutoDecimal},
		{"Inf", AutoDecimal},
		{"-Inf", AutoDecimal},
		{"INF", AutoDecimal},
		{"-INF", AutoDecimal},
		{"+Inf", AutoDecimal},
		{"()", AutoDecimal},
		{"( )", AutoDecimal},
		{"(5", AutoDecimal},
		{"5)", AutoDecimal},
		{"12%", AutoDecimal},
		{"12 %", AutoDecimal},
		{"-3.5%", AutoDecimal},
		{"1,23,4", AutoDecimal},
		{"12,345,67", AutoDecimal},
		{"1,2,345", AutoDecimal},
		{"1234,567,890", AutoDecimal},
		{"1 234.567,89", AutoDecimal},
		{"1,234 567", AutoDecimal},
		{"1 234 56", AutoDecimal},
		{"1234 567", AutoDecimal},
		{"1,,234", AutoDecimal},
		{"1..5", AutoDecimal},
		{"1, 234", AutoDecimal},
		{"12.5.2020", AutoDecimal},
		{"2020-01-01", AutoDecimal},
		{"1/2", AutoDecimal},
		{"1e", AutoDecimal},
		{"e5", AutoDecimal},
		{"E6", AutoDecimal},
		{"1e5.5", AutoDecimal},
		{"1e+", AutoDecimal},
		{"1,234,5e5", AutoDecimal},
		{"1.234,5e5", AutoDecimal},
		{"1 234e5", AutoDecimal},
		{"$", AutoDecimal},
		{"+", AutoDecimal},
		{"USD", AutoDecimal},
		{".", AutoDecimal},
		{",", AutoDecimal},
		{"1.5M", AutoDecimal},
		{"3bn", AutoDecimal},
		{"12 ABC", AutoDecimal},
		{"50¢", AutoDecimal},
		{"$ 1 $ 2", AutoDecimal},
		{"USD $ 5 €", AutoDecimal},
		{"1,5", DecimalPoint},
		{"1.234.567", DecimalPoint},
		{"1234.56", DecimalComma},
		{"1,2,3", DecimalComma},
		{"5,25E+08", DecimalPoint},
		{"5.25E+08", DecimalComma},
		{strings.Repeat("1", 2000), AutoDecimal},
	} {
		got, ok, err := ParseAmount(tt.in, Units, tt.mark)
		if !errors.Is(err, ErrInvalidAmount) || errors.Is(err, ErrOverflow) || ok || got != 0 {
			t.Errorf("ParseAmount(%q, %v) = %d, %v, %v, want an error wrapping ErrInvalidAmount", tt.in, tt.mark, got, ok, err)
		}
	}
}

func TestParseAmountOverflow(t *testing.T) {
	for _, tt := range []struct {
		in    string
		scale Scale
	}{
		{"1e99999", Units},
		{"-1e99999", Units},
		{"1e19", Units},
		{"9223372036854775807", Units}, // plain digits: ×100 overflows
		{"92233720368547758.08", Units},
		{"-92233720368547758.09", Units},
		{"99999999999999999999", Units},
		{"123456789012345678901234567890", Units},
		{"100000000", Billions},
		{"92233720368547.75808", Thousands},
		{"92233720368548", Thousands},
		{"1", Scale(math.MaxInt64)},
	} {
		got, ok, err := ParseAmount(tt.in, tt.scale, AutoDecimal)
		if !errors.Is(err, ErrOverflow) || !errors.Is(err, ErrInvalidAmount) || ok || got != 0 {
			t.Errorf("ParseAmount(%q, %v) = %d, %v, %v, want an error wrapping ErrOverflow and ErrInvalidAmount", tt.in, tt.scale, got, ok, err)
		}
	}
}

func TestParseAmountErrorMessage(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"12,5O0", `amount "12,5O0": invalid amount: found 'O', expected digits`},
		{"12%", `amount "12%": invalid amount: found a percentage, expected an amount of money`},
		{"1,23,4", `amount "1,23,4": invalid amount: found digit groups "1,23,4" that are not groups of three`},
		{"1e99999", `amount "1e99999": invalid amount: money overflow: found a value larger than`},
		{"()", `amount "()": invalid amount: found empty parentheses`},
	}
	for _, tt := range tests {
		_, _, err := ParseAmount(tt.in, Units, AutoDecimal)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseAmount(%q) error = %v, want prefix %q", tt.in, err, tt.want)
		}
	}
	if _, _, err := ParseAmount("1", -1, AutoDecimal); err == nil {
		t.Errorf("ParseAmount(%q, -1) error = nil, want an error for the negative scale", "1")
	}
}

var benchAmounts = []string{
	"364900212",
	"358999127.02",
	"$27,158,570",
	"1.234,56",
	"(1 234)",
	"N/A",
	"5.25e+08",
	"27158569.530000001",
	"1 234 567",
	"",
}

func BenchmarkParseAmount(b *testing.B) {
	b.Run("mix", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, _, err := ParseAmount(benchAmounts[i%len(benchAmounts)], Units, AutoDecimal); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, in := range []string{"364900212", "358999127.02", "$27,158,570", "1185.8814", "27158569.530000001", "N/A"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := ParseAmount(in, Thousands, AutoDecimal); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
