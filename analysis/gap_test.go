package analysis

import (
	"bytes"
	"math"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
	"github.com/grb-toolkit/grb/templates"
)

// pm is an amount of one phase, for building test lines.
type pm struct {
	p budget.Phase
	m budget.Money
}

func appr(m budget.Money) pm  { return pm{budget.Approved, m} }
func revd(m budget.Money) pm  { return pm{budget.Revised, m} }
func spent(m budget.Money) pm { return pm{budget.Executed, m} }

// gapLine builds a USD line of unit at level lv with the given amounts
// (cents) and objectives.
func gapLine(unit string, lv budget.Level, amounts []pm, objs ...budget.ObjectiveShare) budget.Line {
	var l budget.Line
	l.Unit = budget.NewCode(unit, l.Unit.Name())
	l.Currency = "USD"
	l.Gender.Level = lv
	for _, a := range amounts {
		l.Amounts.Set(a.p, a.m)
	}
	l.Objectives = objs
	return l
}

func ams(a ...pm) []pm { return a }

func close9(got, want float64) bool { return scalar.EqualWithinAbsOrRel(got, want, 1e-9, 1e-9) }

// checkFloat reports a Float that is undefined or differs from want.
func checkFloat(t *testing.T, what string, got Float, want float64) {
	t.Helper()
	if !got.OK || !close9(got.V, want) {
		t.Errorf("%s = %v (ok %v), want %v", what, got.V, got.OK, want)
	}
}

func checkUndefined(t *testing.T, what string, got Float) {
	t.Helper()
	if got.OK {
		t.Errorf("%s = %v, want undefined", what, got.V)
	}
}

func mustGaps(t *testing.T, b *budget.Budget, opt GapOptions) *GapResult {
	t.Helper()
	r, err := Gaps(b, opt)
	if err != nil {
		t.Fatalf("Gaps: %v", err)
	}
	return r
}

func TestTargetGap(t *testing.T) {
	// Approved, in cents: principal 600.00, significant 1000.00, not
	// targeted 2400.00, not screened 1000.00. Total T = 5000.00.
	//   principal_only G =  600.00 → 12 %; t = 15 %: gap −3 points,
	//     needed 0.15 × 5000.00 − 600.00 = 150.00.
	//   dac_headline   G = 1600.00 → 32 %: +17 points, met.
	//   eu_100_40_0    G = 600.00 + 40 % × 1000.00 = 1000.00 → 20 %.
	//     With t = 0.2 the target is met exactly: 0.2 is taken as the
	//     decimal 0.2, not the binary fraction above it (which would ask
	//     for one more cent).
	four := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		gapLine("A", budget.Principal, ams(appr(budget.FromCents(60000)))),
		gapLine("A", budget.Significant, ams(appr(budget.FromCents(100000)))),
		gapLine("A", budget.NotTargeted, ams(appr(budget.FromCents(240000)))),
		gapLine("A", budget.NotScreened, ams(appr(budget.FromCents(100000)))),
	}...)}
	// Principal 1.00 of 3.33: share 100/333 = 0.3003003; t = 0.5 needs
	// 0.5 × 333 − 100 = 66.5 cents, rounded up to 67.
	odd := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		gapLine("A", budget.Principal, ams(appr(budget.FromCents(100)))),
		gapLine("A", budget.NotTargeted, ams(appr(budget.FromCents(233)))),
	}...)}
	// No approved amount anywhere: the share is undefined.
	empty := &budget.Budget{Lines: budget.LinesOf([]budget.Line{gapLine("A", budget.Principal, ams(spent(budget.FromCents(100))))}...)}

	tests := []struct {
		name      string
		b         *budget.Budget
		opt       GapOptions
		weighting string
		share     Ratio
		gap       float64 // NaN: undefined
		met       bool
		needed    budget.Money
	}{
		{"default principal_only", four, GapOptions{Target: 0.15}, "principal_only", Ratio{budget.FromCents(60000), budget.FromCents(500000)}, -3, false, budget.FromCents(15000)},
		{"dac_headline", four, GapOptions{Target: 0.15, TargetWeighting: DACHeadline}, "dac_headline", Ratio{budget.FromCents(160000), budget.FromCents(500000)}, 17, true, budget.FromCents(0)},
		{"eu met exactly", four, GapOptions{Target: 0.2, TargetWeighting: EU100400}, "eu_100_40_0", Ratio{budget.FromCents(100000), budget.FromCents(500000)}, 0, true, budget.FromCents(0)},
		{"eu below", four, GapOptions{Target: 0.25, TargetWeighting: EU100400}, "eu_100_40_0", Ratio{budget.FromCents(100000), budget.FromCents(500000)}, -5, false, budget.FromCents(25000)},
		{"rounded up to the cent", odd, GapOptions{Target: 0.5}, "principal_only", Ratio{budget.FromCents(100), budget.FromCents(333)}, (100.0/333 - 0.5) * 100, false, budget.FromCents(67)},
		{"no total", empty, GapOptions{Target: 0.15}, "principal_only", Ratio{budget.FromCents(0), budget.FromCents(0)}, math.NaN(), false, budget.FromCents(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustGaps(t, tt.b, tt.opt)
			g := r.Target
			if g == nil {
				t.Fatal("Target is nil")
			}
			if g.Weighting != tt.weighting || g.Share != tt.share || g.Met != tt.met || g.Needed != tt.needed || g.Target != tt.opt.Target {
				t.Errorf("Gaps(%s) target = %+v, want weighting %s share %v met %v needed %s", tt.name, *g, tt.weighting, tt.share, tt.met, tt.needed)
			}
			if math.IsNaN(tt.gap) {
				checkUndefined(t, "gap", g.Gap)
			} else {
				checkFloat(t, "gap", g.Gap, tt.gap)
			}
			// The GEWE money is the Shares total under the same convention.
			w, _ := LookupWeighting(tt.weighting)
			s, _ := Shares(tt.b, Options{Weighting: w})
			if s.Total.GEWE != g.Share.Num || s.Total.Amount != g.Share.Den {
				t.Errorf("share %v, Shares gives %s of %s", g.Share, s.Total.GEWE, s.Total.Amount)
			}
		})
	}
	if r := mustGaps(t, four, GapOptions{}); r.Target != nil {
		t.Errorf("no target given, Target = %+v, want nil", *r.Target)
	}
}

