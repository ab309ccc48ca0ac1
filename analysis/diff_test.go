package analysis

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
)

// dl builds a USD line of unit "U" with an approved amount in cents.
func dl(prog, desc string, m budget.Money, lv budget.Level, objs ...budget.ObjectiveShare) budget.Line {
	l := gapLine("U", lv, ams(appr(m)), objs...)
	l.Programme = budget.NewCode(prog, l.Programme.Name())
	l.Description = desc
	return l
}

func o1(n int) budget.ObjectiveShare { return budget.ObjectiveShare{Objective: n, Share: 10000} }

// diffBudgets are the two versions compared in TestDiffByHand.
func diffBudgets() (old, new *budget.Budget) {
	P, S, N, U := budget.Principal, budget.Significant, budget.NotTargeted, budget.NotScreened
	old = &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		dl("P1", "Shelter", budget.FromCents(10000), P, o1(7)),
		dl("P1", "Training", budget.FromCents(20000), S, o1(3)),
		dl("P1", "Border", budget.FromCents(30000), N, o1(11)),
		dl("P1", "Outreach", budget.FromCents(5000), S, o1(7)),
		dl("P2", "Dup", budget.FromCents(1000), P),
		dl("P1", "Health", budget.FromCents(8000), U, o1(15)),
	}...)}
	new = &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		dl("P1", "Shelter", budget.FromCents(12000), P, o1(7)),
		dl("P1", "Training", budget.FromCents(20000), P, o1(3)),
		dl("P1", "  border ", budget.FromCents(25000), S, budget.ObjectiveShare{Objective: 11, Share: 6000}, budget.ObjectiveShare{Objective: 10, Share: 4000}),
		dl("P1", "Language classes", budget.FromCents(7000), S, o1(16)),
		dl("P2", "Dup", budget.FromCents(600), P),
		dl("P2", "dup", budget.FromCents(500), P),
		dl("P1", "Health", budget.FromCents(8000), U, o1(15)),
	}...)}
	return old, new
}

func keysOfItems(its []DiffItem) []string {
	out := []string{}
	for _, it := range its {
		out = append(out, it.Key)
	}
	return out
}

// checkDecomposition checks that the terms add up to the net change and
// that the lists explain them.
func checkDecomposition(t *testing.T, r *DiffResult) {
	t.Helper()
	d := r.GEWEChange
	if d.Net != minus(r.NewGEWE, r.OldGEWE) {
		t.Errorf("net %s, new − old = %s", d.Net, minus(r.NewGEWE, r.OldGEWE))
	}
	if sum := plus(minus(d.Added, d.Cut), d.Amount, d.Remarking, d.Ambiguous); sum != d.Net {
		t.Errorf("added %s − cut %s + amount %s + re-marking %s + ambiguous %s = %s, net %s", d.Added, d.Cut, d.Amount, d.Remarking, d.Ambiguous, sum, d.Net)
	}
	var added, cut, amount, remark, amb budget.Money
	for _, it := range r.Added {
		added = plus(added, it.NewGEWE)
	}
	for _, it := range r.Cut {
		cut = plus(cut, it.OldGEWE)
	}
	for _, it := range r.Changed {
		amount = plus(amount, it.AmountEffect)
	}
	for _, it := range r.Remarked {
		remark = plus(remark, it.RemarkEffect)
		if minus(it.NewGEWE, it.OldGEWE) != plus(it.AmountEffect, it.RemarkEffect) {
			t.Errorf("%s: effects %s + %s ≠ %s − %s", it.Key, it.AmountEffect, it.RemarkEffect, it.NewGEWE, it.OldGEWE)
		}
	}
	for _, a := range r.Ambiguous {
		amb = plus(amb, minus(a.NewGEWE, a.OldGEWE))
	}
	if added != d.Added || cut != d.Cut || amount != d.Amount || remark != d.Remarking || amb != d.Ambiguous {
		t.Errorf("lists give added %s cut %s amount %s re-marking %s ambiguous %s; decomposition %+v", added, cut, amount, remark, amb, d)
	}
}

