package analysis

import (
	"sort"

	"github.com/grb-toolkit/grb/budget"
)

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

// ExecutionGap compares how fully GEWE lines and other lines are
// executed.
type ExecutionGap struct {
	Weighting string         `json:"weighting"`
	Total     ExecutionRow   `json:"total"`
	Units     []ExecutionRow `json:"units"` // by unit code (or name), "" last
	Excluded  []Exclusion    `json:"excluded,omitempty"`
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
