package budget_test

import (
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

func TestDecimalEvidenceOf(t *testing.T) {
	tests := []struct {
		in       string
		kind     budget.EvidenceKind
		decimals int
		grouped  bool
	}{
		{"", budget.EvidenceNone, 0, false},
		{"N/A", budget.EvidenceNone, 0, false},
		{"Roads", budget.EvidenceNone, 0, false},
		{"12%", budget.EvidenceNone, 0, false},
		{"12.5O0", budget.EvidenceNone, 0, false},
		{"1234", budget.EvidenceDigits, 0, false},
		{"-1234", budget.EvidenceDigits, 0, false},
		{"(1 234)", budget.EvidenceDigits, 0, false},
		{"KES 1'234", budget.EvidenceDigits, 0, false},
		{"12.75", budget.EvidencePoint, 2, false},
		{"46.843123", budget.EvidencePoint, 6, false},
		{"1234.567", budget.EvidencePoint, 3, false},
		{"0.125", budget.EvidencePoint, 3, false},
		{".5", budget.EvidencePoint, 1, false},
		{"-.5", budget.EvidencePoint, 1, false},
		{"1,234.56", budget.EvidencePoint, 2, true},
		{"1,234,567", budget.EvidencePoint, 0, true},
		{"12,34,567", budget.EvidencePoint, 0, true},
		{"$1,234,567.5", budget.EvidencePoint, 1, true},
		{"1 234.567", budget.EvidencePoint, 3, false},
		{"5.25e+08", budget.EvidencePoint, 2, false},
		{"1E6", budget.EvidenceDigits, 0, false},
		{"12,75", budget.EvidenceComma, 2, false},
		{"1234,567", budget.EvidenceComma, 3, false},
		{"1.234,56", budget.EvidenceComma, 2, true},
		{"1.234.567", budget.EvidenceComma, 0, true},
		{"1.234.567,89 €", budget.EvidenceComma, 2, true},
		{"0,125", budget.EvidenceComma, 3, false},
		{"5,25E+08", budget.EvidenceComma, 2, false},
		{"46.843", budget.EvidenceAmbiguousPoint, 0, false},
		{"-46.843", budget.EvidenceAmbiguousPoint, 0, false},
		{"1,234", budget.EvidenceAmbiguousComma, 0, false},
		{"(123,456)", budget.EvidenceAmbiguousComma, 0, false},
	}
	for _, tt := range tests {
		got := budget.DecimalEvidenceOf(tt.in)
		if got.Kind != tt.kind || got.Decimals != tt.decimals || got.Grouped != tt.grouped {
			t.Errorf("DecimalEvidenceOf(%q) = %+v, want {Kind:%v Decimals:%d Grouped:%v}", tt.in, got, tt.kind, tt.decimals, tt.grouped)
		}
	}
}

// Every value classed as evidence for one mark must parse under that mark,
// and an ambiguous value must parse under both, to different amounts.
func TestDecimalEvidenceAgreesWithParseAmount(t *testing.T) {
	for _, s := range []string{"12.75", "1,234.56", "1,234,567", "0.125", "12,75", "1.234,56", "1.234.567", "46.843", "1,234", "1234", "5.25e+08"} {
		e := budget.DecimalEvidenceOf(s)
		_, _, errP := budget.ParseAmount(s, budget.Units, budget.DecimalPoint)
		_, _, errC := budget.ParseAmount(s, budget.Units, budget.DecimalComma)
		switch e.Kind {
		case budget.EvidencePoint:
			if errP != nil {
				t.Errorf("%q: point evidence, but %v", s, errP)
			}
		case budget.EvidenceComma:
			if errC != nil {
				t.Errorf("%q: comma evidence, but %v", s, errC)
			}
		case budget.EvidenceAmbiguousPoint, budget.EvidenceAmbiguousComma, budget.EvidenceDigits:
			if errP != nil || errC != nil {
				t.Errorf("%q: %v, but %v / %v", s, e.Kind, errP, errC)
			}
		}
	}
}
