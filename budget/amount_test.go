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
		want  string
	}{
		// Plain numbers.
		{"1234", Units, AutoDecimal, "1234.00"},
		{"0", Units, AutoDecimal, "0.00"},
		{"-0", Units, AutoDecimal, "0.00"},
		{"0001234", Units, AutoDecimal, "1234.00"},
		{"364900212", Units, AutoDecimal, "364900212.00"},
		{"1234.56", Units, AutoDecimal, "1234.56"},
		{"358999127.02", Units, AutoDecimal, "358999127.02"},
		{"-1234.56", Units, AutoDecimal, "-1234.56"},
		{"+12", Units, AutoDecimal, "12.00"},
		{"  1234  ", Units, AutoDecimal, "1234.00"},
		{"\t1234\n", Units, AutoDecimal, "1234.00"},
		{"\ufeff1234", Units, AutoDecimal, "1234.00"},
		{".5", Units, AutoDecimal, "0.50"},
		{"-.5", Units, AutoDecimal, "-0.50"},
		{"-1234.", Units, AutoDecimal, "-1234.00"},
		{"12345678901234567.89", Units, DecimalPoint, "12345678901234567.89"}, // 19 digits: fast path limit
		{"1234567890123456.789", Units, DecimalPoint, "1234567890123456.789"},
		{"12345678901234567.891", Units, DecimalPoint, "12345678901234567.891"}, // 20 digits: full parser
		{"1234.", Units, AutoDecimal, "1234.00"},

		// Grouping.
		{"1,234.56", Units, AutoDecimal, "1234.56"},
		{"1.234,56", Units, AutoDecimal, "1234.56"},
		{"1 234,56", Units, AutoDecimal, "1234.56"},
		{"1 234 567", Units, AutoDecimal, "1234567.00"},
		{"1\u00a0234\u00a0567", Units, AutoDecimal, "1234567.00"},
		{"1\u202f234\u202f567", Units, AutoDecimal, "1234567.00"},
		{"1\u2009234,5", Units, AutoDecimal, "1234.50"},
		{"1'234.50", Units, AutoDecimal, "1234.50"},
		{"1’234.50", Units, AutoDecimal, "1234.50"},
		{"1,234,567", Units, AutoDecimal, "1234567.00"},
		{"1.234.567", Units, AutoDecimal, "1234567.00"},
		{"1,234,567.89", Units, AutoDecimal, "1234567.89"},
		{"1.234.567,89", Units, AutoDecimal, "1234567.89"},
		{"1 234 567,89", Units, AutoDecimal, "1234567.89"},
		{"1,00,000", Units, AutoDecimal, "100000.00"},             // Indian lakh
		{"12,34,567.89", Units, AutoDecimal, "1234567.89"},        // Indian: 12 lakh 34 thousand…
		{"1,23,456", Units, AutoDecimal, "123456.00"},             // Indian
		{"1,00,00,000", Units, AutoDecimal, "10000000.00"},        // one crore
		{"999,999,999", Units, AutoDecimal, "999999999.00"},       // standard, not lakh
		{"12,345,678", Units, AutoDecimal, "12345678.00"},         // standard
		{"1,234.5678", Units, AutoDecimal, "1234.5678"},           // decimals beyond cents
		{"1.234.567,891", Units, AutoDecimal, "1234567.891"},      // 1234567.891
		{"1'234'567.5", Units, AutoDecimal, "1234567.50"},         // Swiss
		{"1 234 567.891", Units, AutoDecimal, "1234567.891"},      // spaces and a point
		{"1 234,567", Units, AutoDecimal, "1234.567"},             // spaces make ',' decimal: 1234.567
		{"1'234,5", Units, AutoDecimal, "1234.50"},                // apostrophe and comma
		{"1\u00a0234\u202f567", Units, AutoDecimal, "1234567.00"}, // mixed space kinds

		// Ambiguous single separator with AutoDecimal.
		{"1,234", Units, AutoDecimal, "1234.00"},
		{"1.234", Units, AutoDecimal, "1234.00"},
		{"12,345", Units, AutoDecimal, "12345.00"},
		{"123.456", Units, AutoDecimal, "123456.00"},
		{"1234,5", Units, AutoDecimal, "1234.50"},
		{"12.75", Units, AutoDecimal, "12.75"},
		{"0,5", Units, AutoDecimal, "0.50"},
		{"0.125", Units, AutoDecimal, "0.125"},       // leading 0: decimal; 12.5 cents → 13
		{"1234.567", Units, AutoDecimal, "1234.567"}, // first group too long to be grouping
		{"1,2345", Units, AutoDecimal, "1.2345"},     // four digits after: decimal
		{"1,23", Units, AutoDecimal, "1.23"},
		{",5", Units, AutoDecimal, "0.50"},
		{"1234,", Units, AutoDecimal, "1234.00"},

		// Forced decimal marks.
		{"1,234", Units, DecimalPoint, "1234.00"},
		{"1.234", Units, DecimalPoint, "1.234"},
		{"1,234.56", Units, DecimalPoint, "1234.56"},
		{"1 234.5", Units, DecimalPoint, "1234.50"},
		{"1234", Units, DecimalPoint, "1234.00"},
		{"1.234", Units, DecimalComma, "1234.00"},
		{"1,234", Units, DecimalComma, "1.234"},
		{"1,5", Units, DecimalComma, "1.50"},
		{"1.234,56", Units, DecimalComma, "1234.56"},
		{"1 234,56", Units, DecimalComma, "1234.56"},
		{"1.234.567", Units, DecimalComma, "1234567.00"},
		{"5,25E+08", Units, DecimalComma, "525000000.00"},

		// Negative forms.
		{"(1 234)", Units, AutoDecimal, "-1234.00"},
		{"(1,234.50)", Units, AutoDecimal, "-1234.50"},
		{"( 12 )", Units, AutoDecimal, "-12.00"},
		{"1234-", Units, AutoDecimal, "-1234.00"},
		{"1.234,56-", Units, AutoDecimal, "-1234.56"},
		{"−1234", Units, AutoDecimal, "-1234.00"}, // U+2212
		{"–1234", Units, AutoDecimal, "-1234.00"}, // en dash
		{"- 1234", Units, AutoDecimal, "-1234.00"},
		{"-$1,234.00", Units, AutoDecimal, "-1234.00"},
		{"$-1,234", Units, AutoDecimal, "-1234.00"},
		{"$(1,234)", Units, AutoDecimal, "-1234.00"},
		{"($1,234)", Units, AutoDecimal, "-1234.00"},
		{"(1,234) €", Units, AutoDecimal, "-1234.00"},
		{"-1 234,56 €", Units, AutoDecimal, "-1234.56"},

		// Currencies.
		{"$1,234", Units, AutoDecimal, "1234.00"},
		{"US$ 1,234", Units, AutoDecimal, "1234.00"},
		{"US $1,234", Units, AutoDecimal, "1234.00"},
		{"€ 1.234,56", Units, AutoDecimal, "1234.56"},
		{"1 234,56 €", Units, AutoDecimal, "1234.56"},
		{"1234€", Units, AutoDecimal, "1234.00"},
		{"£12", Units, AutoDecimal, "12.00"},
		{"¥100", Units, AutoDecimal, "100.00"},
		{"₦1,000", Units, AutoDecimal, "1000.00"},
		{"₹12,34,567", Units, AutoDecimal, "1234567.00"},
		{"KES 1,000", Units, AutoDecimal, "1000.00"},
		{"MXN $27,158,570", Units, AutoDecimal, "27158570.00"},
		{"$27,158,570", Units, AutoDecimal, "27158570.00"},
		{"1,000 USD", Units, AutoDecimal, "1000.00"},
		{"USD1,000", Units, AutoDecimal, "1000.00"},
		{"usd 100", Units, AutoDecimal, "100.00"},
		{"EUR 1.234,56", Units, AutoDecimal, "1234.56"},
		{"R$ 1.234,56", Units, AutoDecimal, "1234.56"},
		{"R 1 000", Units, AutoDecimal, "1000.00"},
		{"S/ 1,234.50", Units, AutoDecimal, "1234.50"},
		{"S/. 1,234.50", Units, AutoDecimal, "1234.50"},
		{"Ksh. 1,000", Units, AutoDecimal, "1000.00"},
		{"1 000 000 FCFA", Units, AutoDecimal, "1000000.00"},
		{"1 000 000 F CFA", Units, AutoDecimal, "1000000.00"},
		{"CHF 1'234.–", Units, AutoDecimal, "1234.00"}, // ".–": no cents
		{"12,-", Units, AutoDecimal, "12.00"},
		{"Rs. 1,00,000", Units, AutoDecimal, "100000.00"},
		{"1 234 zł", Units, AutoDecimal, "1234.00"},

		// Scientific notation and exporter noise.
		{"5.25e+08", Units, AutoDecimal, "525000000.00"},
		{"5.25E8", Units, AutoDecimal, "525000000.00"},
		{"1.00E-05", Units, AutoDecimal, "0.00001"},
		{"1.5E-02", Units, AutoDecimal, "0.015"},
		{"1E6", Units, AutoDecimal, "1000000.00"},
		{"1e0", Units, AutoDecimal, "1.00"},
		{"-2.5e3", Units, AutoDecimal, "-2500.00"},
		{"1e-99999", Units, AutoDecimal, "0.00"},
		{"0e99999", Units, AutoDecimal, "0.00"},
		{"27158569.530000001", Units, AutoDecimal, "27158569.530000001"},
		{"0.30000000000000004", Units, AutoDecimal, "0.30000000000000004"},
		{"12345678901234567890123e-10", Units, AutoDecimal, "1234567890123.4567890123"}, // long mantissa
		{"0.000000000000000000000000001", Units, AutoDecimal, "0.00"},
		{"0.0000000000000000000050", Units, AutoDecimal, "0.00"},
		{"0.000000000000000005", Units, AutoDecimal, "0.000000000000000005"}, // 18 decimals: kept,

		// Every digit as written, up to 18 decimals.
		{"0.005", Units, AutoDecimal, "0.005"},
		{"-0.005", Units, AutoDecimal, "-0.005"},
		{"0.0049", Units, AutoDecimal, "0.0049"},
		{"-0.0049", Units, AutoDecimal, "-0.0049"},
		{"2.675", Units, DecimalPoint, "2.675"},
		{"1.005", Units, DecimalPoint, "1.005"},
		{"506.551191581", Units, DecimalPoint, "506.551191581"},
		{"0.123456789012345678", Units, AutoDecimal, "0.123456789012345678"},
		{"12345678901234567890.123456789012345678", Units, AutoDecimal, "12345678901234567890.123456789012345678"},
		// Beyond 18 decimals (once scaled): halves to even.
		{"0.0000000000000000005", Units, AutoDecimal, "0.00"},
		{"0.0000000000000000015", Units, AutoDecimal, "0.000000000000000002"},
		{"0.0000000000000000025", Units, AutoDecimal, "0.000000000000000002"},
		{"0.00000000000000000251", Units, AutoDecimal, "0.000000000000000003"},
		{"-0.0000000000000000015", Units, AutoDecimal, "-0.000000000000000002"},
		{"0.1234567890123456789", Units, AutoDecimal, "0.123456789012345679"},
		{"0.0000000000000000000000015", Millions, AutoDecimal, "0.000000000000000002"},
		{"2.675", Units, AutoDecimal, "2675.00"},     // AutoDecimal: one '.' and three digits is grouping
		{"1,234e5", Units, AutoDecimal, "123400.00"}, // in scientific notation ',' is decimal
		{"(0.125)", Units, AutoDecimal, "-0.125"},

		// Scales.
		{"1185.8814", Thousands, AutoDecimal, "1185881.40"},
		{"1234", Thousands, AutoDecimal, "1234000.00"},
		{"1,234", Thousands, AutoDecimal, "1234000.00"},
		{"0.0005", Thousands, AutoDecimal, "0.50"},
		{"0.000005", Thousands, AutoDecimal, "0.005"}, // half a cent
		{"1.5", Millions, AutoDecimal, "1500000.00"},
		{"5.25e+08", Millions, AutoDecimal, "525000000000000.00"},
		{"1185.8814", Billions, AutoDecimal, "1185881400000.00"},
		{"405,6", Trillions, AutoDecimal, "405600000000000.00"},
		{"3", Scale(100000), AutoDecimal, "300000.00"}, // 3 lakh
		{"1234", 0, AutoDecimal, "1234.00"},            // zero Scale is Units

		// Limits of Money.
		{"92233720368547758.07", Units, AutoDecimal, "92233720368547758.07"},
		{"170141183460469231731.687303715884105727", Units, AutoDecimal, "170141183460469231731.687303715884105727"},
		{"-170141183460469231731.687303715884105728", Units, AutoDecimal, "-170141183460469231731.687303715884105728"},
		{"170141183460469231.731687303715884105727", Thousands, AutoDecimal, "170141183460469231731.687303715884105727"},
		{"92233720368547758", Units, AutoDecimal, "92233720368547758.00"},
		{"92233720368547.75807", Thousands, AutoDecimal, "92233720368547758.07"},
	}
	for _, tt := range tests {
		got, ok, err := ParseAmount(tt.in, tt.scale, tt.mark)
		if err != nil || !ok || got.String() != tt.want {
			t.Errorf("ParseAmount(%q, %v, %v) = %v, %v, %v, want %s, true, nil", tt.in, tt.scale, tt.mark, got, ok, err, tt.want)
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
		if !got.IsZero() || ok || err != nil {
			t.Errorf("ParseAmount(%q) = %v, %v, %v, want 0, false, nil (absent)", in, got, ok, err)
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
		if !errors.Is(err, ErrInvalidAmount) || errors.Is(err, ErrOverflow) || ok || !got.IsZero() {
			t.Errorf("ParseAmount(%q, %v) = %v, %v, %v, want an error wrapping ErrInvalidAmount", tt.in, tt.mark, got, ok, err)
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
		{"1e21", Units},
		{"170141183460469231732", Units}, // plain digits: ×10^18 overflows
		{"170141183460469231731.687303715884105728", Units},
		{"-170141183460469231731.687303715884105729", Units},
		{"999999999999999999999", Units},
		{"123456789012345678901234567890", Units},
		{"1000000000000", Billions},
		{"170141183460469231.731687303715884105728", Thousands},
		{"170141183460469232", Thousands},
		{"100", Scale(math.MaxInt64)},
	} {
		got, ok, err := ParseAmount(tt.in, tt.scale, AutoDecimal)
		if !errors.Is(err, ErrOverflow) || !errors.Is(err, ErrInvalidAmount) || ok || !got.IsZero() {
			t.Errorf("ParseAmount(%q, %v) = %v, %v, %v, want an error wrapping ErrOverflow and ErrInvalidAmount", tt.in, tt.scale, got, ok, err)
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
