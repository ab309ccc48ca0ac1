package analysis

import (
	"fmt"
	"sort"

	"github.com/grb-toolkit/grb/budget"
)

// CheckOptions controls Check. The zero value checks the profile's phase,
// or the approved phase when the profile names none.
type CheckOptions struct {
	Phase    budget.Phase
	PhaseSet bool // Phase was given: it overrides the profile's
}

// Check evaluates every rule of profile p on the lines of b.
//
// Amount rules measure money of the phase checked (a line without an
// amount in that phase adds nothing; money not screened stays in the
// denominator); line rules count every line. A measured value exactly on
// the threshold passes; a share whose denominator is zero (no money, no
// lines) is undefined and fails. With Per, every group must pass; lines
// split between objectives count in each of their groups, their money
// apportioned as Shares does. When the lines are in several currencies,
// amount rules are judged within each currency, since such money cannot
// be added.
//
// Each rule's Why says, as a code and its values, why it passes or fails;
// package reports words it.
//
// It returns an error only when a rule of p is malformed.
func Check(b *budget.Budget, p Profile, opt CheckOptions) (*CheckResult, error) {
	phase := budget.Approved
	if p.PhaseSet {
		phase = p.Phase
	}
	if opt.PhaseSet {
		phase = opt.Phase
	}
	res := &CheckResult{Source: b.Source, Profile: p, Phase: phase, Lines: b.Lines.Len(), Rules: []RuleResult{}, InputErrors: b.Errors()}
	currencies := map[string]bool{}
	noAmount := 0
	for i := range b.Lines.Len() {
		currencies[b.Lines.CurrencyAt(i)] = true
		if _, ok := b.Lines.AmountsAt(i).Get(phase); !ok {
			noAmount++
		}
	}
	multi := len(currencies) > 1
	for _, r := range p.Rules {
		if err := r.check(); err != nil {
			return nil, fmt.Errorf("analysis: profile %s: rule %s: %v", p.Name, r.ID, err)
		}
		rr, err := checkRule(b, r, phase, multi)
		if err != nil {
			return nil, err
		}
		switch {
		case !rr.Pass && r.Advisory:
			res.Advisory++
		case !rr.Pass:
			res.Failed++
		}
		if r.Unverified {
			res.Unverified++
		}
		res.Rules = append(res.Rules, *rr)
	}
	res.Pass = res.Failed == 0
	if multi {
		res.Notes = append(res.Notes, Note{Code: NoteJudgedPerCurrency, N: len(currencies)})
	}
	if noAmount > 0 {
		res.Notes = append(res.Notes, Note{Code: NoteNoAmount, N: noAmount, Phase: phase})
	}
	return res, nil
}

// checkGroup is one group of lines being judged.
type checkGroup struct {
	keys     [maxDims]string
	label    []Key
	measured Measured
	lines    []int // indices of the lines in the group
}

// ruleCheck is one rule being checked on a budget.
type ruleCheck struct {
	b     *budget.Budget
	r     Rule
	phase budget.Phase
	by    []Dim // the rule's groups: currency for money in several, then Per
	// groups are the groups by their keys, order in order of first line.
	groups map[[maxDims]string]*checkGroup
	order  []*checkGroup
}

func checkRule(b *budget.Budget, r Rule, phase budget.Phase, multi bool) (*RuleResult, error) {
	c := &ruleCheck{b: b, r: r, phase: phase}
	if r.Measure == UnitAmount && multi && r.Per != ByCurrency {
		c.by = append(c.by, ByCurrency)
	}
	if r.Per != "" {
		c.by = append(c.by, r.Per)
	}
	c.groupLines()
	if r.Measure == UnitLines {
		c.countLines()
	} else if err := c.measureMoney(); err != nil {
		return nil, err
	}
	rr := c.judge()
	rr.Lines = c.lineRefs(rr.failing)
	return &rr.RuleResult, nil
}

// groupLines puts each line in its groups.
func (c *ruleCheck) groupLines() {
	areas := objectiveAreas()
	c.groups = map[[maxDims]string]*checkGroup{}
	var parts, scratch []part
	for i := range c.b.Lines.Len() {
		lv := c.b.Lines.At(i)
		l := &lv
		parts, scratch = lineParts(parts[:0], scratch, l, c.by, areas)
		for _, p := range parts {
			g := c.groups[p.keys]
			if g == nil {
				g = &checkGroup{keys: p.keys, label: keysOf(p.keys, c.by, l, areas), measured: Measured{Unit: c.r.Measure}}
				c.groups[p.keys] = g
				c.order = append(c.order, g)
			}
			g.lines = append(g.lines, i)
		}
	}
	if c.b.Lines.Len() == 0 { // one empty group: the whole (empty) budget
		g := &checkGroup{measured: Measured{Unit: c.r.Measure}}
		c.groups[g.keys] = g
		c.order = append(c.order, g)
	}
}

