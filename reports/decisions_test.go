package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// TestDecisionsShown checks that a decision made on evidence reaches
// grb inspect, grb validate --format json and the report's methodology.
func TestDecisionsShown(t *testing.T) {
	b := &budget.Budget{Source: "b.csv"}
	b.Decide(budget.Decision{Sheet: "S", Column: "Approved", Topic: "decimal-mark", Choice: "decimal point",
		Evidence: "12 values have 4–9 decimals, 3 have 3; none has grouping", Override: "--decimal comma"})
	want := "decimal point: 12 values have 4–9 decimals, 3 have 3; none has grouping; otherwise --decimal comma"

	var ins bytes.Buffer
	if err := WriteInspection(&ins, b, InspectOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ins.String(), "decimal-mark (sheet S, column Approved): "+want) {
		t.Errorf("inspect does not show the decision:\n%s", ins.String())
	}
	var js bytes.Buffer
	if err := WriteIssuesJSON(&js, b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `"decision": "decimal point"`) || !strings.Contains(js.String(), `"override": "--decimal comma"`) {
		t.Errorf("validate json does not carry the decision:\n%s", js.String())
	}
	defs := reportDecisions(&Report{Budgets: []*budget.Budget{b}})
	if len(defs) != 1 || defs[0].Def != want {
		t.Errorf("methodology = %+v, want one entry %q", defs, want)
	}
}
