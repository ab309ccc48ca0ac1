package budget

import (
	"math/rand/v2"
	"testing"
	"unsafe"
)

// TestAmountsSize holds the compact form: a million lines carry a million
// Amounts, so its size is a budget of its own (four 128-bit amounts would
// be 72 bytes).
func TestAmountsSize(t *testing.T) {
	if got := unsafe.Sizeof(Amounts{}); got > 48 {
		t.Errorf("Amounts is %d bytes; want at most 48", got)
	}
}

// amountCases are amounts of every kind the compact form must keep exactly:
// whole and decimal, every number of decimals, and the magnitudes that do
// not fit its small form (the largest and smallest Money, 10^19 units).
func amountCases(t *testing.T) []Money {
	t.Helper()
	var ms []Money
	for _, s := range []string{
		"0", "1", "-1", "0.01", "-0.01", "1234567.89", "-1234567.89",
		"0.000000000000000001", "-0.000000000000000001", "9.223372036854775807",
		"9223372036854775807", "-9223372036854775808", "9223372036854775808",
		"10000000000000000000", "-10000000000000000000.5", "123.456789012345678",
		"170141183460469231731.687303715884105727", "-170141183460469231731.687303715884105728",
		"2120817111446.00", "0.1", "99.98999999999999",
	} {
		m, err := ParseMoney(s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		ms = append(ms, m)
	}
	return ms
}

// TestAmountsExact sets amounts of every kind in every order and reads
// them back exactly: the compact form may change how it holds them, never
// what they are.
func TestAmountsExact(t *testing.T) {
	ms := amountCases(t)
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var a Amounts
		var want [NumPhases]Money
		var present [NumPhases]bool
		for range 1 + r.IntN(6) {
			p := Phase(r.IntN(int(NumPhases)))
			m := ms[r.IntN(len(ms))]
			a.Set(p, m)
			want[p], present[p] = m, true
		}
		for p := range NumPhases {
			got, ok := a.Get(p)
			if ok != present[p] || (ok && got != want[p]) {
				t.Fatalf("phase %v: got %v %v, want %v %v (amounts %+v)", p, got, ok, want[p], present[p], a)
			}
		}
		if _, ok := a.Get(NumPhases); ok {
			t.Fatal("a phase beyond the last is present")
		}
	}
}

// TestAmountsCopiesIndependent: Amounts is a value; setting an amount on a
// copy never changes the original, in the small form or the large one.
func TestAmountsCopiesIndependent(t *testing.T) {
	for _, first := range []string{"1.5", "170141183460469231731.5"} {
		var a Amounts
		m, _ := ParseMoney(first)
		a.Set(Approved, m)
		b := a
		big, _ := ParseMoney("-170141183460469231731.25")
		b.Set(Approved, big)
		b.Set(Executed, FromCents(7))
		if got, _ := a.Get(Approved); got != m {
			t.Errorf("%s: the original's approved amount became %v after a copy was set", first, got)
		}
		if _, ok := a.Get(Executed); ok {
			t.Errorf("%s: the original gained an executed amount from its copy", first)
		}
	}
}

// TestAmountsEqual compares what the amounts are, not how they are held.
func TestAmountsEqual(t *testing.T) {
	var a, b Amounts
	a.Set(Approved, FromCents(150)) // 1.50, then 0.001: rescaled
	a.Set(Executed, Unit(3))
	b.Set(Executed, Unit(3))
	b.Set(Approved, FromCents(150))
	if !a.Equal(b) {
		t.Errorf("%+v and %+v hold the same amounts but are not Equal", a, b)
	}
	huge, _ := ParseMoney("170141183460469231731")
	c, d := a, a
	c.Set(Revised, huge)
	c.Set(Revised, FromUnits(2)) // held in the large form now
	d.Set(Revised, FromUnits(2))
	if !c.Equal(d) {
		t.Errorf("%+v and %+v hold the same amounts but are not Equal", c, d)
	}
	d.Set(Proposed, Money{})
	if c.Equal(d) {
		t.Error("an absent amount and a present zero are Equal")
	}
}