func TestDiffByHand(t *testing.T) {
	// Unit U, approved amounts in currency units:
	//   old                                  new
	//   P1 Shelter   100 principal   7       120 principal 7        changed
	//   P1 Training  200 significant 3       200 principal 3        re-marked
	//   P1 Border    300 not targeted 11     "  border " 250 significant
	//                                         11 (60 %), 10 (40 %)  changed, re-marked, re-tagged
	//   P1 Outreach   50 significant 7       –                      cut
	//   –                                    P1 Language classes 70
	//                                         significant 16         added
	//   P2 Dup        10 principal           Dup 6, dup 5 principal  ambiguous
	//   P1 Health     80 not screened 15     80 not screened 15     unchanged
	// dac_headline: old GEWE 100 + 200 + 50 + 10 = 360; new 120 + 200 +
	//   250 + 70 + 11 = 651; net +291 = added 70 − cut 50 + amount 20
	//   (Shelter) + re-marking 250 (Border: 250 at the old 0 % is 0, at
	//   the new 100 % 250) + ambiguous 1.
	// eu_100_40_0: old 100 + 80 + 20 + 10 = 210; new 120 + 200 + 100 + 28
	//   + 11 = 459; net +249 = added 28 − cut 20 + amount 20 + re-marking
	//   (Training 200 − 80 = 120, Border 100) 220 + ambiguous 1.
	// principal_only: old 110, new 331; net +221 = amount 20 + re-marking
	//   200 (Training) + ambiguous 1.
	old, new := diffBudgets()
	tests := []struct {
		w                                       Weighting
		oldG, newG                              budget.Money
		added, cut, amount, remarking, ambiguos budget.Money
		remarked                                []string
	}{
		{DACHeadline, budget.FromCents(36000), budget.FromCents(65100), budget.FromCents(7000), budget.FromCents(5000), budget.FromCents(2000), budget.FromCents(25000), budget.FromCents(100), []string{"U / P1 / border", "U / P1 / Training"}},
		{EU100400, budget.FromCents(21000), budget.FromCents(45900), budget.FromCents(2800), budget.FromCents(2000), budget.FromCents(2000), budget.FromCents(22000), budget.FromCents(100), []string{"U / P1 / border", "U / P1 / Training"}},
		{PrincipalOnly, budget.FromCents(11000), budget.FromCents(33100), budget.FromCents(0), budget.FromCents(0), budget.FromCents(2000), budget.FromCents(20000), budget.FromCents(100), []string{"U / P1 / border", "U / P1 / Training"}},
	}
	for _, tt := range tests {
		t.Run(tt.w.Name, func(t *testing.T) {
			r, err := Diff(old, new, DiffOptions{Weighting: tt.w})
			if err != nil {
				t.Fatal(err)
			}
			if r.By != DiffByLine || r.OldTotal != budget.FromCents(74000) || r.NewTotal != budget.FromCents(73100) || r.OldGEWE != tt.oldG || r.NewGEWE != tt.newG {
				t.Errorf("by %s totals %s → %s, GEWE %s → %s; want line, 740.00 → 731.00, %s → %s", r.By, r.OldTotal, r.NewTotal, r.OldGEWE, r.NewGEWE, tt.oldG, tt.newG)
			}
			want := Decomposition{Net: minus(tt.newG, tt.oldG), Added: tt.added, Cut: tt.cut, Amount: tt.amount, Remarking: tt.remarking, Ambiguous: tt.ambiguos}
			if r.GEWEChange != want {
				t.Errorf("decomposition %+v, want %+v", r.GEWEChange, want)
			}
			checkDecomposition(t, r)
			for _, c := range []struct {
				name      string
				got, want []string
			}{
				{"added", keysOfItems(r.Added), []string{"U / P1 / Language classes"}},
				{"cut", keysOfItems(r.Cut), []string{"U / P1 / Outreach"}},
				{"changed", keysOfItems(r.Changed), []string{"U / P1 / border", "U / P1 / Shelter"}},
				{"remarked", keysOfItems(r.Remarked), tt.remarked},
				{"retagged", keysOfItems(r.Retagged), []string{"U / P1 / border"}},
			} {
				if !cmp.Equal(c.got, c.want) {
					t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
				}
			}
			if r.Kept != 4 || r.Unchanged != 1 || len(r.Ambiguous) != 1 || len(r.Ambiguous[0].Old) != 1 || len(r.Ambiguous[0].New) != 2 {
				t.Errorf("kept %d unchanged %d ambiguous %+v", r.Kept, r.Unchanged, r.Ambiguous)
			}
		})
	}

	// The re-marked Border line shows its levels and objectives.
	r, _ := Diff(old, new, DiffOptions{})
	b := r.Remarked[0]
	if !cmp.Equal(b.OldLevels, []budget.Level{budget.NotTargeted}) || !cmp.Equal(b.NewLevels, []budget.Level{budget.Significant}) ||
		b.Old != budget.FromCents(30000) || b.New != budget.FromCents(25000) || b.AmountEffect != budget.FromCents(0) || b.RemarkEffect != budget.FromCents(25000) || len(b.NewObjectives) != 2 {
		t.Errorf("Border: %+v", b)
	}
}

