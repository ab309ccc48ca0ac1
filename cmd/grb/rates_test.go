package main

import (
	"encoding/csv"
	"encoding/json"
	"math/big"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
)

const ebolaIATI = "../../../shared/data/real/iati-dportal-ebola-multipublisher/activities.xml"

// embeddedTable reads a table of budget/rates/data by hand: code,year →
// the decimal as written.
func embeddedTable(t *testing.T, name string) map[string]*big.Rat {
	t.Helper()
	f, err := os.Open("../../budget/rates/data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*big.Rat{}
	for _, rec := range recs[1:] {
		v, ok := new(big.Rat).SetString(rec[2])
		if !ok {
			t.Fatalf("%s: %q", name, rec[2])
		}
		out[rec[0]+","+rec[1]] = v
	}
	return out
}

// roundCents rounds r to the cent, halves away from zero.
func roundCents(r *big.Rat) *big.Rat {
	n := new(big.Int).Mul(new(big.Int).Abs(r.Num()), big.NewInt(100))
	q, rem := new(big.Int).QuoRem(n, r.Denom(), new(big.Int))
	if rem.Lsh(rem, 1).Cmp(r.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	return new(big.Rat).SetFrac(q, big.NewInt(100))
}

// endYear is the calendar year a line's fiscal year ends in, by hand.
func endYear(l budget.Line) int {
	if m := regexp.MustCompile(`/(\d{4})-`).FindStringSubmatch(l.YearLabel); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return l.Year
}

// TestAnalyzeToUSDMixedCurrencies: the Ebola IATI extract in nine
// currencies analysed with --to USD gives one total per phase, equal to
// the sum of every line converted by hand from the embedded IMF table
// (units per US dollar of the year the budget period ends in, then
// rounded to the cent).
func TestAnalyzeToUSDMixedCurrencies(t *testing.T) {
	if _, err := os.Stat(ebolaIATI); err != nil {
		t.Skip("real file absent:", ebolaIATI)
	}
	r := runGrb(t, []string{"grb", "analyze", "--to", "USD", "--format", "json", ebolaIATI})
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Shares struct {
			Total struct {
				ByPhase map[string]struct {
					Sum json.Number `json:"sum"`
				} `json:"by_phase"`
			} `json:"total"`
		} `json:"shares"`
		Decisions []budget.Decision `json:"decisions"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	b, err := input.ReadFile(ebolaIATI, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	imf := embeddedTable(t, "fx_imf.csv")
	want := map[string]*big.Rat{}
	currencies := map[string]bool{}
	for _, l := range b.Lines {
		currencies[l.Currency] = true
		rate := big.NewRat(1, 1)
		if l.Currency != "USD" {
			rate = imf[l.Currency+","+strconv.Itoa(endYear(l))]
			if rate == nil {
				t.Fatalf("no rate for %s %d in the embedded table", l.Currency, endYear(l))
			}
		}
		for _, p := range budget.Phases() {
			m, ok := l.Amounts.Get(p)
			if !ok {
				continue
			}
			usd := roundCents(new(big.Rat).Quo(m.Rat(), rate))
			if want[p.String()] == nil {
				want[p.String()] = new(big.Rat)
			}
			want[p.String()].Add(want[p.String()], usd)
		}
	}
	if len(currencies) != 9 {
		t.Errorf("the file has %d currencies, SOURCE.md says 9", len(currencies))
	}
	for p, w := range want {
		got, ok := new(big.Rat).SetString(string(out.Shares.Total.ByPhase[p].Sum))
		if !ok || got.Cmp(w) != 0 {
			t.Errorf("%s: total %s USD, by hand %s", p, out.Shares.Total.ByPhase[p].Sum, w.FloatString(2))
		}
	}
	found := false
	for _, d := range out.Decisions {
		if d.Topic == "currency" && strings.Contains(d.Evidence, "International Monetary Fund") && strings.Contains(d.Evidence, "2025 vintage") {
			found = true
		}
	}
	if !found {
		t.Errorf("no currency decision naming the IMF source and vintage in %+v", out.Decisions)
	}
}