func TestBand(t *testing.T) {
	// Executed e against budget d in cents; the boundaries are inclusive
	// and exact (0.95 in floating point is 0.050000000000000044 from 1).
	tests := []struct {
		e, d budget.Money
		want string
	}{
		{budget.FromCents(95), budget.FromCents(100), "A"}, {budget.FromCents(105), budget.FromCents(100), "A"}, {budget.FromCents(100), budget.FromCents(100), "A"},
		{budget.FromCents(9499), budget.FromCents(10000), "B"}, {budget.FromCents(90), budget.FromCents(100), "B"}, {budget.FromCents(110), budget.FromCents(100), "B"},
		{budget.FromCents(8999), budget.FromCents(10000), "C"}, {budget.FromCents(85), budget.FromCents(100), "C"}, {budget.FromCents(115), budget.FromCents(100), "C"},
		{budget.FromCents(8499), budget.FromCents(10000), "D"}, {budget.FromCents(11501), budget.FromCents(10000), "D"}, {budget.FromCents(0), budget.FromCents(100), "D"}, {budget.FromCents(-5), budget.FromCents(100), "D"},
		{budget.FromCents(100), budget.FromCents(0), ""}, {budget.FromCents(5), budget.FromCents(-10), ""},
		{budget.FromCents(math.MaxInt64), budget.FromCents(math.MaxInt64), "A"}, {budget.FromCents(math.MinInt64), budget.FromCents(math.MaxInt64), "D"},
	}
	for _, tt := range tests {
		if got := band(tt.e, tt.d); got != tt.want {
			t.Errorf("band(%s, %s) = %q, want %q", tt.e, tt.d, got, tt.want)
		}
	}
}

// executionBudget is the budget of TestExecutionGap.
func executionBudget() *budget.Budget {
	P, S, N, U := budget.Principal, budget.Significant, budget.NotTargeted, budget.NotScreened
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		gapLine("10", P, ams(appr(budget.FromCents(10000)), spent(budget.FromCents(9500)))),                                 // 1
		gapLine("10", S, ams(appr(budget.FromCents(20000)), revd(budget.FromCents(15000)), spent(budget.FromCents(12000)))), // 2: against revised
		gapLine("10", N, ams(appr(budget.FromCents(30000)), spent(budget.FromCents(33000)))),                                // 3
		gapLine("10", U, ams(appr(budget.FromCents(10000)), spent(budget.FromCents(5000)))),                                 // 4
		gapLine("20", P, ams(appr(budget.FromCents(40000)), revd(budget.FromCents(50000)), spent(budget.FromCents(50000)))), // 5: against revised
		gapLine("20", N, ams(revd(budget.FromCents(-2000)), spent(budget.FromCents(0)))),                                    // 6: a cut as its own line
		gapLine("20", N, ams(appr(budget.FromCents(20000)), spent(budget.FromCents(18000)))),                                // 7
		gapLine("20", S, ams(appr(budget.FromCents(5000)))),                                                                 // 8: no executed amount
		gapLine("20", P, ams(spent(budget.FromCents(1000)))),                                                                // 9: no budget
		gapLine("", S, ams(appr(budget.FromCents(10000)), spent(budget.FromCents(10000)))),                                  // 10: no unit
	}...)}
	l1 := b.Lines.At(1)
	l1.GEWE = &budget.Amounts{}
	l1.GEWE.Set(budget.Approved, budget.FromCents(5000))
	b.Lines.Set(1, l1)
	l3 := b.Lines.At(3)
	l3.GEWE = &budget.Amounts{}
	l3.GEWE.Set(budget.Approved, budget.FromCents(2000))
	b.Lines.Set(3, l3)
	return b
}