func TestDiffAttributedByID(t *testing.T) {
	// Lines with IDs, so By "" matches by ID; attributed convention.
	//   A: 100.00 declaring 40.00 → 150.00 declaring 45.00. The old share
	//      40 % applied to 150.00 is C = 60.00: amount effect +20.00,
	//      re-marking 45.00 − 60.00 = −15.00.
	//   B: 200.00 declaring none → 200.00 declaring 50.00: C = 0, amount
	//      0, re-marking +50.00 (listed as re-marked though its level
	//      did not change).
	//   C: 0.00 → 10.00 declaring 10.00: no old share, so the whole +10.00
	//      is an amount change.
	// Old GEWE 40.00, new 105.00: net 65.00 = 20 − 15 + 50 + 10.
	mk := func(id string, m, g budget.Money, declared bool) budget.Line {
		l := dl("P", id, m, budget.Significant)
		l.ID = id
		if declared {
			l.GEWE = &budget.Amounts{}
			l.GEWE.Set(budget.Approved, g)
		}
		return l
	}
	old := &budget.Budget{Lines: budget.LinesOf([]budget.Line{mk("A", budget.FromCents(10000), budget.FromCents(4000), true), mk("B", budget.FromCents(20000), budget.FromCents(0), false), mk("C", budget.FromCents(0), budget.FromCents(0), false)}...)}
	new := &budget.Budget{Lines: budget.LinesOf([]budget.Line{mk("A", budget.FromCents(15000), budget.FromCents(4500), true), mk("B", budget.FromCents(20000), budget.FromCents(5000), true), mk("C", budget.FromCents(1000), budget.FromCents(1000), true)}...)}
	r, err := Diff(old, new, DiffOptions{Weighting: Attributed})
	if err != nil {
		t.Fatal(err)
	}
	if r.By != DiffByID {
		t.Errorf("by %q, want id", r.By)
	}
	want := Decomposition{Net: budget.FromCents(6500), Amount: budget.FromCents(2000 + 1000), Remarking: budget.FromCents(-1500 + 5000)}
	if r.GEWEChange != want {
		t.Errorf("decomposition %+v, want %+v", r.GEWEChange, want)
	}
	checkDecomposition(t, r)
	effects := map[string][2]budget.Money{}
	for _, it := range append(r.Changed, r.Remarked...) {
		effects[it.Key] = [2]budget.Money{it.AmountEffect, it.RemarkEffect}
	}
	if d := cmp.Diff(map[string][2]budget.Money{"A": {budget.FromCents(2000), budget.FromCents(-1500)}, "B": {budget.FromCents(0), budget.FromCents(5000)}, "C": {budget.FromCents(1000), budget.FromCents(0)}}, effects); d != "" {
		t.Errorf("effects (-want +got):\n%s", d)
	}
}

