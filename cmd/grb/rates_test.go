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
	"github.com/grb-toolkit/grb/budget/rates"
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
	for _, l := range b.Lines.All() {
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

// TestValidateConvertIssues: validate --to --format json lists the
// conversion's problems as issues with their code, file, currency and
// year, and exits 1.
func TestValidateConvertIssues(t *testing.T) {
	dir := t.TempDir()
	name := dir + "/aid.csv"
	csv := "Fiscal year,Ministry,Line description,Approved,Currency\n2031,Interior,Shelters,100,XOF\n2020,Labour,Skills,300,EUR\n2020,Labour,Inspections,300,\n"
	if err := os.WriteFile(name, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runGrb(t, []string{"grb", "validate", name, "--to", "EUR", "--format", "json"})
	if r.code != 1 {
		t.Fatalf("exit %d, want 1: %s", r.code, r.stderr)
	}
	var out struct {
		Errors int `json:"errors"`
		Issues []struct {
			Code     string `json:"code"`
			Severity string `json:"severity"`
			Currency string `json:"currency"`
			Year     int    `json:"year"`
			Position struct {
				File string `json:"file"`
				Row  int    `json:"row"`
			} `json:"position"`
		} `json:"issues"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	type issue struct {
		code, cur string
		year, row int
	}
	var got []issue
	for _, is := range out.Issues {
		if is.Severity != "error" || is.Position.File != name {
			t.Errorf("issue %+v: want an error of %s", is, name)
		}
		got = append(got, issue{is.Code, is.Currency, is.Year, is.Position.Row})
	}
	want := []issue{{"rate-missing", "XOF", 2031, 2}, {"currency-missing", "", 2020, 4}}
	if out.Errors != 2 || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("errors %d, issues %+v; want %+v", out.Errors, got, want)
	}
}

// TestRateSourceFlag: --rate-source imf is named, with its vintage, in
// the currency decision of analyze --format json; imf alone has no 2025
// rates, which the World Bank's table gives by default.
func TestRateSourceFlag(t *testing.T) {
	dir := t.TempDir()
	name := dir + "/b.csv"
	if err := os.WriteFile(name, []byte("Fiscal year,Line description,Approved,Currency\n2020,A,100,EUR\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runGrb(t, []string{"grb", "analyze", name, "--to", "USD", "--rate-source", "imf", "--format", "json"})
	if r.code != 0 || !strings.Contains(r.stdout, "rate source imf: IMF IFS annual average rates") || !strings.Contains(r.stdout, "November 2025 vintage") {
		t.Errorf("exit %d; stdout lacks the rate source: %s %s", r.code, r.stdout, r.stderr)
	}
	if err := os.WriteFile(name, []byte("Fiscal year,Line description,Approved,Currency\n2025,A,100,EUR\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runGrb(t, []string{"grb", "analyze", name, "--to", "USD"}); r.code != 0 {
		t.Errorf("imf+wb, EUR 2025: exit %d: %s", r.code, r.stderr)
	}
	if r := runGrb(t, []string{"grb", "analyze", name, "--to", "USD", "--rate-source", "imf"}); r.code != 1 || !strings.Contains(r.stderr, "[rate-missing]") || !strings.Contains(r.stderr, "rate source imf ") {
		t.Errorf("imf, EUR 2025: exit %d: %s", r.code, r.stderr)
	}
}

// TestREADMEConversionCodes: every issue code of a conversion is in
// README's table of them.
func TestREADMEConversionCodes(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{rates.CodeRateMissing, rates.CodeCurrencyUnknown, rates.CodeCurrencyMissing, rates.CodeYearMissing, rates.CodeFiscalYearInvalid, rates.CodeDeflatorMissing, rates.CodeConvertOverflow} {
		if !strings.Contains(string(data), "| `"+code+"` |") {
			t.Errorf("README has no row for the issue code %s", code)
		}
	}
}