func TestExecutionGap(t *testing.T) {
	// Lines (unit, level, approved A, revised R, executed E), amounts in
	// currency units; the budget B of a line is R if given, else A:
	//   1  10 principal    A 100        E  95    B 100
	//   2  10 significant  A 200 R 150  E 120    B 150 (revised)
	//   3  10 not targeted A 300        E 330    B 300
	//   4  10 not screened A 100        E  50    B 100
	//   5  20 principal    A 400 R 500  E 500    B 500 (revised)
	//   6  20 not targeted      R −20   E   0    B −20 (a cut; revised)
	//   7  20 not targeted A 200        E 180    B 200
	//   8  20 significant  A  50                 excluded: no executed
	//   9  20 principal             E  10    excluded: no budget
	//  10  –  significant  A 100        E 100    B 100
	// dac_headline, whole budget:
	//   GEWE  1,2,5,10: E 815 / B 850 = 0.958824 (−4.1 %) A, 2 revised
	//   other 3,6,7:    E 510 / B 480 = 1.0625   (+6.25 %) B, 1 revised
	//   not screened 4: E  50 / B 100 = 0.5       D
	//   all:            E 1375 / B 1430 = 0.961538 A, 3 revised
	//   gap = (815/850 − 510/480) × 100 = −10.367647 points
	// Unit 10: GEWE 215/250 = 0.86 C; other 330/300 = 1.1 B (exactly
	// 10 %); gap −24 points. Unit 20: GEWE 500/500 A; other 180/180 A;
	// gap 0. No unit: GEWE 100/100 A; no other lines: gap undefined.
	// principal_only: GEWE 1,5: 595/600; other 2,3,6,7,10: 730/730; gap
	// (595/600 − 1) × 100 = −0.833333.
	// attributed: lines 2 and 4 declare GEWE amounts: GEWE 2,4: 170/250
	// = 0.68 D; not screened: none; other 1,3,5,6,7,10: 1205/1180; gap
	// (0.68 − 1205/1180) × 100 = −34.118644.
	b := executionBudget()
	r := mustGaps(t, b, GapOptions{})
	ex := r.Execution
	ex2 := func(lines, revised int, e, d budget.Money, band string) Execution {
		return Execution{Lines: lines, Revised: revised, Rate: Ratio{e, d}, Band: band}
	}
	want := ExecutionGap{
		Weighting: "dac_headline",
		Total: ExecutionRow{Label: "All units",
			All:  ex2(8, 3, budget.FromCents(137500), budget.FromCents(143000), "A"),
			GEWE: ex2(4, 2, budget.FromCents(81500), budget.FromCents(85000), "A"), Other: ex2(3, 1, budget.FromCents(51000), budget.FromCents(48000), "B"), NotScreened: ex2(1, 0, budget.FromCents(5000), budget.FromCents(10000), "D"),
			Gap: Float{(81500.0/85000 - 51000.0/48000) * 100, true}},
		Units: []ExecutionRow{
			{Unit: "10", Label: "10", All: ex2(4, 1, budget.FromCents(59500), budget.FromCents(65000), "B"),
				GEWE: ex2(2, 1, budget.FromCents(21500), budget.FromCents(25000), "C"), Other: ex2(1, 0, budget.FromCents(33000), budget.FromCents(30000), "B"), NotScreened: ex2(1, 0, budget.FromCents(5000), budget.FromCents(10000), "D"),
				Gap: Float{(0.86 - 1.1) * 100, true}},
			{Unit: "20", Label: "20", All: ex2(3, 2, budget.FromCents(68000), budget.FromCents(68000), "A"),
				GEWE: ex2(1, 1, budget.FromCents(50000), budget.FromCents(50000), "A"), Other: ex2(2, 1, budget.FromCents(18000), budget.FromCents(18000), "A"), NotScreened: ex2(0, 0, budget.FromCents(0), budget.FromCents(0), ""),
				Gap: Float{0, true}},
			{Unit: "", Label: "No unit", All: ex2(1, 0, budget.FromCents(10000), budget.FromCents(10000), "A"),
				GEWE: ex2(1, 0, budget.FromCents(10000), budget.FromCents(10000), "A"), Other: ex2(0, 0, budget.FromCents(0), budget.FromCents(0), ""), NotScreened: ex2(0, 0, budget.FromCents(0), budget.FromCents(0), "")},
		},
		Excluded: []Exclusion{{ExclusionNoExecuted, 1}, {ExclusionNoBudget, 1}},
	}
	approx := cmp.Comparer(func(a, b Float) bool { return a.OK == b.OK && close9(a.V, b.V) })
	if d := cmp.Diff(want, ex, approx); d != "" {
		t.Errorf("Gaps execution (-want +got):\n%s", d)
	}
	checkFloat(t, "total gap", ex.Total.Gap, -10.367647058823525)

	r = mustGaps(t, b, GapOptions{Weighting: PrincipalOnly})
	if g, o := r.Execution.Total.GEWE, r.Execution.Total.Other; g.Rate != (Ratio{budget.FromCents(59500), budget.FromCents(60000)}) || o.Rate != (Ratio{budget.FromCents(73000), budget.FromCents(73000)}) {
		t.Errorf("principal_only: GEWE %v other %v, want 595/600 and 730/730", g.Rate, o.Rate)
	}
	checkFloat(t, "principal_only gap", r.Execution.Total.Gap, -0.8333333333333304)

	r = mustGaps(t, b, GapOptions{Weighting: Attributed})
	tot := r.Execution.Total
	if tot.GEWE.Rate != (Ratio{budget.FromCents(17000), budget.FromCents(25000)}) || tot.GEWE.Band != "D" || tot.NotScreened.Lines != 0 || tot.Other.Rate != (Ratio{budget.FromCents(120500), budget.FromCents(118000)}) {
		t.Errorf("attributed: GEWE %+v not screened %+v other %+v", tot.GEWE, tot.NotScreened, tot.Other)
	}
	checkFloat(t, "attributed gap", tot.Gap, -34.1186440677966)
}

