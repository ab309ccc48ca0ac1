package budget

import (
	"errors"
	"testing"
)

func FuzzParseAmount(f *testing.F) {
	half, _ := ParseMoney("0.0000000000000005")
	for _, s := range []string{
		"364900212", "358999127.02", "27158569.530000001", "$27,158,570", "MXN $27,158,570",
		"N/A", "N/R", "nfp", "- ", "$ -", "5.25e+08", "1.00E-05", "1E6", "1185.8814",
		"(1 234)", "(1,234.50)", "1.234,56", "1 234,56 €", "1'234.50", "1234-", "−1234",
		"1,00,000", "12,5O0", "1.2.3,4,5", "--5", "1e99999", "0x10", "NaN", "Inf", "()",
		"12%", "0.005", "-0.005", "92233720368547758.07", "-92233720368547758.08",
		"12345678901234567890123e-10", "CHF 1'234.–", "1\u202f234\u202f567",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok, err := ParseAmount(s, Units, AutoDecimal)
		if !ok {
			if !m.IsZero() {
				t.Fatalf("ParseAmount(%q) = %v, false, %v: not ok but m != 0", s, m, err)
			}
		} else if err != nil {
			t.Fatalf("ParseAmount(%q) = %v, true, %v: ok with an error", s, m, err)
		}
		if err != nil && !errors.Is(err, ErrInvalidAmount) {
			t.Fatalf("ParseAmount(%q) error %v does not wrap ErrInvalidAmount", s, err)
		}
		// The fast paths agree with the full parser.
		if ms, oks, _, errs := parseAmountText(s, Units, AutoDecimal); ms != m || oks != ok || (errs == nil) != (err == nil) {
			t.Fatalf("ParseAmount(%q) = %v, %v, %v, but the full parser gives %v, %v, %v", s, m, ok, err, ms, oks, errs)
		}
		for _, mark := range []DecimalMark{DecimalPoint, DecimalComma} {
			mm, okm, errm := ParseAmount(s, Units, mark)
			if (!okm && !mm.IsZero()) || (okm && errm != nil) || (errm != nil && !errors.Is(errm, ErrInvalidAmount)) {
				t.Fatalf("ParseAmount(%q, units, %v) = %v, %v, %v", s, mark, mm, okm, errm)
			}
			if ms, oks, _, errs := parseAmountText(s, Units, mark); ms != mm || oks != okm || (errs == nil) != (errm == nil) {
				t.Fatalf("ParseAmount(%q, units, %v) = %v, %v, %v, but the full parser gives %v, %v, %v", s, mark, mm, okm, errm, ms, oks, errs)
			}
		}
		ScaleFromText(s) // must not panic

		if !ok {
			return
		}

		// Round trip through Money.String.
		text := m.String()
		m2, ok2, err2 := ParseAmount(text, Units, DecimalPoint)
		if m2 != m || !ok2 || err2 != nil {
			t.Fatalf("ParseAmount(%q) = %v; ParseAmount(%q, units, point) = %v, %v, %v", s, m, text, m2, ok2, err2)
		}

		// Scaling: with x the exact value, m = round(x) and
		// k = round(1000x) to 18 decimals, so |k - 1000m| <= 500 units of
		// 10^-18, and k = 1000m whenever m was not rounded.
		k, okk, errk := ParseAmount(s, Thousands, AutoDecimal)
		if errk != nil {
			if !errors.Is(errk, ErrOverflow) {
				t.Fatalf("ParseAmount(%q, thousands) error %v, but units gave %v", s, errk, m)
			}
			return
		}
		if !okk {
			t.Fatalf("ParseAmount(%q, thousands) absent, but units gave %v", s, m)
		}
		m1000, fits := m.Mul(1000)
		if !fits {
			return
		}
		_, _, res, _ := ParseAmountExact(s, Units, AutoDecimal)
		d, _ := k.Sub(m1000)
		if d.Abs().Cmp(half) > 0 || (res == nil && !d.IsZero()) {
			t.Fatalf("ParseAmount(%q): units %v, thousands %v: not 1000 times the units amount", s, m, k)
		}
	})
}
