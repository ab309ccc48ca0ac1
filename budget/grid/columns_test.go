package grid

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
)

// The user's mapping wins over recognition, and a generic amount column
// gives way to a column of its phase.
func TestColumns(t *testing.T) {
	header := []string{"Programme", "Description", "Approved", "Amount", "Gender marker"}
	c := newColumns(header, header)
	opt := budget.Options{Phase: budget.Approved, Columns: map[budget.Field]string{budget.FieldDescription: "A"}}
	given, missing := c.assign(&opt)
	if missing != nil {
		t.Fatalf("assign: missing %+v", missing)
	}
	if unused := c.amounts(opt.Phase); unused != 3 {
		t.Errorf("amounts: unused column %d, want 3 (Amount, beside Approved)", unused)
	}
	want := map[budget.Field]int{budget.FieldDescription: 0, budget.FieldApproved: 2, budget.FieldGenderMarker: 4}
	if diff := cmp.Diff(want, c.cols); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	if !given[0] || len(given) != 1 {
		t.Errorf("given = %v, want column 0 only", given)
	}
	if len(c.amts) != 1 || c.amts[0].col != 2 || !c.money[2] || c.wide {
		t.Errorf("amounts %+v, money %v, wide %v", c.amts, c.money, c.wide)
	}
	if v, k := c.get([]string{"Shelters", "x", "10", "", " 2 "}, budget.FieldGenderMarker); v != "2" || k != 4 {
		t.Errorf("get = %q, %d", v, k)
	}
}

// Fiscal years as columns make a wide layout; a column the user names
// that the header lacks is reported.
func TestColumnsWideAndMissing(t *testing.T) {
	header := []string{"Department", "2014-15", "FY2016"}
	c := newColumns(header, header)
	if _, missing := c.assign(&budget.Options{}); missing != nil {
		t.Fatalf("assign: missing %+v", missing)
	}
	c.amounts(budget.Approved)
	if !c.wide || len(c.amts) != 2 || c.amts[0].year != 2014 || c.amts[1].year != 2016 {
		t.Errorf("wide %v, amounts %+v", c.wide, c.amts)
	}
	c = newColumns(header, header)
	_, missing := c.assign(&budget.Options{Columns: map[budget.Field]string{budget.FieldExecuted: "Ejercido"}})
	if missing == nil || missing.field != budget.FieldExecuted || missing.header != "Ejercido" {
		t.Errorf("missing = %+v, want executed \"Ejercido\"", missing)
	}
}