func TestDiffProgramme(t *testing.T) {
	// The budgets of TestDiffByHand aggregated by unit and programme,
	// dac_headline:
	//   P1 old 730.00 (GEWE 350.00), new 720.00 (GEWE 640.00). The old
	//      share applied to the new amount: 350.00 × 720/730 = 345.2055
	//      → C = 345.21; amount effect −4.79, re-marking (mix) +294.79.
	//   P2 old 10.00, new 11.00, all principal: C = 11.00, amount +1.00.
	// Net +291.00 = −4.79 + 294.79 + 1.00, as line by line.
	// P1's objectives by money, old: 3: 200, 7: 150, 11: 300, 15: 80 of
	// 730, in basis points 2739.7, 2054.8, 4109.6, 1095.9 → floors 9997,
	// the 3 left over to the largest remainders (15, 7, 3): 2740, 2055,
	// 4109, 1096.
	old, new := diffBudgets()
	r, err := Diff(old, new, DiffOptions{By: DiffByProgramme})
	if err != nil {
		t.Fatal(err)
	}
	want := Decomposition{Net: budget.FromCents(29100), Amount: budget.FromCents(-479 + 100), Remarking: budget.FromCents(29479)}
	if r.GEWEChange != want {
		t.Errorf("decomposition %+v, want %+v", r.GEWEChange, want)
	}
	checkDecomposition(t, r)
	if r.Kept != 2 || len(r.Added)+len(r.Cut)+len(r.Ambiguous) != 0 {
		t.Errorf("kept %d, added %d, cut %d, ambiguous %d; want 2 kept only", r.Kept, len(r.Added), len(r.Cut), len(r.Ambiguous))
	}
	if got := keysOfItems(r.Remarked); !cmp.Equal(got, []string{"U / P1"}) {
		t.Errorf("remarked %q, want P1", got)
	}
	p1 := r.Remarked[0]
	wantObj := []budget.ObjectiveShare{{Objective: 3, Share: 2740}, {Objective: 7, Share: 2055}, {Objective: 11, Share: 4109}, {Objective: 15, Share: 1096}}
	if d := cmp.Diff(wantObj, p1.OldObjectives); d != "" {
		t.Errorf("P1 old objectives (-want +got):\n%s", d)
	}
	wantLv := []budget.Level{budget.Principal, budget.Significant, budget.NotTargeted, budget.NotScreened}
	if !cmp.Equal(p1.OldLevels, wantLv) || p1.OldLines != 5 || p1.NewLines != 5 {
		t.Errorf("P1 levels %v, lines %d → %d", p1.OldLevels, p1.OldLines, p1.NewLines)
	}
	if got := keysOfItems(r.Retagged); !cmp.Equal(got, []string{"U / P1"}) {
		t.Errorf("retagged %q, want P1 (objectives 10 and 16 appear)", got)
	}
}

// TestDiffSample compares the sample's FY2023 and FY2024 sheets, matched
// by unit, programme code and description: one line ended after FY2023
// and two start in FY2024 (templates/sample/README.md); the totals are
// the README's approved sums.
func TestDiffSample(t *testing.T) {
	old, new := readSample(t, "FY2023"), readSample(t, "FY2024")
	for _, w := range Weightings() {
		for _, by := range []string{DiffByLine, DiffByProgramme} {
			t.Run(w.Name+"/"+by, func(t *testing.T) {
				r, err := Diff(old, new, DiffOptions{Weighting: w, By: by})
				if err != nil {
					t.Fatal(err)
				}
				checkDecomposition(t, r)
				if r.OldTotal != budget.FromCents(31449780000) || r.NewTotal != budget.FromCents(30031620000) || len(r.Ambiguous) != 0 || len(r.Notes) != 0 {
					t.Errorf("totals %s → %s, %d ambiguous, notes %v", r.OldTotal, r.NewTotal, len(r.Ambiguous), r.Notes)
				}
				if by == DiffByLine && (len(r.Added) != 2 || len(r.Cut) != 1 || r.Kept != 97) {
					t.Errorf("added %d cut %d kept %d; want 2, 1, 97", len(r.Added), len(r.Cut), r.Kept)
				}
				// Per-line rounding equals Shares' per-level rounding when
				// weights are 0 or 100 %, and is within half a cent a line
				// otherwise.
				for _, c := range []struct {
					b *budget.Budget
					g budget.Money
				}{{old, r.OldGEWE}, {new, r.NewGEWE}} {
					s, _ := Shares(c.b, Options{Weighting: w})
					d := minus(c.g, s.Total.GEWE)
					if w.Name == EU100400.Name {
						if 2*math.Abs(100*d.Float()) > float64(c.b.Lines.Len()) {
							t.Errorf("GEWE %s, Shares %s: more than half a cent a line apart", c.g, s.Total.GEWE)
						}
					} else if d != budget.FromCents(0) {
						t.Errorf("GEWE %s, Shares %s", c.g, s.Total.GEWE)
					}
				}
			})
		}
	}
}

