package grid

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// hierRealDir is the shared folder of real public files, beside the module.
const hierRealDir = "../../../shared/data/real"

// hierCents parses a plain decimal ("-67.21", "146536.7", "1636071111",
// "5.25e+08") to hundredths, exactly; test-only.
func hierCents(s string) (budget.Money, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return budget.FromCents(0), false
	}
	exp := 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		if _, err := fmt.Sscanf(s[i+1:], "%d", &exp); err != nil {
			return budget.FromCents(0), false
		}
		s = s[:i]
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	digits := intPart + frac
	exp += 2 - len(frac) // value = digits × 10^(exp-2) units = digits × 10^exp cents
	var v int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return budget.FromCents(0), false
		}
		v = v*10 + int64(c-'0')
	}
	for ; exp > 0; exp-- {
		v *= 10
	}
	for ; exp < 0; exp++ {
		if v%10 != 0 {
			return budget.FromCents(0), false // more than two decimals: not needed by these files
		}
		v /= 10
	}
	if neg {
		v = -v
	}
	return budget.FromCents(v), true
}

func hierReadCSV(t *testing.T, dir, file string) [][]string {
	t.Helper()
	path := filepath.Join(hierRealDir, dir, file)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent: real-file test skipped", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestHierarchyOECDDAC2a reads the DAC2a recipient × donor matrix: 40 rows of
// aggregates (labels only) above 234 recipient rows. SOURCE.md: the column
// "DAC Countries, Total" sums to 830764.40 naively; the true total is
// 146536.70 (All Recipients), its leaves 146536.80 (0.10 of rounding).
func TestHierarchyOECDDAC2a(t *testing.T) {
	recs := hierReadCSV(t, "oecd-dac2a-2019-donor-recipient-matrix", "ODA-2019-DAC2a.csv")
	head, data := recs[0], recs[1:]
	column := func(j int) []HierarchyRow {
		rows := make([]HierarchyRow, len(data))
		for i, rec := range data {
			rows[i].Label = rec[0]
			if v, ok := hierCents(rec[j]); ok {
				rows[i].Amounts.Set(budget.Approved, v)
			}
		}
		return rows
	}
	opt := HierarchyOptions{Tolerance: HierarchyTolerance{LastDigit: budget.FromCents(1)}}
	dac := -1
	for j, h := range head {
		if h == "DAC Countries, Total" {
			dac = j
		}
	}
	res, err := Hierarchy(column(dac), opt)
	if err != nil {
		t.Fatal(err)
	}
	if got := approved(res.Naive); got != budget.FromCents(83076440) {
		t.Errorf("naive = %v, want 830764.40", got)
	}
	if got := approved(res.Leaves); got != budget.FromCents(14653680) {
		t.Errorf("leaves = %v, want 146536.80 (rows 40-273)", got)
	}
	if r := res.Rows[0]; r.Role != HierarchyGrandTotal || r.First != 40 || r.Last != 273 || res.Rounding[0] != budget.FromCents(10) {
		t.Errorf("row 0 = %+v, want the grand total of rows 40-273 with 0.10 of rounding", r)
	}
	aggregates := 0
	for _, r := range res.Rows[1:40] {
		if r.Role == HierarchyAggregate || r.Role == HierarchyNoAmount {
			aggregates++
		}
	}
	if aggregates != 39 {
		t.Errorf("%d of rows 1-39 read as aggregates, want 39", aggregates)
	}

	// Every donor column: where All Recipients has a value, the leaves must
	// come within the tolerance of it, or the column must say it is unresolved.
	resolved, silentWrong, noTotal := 0, 0, 0
	for j := 2; j < len(head); j++ {
		rows := column(j)
		gt, ok := rows[0].Amounts.Get(budget.Approved)
		if !ok {
			noTotal++
			continue
		}
		res, err := Hierarchy(rows, opt)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := approved(res.Leaves).Sub(gt)
		if d.Sign() < 0 {
			d = d.Abs()
		}
		switch {
		case res.Rows[0].Role == HierarchyGrandTotal && d.Cmp(opt.Tolerance.allowed(int(res.Rows[0].Last-res.Rows[0].First)+1)) <= 0:
			resolved++
		case res.Resolved():
			silentWrong++
			t.Logf("column %q: leaves %v, All Recipients %v", head[j], approved(res.Leaves), gt)
		}
	}
	t.Logf("DAC2a: %d of %d donor columns resolved to All Recipients within tolerance; %d have no All Recipients value; %d wrong without a warning; the others warn",
		resolved, len(head)-2, noTotal, silentWrong)
	if silentWrong > 0 {
		t.Errorf("%d columns read to a wrong total without an unresolved row to warn about", silentWrong)
	}
}

// TestHierarchyKenya reads the Kenyan programme budget (totals last: a
// programme code ending in 000 follows its sub-programmes), one vote and
// year at a time. SOURCE.md: in 806 (programme, year, vote) groups the total
// equals the sum of its sub-programmes within 2 KES; in 133 it does not.
func TestHierarchyKenya(t *testing.T) {
	recs := hierReadCSV(t, "kenya-programme-budget-2018-2022", "kenya_budget.csv")
	type key struct{ vote, year string }
	groups := map[key][]HierarchyRow{}
	var order []key
	for _, rec := range recs[1:] {
		k := key{rec[2], rec[3]}
		code, label, _ := strings.Cut(rec[0], " ")
		if len(code) < 7 || strings.Trim(code, "0123456789") != "" {
			code, label = "", rec[0]
		}
		r := HierarchyRow{Code: code, Label: label}
		if v, ok := hierCents(rec[1]); ok {
			r.Amounts.Set(budget.Approved, v)
		}
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	opt := HierarchyOptions{Tolerance: HierarchyTolerance{Absolute: budget.FromCents(200)}}
	var totals, unresolved, rows int
	var naive, leaves budget.Money
	for _, k := range order {
		res, err := Hierarchy(groups[k], opt)
		if err != nil {
			t.Fatal(err)
		}
		rows += len(groups[k])
		totals += res.Totals
		unresolved += len(res.Unresolved)
		naive, _ = budget.Add(naive, approved(res.Naive))
		leaves, _ = budget.Add(leaves, approved(res.Leaves))
	}
	t.Logf("Kenya: %d groups, %d rows: %d programme totals found, %d unresolved; naive %v, leaves %v KES",
		len(order), rows, totals, unresolved, naive, leaves)
	// Measured when written: 785 totals (684 programme subtotals and 101
	// programmes that total their whole vote-year group), 2 unresolved; the
	// 123 programme rows left as lines have no sub-programme row under them.
	// SOURCE.md's 806/133 split groups by programme and counts such lone
	// programmes as mismatches; it was not reconciled row by row.
	// Since the reader uses the detector, a row equal to the sum of the rest
	// of its group with no other evidence (no label, no code covering every
	// row, no structure) is listed as unresolved, not taken as its total:
	// 779 totals, 8 unresolved.
	if totals < 775 || unresolved > 10 {
		t.Errorf("%d programme totals, %d unresolved; want at least 775 and at most 10", totals, unresolved)
	}
}

// BenchmarkHierarchy runs the detector on a flattened tree of 100,000 rows.
func BenchmarkHierarchy(b *testing.B) {
	g := hierGen{unit: budget.FromCents(1), negative: true, zeros: true, rng: rand.New(rand.NewPCG(1, 2))}
	var rows []HierarchyRow
	id := 0
	for len(rows) < 100_000 {
		var gen []hierGenRow
		g.flatten(g.tree(0, 4), 0, true, &gen, &id)
		for _, r := range gen {
			rows = append(rows, r.row)
		}
	}
	rows = rows[:100_000]
	b.ResetTimer()
	for b.Loop() {
		if _, err := Hierarchy(rows, HierarchyOptions{Tolerance: HierarchyTolerance{LastDigit: budget.FromCents(1)}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHierarchyFlat is the worst case of the scan: 100,000 rows with no
// structure, so every row searches MaxFanout nodes.
func BenchmarkHierarchyFlat(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	rows := make([]HierarchyRow, 100_000)
	for i := range rows {
		rows[i] = hr("line", budget.FromCents(rng.Int64N(1_000_000_000)))
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Hierarchy(rows, HierarchyOptions{Tolerance: HierarchyTolerance{LastDigit: budget.FromCents(1)}}); err != nil {
			b.Fatal(err)
		}
	}
}
