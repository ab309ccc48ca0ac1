package iati

import (
	"slices"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// TestCountryBudgetItems: an activity's country-budget-items codes of a
// country's own budget (vocabulary 2, chart of accounts, or 3, another
// country system) are kept by its identifier, its lines' programme code,
// in the file's order, each once; IATI's categories (vocabulary 1) are
// not; an activity without them has none.
func TestCountryBudgetItems(t *testing.T) {
	doc := iatiDoc(`<iati-activity default-currency="USD">
  <iati-identifier>XM-1-1</iati-identifier>
  <reporting-org ref="XM-1" type="10"><narrative>Donor</narrative></reporting-org>
  <title><narrative>Shelters</narrative></title>
  <country-budget-items vocabulary="1"><budget-item code="5.1.1" percentage="100"/></country-budget-items>
  <country-budget-items vocabulary="2">
    <budget-item code=" 0702010 " percentage="60"><description><narrative>Shelters</narrative></description></budget-item>
    <budget-item code="0703" percentage="40"/>
    <budget-item code="0702010" percentage="0"/>
  </country-budget-items>
  <budget type="1"><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/><value value-date="2023-01-01">100</value></budget>
  <budget type="1"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value value-date="2024-01-01">100</value></budget>
</iati-activity>`, `<iati-activity default-currency="USD">
  <iati-identifier>XM-1-2</iati-identifier>
  <title><narrative>Other</narrative></title>
  <country-budget-items vocabulary="1"><budget-item code="0703" percentage="100"/></country-budget-items>
  <budget type="1"><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/><value value-date="2023-01-01">5</value></budget>
</iati-activity>`)
	b := readIATIText(t, doc, budget.Options{})
	if b.Lines.Len() != 3 {
		t.Fatalf("%d lines, want 3", b.Lines.Len())
	}
	for i, want := range [][]string{{"0702010", "0703"}, {"0702010", "0703"}, nil} {
		if got := b.BudgetItems[b.Lines.At(i).Programme.Code()]; !slices.Equal(got, want) {
			t.Errorf("line %d (%s): budget items %q, want %q", i, b.Lines.At(i).ID, got, want)
		}
	}
	if len(b.BudgetItems) != 1 {
		t.Errorf("budget items of %d activities, want 1: %v", len(b.BudgetItems), b.BudgetItems)
	}
}