// TestDiffRandom checks on random budgets and edits, under every
// convention and key, that the decomposition adds up exactly and that
// every line lands in exactly one place.
func TestDiffRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	levels := budget.Levels()
	gen := func(i int) budget.Line {
		l := dl("P"+strconv.Itoa(rng.IntN(4)), "line "+strconv.Itoa(i), budget.FromCents(int64(rng.IntN(2_000_001)-200_000)), levels[rng.IntN(len(levels))],
			budget.ObjectiveShare{Objective: 1 + rng.IntN(23), Share: 10000})
		l.ID = "id" + strconv.Itoa(i)
		if rng.IntN(3) == 0 {
			l.GEWE = &budget.Amounts{}
			l.GEWE.Set(budget.Approved, budget.FromCents(int64(rng.IntN(100_001))))
		}
		return l
	}
	for round := 0; round < 200; round++ {
		old := &budget.Budget{}
		for i := range 1 + rng.IntN(30) {
			old.Lines.Append(gen(i))
		}
		new := &budget.Budget{}
		for _, l := range old.Lines.All() {
			switch rng.IntN(6) {
			case 0: // cut
				continue
			case 1:
				l.Amounts.Set(budget.Approved, budget.FromCents(int64(rng.IntN(3_000_001)-300_000)))
			case 2:
				l.Gender.Level = levels[rng.IntN(len(levels))]
			case 3:
				dup := l
				new.Lines.Append(dup) // a duplicate key
			}
			new.Lines.Append(l)
		}
		for i := range rng.IntN(5) {
			new.Lines.Append(gen(1000 + i))
		}
		for _, w := range Weightings() {
			for _, by := range []string{DiffByID, DiffByLine, DiffByProgramme} {
				r, err := Diff(old, new, DiffOptions{Weighting: w, By: by})
				if err != nil {
					t.Fatalf("round %d %s %s: %v", round, w.Name, by, err)
				}
				checkDecomposition(t, r)
				lines := func(f func(DiffItem) int, its []DiffItem) int {
					n := 0
					for _, it := range its {
						n += f(it)
					}
					return n
				}
				oldN := func(it DiffItem) int { return it.OldLines }
				newN := func(it DiffItem) int { return it.NewLines }
				ambO, ambN := 0, 0
				for _, a := range r.Ambiguous {
					ambO += len(a.Old)
					ambN += len(a.New)
				}
				if by != DiffByProgramme {
					if got := len(r.Cut) + r.Kept + ambO; got != old.Lines.Len() {
						t.Fatalf("round %d %s %s: cut %d + kept %d + ambiguous %d = %d old lines, want %d", round, w.Name, by, len(r.Cut), r.Kept, ambO, got, old.Lines.Len())
					}
					if got := len(r.Added) + r.Kept + ambN; got != new.Lines.Len() {
						t.Fatalf("round %d %s %s: added %d + kept %d + ambiguous %d = %d new lines, want %d", round, w.Name, by, len(r.Added), r.Kept, ambN, got, new.Lines.Len())
					}
				} else if lines(oldN, r.Cut) > old.Lines.Len() || lines(newN, r.Added) > new.Lines.Len() || ambO+ambN != 0 {
					t.Fatalf("round %d programme: cut %d added %d ambiguous %d", round, lines(oldN, r.Cut), lines(newN, r.Added), ambO+ambN)
				}
			}
		}
	}
}