// below reports whether line l falls short of the rule: below its level,
// not screened (coverage), or without a declared GEWE amount (the
// attributed weighting).
func (c *ruleCheck) below(l *budget.Line) bool {
	switch {
	case c.r.Kind == Coverage:
		return !l.Gender.Level.Screened()
	case c.r.Kind == AmountShare && c.r.Weighting.Attributed:
		if l.GEWE == nil {
			return true
		}
		_, ok := l.GEWE.Get(c.phase)
		return !ok
	}
	return l.Gender.Level < c.r.Level
}

// countLines measures each group by its actions: the lines read from one
// row of the file (one IATI activity, whose budget periods are lines)
// count once, and meet the rule when one of them does. A line with no
// row (built in memory) is an action of its own.
func (c *ruleCheck) countLines() {
	type action struct {
		pos budget.Position
		i   int
	}
	for _, g := range c.order {
		meets := map[action]bool{}
		for _, i := range g.lines {
			lv := c.b.Lines.At(i)
			l := &lv
			a := action{pos: l.Pos}
			if l.Pos.Row == 0 {
				a = action{i: i + 1}
			}
			meets[a] = meets[a] || !c.below(l)
		}
		for _, ok := range meets {
			g.measured.Den, _ = budget.Add(g.measured.Den, budget.FromUnits(1))
			if ok {
				g.measured.Num, _ = budget.Add(g.measured.Num, budget.FromUnits(1))
			}
		}
	}
}

// measureMoney measures each group by its money, as Shares counts it.
func (c *ruleCheck) measureMoney() error {
	counted := c.r.Weighting
	if c.r.Kind == Coverage {
		counted = Weighting{Name: "screened", Weights: map[budget.Level]int{}}
		for _, lv := range budget.Levels() {
			counted.Weights[lv] = 10000 // Weight() keeps NotScreened at 0
		}
	} else if !counted.Attributed {
		counted = atOrAbove(counted, c.r.Level)
	}
	sh, err := Shares(c.b, Options{By: c.by, Weighting: counted, Phase: c.phase, PhaseSet: true})
	if err != nil {
		return err
	}
	measure := func(g *Group) Measured {
		return Measured{Unit: UnitAmount, Num: g.GEWE, Den: g.Amount}
	}
	if len(c.by) == 0 {
		c.order[0].measured = measure(&sh.Total)
		return nil
	}
	for i := range sh.Groups {
		var k [maxDims]string
		for d, key := range sh.Groups[i].Keys {
			k[d] = key.Value
		}
		if g := c.groups[k]; g != nil {
			g.measured = measure(&sh.Groups[i])
		}
	}
	return nil
}

// judgement is a rule's result with the lines that drive its failure.
type judgement struct {
	RuleResult
	failing map[int]bool // indices of the lines below, in failing groups
}

// judge passes or fails each group and the rule, and says why.
func (c *ruleCheck) judge() judgement {
	r := c.r
	j := judgement{RuleResult: RuleResult{Rule: r, Pass: true, Lines: []LineRef{}}, failing: map[int]bool{}}
	sortCheckGroups(c.order, c.by)
	var worst *checkGroup
	passed := 0
	for _, g := range c.order {
		ok := g.measured.meets(r.Min)
		if ok {
			passed++
		} else {
			j.Pass = false
			for _, i := range g.lines {
				if c.below(new(c.b.Lines.At(i))) {
					j.failing[i] = true
				}
			}
		}
		if worst == nil || lower(g.measured, worst.measured) {
			worst = g
		}
		if len(c.by) > 0 {
			j.Groups = append(j.Groups, GroupCheck{Keys: g.label, Pass: ok, Measured: g.measured, Why: ruleReason(r, g.measured, c.phase, ok, true)})
		}
	}
	j.Measured = worst.measured
	if len(c.by) == 0 {
		j.Why = ruleReason(r, worst.measured, c.phase, j.Pass, false)
		if j.Why.Code == ReasonLinesBelow {
			j.Why.Below = levelCounts(c.b, j.failing)
		}
		return j
	}
	lowest := ruleReason(r, worst.measured, c.phase, worst.measured.meets(r.Min), true)
	j.Why = Reason{Code: ReasonGroups, Measured: worst.measured, Pass: j.Pass, Phase: c.phase, Min: r.Min, Level: r.Level,
		Weighting: r.Weighting.Name, Attributed: r.Weighting.Attributed,
		Passed: passed, Groups: len(c.order), Scope: c.by, Lowest: worst.label, LowestReason: &lowest}
	return j
}