func TestBeneficiaryGap(t *testing.T) {
	// Lines (approved amount; women, men, girls, boys, other; "-" absent):
	//   1  1000.00  30 10 10  0 -   F 40 M 10 N 50: F money 800, M 200
	//   2   600.00  20 20  -  - -   partial; F 20 M 20 N 40: 300 and 300
	//   3   500.00   0  0  0  0 10  F 0 M 0 N 10: other money 500
	//   4   (executed only) 100 0 0 0: counted, no money in the phase
	//   5   400.00   0  0  0  0 -   N 0: counted, no money share
	//   6   999.00  no counts: excluded
	//   7   100.00  women −1: excluded
	// Counts over 1–5: women 150, men 30, girls 10, boys 0, other 10;
	// female 160, male 30, total 200; female share 0.8; with a reference
	// of 0.48 the gap is +32 points.
	// Money over 1–3: female 1100 for 60 women and girls = 18.333333
	// each; male 500 for 30 = 16.666667; ratio 1.1; other 500.
	c := func(n int64) budget.Count { return budget.Count{N: n, OK: true} }
	none := budget.Count{}
	withBen := func(l budget.Line, w, m, g, b, o budget.Count) budget.Line {
		l.Beneficiaries = &budget.Beneficiaries{Women: w, Men: m, Girls: g, Boys: b, Other: o}
		return l
	}
	lv := budget.Significant
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		withBen(gapLine("A", lv, ams(appr(budget.FromCents(100000)))), c(30), c(10), c(10), c(0), none),
		withBen(gapLine("A", lv, ams(appr(budget.FromCents(60000)))), c(20), c(20), none, none, none),
		withBen(gapLine("A", lv, ams(appr(budget.FromCents(50000)))), c(0), c(0), c(0), c(0), c(10)),
		withBen(gapLine("A", lv, ams(spent(budget.FromCents(50000)))), c(100), c(0), c(0), c(0), none),
		withBen(gapLine("A", lv, ams(appr(budget.FromCents(40000)))), c(0), c(0), c(0), c(0), none),
		gapLine("A", lv, ams(appr(budget.FromCents(99900)))),
		withBen(gapLine("A", lv, ams(appr(budget.FromCents(10000)))), c(-1), c(5), none, none, none),
	}...)}
	r := mustGaps(t, b, GapOptions{ReferenceWomenShare: 0.48})
	g := r.Beneficiaries
	want := BeneficiaryGap{
		Lines: 5, Partial: 1,
		Excluded: []Exclusion{{ExclusionNoCounts, 1}, {ExclusionNegativeCount, 1}},
		Women:    150, Men: 30, Girls: 10, Boys: 0, Other: 10,
		Female: 160, Male: 30, Total: 200,
		FemaleShare: Float{0.8, true}, Reference: 0.48, Gap: Float{32, true},
		MoneyLines: 3, FemaleFunded: 60, MaleFunded: 30,
		FemaleMoney: 1100, MaleMoney: 500, OtherMoney: 500,
		PerFemale: Float{1100.0 / 60, true}, PerMale: Float{500.0 / 30, true}, FemaleToMale: Float{1.1, true},
	}
	approx := cmp.Options{
		cmp.Comparer(func(a, b Float) bool { return a.OK == b.OK && close9(a.V, b.V) }),
		cmp.Comparer(func(a, b float64) bool { return close9(a, b) }),
	}
	if d := cmp.Diff(want, g, approx); d != "" {
		t.Errorf("Gaps beneficiaries (-want +got):\n%s", d)
	}
	// Without a reference there is no gap.
	if g := mustGaps(t, b, GapOptions{}).Beneficiaries; g.Gap.OK || g.Reference != 0 {
		t.Errorf("no reference: gap %v, reference %v", g.Gap, g.Reference)
	}
}

// objectivesBudget has split lines, a not-screened line, an untagged
// line and a negative adjustment.
func objectivesBudget() *budget.Budget {
	P, S, N, U := budget.Principal, budget.Significant, budget.NotTargeted, budget.NotScreened
	o := func(n, bp int) budget.ObjectiveShare { return budget.ObjectiveShare{Objective: n, Share: bp} }
	return &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		gapLine("A", P, ams(appr(budget.FromCents(10000))), o(7, 10000)),
		gapLine("A", S, ams(appr(budget.FromCents(5000))), o(7, 6000), o(16, 4000)),
		gapLine("A", N, ams(appr(budget.FromCents(3001))), o(3, 5000), o(7, 5000)),
		gapLine("A", U, ams(appr(budget.FromCents(2000))), o(5, 10000)),
		gapLine("A", P, ams(appr(budget.FromCents(4000)))),
		gapLine("A", S, ams(appr(budget.FromCents(-1000))), o(2, 10000)),
		gapLine("A", N, ams(appr(budget.FromCents(500))), o(2, 10000)),
	}...)}
}

