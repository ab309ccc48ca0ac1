package analysis

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
)

func realFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "data", "real", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real data not available (%s): %v", p, err)
	}
	return p
}

// TestRealCRS checks shares by year × marker on the UK CRS gender extract
// against its SOURCE.md: the sums of the CSV exactly (to the cent, each
// value rounded half away from zero, as an independent Python pass gives
// them), and ONE's published totals within 0.2 (GBP million) for 2013,
// 2014 and 2017, the years SOURCE.md says are complete.
func TestRealCRS(t *testing.T) {
	b, err := input.ReadFile(realFile(t, "crs-uk-gender-one/UK_oda_CRS_gender.csv"), budget.Options{Scheme: "oecd_dac", Scale: budget.Millions})
	if err != nil {
		t.Fatal(err)
	}
	checkProperties(t, b)
	r, err := Shares(b, Options{By: []Dim{ByYear, ByMarker}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[[2]string]budget.Money{}
	for _, g := range r.Groups {
		got[[2]string{g.Keys[0].Value, g.Keys[1].Value}] = g.Amount
	}
	tests := []struct {
		year, level string
		csv         budget.Money
		one         float64 // GBP million, UK_oda_CRS_gender_totals_by_year.csv
	}{
		{"2013", "principal", mustParse("506551191.581"), 506.56419425024296},
		{"2013", "significant", mustParse("3333061681.499"), 3333.1472376712545},
		{"2014", "principal", mustParse("501406194.236"), 501.38725448176683},
		{"2014", "significant", mustParse("3239818157.828"), 3239.6957794952273},
		{"2017", "principal", mustParse("443228265.492"), 443.2125558614331},
		{"2017", "significant", mustParse("4295932252.115"), 4295.779987506918},
	}
	for _, tt := range tests {
		m := got[[2]string{tt.year, tt.level}]
		if m != tt.csv {
			t.Errorf("%s %s: %s, want %s", tt.year, tt.level, m, tt.csv)
		}
		if d := m.Float()/1e6 - tt.one; d > 0.2 || d < -0.2 {
			t.Errorf("%s %s: %.3f million, ONE says %.3f", tt.year, tt.level, m.Float()/1e6, tt.one)
		}
	}
}

// TestRealProperties checks the share properties on the real budgets
// that grb reads without a mapping.
func TestRealProperties(t *testing.T) {
	for _, f := range []string{
		"kenya-programme-budget-2018-2022/kenya_budget.csv",
		"mexico-puebla-gasto-federalizado-xlsx/Gasto_Federalizado_Avance_Financiero_Puebla_Q1_2016.xlsx",
		"au-budget-2015-16-fdp/data/201505181230budget1516.csv",
		"eutf-africa-projects-objectives/EUTF-Projects-Database-2022-01.csv",
	} {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := input.ReadFile(realFile(t, f), budget.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkProperties(t, b)
			// None of these files carries a gender marker: the GEWE share is
			// 0 under every convention, and nothing is screened.
			r, _ := Shares(b, Options{})
			for _, c := range r.Conventions {
				if v, ok := c.Share.Value(); ok && v != 0 {
					t.Errorf("%s: %s share %v, want 0", f, c.Weighting, v)
				}
			}
		})
	}
}
