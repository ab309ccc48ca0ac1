package budget

import (
	"encoding/json"
	"testing"
)

func mustMoney(t *testing.T, s string) Money {
	t.Helper()
	m, err := ParseMoney(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMoneyString(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"0", "0.00"}, {"-0", "0.00"}, {"1234.5", "1234.50"}, {"-1234.05", "-1234.05"},
		{"506.551191581", "506.551191581"}, {"0.000000000000000001", "0.000000000000000001"},
		{"12.340000", "12.34"}, {"12.3400001", "12.3400001"},
		{"170141183460469231731.687303715884105727", "170141183460469231731.687303715884105727"},
		{"-170141183460469231731.687303715884105728", "-170141183460469231731.687303715884105728"},
		{"18446744073709551616", "18446744073709551616.00"}, // 2^64 units
	} {
		m := mustMoney(t, tt.in)
		if got := m.String(); got != tt.want {
			t.Errorf("%s: String() = %q, want %q", tt.in, got, tt.want)
		}
		if b, err := json.Marshal(m); err != nil || string(b) != tt.want {
			t.Errorf("%s: JSON %s %v, want %s", tt.in, b, err, tt.want)
		}
	}
	if got := FromCents(-5).String(); got != "-0.05" {
		t.Errorf("FromCents(-5) = %q", got)
	}
	var zero Money
	if !zero.IsZero() || zero != FromCents(0) || zero.String() != "0.00" {
		t.Errorf("zero value is not zero: %v", zero)
	}
	for _, bad := range []string{"", "-", "1,5", "1.2.3", ".5", "1e5", "0.1234567890123456789", "170141183460469231732"} {
		if _, err := ParseMoney(bad); err == nil {
			t.Errorf("ParseMoney(%q) accepted", bad)
		}
	}
}

func TestMoneyArithmetic128(t *testing.T) {
	max := mustMoney(t, "170141183460469231731.687303715884105727")
	least := mustMoney(t, "-170141183460469231731.687303715884105728")
	tiny := mustMoney(t, "0.000000000000000001")
	if _, ok := Add(max, tiny); ok {
		t.Errorf("max + 1e-18 did not overflow")
	}
	if _, ok := Add(least, tiny.Abs()); !ok {
		t.Errorf("least + 1e-18 overflowed")
	}
	if _, ok := least.Sub(tiny); ok {
		t.Errorf("least - 1e-18 did not overflow")
	}
	// carries between the two words
	a := mustMoney(t, "18.446744073709551615") // 2^64-1 units of 1e-18
	if s, ok := Add(a, tiny); !ok || s.String() != "18.446744073709551616" {
		t.Errorf("carry: %v %v", s, ok)
	}
	if d, ok := mustMoney(t, "0").Sub(tiny); !ok || d.String() != "-0.000000000000000001" || d.Sign() != -1 {
		t.Errorf("borrow: %v %v", d, ok)
	}
	if p, ok := mustMoney(t, "-1.5").Mul(3); !ok || p.String() != "-4.50" {
		t.Errorf("Mul = %v %v", p, ok)
	}
	if _, ok := max.Mul(2); ok {
		t.Errorf("max × 2 did not overflow")
	}
	if mustMoney(t, "-0.1").Cmp(mustMoney(t, "0.1")) != -1 || mustMoney(t, "18.446744073709551616").Cmp(a) != 1 {
		t.Errorf("Cmp wrong")
	}
	seen := map[Money]int{mustMoney(t, "1.5"): 1}
	if seen[FromCents(150)] != 1 {
		t.Errorf("Money as map key")
	}
	if f := mustMoney(t, "-506.551191581").Float(); f != -506.551191581 {
		t.Errorf("Float = %v", f)
	}
	if f := FromUnits(1 << 62).Float(); f != 1<<62 {
		t.Errorf("Float = %v", f)
	}
}

func TestMoneyRound(t *testing.T) {
	for _, tt := range []struct {
		in   string
		dec  int
		want string
	}{
		{"506.551191581", 2, "506.55"}, {"0.125", 2, "0.13"}, {"-0.125", 2, "-0.13"},
		{"0.135", 2, "0.14"}, {"0.0049", 2, "0.00"}, {"-0.005", 2, "-0.01"}, {"2.5", 0, "3.00"},
		{"1.23456", 18, "1.23456"}, {"99.995", 2, "100.00"},
	} {
		r, ok := mustMoney(t, tt.in).Round(tt.dec)
		if !ok || r.String() != tt.want {
			t.Errorf("Round(%s, %d) = %v %v, want %s", tt.in, tt.dec, r, ok, tt.want)
		}
	}
	if c, ok := mustMoney(t, "-1234.565").Cents(); !ok || c != -123457 {
		t.Errorf("Cents = %d %v", c, ok)
	}
	if _, ok := mustMoney(t, "170141183460469231731.687303715884105727").Round(0); ok {
		t.Errorf("Round past the maximum did not overflow")
	}
	if d := mustMoney(t, "506.551191581").Decimals(); d != 9 {
		t.Errorf("Decimals = %d", d)
	}
}

func TestParseAmountExactResidual(t *testing.T) {
	for _, tt := range []struct {
		in, want, residual string
	}{
		{"1.5", "1.50", ""},
		{"0.1234567890123456789", "0.123456789012345679", "-1/10000000000000000000"},
		{"0.0000000000000000025", "0.000000000000000002", "1/2000000000000000000"},
	} {
		m, ok, res, err := ParseAmountExact(tt.in, Units, DecimalPoint)
		if err != nil || !ok || m.String() != tt.want {
			t.Errorf("%s: %v %v %v", tt.in, m, ok, err)
		}
		got := ""
		if res != nil {
			got = res.String()
		}
		if got != tt.residual {
			t.Errorf("%s: residual %s, want %s", tt.in, got, tt.residual)
		}
	}
}

func TestMoneyRatio(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want float64
	}{
		{"1", "3", 1.0 / 3}, {"-150.00", "1000.00", -0.15}, {"0", "7", 0}, {"5", "0", 0},
		{"506.551191581", "25733.654323", 506.551191581 / 25733.654323},
		{"0.1", "0.3", 1.0 / 3}, // exact quotient, not float(0.1)/float(0.3)
	} {
		if got := mustMoney(t, tt.a).Ratio(mustMoney(t, tt.b)); got != tt.want {
			t.Errorf("%s / %s = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
