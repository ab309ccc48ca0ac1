package analysis

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"

	"github.com/grb-toolkit/grb/budget"
)

// Float is a number that may be undefined, such as a ratio whose
// denominator is zero or an index over an empty set. OK is false when it
// is undefined, and V is then 0: it is never NaN or infinite.
type Float struct {
	V  float64
	OK bool
}

// defined returns v as a defined Float, or an undefined one when v is NaN
// or infinite.
func defined(v float64) Float {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Float{}
	}
	return Float{V: v, OK: true}
}

// MarshalJSON writes the number, or null when it is undefined.
func (f Float) MarshalJSON() ([]byte, error) {
	if !f.OK {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f.V, 'g', -1, 64), nil
}

// GapOptions controls Gaps. The zero value analyses the approved phase
// under DACHeadline, with no target, no reference population and no
// deflators.
type GapOptions struct {
	Weighting Weighting    // convention for GEWE money; zero value: DACHeadline
	Phase     budget.Phase // phase analysed (not used by the execution gap)
	PhaseSet  bool         // Phase was given; else Approved

	// Target is the GEWE share to reach, as a fraction (0.15 for the UN
	// 15 %); 0 means none. It is measured under TargetWeighting, whose
	// zero value is PrincipalOnly: the UN 15 % refers to money whose
	// principal objective is gender equality.
	Target          float64
	TargetWeighting Weighting

	// ReferenceWomenShare is the share of women and girls among the
	// target population, as a fraction (0.48); 0 means none.
	ReferenceWomenShare float64

	// Deflators maps a fiscal year to a price index (any base, such as
	// 100 in 2020). Optional: real changes are computed for the years
	// that have one.
	Deflators map[int]float64
}

func (o GapOptions) phase() budget.Phase {
	if o.PhaseSet {
		return o.Phase
	}
	return budget.Approved
}

func weightingOr(w, def Weighting) Weighting {
	if w.Name == "" {
		return def
	}
	return w
}

func (o GapOptions) check() error {
	if !(o.Target >= 0 && o.Target <= 1) {
		return fmt.Errorf("analysis: target %v is outside 0–1 (write 15 %% as 0.15)", o.Target)
	}
	if !(o.ReferenceWomenShare >= 0 && o.ReferenceWomenShare <= 1) {
		return fmt.Errorf("analysis: reference women's share %v is outside 0–1 (write 48 %% as 0.48)", o.ReferenceWomenShare)
	}
	for _, y := range sortedYears(o.Deflators) {
		if v := o.Deflators[y]; !(v > 0) || math.IsInf(v, 0) {
			return fmt.Errorf("analysis: deflator for %d is %v; want a positive price index", y, v)
		}
	}
	return nil
}

func sortedYears(m map[int]float64) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// GapResult is the outcome of Gaps. Every section names the weighting
// convention it was computed under.
type GapResult struct {
	Phase     budget.Phase `json:"phase"`
	Weighting string       `json:"weighting"`
	Lines     int          `json:"lines"`

	Target        *TargetGap     `json:"target,omitempty"` // nil when no target was given
	Execution     ExecutionGap   `json:"execution"`
	Beneficiaries BeneficiaryGap `json:"beneficiaries"`
	BlindSpots    BlindSpots     `json:"blind_spots"`
	Concentration Concentration  `json:"concentration"`
	Change        Change         `json:"change"`
	Warnings      []string       `json:"warnings,omitempty"`
}

// TargetGap compares the GEWE share with a target.
type TargetGap struct {
	Weighting string  `json:"weighting"` // the convention the target is measured under
	Target    float64 `json:"target"`    // as a fraction: 0.15
	Share     Ratio   `json:"share"`     // GEWE money ÷ total money
	// Gap is (share − target) × 100, in percentage points: negative
	// below the target. Undefined when the total is not positive.
	Gap Float `json:"gap_points"`
	Met bool  `json:"met"`
	// Needed is the GEWE money missing to reach the target with the
	// total unchanged (money moved to, or re-marked as, gender
	// equality): ⌈target × total − GEWE⌉, rounded up to the cent; 0 when
	// the target is met or the total is not positive.
	Needed budget.Money `json:"needed"`
}