func TestBlindSpotsAndConcentration(t *testing.T) {
	// Approved, split lines apportioned by the largest remainder:
	//   100.00 principal     7
	//    50.00 significant   7 (60 %) → 30.00, 16 (40 %) → 20.00
	//    30.01 not targeted  3, 7 equally → 15.01 to 3, 15.00 to 7
	//    20.00 not screened  5
	//    40.00 principal     no objective
	//   −10.00 significant   2 (a cut)
	//     5.00 not targeted  2
	// Objective amounts: 2: −5.00, 3: 15.01, 5: 20.00, 7: 145.00, 16: 20.00.
	// dac_headline GEWE: 2: −10.00, 7: 130.00, 16: 20.00; 3 and 5 none.
	//   Blind spots (amount > 0, GEWE ≤ 0): 3 and 5 (5 all not screened).
	//   No budget: the 20 other objectives of 0–23, 2 among them (−5.00).
	//   Concentration over 7 and 16: p = 13/15, 2/15; HHI = 173/225 =
	//   0.768889; H = 0.392674; ÷ ln 2 = 0.566510; effective 225/173 =
	//   1.300578; objective 2 left out as negative (−10.00).
	// principal_only: GEWE only on 7 (100.00): n = 1, HHI 1, entropy 0;
	//   blind spots 3, 5, 16; 2 has no positive amount.
	// eu_100_40_0: 7: 100.00 + 40 % × 30.00 = 112.00; 16: 8.00; 2: −4.00.
	//   p = 112/120, 8/120: HHI = 12608/14400 = 0.875556; entropy
	//   0.244930 ÷ ln 2 = 0.353359.
	// attributed: no line declares GEWE money: n = 0, all undefined.
	b := objectivesBudget()
	type conc struct {
		n, neg         int
		negGEWE        budget.Money
		hhi, ent, eff  float64 // NaN: undefined
		objs           []int
		noGEWE, budget int
	}
	nan := math.NaN()
	tests := []struct {
		w      Weighting
		noGEWE []int
		c      conc
	}{
		{DACHeadline, []int{3, 5}, conc{n: 2, neg: 1, negGEWE: budget.FromCents(-1000), hhi: 173.0 / 225, ent: 0.5665095065529053, eff: 225.0 / 173, objs: []int{7, 16}}},
		{PrincipalOnly, []int{3, 5, 16}, conc{n: 1, hhi: 1, ent: 0, eff: 1, objs: []int{7}}},
		{EU100400, []int{3, 5}, conc{n: 2, neg: 1, negGEWE: budget.FromCents(-400), hhi: 12608.0 / 14400, ent: 0.3533593350214213, eff: 14400.0 / 12608, objs: []int{7, 16}}},
		{Attributed, []int{3, 5, 7, 16}, conc{n: 0, hhi: nan, ent: nan, eff: nan}},
	}
	for _, tt := range tests {
		t.Run(tt.w.Name, func(t *testing.T) {
			r := mustGaps(t, b, GapOptions{Weighting: tt.w})
			bs := r.BlindSpots
			var got []int
			for _, o := range bs.NoGEWE {
				got = append(got, o.Objective)
			}
			if !cmp.Equal(got, tt.noGEWE) {
				t.Errorf("blind spots %v, want %v", got, tt.noGEWE)
			}
			if len(bs.NoBudget) != 20 || bs.Untagged != budget.FromCents(4000) || bs.UntaggedLines != 1 {
				t.Errorf("no budget %d objectives, untagged %s on %d lines; want 20, 40.00, 1", len(bs.NoBudget), bs.Untagged, bs.UntaggedLines)
			}
			for _, o := range bs.NoBudget {
				if o.Objective == 2 && o.Amount != budget.FromCents(-500) {
					t.Errorf("objective 2 amount %s, want -5.00", o.Amount)
				}
			}
			if tt.w.Name == "dac_headline" {
				o3, _ := budget.ObjectiveByNumber(3)
				o5, _ := budget.ObjectiveByNumber(5)
				want := []ObjectiveMoney{
					{Objective: 3, Label: o3.Short, Lines: 1, Amount: budget.FromCents(1501)},
					{Objective: 5, Label: o5.Short, Lines: 1, Amount: budget.FromCents(2000), NotScreened: budget.FromCents(2000)},
				}
				if d := cmp.Diff(want, bs.NoGEWE); d != "" {
					t.Errorf("blind spots (-want +got):\n%s", d)
				}
			}

			c := r.Concentration
			var objs []int
			var ps []float64
			for _, o := range c.Objectives {
				objs = append(objs, o.Objective)
				ps = append(ps, o.Share)
			}
			if c.N != tt.c.n || c.Negative != tt.c.neg || c.NegativeGEWE != tt.c.negGEWE || !cmp.Equal(objs, tt.c.objs) {
				t.Errorf("concentration n %d negative %d (%s) objectives %v; want %d, %d (%s), %v", c.N, c.Negative, c.NegativeGEWE, objs, tt.c.n, tt.c.neg, tt.c.negGEWE, tt.c.objs)
			}
			for _, f := range []struct {
				name string
				got  Float
				want float64
			}{{"HHI", c.HHI, tt.c.hhi}, {"entropy", c.Entropy, tt.c.ent}, {"effective", c.Effective, tt.c.eff}} {
				if math.IsNaN(f.want) {
					checkUndefined(t, f.name, f.got)
				} else {
					checkFloat(t, f.name, f.got, f.want)
				}
			}
			if c.N > 0 && !close9(floats.Sum(ps), 1) {
				t.Errorf("shares sum to %v", floats.Sum(ps))
			}
		})
	}
}