func TestDiffErrors(t *testing.T) {
	old, new := diffBudgets()
	if _, err := Diff(old, new, DiffOptions{By: "id"}); err == nil {
		t.Error("Diff by id without IDs succeeded")
	}
	if _, err := Diff(old, new, DiffOptions{By: "ministry"}); err == nil {
		t.Error("Diff by an unknown key succeeded")
	}
	eur := &budget.Budget{Lines: budget.LinesOf([]budget.Line{dl("P1", "Shelter", budget.FromCents(100), budget.Principal)}...)}
	l0 := eur.Lines.At(0)
	l0.Currency = "EUR"
	eur.Lines.Set(0, l0)
	if _, err := Diff(old, eur, DiffOptions{}); err == nil {
		t.Error("Diff of USD and EUR budgets succeeded")
	}
	huge := &budget.Budget{Lines: budget.LinesOf([]budget.Line{dl("P", "a", hugeMoney, budget.Principal), dl("P", "b", hugeMoney, budget.Principal)}...)}
	if _, err := Diff(huge, new, DiffOptions{}); err == nil {
		t.Error("Diff with overflowing sums succeeded")
	}
	// Lines of several years in one budget are warned about.
	y := &budget.Budget{Lines: budget.LinesOf([]budget.Line{dl("P", "a", budget.FromCents(1), budget.Principal), dl("P", "a", budget.FromCents(2), budget.Principal)}...)}
	y0, y1 := y.Lines.At(0), y.Lines.At(1)
	y0.Year, y1.Year = 2023, 2024
	y.Lines.Set(0, y0)
	y.Lines.Set(1, y1)
	r, err := Diff(y, y, DiffOptions{})
	if err != nil || len(r.Notes) != 3 || len(r.Ambiguous) != 1 {
		t.Errorf("Diff of a two-year budget: %v, notes %v, ambiguous %d", err, r.Notes, len(r.Ambiguous))
	}
}

func TestMulDivRound(t *testing.T) {
	// round(x·y ÷ z), halves away from zero.
	tests := []struct {
		x, y, z budget.Money
		want    budget.Money
		ok      bool
	}{
		{budget.FromCents(3333), budget.FromCents(4000), budget.FromCents(10000), budget.FromCents(1333), true},    // 1333.2
		{budget.FromCents(5), budget.FromCents(5000), budget.FromCents(10000), budget.FromCents(3), true},          // 2.5 → 3
		{budget.FromCents(-5), budget.FromCents(5000), budget.FromCents(10000), budget.FromCents(-3), true},        // −2.5 → −3
		{budget.FromCents(5), budget.FromCents(-5000), budget.FromCents(10000), budget.FromCents(-3), true},        // sign from y
		{budget.FromCents(35000), budget.FromCents(72000), budget.FromCents(73000), budget.FromCents(34521), true}, // 34520.548
		{budget.FromCents(7), budget.FromCents(3), budget.FromCents(-2), budget.FromCents(-11), true},              // −10.5 → −11
		{budget.FromCents(0), budget.FromCents(5), budget.FromCents(7), budget.FromCents(0), true},
		{budget.FromCents(1), budget.FromCents(1), budget.FromCents(0), budget.FromCents(0), false},
		{hugeMoney, budget.FromCents(10000), budget.FromCents(10000), hugeMoney, true},
		{minus(budget.Money{}, hugeMoney), budget.FromCents(10000), budget.FromCents(10000), minus(budget.Money{}, hugeMoney), true},
		{hugeMoney, budget.FromCents(200), budget.FromCents(100), budget.FromCents(0), false},
		{minus(budget.Money{}, hugeMoney), budget.FromCents(-200), budget.FromCents(100), budget.FromCents(0), false},
		{budget.FromCents(1), budget.FromCents(1), budget.FromCents(3), budget.FromCents(0), true}, // 0.01·0.01÷0.03 = 0.0033…: to the cent
	}
	for _, tt := range tests {
		got, ok := mulDivRound(tt.x, tt.y, tt.z)
		if got != tt.want || ok != tt.ok {
			t.Errorf("mulDivRound(%s, %s, %s) = %s, %v; want %s, %v", tt.x, tt.y, tt.z, got, ok, tt.want, tt.ok)
		}
	}
}