// Execution is the execution rate of a set of lines: the executed money
// over the budget of the same lines, where each line's budget is its
// revised amount if it has one, else its approved amount.
type Execution struct {
	Lines   int   `json:"lines"`   // lines measured
	Revised int   `json:"revised"` // of which measured against their revised amount
	Rate    Ratio `json:"rate"`    // executed ÷ budget; no rate when Den ≤ 0 (Band is then "")
	// Band is the PEFA-style deviation band of the rate: "A" when
	// |rate − 1| ≤ 5 %, "B" ≤ 10 %, "C" ≤ 15 %, "D" beyond; "" when the
	// budget is not positive.
	Band string `json:"band"`
}

// ExecutionRow is the execution of one administrative unit, or of the
// whole budget, by marker group.
type ExecutionRow struct {
	Unit  string    `json:"unit"` // unit code, or name when it has no code; "" for none
	Label string    `json:"label"`
	All   Execution `json:"all"`
	// GEWE are the lines the weighting counts (weight > 0; under the
	// attributed convention, lines declaring a non-zero GEWE amount);
	// Other the other screened lines; NotScreened the rest.
	GEWE        Execution `json:"gewe"`
	Other       Execution `json:"other"`
	NotScreened Execution `json:"not_screened"`
	// Gap is the GEWE rate minus the other rate, in percentage points;
	// undefined unless both budgets are positive.
	Gap Float `json:"gap_points"`
}

// Exclusion counts the lines left out of a measure for one reason.
type Exclusion struct {
	Reason string `json:"reason"`
	Lines  int    `json:"lines"`
}

// ExecutionGap compares how fully GEWE lines and other lines are
// executed.
type ExecutionGap struct {
	Weighting string         `json:"weighting"`
	Total     ExecutionRow   `json:"total"`
	Units     []ExecutionRow `json:"units"` // by unit code (or name), "" last
	Excluded  []Exclusion    `json:"excluded,omitempty"`
}

// BeneficiaryGap compares the women and girls among the counted
// beneficiaries with a reference population, and the money per female
// and per male beneficiary.
type BeneficiaryGap struct {
	Lines    int         `json:"lines"`   // lines with at least one count
	Partial  int         `json:"partial"` // of which some of women, men, girls, boys are absent (counted 0)
	Excluded []Exclusion `json:"excluded,omitempty"`

	Women int64 `json:"women"`
	Men   int64 `json:"men"`
	Girls int64 `json:"girls"`
	Boys  int64 `json:"boys"`
	Other int64 `json:"other"`

	Female int64 `json:"female"` // women + girls
	Male   int64 `json:"male"`   // men + boys
	Total  int64 `json:"total"`  // female + male + other
	// FemaleShare is Female ÷ Total.
	FemaleShare Float   `json:"female_share"`
	Reference   float64 `json:"reference"` // ReferenceWomenShare; 0 = none
	// Gap is (FemaleShare − Reference) × 100 in percentage points;
	// undefined without a reference.
	Gap Float `json:"gap_points"`

	// MoneyLines are the lines with counts, a positive total count and
	// an amount in the phase. Each line's amount is shared among its
	// beneficiaries: FemaleMoney = Σ amount × female ÷ total over these
	// lines, likewise MaleMoney and OtherMoney (currency units, floats:
	// these are estimates, not ledger sums).
	MoneyLines   int     `json:"money_lines"`
	FemaleFunded int64   `json:"female_funded"` // female beneficiaries of MoneyLines
	MaleFunded   int64   `json:"male_funded"`
	FemaleMoney  float64 `json:"female_money"`
	MaleMoney    float64 `json:"male_money"`
	OtherMoney   float64 `json:"other_money"`
	PerFemale    Float   `json:"per_female"`     // FemaleMoney ÷ FemaleFunded
	PerMale      Float   `json:"per_male"`       // MaleMoney ÷ MaleFunded
	FemaleToMale Float   `json:"female_to_male"` // PerFemale ÷ PerMale
}