func TestChange(t *testing.T) {
	// Approved, dac_headline:
	//   2022: principal 100.00 + not targeted 300.00 → total 400, GEWE 100
	//   2023: principal 150.00 + not targeted 350.00 → total 500, GEWE 150
	//   2024: principal 120.00 + not targeted 480.00 → total 600, GEWE 120
	//   2026: principal 200.00 (2025 missing: no change 2024 → 2026)
	//   no year: principal 50.00, left out
	// Deflators 2022: 100, 2023: 110, 2024: 121; base = 2024, the latest
	// year with money and an index. Real, in 2024 prices:
	//   2022: 400 × 121/100 = 484.00, GEWE 121.00
	//   2023: 500 × 121/110 = 550.00, GEWE 165.00
	//   2024: 600.00, GEWE 120.00
	// Changes:
	//   2022→2023 total +100 (+25 %), GEWE +50 (+50 %), share 25 → 30 %:
	//     +5 points; real total +66 (66/484), GEWE +44 (44/121)
	//   2023→2024 total +100 (+20 %), GEWE −30 (−20 %), share 30 → 20 %:
	//     −10 points; real total +50 (50/550), GEWE −45 (−45/165)
	yl := func(y int, lv budget.Level, m budget.Money) budget.Line {
		l := gapLine("A", lv, ams(appr(m)))
		l.Year = y
		return l
	}
	P, N := budget.Principal, budget.NotTargeted
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		yl(2023, P, budget.FromCents(15000)), yl(2022, P, budget.FromCents(10000)), yl(2022, N, budget.FromCents(30000)), yl(2023, N, budget.FromCents(35000)),
		yl(2024, P, budget.FromCents(12000)), yl(2024, N, budget.FromCents(48000)), yl(2026, P, budget.FromCents(20000)), yl(0, P, budget.FromCents(5000)),
	}...)}
	r := mustGaps(t, b, GapOptions{Deflators: map[int]float64{2022: 100, 2023: 110, 2024: 121}})
	c := r.Change
	f := func(v float64) Float { return Float{v, true} }
	want := Change{
		Weighting: "dac_headline",
		NoYear:    1,
		RealBase:  2024,
		Years: []YearAmounts{
			{Year: 2022, Lines: 2, Present: 2, Total: budget.FromCents(40000), GEWE: budget.FromCents(10000), Share: Ratio{budget.FromCents(10000), budget.FromCents(40000)}, Real: true, RealTotal: budget.FromCents(48400), RealGEWE: budget.FromCents(12100)},
			{Year: 2023, Lines: 2, Present: 2, Total: budget.FromCents(50000), GEWE: budget.FromCents(15000), Share: Ratio{budget.FromCents(15000), budget.FromCents(50000)}, Real: true, RealTotal: budget.FromCents(55000), RealGEWE: budget.FromCents(16500)},
			{Year: 2024, Lines: 2, Present: 2, Total: budget.FromCents(60000), GEWE: budget.FromCents(12000), Share: Ratio{budget.FromCents(12000), budget.FromCents(60000)}, Real: true, RealTotal: budget.FromCents(60000), RealGEWE: budget.FromCents(12000)},
			{Year: 2026, Lines: 1, Present: 1, Total: budget.FromCents(20000), GEWE: budget.FromCents(20000), Share: Ratio{budget.FromCents(20000), budget.FromCents(20000)}},
		},
		Changes: []YearChange{
			{From: 2022, To: 2023,
				Total: Delta{budget.FromCents(40000), budget.FromCents(50000), budget.FromCents(10000), f(0.25), ""}, GEWE: Delta{budget.FromCents(10000), budget.FromCents(15000), budget.FromCents(5000), f(0.5), ""}, Share: f(5),
				Real: true, RealTotal: Delta{budget.FromCents(48400), budget.FromCents(55000), budget.FromCents(6600), f(66.0 / 484), ""}, RealGEWE: Delta{budget.FromCents(12100), budget.FromCents(16500), budget.FromCents(4400), f(44.0 / 121), ""}},
			{From: 2023, To: 2024,
				Total: Delta{budget.FromCents(50000), budget.FromCents(60000), budget.FromCents(10000), f(0.2), ""}, GEWE: Delta{budget.FromCents(15000), budget.FromCents(12000), budget.FromCents(-3000), f(-0.2), ""}, Share: f(-10),
				Real: true, RealTotal: Delta{budget.FromCents(55000), budget.FromCents(60000), budget.FromCents(5000), f(50.0 / 550), ""}, RealGEWE: Delta{budget.FromCents(16500), budget.FromCents(12000), budget.FromCents(-4500), f(-45.0 / 165), ""}},
		},
	}
	approx := cmp.Comparer(func(a, b Float) bool { return a.OK == b.OK && close9(a.V, b.V) })
	if d := cmp.Diff(want, c, approx); d != "" {
		t.Errorf("Gaps change (-want +got):\n%s", d)
	}
	if len(r.Notes) == 0 {
		t.Error("no warning about the line without a year")
	}

	// Real amounts round half away from zero: 0.05 at index 200 in
	// prices of index 110 is 0.0275 → 0.03; −0.05 → −0.03.
	b = &budget.Budget{Lines: budget.LinesOf([]budget.Line{yl(2020, P, budget.FromCents(5)), yl(2020, N, budget.FromCents(-10)), yl(2021, P, budget.FromCents(1))}...)}
	c = mustGaps(t, b, GapOptions{Deflators: map[int]float64{2020: 200, 2021: 110}}).Change
	if y := c.Years[0]; y.RealTotal != budget.FromCents(-3) || y.RealGEWE != budget.FromCents(3) || c.RealBase != 2021 {
		t.Errorf("real 2020: total %s GEWE %s base %d; want -0.03, 0.03, 2021", y.RealTotal, y.RealGEWE, c.RealBase)
	}
	// A negative old total gives no relative change.
	if ch := c.Changes[0]; ch.Total.Rel.OK || ch.Share.OK || ch.Total.Abs != budget.FromCents(6) {
		t.Errorf("change from a negative total: %+v", ch)
	}
}

