package grid_test

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

func decisionsOf(b *budget.Budget, topic string) []budget.Decision {
	var out []budget.Decision
	for _, d := range b.Decisions {
		if d.Topic == topic {
			out = append(out, d)
		}
	}
	return out
}

// TestYearColumnDecision: a column read as the fiscal year whose header
// does not say fiscal year is a decision with its evidence; a funding
// cycle is also ambiguous (a warning); a header that says fiscal year
// needs no decision.
func TestYearColumnDecision(t *testing.T) {
	for _, tc := range []struct {
		name, header string
		decisions    int
		ambiguous    bool
		evidence     string
	}{
		{"fiscal year", "Ejercicio fiscal", 0, false, ""},
		{"FY", "FY", 0, false, ""},
		{"plain year", "Year", 1, false, "the header does not say fiscal year; 3 of its first 3 values are years (2015–2016)"},
		{"funding cycle", "Ciclo de Recurso", 1, true, "the header names a funding cycle, not a fiscal year; 3 of its first 3 values are years (2015–2016)"},
	} {
		src := tc.header + ",Programa,Aprobado\n2015,A,10\n2016,B,20\n2016,C,30\n"
		b := readCSV(t, src, budget.Options{})
		ds := decisionsOf(b, "year")
		if len(ds) != tc.decisions {
			t.Errorf("%s: year decisions %+v, want %d", tc.name, ds, tc.decisions)
			continue
		}
		if b.Lines.YearAt(0) != 2015 {
			t.Errorf("%s: first line's year %d, want 2015", tc.name, b.Lines.YearAt(0))
		}
		if tc.decisions == 0 {
			continue
		}
		d := ds[0]
		if d.Ambiguous != tc.ambiguous || !strings.HasPrefix(d.Evidence, tc.evidence) || !strings.Contains(d.Override, "--column year=") || d.Column != tc.header {
			t.Errorf("%s: decision %+v", tc.name, d)
		}
		if got := strings.Contains(issueCodes(b), "year-column-ambiguous"); got != tc.ambiguous {
			t.Errorf("%s: issues %s", tc.name, issueCodes(b))
		}
	}
}

// TestColumnUnusedNote: every column with a header that is not used is
// listed as one column-unused note-level decision, not one warning per
// column; the generic amount column beside its phase's column stays a
// warning (money that is not read).
func TestColumnUnusedNote(t *testing.T) {
	src := "Programme,Description,Approved,Amount,Comments,Responsible officer\nP1,Shelters,10,10,ok,Ana\n"
	b := readCSV(t, src, budget.Options{})
	ds := decisionsOf(b, "column-unused")
	if len(ds) != 1 {
		t.Fatalf("column-unused decisions %+v, want 1", ds)
	}
	want := `3 columns not used: D "Amount" (amount: phase approved has a column of its own), E "Comments", F "Responsible officer"`
	if ds[0].Choice != want {
		t.Errorf("choice %q\nwant   %q", ds[0].Choice, want)
	}
	if n := strings.Count(issueCodes(b), "column-unused"); n != 1 {
		t.Errorf("column-unused issues: %d, want 1 (the amount column): %s", n, issueCodes(b))
	}
}