// ObjectiveMoney is the money of one GCM objective (0 for General).
type ObjectiveMoney struct {
	Objective   int          `json:"objective"`
	Label       string       `json:"label"`
	Lines       int          `json:"lines"`
	Amount      budget.Money `json:"amount"`
	GEWE        budget.Money `json:"gewe"`
	NotScreened budget.Money `json:"not_screened"`
}

// BlindSpots lists the GCM objectives that get money but no GEWE money,
// and those that get no money.
type BlindSpots struct {
	Weighting string `json:"weighting"`
	// NoGEWE are objectives with a positive amount and no positive GEWE
	// money. NotScreened tells how much of it nobody assessed.
	NoGEWE []ObjectiveMoney `json:"no_gewe"`
	// NoBudget are objectives whose amount is not positive (usually: no
	// line serves them).
	NoBudget []ObjectiveMoney `json:"no_budget"`
	// Untagged is the money of lines with no GCM objective.
	Untagged      budget.Money `json:"untagged"`
	UntaggedLines int          `json:"untagged_lines"`
}

// ObjectiveGEWE is one objective's part of the GEWE money.
type ObjectiveGEWE struct {
	Objective int          `json:"objective"`
	Label     string       `json:"label"`
	GEWE      budget.Money `json:"gewe"`
	Share     float64      `json:"share"` // GEWE ÷ Concentration.GEWE
}

// Concentration measures how GEWE money is spread over the GCM
// objectives.
type Concentration struct {
	Weighting  string          `json:"weighting"`
	Objectives []ObjectiveGEWE `json:"objectives"` // objectives with positive GEWE money, by number
	GEWE       budget.Money    `json:"gewe"`       // their GEWE money
	N          int             `json:"n"`
	// Negative counts the objectives whose net GEWE money is negative;
	// they are left out, and NegativeGEWE is their sum.
	Negative     int          `json:"negative"`
	NegativeGEWE budget.Money `json:"negative_gewe"`
	// HHI is the Herfindahl–Hirschman index Σ p², from 1/N (even) to 1
	// (one objective); undefined when N is 0.
	HHI Float `json:"hhi"`
	// Entropy is the normalised Shannon entropy −Σ p ln p ÷ ln N, from 0
	// (one objective) to 1 (even); 0 when N is 1, undefined when N is 0.
	Entropy Float `json:"entropy"`
	// Effective is 1 ÷ HHI: the number of equally funded objectives
	// that would give the same HHI.
	Effective Float `json:"effective"`
}

// YearAmounts is one fiscal year's money.
type YearAmounts struct {
	Year    int          `json:"year"`
	Lines   int          `json:"lines"`
	Present int          `json:"present"` // lines with an amount in the phase
	Total   budget.Money `json:"total"`
	GEWE    budget.Money `json:"gewe"`
	Share   Ratio        `json:"share"` // GEWE ÷ Total
	// Real is set when the year has a deflator: RealTotal and RealGEWE
	// are then in the prices of Change.RealBase.
	Real      bool         `json:"real"`
	RealTotal budget.Money `json:"real_total"`
	RealGEWE  budget.Money `json:"real_gewe"`
}

// Delta is the change from Old to New.
type Delta struct {
	Old budget.Money `json:"old"`
	New budget.Money `json:"new"`
	Abs budget.Money `json:"abs"` // New − Old
	Rel Float        `json:"rel"` // Abs ÷ Old; undefined when Old is not positive
}