func TestGapsOptionErrors(t *testing.T) {
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{gapLine("A", budget.Principal, ams(appr(budget.FromCents(100))))}...)}
	bad := []GapOptions{
		{Target: 15},
		{Target: -0.1},
		{Target: math.NaN()},
		{ReferenceWomenShare: 48},
		{Deflators: map[int]float64{2024: 0}},
		{Deflators: map[int]float64{2024: math.Inf(1)}},
	}
	for _, o := range bad {
		if _, err := Gaps(b, o); err == nil {
			t.Errorf("Gaps(%+v) succeeded, want an error", o)
		}
	}
	eur := gapLine("A", budget.Principal, ams(appr(budget.FromCents(100))))
	eur.Currency = "EUR"
	mixed := &budget.Budget{Lines: budget.LinesOf([]budget.Line{b.Lines.At(0), eur}...)}
	if _, err := Gaps(mixed, GapOptions{}); err == nil {
		t.Error("Gaps on USD and EUR lines succeeded, want an error")
	}
	huge := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		gapLine("A", budget.Principal, ams(appr(hugeMoney), spent(hugeMoney))),
		gapLine("A", budget.Principal, ams(appr(hugeMoney), spent(hugeMoney))),
	}...)}
	if _, err := Gaps(huge, GapOptions{}); err == nil {
		t.Error("Gaps with overflowing sums succeeded, want an error")
	}
}

