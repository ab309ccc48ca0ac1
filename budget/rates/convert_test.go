package rates

import (
	"encoding/csv"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// sourceValue reads one value of a World Bank source file by hand.
func sourceValue(t *testing.T, file, country, year string) *big.Rat {
	t.Helper()
	f, err := os.Open("testdata/source/" + file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if r[1] == country && r[2] == year {
			v, _ := new(big.Rat).SetString(r[3])
			return v
		}
	}
	t.Fatalf("%s has no %s %s", file, country, year)
	return nil
}

func line(year int, label, cur, amount string) budget.Line {
	l := budget.Line{Year: year, YearLabel: label, Currency: cur}
	m, _ := budget.ParseMoney(amount)
	l.Amounts.Set(budget.Approved, m)
	return l
}

// TestConstantPrices: 1,000,000 USD of 2020 in constant 2023 prices with
// the GDP deflator is 1,000,000 × Π(1 + g/100) over 2021–2023, g read
// from the source file, rounded to the cent; a 2023 amount is unchanged.
func TestConstantPrices(t *testing.T) {
	tab, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	b := &budget.Budget{Source: "test", Lines: budget.LinesOf([]budget.Line{line(2020, "2020", "USD", "1000000"), line(2023, "2023", "USD", "250.5")}...)}
	out, err := Convert(b, tab, Options{Prices: 2023, Deflator: "gdp"})
	if err != nil {
		t.Fatal(err)
	}
	want := big.NewRat(1000000, 1)
	for _, y := range []string{"2021", "2022", "2023"} {
		g := sourceValue(t, "wb_NY.GDP.DEFL.KD.ZG.csv", "USA", y)
		want.Mul(want, g.Add(big.NewRat(1, 1), g.Quo(g, big.NewRat(100, 1))))
	}
	wantM, _ := roundRat(want, 2)
	if got, _ := out.Lines.AmountsAt(0).Get(budget.Approved); got != wantM {
		t.Errorf("2020 in 2023 prices = %s, by hand %s", got, wantM)
	}
	if got, _ := out.Lines.AmountsAt(1).Get(budget.Approved); got.String() != "250.50" && got.String() != "250.5" {
		t.Errorf("2023 in 2023 prices = %s, want 250.5", got)
	}
	var d *budget.Decision
	for i := range out.Decisions {
		if out.Decisions[i].Topic == "prices" {
			d = &out.Decisions[i]
		}
	}
	if d == nil || !strings.Contains(d.Evidence, "NY.GDP.DEFL.KD.ZG") || !strings.Contains(d.Evidence, "July 2026 vintage") || !strings.Contains(d.Choice, "base year 2023") {
		t.Errorf("prices decision = %+v", d)
	}
}

// TestFiscalYearRules: a 2015-16 fiscal year takes 2016's rate under
// end, and 6/12 of each under weighted with a July start.
func TestFiscalYearRules(t *testing.T) {
	tab, _ := Embedded()
	eur15, _ := tab.PerUSD("EUR", 2015)
	eur16, _ := tab.PerUSD("EUR", 2016)
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{line(2015, "2015-16", "USD", "100")}...)}
	for _, tc := range []struct {
		rule string
		want *big.Rat
	}{
		{End, eur16.Rat()},
		{Weighted, new(big.Rat).Quo(new(big.Rat).Add(eur15.Rat(), eur16.Rat()), big.NewRat(2, 1))},
	} {
		out, err := Convert(b, tab, Options{To: "EUR", FiscalRule: tc.rule, FiscalStart: 7})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := roundRat(tc.want.Mul(tc.want, big.NewRat(100, 1)), 2)
		if got, _ := out.Lines.AmountsAt(0).Get(budget.Approved); got != want {
			t.Errorf("%s: %s EUR, want %s", tc.rule, got, want)
		}
	}
	if _, err := Convert(b, tab, Options{To: "EUR", FiscalRule: Weighted}); err == nil || !strings.Contains(err.Error(), "--fiscal-year-start") {
		t.Errorf("weighted with no start month: %v", err)
	}
}

// TestMissingRate names the currency and the year; never a silent 1.
func TestMissingRate(t *testing.T) {
	tab, _ := Embedded()
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{line(2031, "2031", "XOF", "100")}...)}
	_, err := Convert(b, tab, Options{To: "USD"})
	if err == nil || !strings.Contains(err.Error(), "XOF") || !strings.Contains(err.Error(), "2031") {
		t.Errorf("err = %v, want one naming XOF and 2031", err)
	}
}

// TestUserRatesWin: a rate from --rates replaces the embedded one.
func TestUserRatesWin(t *testing.T) {
	tab, _ := Embedded()
	u, err := tab.WithRates(strings.NewReader("currency,year,rate\nEUR,2020,0.8\n"), "my.csv")
	if err != nil {
		t.Fatal(err)
	}
	v, _ := u.PerUSD("EUR", 2020)
	if v.Text != "0.8" || !strings.Contains(v.Source, "my.csv") {
		t.Errorf("EUR 2020 = %+v", v)
	}
	y, err := tab.WithRates(strings.NewReader("EUR: {2020: 0.75}\n"), "my.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := y.PerUSD("EUR", 2020); v.Text != "0.75" {
		t.Errorf("yaml EUR 2020 = %+v", v)
	}
}
