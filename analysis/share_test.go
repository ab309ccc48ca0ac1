package analysis

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
	"github.com/grb-toolkit/grb/templates"
)

// line builds a line with an approved amount in cents.
func line(unit string, approved budget.Money, lv budget.Level, objs ...budget.ObjectiveShare) budget.Line {
	var l budget.Line
	l.Unit = budget.NewCode(unit, l.Unit.Name())
	l.Amounts.Set(budget.Approved, approved)
	l.Gender.Level = lv
	l.Objectives = objs
	l.Currency = "USD"
	return l
}

func obj(n, bp int) budget.ObjectiveShare { return budget.ObjectiveShare{Objective: n, Share: bp} }

func val(t *testing.T, r Ratio) float64 {
	t.Helper()
	v, ok := r.Value()
	if !ok {
		t.Fatalf("ratio %v/%v undefined", r.Num, r.Den)
	}
	return v
}

func TestSharesByHand(t *testing.T) {
	// Four lines, amounts in cents:
	//   A  100.00 principal,      objective 7
	//   A   50.00 significant,    objectives 7 (60 %) and 16 (40 %)
	//   B   30.01 not targeted,   objectives 3 and 7 in equal shares
	//   B   20.00 not screened,   no objective
	// Total 200.01. Principal 100.00, significant 50.00, not screened 20.00.
	// dac_headline GEWE = 150.00; principal_only = 100.00;
	// eu_100_40_0 = 100.00 + 40 % of 50.00 = 120.00.
	// By objective, approved: 7 gets 100.00 + 30.00 + 15.00 (of 30.01, the
	// odd cent goes to the first part: 15.01 to objective 3, 15.00 to 7)
	// = 145.00; 16 gets 20.00; 3 gets 15.01; none 20.00. Sum 200.01.
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		line("A", budget.FromCents(10000), budget.Principal, obj(7, 10000)),
		line("A", budget.FromCents(5000), budget.Significant, obj(7, 6000), obj(16, 4000)),
		line("B", budget.FromCents(3001), budget.NotTargeted, obj(3, 5000), obj(7, 5000)),
		line("B", budget.FromCents(2000), budget.NotScreened),
	}...)}
	r, err := Shares(b, Options{By: []Dim{ByObjective}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total.Amount != budget.FromCents(20001) || r.Total.GEWE != budget.FromCents(15000) || r.Weighting != "dac_headline" {
		t.Errorf("total %s GEWE %s under %s; want 200.01, 150.00, dac_headline", r.Total.Amount, r.Total.GEWE, r.Weighting)
	}
	want := map[string]budget.Money{"3": budget.FromCents(1501), "7": budget.FromCents(14500), "16": budget.FromCents(2000), "": budget.FromCents(2000)}
	var sum budget.Money
	for _, g := range r.Groups {
		if g.Amount != want[g.Keys[0].Value] {
			t.Errorf("objective %q: %s, want %s", g.Keys[0].Value, g.Amount, want[g.Keys[0].Value])
		}
		sum = plus(sum, g.Amount)
	}
	if sum != r.Total.Amount || len(r.Groups) != 4 {
		t.Errorf("groups sum to %s over %d groups, want %s over 4", sum, len(r.Groups), r.Total.Amount)
	}
	if got := []string{r.Groups[0].Keys[0].Value, r.Groups[1].Keys[0].Value, r.Groups[2].Keys[0].Value, r.Groups[3].Keys[0].Value}; strings.Join(got, ",") != "3,7,16," {
		t.Errorf("order %v, want 3, 7, 16, none", got)
	}
	conv := map[string]budget.Money{}
	for _, c := range r.Conventions {
		conv[c.Weighting] = c.GEWE
	}
	if conv["dac_headline"] != budget.FromCents(15000) || conv["principal_only"] != budget.FromCents(10000) || conv["eu_100_40_0"] != budget.FromCents(12000) || conv["attributed"] != budget.FromCents(0) {
		t.Errorf("conventions %v", conv)
	}
	// Coverage: screened 180.01 of 200.01.
	if c := val(t, r.Total.Coverage); c != 18001.0/20001.0 {
		t.Errorf("coverage %v, want 18001/20001", c)
	}
	// Objective 7's composition: principal 100.00, significant 30.00,
	// not targeted 15.00 → dac GEWE 130.00 of 145.00.
	g7 := r.Groups[1]
	if g7.Level(budget.Principal) != budget.FromCents(10000) || g7.Level(budget.Significant) != budget.FromCents(3000) || g7.Level(budget.NotTargeted) != budget.FromCents(1500) || g7.GEWE != budget.FromCents(13000) {
		t.Errorf("objective 7: P %s S %s N %s GEWE %s", g7.Level(budget.Principal), g7.Level(budget.Significant), g7.Level(budget.NotTargeted), g7.GEWE)
	}
}

func TestSharesNegativeAndEU(t *testing.T) {
	// A cut of -10.01 split 50/50: -5.01 to objective 1 (first part gets
	// the odd cent) and -5.00 to objective 2. EU weighting: 40 % of
	// significant 33.33 = 13.332 → 13.33.
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		line("A", budget.FromCents(-1001), budget.Principal, obj(1, 5000), obj(2, 5000)),
		line("A", budget.FromCents(3333), budget.Significant, obj(1, 10000)),
	}...)}
	r, err := Shares(b, Options{By: []Dim{ByObjective}, Weighting: EU100400})
	if err != nil {
		t.Fatal(err)
	}
	if r.Groups[0].Amount != budget.FromCents(-501+3333) || r.Groups[1].Amount != budget.FromCents(-500) {
		t.Errorf("objective 1 %s, 2 %s; want 28.32, -5.00", r.Groups[0].Amount, r.Groups[1].Amount)
	}
	if r.Total.GEWE.String() != "3.322" {
		t.Errorf("EU GEWE %s, want -10.01 + 40%% of 33.33 = -10.01 + 13.332 = 3.322 (exact, no rounding to the cent)", r.Total.GEWE)
	}
}

