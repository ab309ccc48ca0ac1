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
	if g.den.Sign() > 0 && o.den.Sign() > 0 {
		r.Gap = defined((quo(g.exec, g.den) - quo(o.exec, o.den)) * 100)
	}
	return r
}

// band returns the PEFA-style band of executed money e against budget d:
// "A" when |e − d| ≤ 5 % of d, "B" ≤ 10 %, "C" ≤ 15 %, "D" beyond; ""
// when d is not positive. The comparison is exact.
func band(e, d budget.Money) string {
	if d.Sign() <= 0 {
		return ""
	}
	dev, ok := e.Sub(d) // |e − d|
	if !ok {
		return "D"
	}
	dev = dev.Abs()
	switch {
	case bandLE(dev, 20, d, 1): // dev ≤ d/20
		return "A"
	case bandLE(dev, 10, d, 1):
		return "B"
	case bandLE(dev, 20, d, 3): // dev ≤ 3d/20
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
		if v, ok := l.GEWE.Get(p); ok && !v.IsZero() {
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

// executionTally accumulates the execution gap line by line: the whole
// budget, each unit, and the lines left out.
type executionTally struct {
	w             Weighting
	total         execAcc
	units         map[string]*execAcc
	noExec, noDen int
}

func newExecutionTally(w Weighting) *executionTally {
	return &executionTally{w: w, total: execAcc{label: "All units"}, units: map[string]*execAcc{}}
}

// executionBase returns the money line l's execution is measured
// against: its revised amount if it has one, else its approved amount;
// ok is false when it has neither.
func executionBase(l *budget.Line) (den budget.Money, revised, ok bool) {
	den, revised = l.Amounts.Get(budget.Revised)
	if revised {
		return den, true, true
	}
	den, ok = l.Amounts.Get(budget.Approved)
	return den, false, ok
}

// execGroup returns the execution group of line l under weighting w.
func execGroup(w Weighting, l *budget.Line) int {
	switch {
	case counts(w, l):
		return execGEWE
	case !l.Gender.Level.Screened():
		return execNotScreened
	}
	return execOther
}

// unit returns the accumulator of line l's unit, creating it.
func (t *executionTally) unit(l *budget.Line) *execAcc {
	k := unitKey(l)
	u := t.units[k]
	if u == nil {
		u = &execAcc{unit: k, label: orNone(l.Unit.Label(), "No unit")}
		t.units[k] = u
	}
	return u
}

// add counts line l, or the reason it is left out.
func (t *executionTally) add(a *adder, l *budget.Line) {
	ex, eok := l.Amounts.Get(budget.Executed)
	den, rev, dok := executionBase(l)
	switch {
	case !eok:
		t.noExec++
		return
	case !dok:
		t.noDen++
		return
	}
	g := execGroup(t.w, l)
	u := t.unit(l)
	for _, acc := range []*execAcc{&t.total, u} {
		acc.sums[g].add(a, ex, den, rev)
		acc.sums[execAll].add(a, ex, den, rev)
	}
}

// result returns the execution gap: the total, the units by key with ""
// last, and the lines left out.
func (t *executionTally) result() ExecutionGap {
	ex := ExecutionGap{Weighting: t.w.Name, Total: t.total.row()}
	keys := make([]string, 0, len(t.units))
	for k := range t.units {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i] == "" || keys[j] == "" {
			return keys[j] == "" && keys[i] != ""
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		ex.Units = append(ex.Units, t.units[k].row())
	}
	if t.noExec > 0 {
		ex.Excluded = append(ex.Excluded, Exclusion{Reason: ExclusionNoExecuted, Lines: t.noExec})
	}
	if t.noDen > 0 {
		ex.Excluded = append(ex.Excluded, Exclusion{Reason: ExclusionNoBudget, Lines: t.noDen})
	}
	return ex
}
