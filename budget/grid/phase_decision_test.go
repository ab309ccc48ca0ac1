package grid_test

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// TestPhaseDecision: an amount column whose header names no budget phase
// ("Amount", "Monto", a fiscal year in a wide layout) is read as a phase
// by default or by --amount-phase; either way the reading is a decision
// shown with its evidence and its flag. A header that names its phase
// needs none.
func TestPhaseDecision(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		opt       budget.Options
		choice    string // "" for no decision
		column    string
		evidence  string
	}{
		{"named phase", "Programa,Aprobado\nA,10\nB,20\n", budget.Options{}, "", "", ""},
		{"generic amount", "Programa,Monto\nA,10\nB,20\n", budget.Options{}, "read as approved amounts (the default)", "Monto",
			"the header names no budget phase (proposed, approved, revised, executed)"},
		{"generic amount, flag", "Programa,Amount\nA,10\nB,20\n", budget.Options{Phase: budget.Executed, PhaseSet: true},
			"read as executed amounts: --amount-phase executed given", "Amount", "the header names no budget phase (proposed, approved, revised, executed)"},
		{"wide layout", "Programa,2024,2025\nA,10,11\nB,20,21\n", budget.Options{}, "read as approved amounts (the default)", "2024, 2025",
			"the headers are fiscal years and name no budget phase (proposed, approved, revised, executed)"},
	} {
		b := readCSV(t, tc.src, tc.opt)
		ds := decisionsOf(b, "phase")
		if tc.choice == "" {
			if len(ds) != 0 {
				t.Errorf("%s: phase decisions %+v, want none", tc.name, ds)
			}
			continue
		}
		if len(ds) != 1 {
			t.Fatalf("%s: phase decisions %+v, want 1", tc.name, ds)
		}
		d := ds[0]
		if d.Choice != tc.choice || d.Column != tc.column || d.Evidence != tc.evidence || !strings.Contains(d.Override, "--amount-phase") {
			t.Errorf("%s: decision %+v\nwant choice %q, column %q, evidence %q, override --amount-phase", tc.name, d, tc.choice, tc.column, tc.evidence)
		}
	}
}