func TestSharesUnscreenedBudget(t *testing.T) {
	// No line is marked: the GEWE share is 0 under every convention and
	// coverage is 0, not undefined.
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{line("A", budget.FromCents(100), budget.NotScreened), line("B", budget.FromCents(50), budget.NotScreened)}...)}
	r, _ := Shares(b, Options{})
	for _, c := range r.Conventions {
		if v, ok := c.Share.Value(); !ok || v != 0 {
			t.Errorf("%s share %v (%v), want 0", c.Weighting, v, ok)
		}
	}
	if val(t, r.Total.Coverage) != 0 || val(t, r.Total.NotScreened) != 1 {
		t.Errorf("coverage %v not screened %v", r.Total.Coverage, r.Total.NotScreened)
	}
}

// TestSharesProperties checks, on the embedded sample, that group amounts
// add up to the total exactly, shares sum to 1 and coverage plus
// not-screened is 1, for several groupings.
func TestSharesProperties(t *testing.T) {
	b, err := input.Read(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkProperties(t, b)
}

func checkProperties(t *testing.T, b *budget.Budget) {
	t.Helper()
	for _, by := range [][]Dim{{ByObjective}, {ByArea}, {ByUnit, ByMarker}, {ByObjective, ByUnit, ByMarker}, {ByYear, ByProgramme}} {
		for _, w := range Weightings() {
			r, err := Shares(b, Options{By: by, Weighting: w})
			if err != nil {
				t.Fatal(err)
			}
			var sum budget.Money
			share := 0.0
			for _, g := range r.Groups {
				sum = plus(sum, g.Amount)
				v, _ := g.Share.Value()
				share += v
				if c, ok := g.Coverage.Value(); ok {
					n, _ := g.NotScreened.Value()
					if d := c + n - 1; d > 1e-12 || d < -1e-12 {
						t.Errorf("%v: coverage + not screened = %v", g.Keys, c+n)
					}
				}
			}
			if sum != r.Total.Amount {
				t.Errorf("by %v: groups sum to %s, total %s", by, sum, r.Total.Amount)
			}
			if r.Total.Amount != budget.FromCents(0) {
				if d := share - 1; d > 1e-12 || d < -1e-12 {
					t.Errorf("by %v: shares sum to %v", by, share)
				}
			}
		}
	}
}

func TestSharesOverflow(t *testing.T) {
	big := hugeMoney
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{line("A", big, budget.Principal), line("A", big, budget.Principal)}...)}
	if _, err := Shares(b, Options{}); !errors.Is(err, budget.ErrOverflow) {
		t.Errorf("Shares of two 10^20-unit lines: err = %v, want ErrOverflow", err)
	}
}

func TestParseDeflators(t *testing.T) {
	m, err := ParseDeflators(strings.NewReader("2023: 95.5\n2024: 100\n"))
	if err != nil || len(m) != 2 || m[2023] != 95.5 || m[2024] != 100 {
		t.Errorf("ParseDeflators = %v, %v; want 2023: 95.5, 2024: 100", m, err)
	}
	if _, err := ParseDeflators(strings.NewReader("2023: 0\n")); err == nil {
		t.Errorf("a zero index: no error")
	}
}

// TestSharesMixedCurrencies: money in two currencies is grouped by
// currency, and each group's share is of its own currency's total.
func TestSharesMixedCurrencies(t *testing.T) {
	usd := line("A", budget.FromCents(10000), budget.Principal)
	usd2 := line("B", budget.FromCents(30000), budget.NotTargeted)
	eur := line("A", budget.FromCents(5000), budget.NotTargeted)
	eur.Currency = "EUR"
	r, err := Shares(&budget.Budget{Lines: budget.LinesOf([]budget.Line{usd, usd2, eur}...)}, Options{By: []Dim{ByUnit}})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Mixed() || len(r.By) != 2 || r.By[0] != ByCurrency {
		t.Fatalf("mixed %v, by %v; want grouped by currency first", r.Mixed(), r.By)
	}
	// EUR/A: 50.00 of EUR 50.00 = 1; USD/A: 100.00 of USD 400.00 = 0.25.
	want := map[string]float64{"EUR/A": 1, "USD/A": 0.25, "USD/B": 0.75}
	for _, g := range r.Groups {
		k := g.Keys[0].Value + "/" + g.Keys[1].Value
		if v := val(t, g.Share); v != want[k] {
			t.Errorf("%s share %v, want %v", k, v, want[k])
		}
	}
}