// lineRefs lists the lines of set, with their amounts in the phase
// checked: those with an amount first, largest first, then in budget
// order.
func (c *ruleCheck) lineRefs(set map[int]bool) []LineRef {
	out := []LineRef{}
	for i := range set {
		lv := c.b.Lines.At(i)
		l := &lv
		amt, has := l.Amounts.Get(c.phase)
		out = append(out, LineRef{
			Index: i, Pos: l.Pos, Unit: l.Unit.Label(), Description: l.Description,
			Amount: amt, HasAmount: has, Level: l.Gender.Level, Raw: l.Gender.Raw(),
		})
	}
	sort.Slice(out, func(i, j int) bool {
		a, c := out[i], out[j]
		if a.HasAmount != c.HasAmount {
			return a.HasAmount
		}
		if a.Amount != c.Amount {
			return a.Amount.Cmp(c.Amount) > 0
		}
		return a.Index < c.Index
	})
	return out
}

// ruleReason says why rule r passes or fails on the measured value m of
// the whole budget, or of one group (inGroup).
func ruleReason(r Rule, m Measured, phase budget.Phase, pass, inGroup bool) Reason {
	why := Reason{Measured: m, Pass: pass, Phase: phase, Min: r.Min, Level: r.Level,
		Weighting: r.Weighting.Name, Attributed: r.Weighting.Attributed, InGroup: inGroup}
	if _, ok := m.Value(); !ok {
		why.Code = ReasonNoMoney
		if m.Unit == UnitLines {
			why.Code = ReasonNoLines
		}
		return why
	}
	why.OnThreshold = pass && r.Min > 0 && m.exactly(r.Min)
	if !pass {
		why.Shortfall = m.shortfall(r.Min)
	}
	why.Missing, _ = m.Den.Sub(m.Num)
	switch {
	case r.Kind == EveryLine && pass:
		why.Code = ReasonAllAtLevel
	case r.Kind == EveryLine:
		why.Code = ReasonLinesBelow
	case r.Kind == CountShare:
		why.Code = ReasonLineShare
	case r.Kind == Coverage && m.Unit == UnitLines:
		why.Code = ReasonScreenedLines
	case r.Kind == Coverage:
		why.Code = ReasonScreenedMoney
	default:
		why.Code = ReasonMoneyShare
	}
	return why
}

// levelCounts counts the lines of set by level, highest level first,
// leaving out levels with none.
func levelCounts(b *budget.Budget, set map[int]bool) []LevelCount {
	n := map[budget.Level]int{}
	for i := range set {
		n[b.Lines.GenderAt(i).Level]++
	}
	var out []LevelCount
	levels := budget.Levels()
	for k := len(levels) - 1; k >= 0; k-- {
		if c := n[levels[k]]; c > 0 {
			out = append(out, LevelCount{Level: levels[k], Lines: c})
		}
	}
	return out
}

// atOrAbove returns w counting only the levels at or above min.
func atOrAbove(w Weighting, min budget.Level) Weighting {
	out := w
	out.Weights = map[budget.Level]int{}
	for lv, bp := range w.Weights {
		if lv >= min {
			out.Weights[lv] = bp
		}
	}
	return out
}

// sortCheckGroups orders groups as Shares orders its groups.
func sortCheckGroups(gs []*checkGroup, by []Dim) {
	if len(by) == 0 {
		return
	}
	tmp := make([]Group, len(gs))
	byKeys := map[[maxDims]string]*checkGroup{}
	for i, g := range gs {
		tmp[i].Keys = g.label
		byKeys[g.keys] = g
	}
	sortGroups(tmp, by)
	for i := range tmp {
		var k [maxDims]string
		for d, key := range tmp[i].Keys {
			k[d] = key.Value
		}
		gs[i] = byKeys[k]
	}
}