// YearChange is the change from one fiscal year to the next.
type YearChange struct {
	From  int   `json:"from"`
	To    int   `json:"to"` // From + 1
	Total Delta `json:"total"`
	GEWE  Delta `json:"gewe"`
	// Share is the change of the GEWE share in percentage points;
	// undefined unless both totals are positive.
	Share Float `json:"share_points"`
	// Real is set when both years have a deflator.
	Real      bool  `json:"real"`
	RealTotal Delta `json:"real_total"`
	RealGEWE  Delta `json:"real_gewe"`
}

// Change is the money by fiscal year and its change from year to year.
type Change struct {
	Weighting string        `json:"weighting"`
	Years     []YearAmounts `json:"years"`
	NoYear    int           `json:"no_year"` // lines with no fiscal year, left out
	// RealBase is the year whose prices real amounts are in: the latest
	// year with money in the phase and a deflator; 0 when there are no
	// real amounts.
	RealBase int          `json:"real_base"`
	Changes  []YearChange `json:"changes"`
}

// Gaps computes the gender gaps of b: the gap to a target share, the
// execution gap between GEWE and other lines, the beneficiary gap, the
// GCM objectives without GEWE money, the concentration of GEWE money
// across objectives and the change by fiscal year. The package
// documentation defines each measure.
//
// Money is summed exactly; floats appear only in ratios and indexes. Gaps
// returns an error when the options are out of range, when b mixes
// currencies, or when a sum of money overflows.
func Gaps(b *budget.Budget, opt GapOptions) (*GapResult, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	if err := oneCurrency("budget", b); err != nil {
		return nil, err
	}
	w := weightingOr(opt.Weighting, DACHeadline)
	phase := opt.phase()
	res := &GapResult{Phase: phase, Weighting: w.Name, Lines: len(b.Lines)}

	if opt.Target > 0 {
		tw := weightingOr(opt.TargetWeighting, PrincipalOnly)
		r, err := Shares(b, Options{Weighting: tw, Phase: phase, PhaseSet: true})
		if err != nil {
			return nil, err
		}
		res.Target = targetGap(r.Total, tw.Name, opt.Target)
	}

	byObj, err := Shares(b, Options{By: []Dim{ByObjective}, Weighting: w, Phase: phase, PhaseSet: true})
	if err != nil {
		return nil, err
	}
	res.Warnings = append(res.Warnings, byObj.Warnings...)
	res.BlindSpots = blindSpots(byObj)
	if res.Concentration, err = concentration(byObj); err != nil {
		return nil, err
	}

	byYear, err := Shares(b, Options{By: []Dim{ByYear}, Weighting: w, Phase: phase, PhaseSet: true})
	if err != nil {
		return nil, err
	}
	if res.Change, err = change(byYear, phase, opt.Deflators); err != nil {
		return nil, err
	}
	if res.Change.NoYear > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d lines have no fiscal year: left out of the change by year", res.Change.NoYear))
	}

	if err := lineGaps(res, b, w, phase, opt.ReferenceWomenShare); err != nil {
		return nil, err
	}
	if res.Execution.Total.All.Lines == 0 && len(b.Lines) > 0 {
		res.Warnings = append(res.Warnings, "no line has both an executed amount and an approved or revised amount: execution rates are undefined")
	}
	return res, nil
}

// oneCurrency returns an error when the lines of bs use more than one
// currency: every measure here adds money.
func oneCurrency(what string, bs ...*budget.Budget) error {
	seen := map[string]bool{}
	for _, b := range bs {
		for i := range b.Lines {
			seen[b.Lines[i].Currency] = true
		}
	}
	if len(seen) <= 1 {
		return nil
	}
	cs := make([]string, 0, len(seen))
	for c := range seen {
		cs = append(cs, orNone(c, "none"))
	}
	sort.Strings(cs)
	return fmt.Errorf("analysis: the %s mixes currencies (%s): analyse one currency at a time", what, strings.Join(cs, ", "))
}

// adder adds money and counts, remembering whether a sum overflowed.
type adder struct{ overflow bool }

func (a *adder) add(x, y budget.Money) budget.Money {
	s, ok := budget.Add(x, y)
	if !ok {
		a.overflow = true
	}
	return s
}

