package main

import (
	"encoding/csv"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/internal/readertest"
)

// decimalSums sums the exact decimal text of column value of a csv file
// per key (math/big, independent of grb's parser); empty cells are
// skipped. scale multiplies every value.
func decimalSums(t *testing.T, path, value string, scale int64, key func(rec map[string]string) string) map[string]*big.Rat {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]*big.Rat{}
	for _, r := range recs[1:] {
		rec := map[string]string{}
		for i, h := range recs[0] {
			rec[h] = r[i]
		}
		if rec[value] == "" {
			continue
		}
		v, ok := new(big.Rat).SetString(rec[value])
		if !ok {
			t.Fatalf("%q is not a decimal", rec[value])
		}
		v.Mul(v, big.NewRat(scale, 1))
		k := key(rec)
		if sums[k] == nil {
			sums[k] = new(big.Rat)
		}
		sums[k].Add(sums[k], v)
	}
	return sums
}

// analyzeCSV runs grb with args and returns its csv output as records keyed
// by header.
func analyzeCSV(t *testing.T, args []string) []map[string]string {
	t.Helper()
	r := runGrb(t, args)
	if r.code != 0 {
		t.Fatalf("grb %s: exit %d, %s", strings.Join(args, " "), r.code, r.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

// checkExact compares each row's amount, printed by grb, with the exact sum
// of its key, and checks that every key was printed.
func checkExact(t *testing.T, rows []map[string]string, want map[string]*big.Rat, key func(row map[string]string) string) {
	t.Helper()
	seen := map[string]bool{}
	for _, row := range rows {
		k := key(row)
		if k == "" {
			continue // the total row
		}
		w, ok := want[k]
		if !ok {
			t.Errorf("%s: printed %s, not in the file", k, row["amount"])
			continue
		}
		seen[k] = true
		got, ok := new(big.Rat).SetString(row["amount"])
		if !ok || got.Cmp(w) != 0 {
			t.Errorf("%s: grb prints %s, the file's exact decimal sum is %s", k, row["amount"], w.FloatString(21))
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("%s: not printed", k)
		}
	}
}

// TestAnalyzeExactUKCRS is issue 11's first "done when": on the UK CRS
// gender file (amounts in GBP million with up to 9 decimals), grb analyze
// --by year,marker --format csv prints every year × marker sum exactly as
// the decimal sum of the file's cells.
func TestAnalyzeExactUKCRS(t *testing.T) {
	path := readertest.RealFile(t, "crs-uk-gender-one/UK_oda_CRS_gender.csv")
	markers := map[string]string{"0": "not_targeted", "1": "significant", "2": "principal", "": "not_screened"}
	want := decimalSums(t, path, "value", 1, func(rec map[string]string) string { return rec["year"] + " " + markers[rec["gender"]] })
	rows := analyzeCSV(t, []string{"grb", "analyze", path, "--by", "year,marker", "--format", "csv"})
	checkExact(t, rows, want, func(row map[string]string) string {
		if row["year"] == "" {
			return ""
		}
		return row["year"] + " " + row["marker"]
	})
	if w := want["2013 principal"]; w.FloatString(9) != "506.551191581" {
		t.Errorf("2013 principal: the file sums to %s, SOURCE.md says 506.551191581", w.FloatString(9))
	}
}

// TestAnalyzeExactOneHealth: USD millions with 5 to 20 decimals (float
// artefacts such as 0.21755999999999998); read in millions, every value
// keeps every digit, so grb's totals per year are the exact decimal sums
// that SOURCE.md gives (2019: 21703.455769999999986388756 million).
func TestAnalyzeExactOneHealth(t *testing.T) {
	path := readertest.RealFile(t, "one-health-oda-crs-2019-2023/bi_plus_multi_health_spending_multiple_donors.csv")
	want := decimalSums(t, path, "Health ODA", 1_000_000, func(rec map[string]string) string { return rec["year"] })
	if w := want["2019"]; w.FloatString(15) != "21703455769.999999986388756" {
		t.Errorf("2019: the file sums to %s million, SOURCE.md says 21703.455769999999986388756", w.FloatString(15))
	}
	rows := analyzeCSV(t, []string{"grb", "analyze", path, "--column", "approved=Health ODA", "--column", "year=year", "--column", "description=donor_name",
		"--currency", "USD", "--decimal", "point", "--scale", "millions", "--by", "year", "--format", "csv"})
	checkExact(t, rows, want, func(row map[string]string) string { return row["year"] })
}

// TestPrecisionLostOneHealth: read in units (no --scale), the artefacts
// with 19 and 20 decimals do not fit Money's 18: grb says so, once for the
// column, with the count and the exact effect on the total, and that
// effect is exactly the total it prints minus the file's exact sum.
func TestPrecisionLostOneHealth(t *testing.T) {
	path := readertest.RealFile(t, "one-health-oda-crs-2019-2023/bi_plus_multi_health_spending_multiple_donors.csv")
	args := []string{path, "--column", "approved=Health ODA", "--column", "year=year", "--column", "description=donor_name", "--currency", "USD", "--decimal", "point"}
	r := runGrb(t, append([]string{"grb", "validate"}, args...))
	const prefix = `warning [precision-lost] 830 values in column "Health ODA" have more than 18 decimals once scaled: rounded to 18 decimals (halves to even), which changes the column's total by `
	i := strings.Index(r.stdout+r.stderr, prefix)
	if i < 0 || strings.Count(r.stdout+r.stderr, "[precision-lost]") != 1 {
		t.Fatalf("want one precision-lost warning starting %q; got:\n%s%s", prefix, r.stdout, r.stderr)
	}
	effect, _, _ := strings.Cut((r.stdout + r.stderr)[i+len(prefix):], " ")
	rows := analyzeCSV(t, append(append([]string{"grb", "analyze"}, args...), "--format", "csv"))
	total := rows[len(rows)-1]["amount"]
	exact := new(big.Rat)
	for _, v := range decimalSums(t, path, "Health ODA", 1, func(map[string]string) string { return "all" }) {
		exact.Add(exact, v)
	}
	read, ok1 := new(big.Rat).SetString(total)
	e, ok2 := new(big.Rat).SetString(effect)
	if !ok1 || !ok2 || new(big.Rat).Sub(read, exact).Cmp(e) != 0 {
		t.Errorf("total as read %s, exact %s, effect %s: read − exact ≠ effect", total, exact.FloatString(22), effect)
	}
}