func readSample(t testing.TB, sheet string) *budget.Budget {
	t.Helper()
	b, err := input.Read(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{Sheet: sheet})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGapsSample checks Gaps on the embedded sample against the figures
// in templates/sample/README.md and against properties that hold for any
// budget.
func TestGapsSample(t *testing.T) {
	b := readSample(t, "")
	defl := map[int]float64{2023: 100, 2024: 103.5, 2025: 106.6}
	for _, w := range Weightings() {
		t.Run(w.Name, func(t *testing.T) {
			r := mustGaps(t, b, GapOptions{Weighting: w, Target: 0.15, ReferenceWomenShare: 0.48, Deflators: defl})

			// Change: three fiscal years, approved totals as in the
			// README (USD 314497800.00, 300316200.00, 299969200.00).
			c := r.Change
			if len(c.Years) != 3 || len(c.Changes) != 2 || c.RealBase != 2025 || c.NoYear != 0 {
				t.Fatalf("change: %d years, %d changes, base %d", len(c.Years), len(c.Changes), c.RealBase)
			}
			for i, want := range []budget.Money{budget.FromCents(31449780000), budget.FromCents(30031620000), budget.FromCents(29996920000)} {
				if y := c.Years[i]; y.Year != 2023+i || y.Total != want || !y.Real {
					t.Errorf("year %d: total %s, want %s", y.Year, y.Total, want)
				}
			}
			if c.Years[2].RealTotal != c.Years[2].Total {
				t.Errorf("base year real %s ≠ nominal %s", c.Years[2].RealTotal, c.Years[2].Total)
			}

			// Execution: FY2023 and FY2024 are executed (98 + 99 lines,
			// USD 269483900.00 + 264642400.00), FY2025 is not (99 lines).
			ex := r.Execution
			if ex.Total.All.Lines != 197 || ex.Total.All.Rate.Num != budget.FromCents(26948390000+26464240000) {
				t.Errorf("execution: %d lines, executed %s", ex.Total.All.Lines, ex.Total.All.Rate.Num)
			}
			if len(ex.Excluded) != 1 || ex.Excluded[0].Lines != 99 {
				t.Errorf("excluded %v, want 99 lines without executed amount", ex.Excluded)
			}
			// The groups partition all lines, and the units the total.
			var den budget.Money
			for _, l := range b.Lines.All() {
				if _, ok := l.Amounts.Get(budget.Executed); !ok {
					continue
				}
				if v, ok := l.Amounts.Get(budget.Revised); ok {
					den = plus(den, v)
				} else {
					v, _ := l.Amounts.Get(budget.Approved)
					den = plus(den, v)
				}
			}
			tot := ex.Total
			if tot.All.Rate.Den != den || plus(tot.GEWE.Rate.Num, tot.Other.Rate.Num, tot.NotScreened.Rate.Num) != tot.All.Rate.Num ||
				plus(tot.GEWE.Rate.Den, tot.Other.Rate.Den, tot.NotScreened.Rate.Den) != den {
				t.Errorf("execution groups do not partition the total: %+v (budget %s)", tot, den)
			}
			var units Ratio
			for _, u := range ex.Units {
				units.Num = plus(units.Num, u.All.Rate.Num)
				units.Den = plus(units.Den, u.All.Rate.Den)
			}
			if units != tot.All.Rate || len(ex.Units) != 12 {
				t.Errorf("%d units sum to %v, total %v", len(ex.Units), units, tot.All.Rate)
			}

			// Beneficiaries: 24 lines a year; women 27225 + 27618 +
			// 28274, men 10771 + 10613 + 11224, girls 13586 + 13991 +
			// 13403, boys 7925 + 8638 + 8322 (README).
			bg := r.Beneficiaries
			if bg.Lines != 72 || bg.Women != 83117 || bg.Men != 32608 || bg.Girls != 40980 || bg.Boys != 24885 {
				t.Errorf("beneficiaries: %d lines, W %d M %d G %d B %d", bg.Lines, bg.Women, bg.Men, bg.Girls, bg.Boys)
			}
			checkFloat(t, "female share", bg.FemaleShare, float64(83117+40980)/float64(83117+32608+40980+24885))
			var money float64
			for _, l := range b.Lines.All() {
				if v, ok := l.Amounts.Get(budget.Approved); ok && l.Beneficiaries != nil && l.Beneficiaries.Any() {
					money += v.Float()
				}
			}
			if !close9(bg.FemaleMoney+bg.MaleMoney+bg.OtherMoney, money) {
				t.Errorf("money shared among beneficiaries %v, lines hold %v", bg.FemaleMoney+bg.MaleMoney+bg.OtherMoney, money)
			}

			// No approved amount of the sample is negative, so every
			// objective is a blind spot, has no budget, or has positive
			// GEWE money (and is counted in the concentration).
			bs, cc := r.BlindSpots, r.Concentration
			if n := len(bs.NoGEWE) + len(bs.NoBudget) + cc.N; n != 24 || cc.Negative != 0 {
				t.Errorf("blind spots %d + no budget %d + funded %d = %d, want 24; %d negative", len(bs.NoGEWE), len(bs.NoBudget), cc.N, n, cc.Negative)
			}
			if cc.N > 1 {
				if cc.HHI.V < 1/float64(cc.N)-1e-12 || cc.HHI.V > 1 || cc.Entropy.V < 0 || cc.Entropy.V > 1+1e-12 {
					t.Errorf("HHI %v entropy %v over %d objectives", cc.HHI.V, cc.Entropy.V, cc.N)
				}
			}

			// Target under principal_only, whatever the weighting.
			s, _ := Shares(b, Options{Weighting: PrincipalOnly})
			if r.Target.Share != (Ratio{s.Total.GEWE, s.Total.Amount}) {
				t.Errorf("target share %v, Shares %s of %s", r.Target.Share, s.Total.GEWE, s.Total.Amount)
			}
		})
	}

	// Executed phase: FY2025 has no executed amounts; it is listed but
	// not compared.
	r := mustGaps(t, b, GapOptions{Phase: budget.Executed, PhaseSet: true})
	c := r.Change
	if len(c.Years) != 3 || c.Years[2].Present != 0 || len(c.Changes) != 1 || c.Changes[0].From != 2023 {
		t.Errorf("executed: years %+v, changes %+v", c.Years, c.Changes)
	}
}

// genGapLines makes n lines over 120 units and three years, with every
// marker level, a third split between two objectives, revised amounts on
// a fifth, executed amounts on most and beneficiary counts on a quarter.
func genGapLines(n int) *budget.Budget {
	lines := make([]budget.Line, n)
	units := make([]string, 120)
	for i := range units {
		units[i] = strconv.Itoa(100 + i)
	}
	levels := budget.Levels()
	for i := range lines {
		l := &lines[i]
		l.Unit = budget.NewCode(units[i%len(units)], l.Unit.Name())
		l.Currency = "USD"
		l.Year = 2023 + i%3
		l.Amounts.Set(budget.Approved, budget.FromCents(int64(100000+i%99991)))
		if i%5 == 0 {
			l.Amounts.Set(budget.Revised, budget.FromCents(int64(95000+i%77777)))
		}
		if i%7 != 0 {
			l.Amounts.Set(budget.Executed, budget.FromCents(int64(90000+i%88883)))
		}
		l.Gender.Level = levels[i%len(levels)]
		o := 1 + i%23
		if i%3 == 0 {
			l.Objectives = []budget.ObjectiveShare{{Objective: o, Share: 6000}, {Objective: 1 + (o+7)%23, Share: 4000}}
		} else {
			l.Objectives = []budget.ObjectiveShare{{Objective: o, Share: 10000}}
		}
		if i%4 == 0 {
			c := func(k int) budget.Count { return budget.Count{N: int64(k), OK: true} }
			l.Beneficiaries = &budget.Beneficiaries{Women: c(i % 50), Men: c(i % 37), Girls: c(i % 11), Boys: c(i % 13)}
		}
	}
	return &budget.Budget{Lines: budget.LinesOf(lines...)}
}

// BenchmarkGaps computes every gap over 1,000,000 lines.
func BenchmarkGaps(b *testing.B) {
	bud := genGapLines(1_000_000)
	opt := GapOptions{Target: 0.15, ReferenceWomenShare: 0.48, Deflators: map[int]float64{2023: 100, 2024: 104, 2025: 107}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := Gaps(bud, opt)
		if err != nil {
			b.Fatal(err)
		}
		if r.Lines != 1_000_000 || len(r.Change.Years) != 3 {
			b.Fatal(r.Lines, len(r.Change.Years))
		}
	}
}

func TestGapsEmpty(t *testing.T) {
	// An empty budget gives empty sections and undefined measures, no
	// error and no warning.
	r := mustGaps(t, &budget.Budget{}, GapOptions{Target: 0.15, ReferenceWomenShare: 0.5})
	if r.Target == nil || r.Target.Gap.OK || r.Target.Met || r.Concentration.HHI.OK || r.Beneficiaries.FemaleShare.OK ||
		r.Execution.Total.Gap.OK || len(r.Change.Years) != 0 || len(r.BlindSpots.NoBudget) != 24 || len(r.Notes) != 0 {
		t.Errorf("Gaps(empty) = %+v", r)
	}
	d, err := Diff(&budget.Budget{}, &budget.Budget{}, DiffOptions{})
	if err != nil || d.By != DiffByLine || d.GEWEChange != (Decomposition{}) || d.Kept != 0 {
		t.Errorf("Diff(empty, empty) = %+v, %v", d, err)
	}
}