func (a *adder) sub(x, y budget.Money) budget.Money {
	if y == math.MinInt64 {
		a.overflow = true
		return 0
	}
	return a.add(x, -y)
}

func (a *adder) addN(x, y int64) int64 { return int64(a.add(budget.Money(x), budget.Money(y))) }

func (a *adder) err() error {
	if a.overflow {
		return fmt.Errorf("analysis: %w", budget.ErrOverflow)
	}
	return nil
}

// decimalRat returns x as the exact decimal it prints as (0.15, not the
// binary fraction just below it).
func decimalRat(x float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
	if !ok {
		r = new(big.Rat)
	}
	return r
}

func ratMoney(m budget.Money) *big.Rat { return new(big.Rat).SetInt64(int64(m)) }

// roundRat rounds r to the nearest integer, halves away from zero, and
// reports whether it fits in Money.
func roundRat(r *big.Rat) (budget.Money, bool) {
	num := new(big.Int).Abs(r.Num())
	q, m := new(big.Int).QuoRem(num, r.Denom(), new(big.Int))
	if m.Lsh(m, 1).Cmp(r.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	if !q.IsInt64() {
		return 0, false
	}
	return budget.Money(q.Int64()), true
}

func targetGap(g Group, name string, target float64) *TargetGap {
	t := &TargetGap{Weighting: name, Target: target, Share: Ratio{Num: g.GEWE, Den: g.Amount}}
	if g.Amount <= 0 {
		return t
	}
	t.Gap = defined((float64(g.GEWE)/float64(g.Amount) - target) * 100)
	need := new(big.Rat).Mul(decimalRat(target), ratMoney(g.Amount))
	need.Sub(need, ratMoney(g.GEWE))
	if need.Sign() <= 0 {
		t.Met = true
		return t
	}
	q, m := new(big.Int).QuoRem(need.Num(), need.Denom(), new(big.Int))
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	t.Needed = budget.Money(q.Int64()) // ≤ target × total ≤ total
	return t
}

// execSum accumulates the execution of a set of lines.
type execSum struct {
	lines, revised int
	exec, den      budget.Money
}

func (s *execSum) add(a *adder, ex, den budget.Money, revised bool) {
	s.lines++
	if revised {
		s.revised++
	}
	s.exec = a.add(s.exec, ex)
	s.den = a.add(s.den, den)
}

func (s execSum) result() Execution {
	return Execution{Lines: s.lines, Revised: s.revised, Rate: Ratio{Num: s.exec, Den: s.den}, Band: band(s.exec, s.den)}
}

// The execution groups of a line.
const (
	execGEWE = iota
	execOther
	execNotScreened
	execAll
)

type execAcc struct {
	unit, label string
	sums        [4]execSum
}

func (e *execAcc) row() ExecutionRow {
	r := ExecutionRow{
		Unit: e.unit, Label: e.label,
		All: e.sums[execAll].result(), GEWE: e.sums[execGEWE].result(),
		Other: e.sums[execOther].result(), NotScreened: e.sums[execNotScreened].result(),
	}
	g, o := e.sums[execGEWE], e.sums[execOther]
	if g.den > 0 && o.den > 0 {
		r.Gap = defined((float64(g.exec)/float64(g.den) - float64(o.exec)/float64(o.den)) * 100)
	}
	return r
}

// band returns the PEFA-style band of executed money e against budget d:
// "A" when |e − d| ≤ 5 % of d, "B" ≤ 10 %, "C" ≤ 15 %, "D" beyond; ""
// when d is not positive. The comparison is exact.
func band(e, d budget.Money) string {
	if d <= 0 {
		return ""
	}
	var dev uint64 // |e − d|, exact in uint64 for any two int64
	if e >= d {
		dev = uint64(e) - uint64(d)
	} else {
		dev = uint64(d) - uint64(e)
	}
	switch {
	case mulLE(dev, 20, uint64(d), 1): // dev ≤ d/20
		return "A"
	case mulLE(dev, 10, uint64(d), 1):
		return "B"
	case mulLE(dev, 20, uint64(d), 3): // dev ≤ 3d/20
		return "C"
	}
	return "D"
}

// mulLE reports whether a·k ≤ b·m, with 128-bit products.
func mulLE(a, k, b, m uint64) bool {
	h1, l1 := bits.Mul64(a, k)
	h2, l2 := bits.Mul64(b, m)
	return h1 < h2 || (h1 == h2 && l1 <= l2)
}

// counts reports whether a weighting counts line l as GEWE: a positive
// weight at its level, or, for the attributed convention, a non-zero
// declared GEWE amount in some phase.
func counts(w Weighting, l *budget.Line) bool {
	if !w.Attributed {
		return w.Weight(l.Gender.Level) > 0
	}
	if l.GEWE == nil {
		return false
	}
	for _, p := range budget.Phases() {
		if v, ok := l.GEWE.Get(p); ok && v != 0 {
			return true
		}
	}
	return false
}

func unitKey(l *budget.Line) string {
	if l.Unit.Code() != "" {
		return l.Unit.Code()
	}
	return l.Unit.Name()
}

// lineGaps computes the execution and beneficiary gaps in one pass.
func lineGaps(res *GapResult, b *budget.Budget, w Weighting, phase budget.Phase, ref float64) error {
	var a adder
	total := execAcc{label: "All units"}
	units := map[string]*execAcc{}
	var noExec, noDen int

	bg := BeneficiaryGap{Reference: ref}
	var noCounts, negCounts int

	for i := range b.Lines {
		l := &b.Lines[i]

		ex, eok := l.Amounts.Get(budget.Executed)
		den, rev := l.Amounts.Get(budget.Revised)
		dok := rev
		if !rev {
			den, dok = l.Amounts.Get(budget.Approved)
		}
		switch {
		case !eok:
			noExec++
		case !dok:
			noDen++
		default:
			g := execOther
			switch {
			case counts(w, l):
				g = execGEWE
			case !l.Gender.Level.Screened():
				g = execNotScreened
			}
			k := unitKey(l)
			u := units[k]
			if u == nil {
				u = &execAcc{unit: k, label: orNone(l.Unit.Label(), "No unit")}
				units[k] = u
			}
			for _, acc := range []*execAcc{&total, u} {
				acc.sums[g].add(&a, ex, den, rev)
				acc.sums[execAll].add(&a, ex, den, rev)
			}
		}

		bn := l.Beneficiaries
		if bn == nil || !bn.Any() {
			noCounts++
			continue
		}
		if bn.Women.N < 0 || bn.Men.N < 0 || bn.Girls.N < 0 || bn.Boys.N < 0 || bn.Other.N < 0 {
			negCounts++
			continue
		}
		n := func(c budget.Count) int64 {
			if c.OK {
				return c.N
			}
			return 0
		}
		bg.Lines++
		if !bn.Women.OK || !bn.Men.OK || !bn.Girls.OK || !bn.Boys.OK {
			bg.Partial++
		}
		bg.Women = a.addN(bg.Women, n(bn.Women))
		bg.Men = a.addN(bg.Men, n(bn.Men))
		bg.Girls = a.addN(bg.Girls, n(bn.Girls))
		bg.Boys = a.addN(bg.Boys, n(bn.Boys))
		bg.Other = a.addN(bg.Other, n(bn.Other))
		f := a.addN(n(bn.Women), n(bn.Girls))
		m := a.addN(n(bn.Men), n(bn.Boys))
		t := a.addN(a.addN(f, m), n(bn.Other))
		amt, ok := l.Amounts.Get(phase)
		if !ok || t == 0 {
			continue
		}
		bg.MoneyLines++
		bg.FemaleFunded = a.addN(bg.FemaleFunded, f)
		bg.MaleFunded = a.addN(bg.MaleFunded, m)
		perHead := amt.Float() / float64(t)
		bg.FemaleMoney += perHead * float64(f)
		bg.MaleMoney += perHead * float64(m)
		bg.OtherMoney += perHead * float64(n(bn.Other))
	}
	if err := a.err(); err != nil {
		return err
	}

	ex := ExecutionGap{Weighting: w.Name, Total: total.row()}
	keys := make([]string, 0, len(units))
	for k := range units {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i] == "" || keys[j] == "" {
			return keys[j] == "" && keys[i] != ""
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		ex.Units = append(ex.Units, units[k].row())
	}
	if noExec > 0 {
		ex.Excluded = append(ex.Excluded, Exclusion{Reason: "no executed amount", Lines: noExec})
	}
	if noDen > 0 {
		ex.Excluded = append(ex.Excluded, Exclusion{Reason: "executed amount but no approved or revised amount", Lines: noDen})
	}
	res.Execution = ex

	if noCounts > 0 {
		bg.Excluded = append(bg.Excluded, Exclusion{Reason: "no beneficiary counts", Lines: noCounts})
	}
	if negCounts > 0 {
		bg.Excluded = append(bg.Excluded, Exclusion{Reason: "a negative beneficiary count", Lines: negCounts})
	}
	bg.Female = a.addN(bg.Women, bg.Girls)
	bg.Male = a.addN(bg.Men, bg.Boys)
	bg.Total = a.addN(a.addN(bg.Female, bg.Male), bg.Other)
	if bg.Total > 0 {
		bg.FemaleShare = defined(float64(bg.Female) / float64(bg.Total))
		if ref > 0 {
			bg.Gap = defined((bg.FemaleShare.V - ref) * 100)
		}
	}
	if bg.FemaleFunded > 0 {
		bg.PerFemale = defined(bg.FemaleMoney / float64(bg.FemaleFunded))
	}
	if bg.MaleFunded > 0 {
		bg.PerMale = defined(bg.MaleMoney / float64(bg.MaleFunded))
	}
	if bg.PerFemale.OK && bg.PerMale.OK && bg.PerMale.V != 0 {
		bg.FemaleToMale = defined(bg.PerFemale.V / bg.PerMale.V)
	}
	res.Beneficiaries = bg
	return a.err()
}

// objectiveGroups indexes the groups of a by-objective result by
// objective number; untagged is the group of lines with no objective.
func objectiveGroups(r *Result) (byNum map[int]*Group, untagged *Group) {
	byNum = map[int]*Group{}
	for i := range r.Groups {
		g := &r.Groups[i]
		v := g.Keys[0].Value
		if v == "" {
			untagged = g
			continue
		}
		if n, err := strconv.Atoi(v); err == nil {
			byNum[n] = g
		}
	}
	return byNum, untagged
}

func blindSpots(r *Result) BlindSpots {
	bs := BlindSpots{Weighting: r.Weighting}
	byNum, untagged := objectiveGroups(r)
	if untagged != nil {
		bs.Untagged, bs.UntaggedLines = untagged.Amount, untagged.Lines
	}
	for _, o := range budget.Objectives() {
		om := ObjectiveMoney{Objective: o.Number, Label: o.Short}
		if g := byNum[o.Number]; g != nil {
			om.Lines, om.Amount, om.GEWE, om.NotScreened = g.Lines, g.Amount, g.GEWE, g.Level(budget.NotScreened)
		}
		switch {
		case om.Amount <= 0:
			bs.NoBudget = append(bs.NoBudget, om)
		case om.GEWE <= 0:
			bs.NoGEWE = append(bs.NoGEWE, om)
		}
	}
	return bs
}

func concentration(r *Result) (Concentration, error) {
	c := Concentration{Weighting: r.Weighting}
	var a adder
	byNum, _ := objectiveGroups(r)
	nums := make([]int, 0, len(byNum))
	for n := range byNum {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		g := byNum[n]
		switch {
		case g.GEWE > 0:
			label := strconv.Itoa(n)
			if o, ok := budget.ObjectiveByNumber(n); ok {
				label = o.Short
			}
			c.Objectives = append(c.Objectives, ObjectiveGEWE{Objective: n, Label: label, GEWE: g.GEWE})
			c.GEWE = a.add(c.GEWE, g.GEWE)
		case g.GEWE < 0:
			c.Negative++
			c.NegativeGEWE = a.add(c.NegativeGEWE, g.GEWE)
		}
	}
	c.N = len(c.Objectives)
	if c.N == 0 || a.overflow {
		return c, a.err()
	}
	p := make([]float64, c.N)
	for i := range c.Objectives {
		p[i] = float64(c.Objectives[i].GEWE) / float64(c.GEWE)
		c.Objectives[i].Share = p[i]
	}
	if c.N == 1 {
		c.HHI, c.Entropy, c.Effective = defined(1), defined(0), defined(1)
		return c, nil
	}
	c.HHI = defined(floats.Dot(p, p))
	c.Entropy = defined(stat.Entropy(p) / math.Log(float64(c.N)))
	c.Effective = defined(1 / c.HHI.V)
	return c, nil
}

func change(r *Result, phase budget.Phase, defl map[int]float64) (Change, error) {
	c := Change{Weighting: r.Weighting}
	var a adder
	for i := range r.Groups {
		g := &r.Groups[i]
		v := g.Keys[0].Value
		if v == "" {
			c.NoYear += g.Lines
			continue
		}
		y, err := strconv.Atoi(v)
		if err != nil {
			continue
		}
		c.Years = append(c.Years, YearAmounts{Year: y, Lines: g.Lines, Present: g.ByPhase.Lines[phase], Total: g.Amount, GEWE: g.GEWE, Share: g.GEWEShare})
	}
	sort.Slice(c.Years, func(i, j int) bool { return c.Years[i].Year < c.Years[j].Year })

	for _, y := range c.Years {
		if _, ok := defl[y.Year]; ok && y.Present > 0 {
			c.RealBase = y.Year
		}
	}
	if c.RealBase != 0 {
		base := decimalRat(defl[c.RealBase])
		for i := range c.Years {
			y := &c.Years[i]
			idx, ok := defl[y.Year]
			if !ok {
				continue
			}
			f := new(big.Rat).Quo(base, decimalRat(idx))
			var ok1, ok2 bool
			y.RealTotal, ok1 = roundRat(new(big.Rat).Mul(ratMoney(y.Total), f))
			y.RealGEWE, ok2 = roundRat(new(big.Rat).Mul(ratMoney(y.GEWE), f))
			if !ok1 || !ok2 {
				return c, fmt.Errorf("analysis: real amounts of %d: %w", y.Year, budget.ErrOverflow)
			}
			y.Real = true
		}
	}

	for i := 1; i < len(c.Years); i++ {
		o, n := c.Years[i-1], c.Years[i]
		if n.Year != o.Year+1 || o.Present == 0 || n.Present == 0 {
			continue
		}
		ch := YearChange{From: o.Year, To: n.Year, Total: delta(&a, o.Total, n.Total), GEWE: delta(&a, o.GEWE, n.GEWE)}
		if o.Total > 0 && n.Total > 0 {
			ch.Share = defined((float64(n.GEWE)/float64(n.Total) - float64(o.GEWE)/float64(o.Total)) * 100)
		}
		if o.Real && n.Real {
			ch.Real = true
			ch.RealTotal = delta(&a, o.RealTotal, n.RealTotal)
			ch.RealGEWE = delta(&a, o.RealGEWE, n.RealGEWE)
		}
		c.Changes = append(c.Changes, ch)
	}
	return c, a.err()
}

func delta(a *adder, old, new budget.Money) Delta {
	d := Delta{Old: old, New: new, Abs: a.sub(new, old)}
	if old > 0 {
		d.Rel = defined(float64(d.Abs) / float64(old))
	}
	return d
}
