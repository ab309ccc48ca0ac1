package budget

import (
	"encoding/json"
	"strings"
	"testing"
)

// The interned value types: methods on the zero value, equality, and the
// JSON they write (the same as before they were interned).

func TestCodeValue(t *testing.T) {
	c := NewCode("0702010", "Cabinet Affairs")
	if c.Code() != "0702010" || c.Name() != "Cabinet Affairs" || c.Label() != "0702010 Cabinet Affairs" || c.IsZero() {
		t.Errorf("NewCode: %q %q %q", c.Code(), c.Name(), c.Label())
	}
	if c != NewCode("0702010", "Cabinet Affairs") || c == NewCode("0702010", "") {
		t.Error("codes compare by code and name")
	}
	var z Code
	if !z.IsZero() || z.Code() != "" || z.Label() != "" || NewCode("", "") != z {
		t.Error("zero Code")
	}
	if got := NewCode("", "Interior").Label(); got != "Interior" {
		t.Errorf("name-only label %q", got)
	}
	for _, tt := range []struct {
		c    Code
		want string
	}{{c, `{"code":"0702010","name":"Cabinet Affairs"}`}, {NewCode("7", ""), `{"code":"7"}`}, {z, `{}`}} {
		if b, err := json.Marshal(tt.c); err != nil || string(b) != tt.want {
			t.Errorf("JSON %s (%v), want %s", b, err, tt.want)
		}
	}
}

// TestCodeTexts: any code and name come back as given, including codes
// longer than 127 bytes (a length of two bytes), a code that ends like a
// name begins, and empty parts; codes with the same texts split
// differently are different codes.
func TestCodeTexts(t *testing.T) {
	long := strings.Repeat("9", 300)
	for _, tt := range [][2]string{{"", "x"}, {"x", ""}, {long, "name"}, {"a", long}, {"ab", "c"}, {"a", "bc"}, {"é", "ü"}, {"\x00", "\x80"}} {
		c := NewCode(tt[0], tt[1])
		if c.Code() != tt[0] || c.Name() != tt[1] || c.IsZero() {
			t.Errorf("NewCode(%q, %q): %q %q zero=%v", tt[0], tt[1], c.Code(), c.Name(), c.IsZero())
		}
	}
	if NewCode("ab", "c") == NewCode("a", "bc") {
		t.Error(`NewCode("ab", "c") == NewCode("a", "bc")`)
	}
}

func TestProvenanceValue(t *testing.T) {
	p := NewProvenance(FromRule, `rule r1: "migrant" in description`)
	if p.Source() != FromRule || p.Detail() != `rule r1: "migrant" in description` || p.String() != `rule: rule r1: "migrant" in description` {
		t.Errorf("NewProvenance: %v %q %q", p.Source(), p.Detail(), p)
	}
	var z Provenance
	if z.Source() != Untagged || z.Detail() != "" || z.String() != "untagged" || NewProvenance(Untagged, "") != z {
		t.Error("zero Provenance")
	}
	if b, err := json.Marshal(NewProvenance(FromColumn, "GCM")); err != nil || string(b) != `{"source":"column","detail":"GCM"}` {
		t.Errorf("JSON %s (%v)", b, err)
	}
}

func TestPositionValue(t *testing.T) {
	p := At("b.xlsx", "Budget", 12, 3)
	if p.File() != "b.xlsx" || p.Sheet() != "Budget" || p.String() != "b.xlsx:Budget!C12" || p.WholeRow().String() != "b.xlsx:Budget!12" {
		t.Errorf("At: %q %q %q", p.File(), p.Sheet(), p)
	}
	if p != At("b.xlsx", "Budget", 12, 3) || p == At("b.xlsx", "Other", 12, 3) {
		t.Error("positions compare by file, sheet, row and column")
	}
	if got := At("b.csv", "", 4, 2).String(); got != "b.csv:B4" {
		t.Errorf("csv cell %q", got)
	}
	var z Position
	if z.File() != "" || z.String() != "" {
		t.Error("zero Position")
	}
	b, err := json.Marshal(p)
	if want := `{"file":"b.xlsx","sheet":"Budget","row":12,"col":3,"cell":"C12","at":"b.xlsx:Budget!C12"}`; err != nil || string(b) != want {
		t.Errorf("JSON %s (%v), want %s", b, err, want)
	}
}

func TestMoneyArithmetic(t *testing.T) {
	a, b := FromCents(150), FromCents(-250)
	if d, ok := a.Sub(b); !ok || d != FromCents(400) {
		t.Errorf("Sub = %v %v, want 4.00", d, ok)
	}
	if n, ok := b.Neg(); !ok || n != FromCents(250) {
		t.Errorf("Neg = %v %v, want 2.50", n, ok)
	}
	if a.Sign() != 1 || b.Sign() != -1 || FromCents(0).Sign() != 0 || !FromCents(0).IsZero() {
		t.Errorf("Sign or IsZero wrong")
	}
	if a.Cmp(b) != 1 || b.Cmp(a) != -1 || a.Cmp(a) != 0 {
		t.Errorf("Cmp wrong")
	}
	least, err := ParseMoney("-170141183460469231731.687303715884105728")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := least.Neg(); ok {
		t.Errorf("Neg of the smallest Money did not overflow")
	}
}
