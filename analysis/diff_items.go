package analysis

import (
	"slices"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// differ matches the lines of two budgets by key and measures the items
// they form, in one phase under one weighting; a holds whether a sum
// overflowed.
type differ struct {
	w     Weighting
	phase budget.Phase
	by    string
	a     adder
}

// norm folds case and spacing for matching.
func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func progKey(l *budget.Line) string {
	if l.Programme.Code() != "" {
		return l.Programme.Code()
	}
	return l.Programme.Name()
}

// key returns the matching key of l.
func (d *differ) key(l *budget.Line) string {
	switch d.by {
	case DiffByID:
		return strings.TrimSpace(l.ID)
	case DiffByProgramme:
		return norm(unitKey(l)) + "\x00" + norm(progKey(l))
	}
	return norm(unitKey(l)) + "\x00" + norm(progKey(l)) + "\x00" + norm(l.Description)
}

// index maps each key of b to its lines' indices.
func (d *differ) index(b *budget.Budget) map[string][]int {
	m := map[string][]int{}
	for i := range b.Lines.Len() {
		k := d.key(new(b.Lines.At(i)))
		m[k] = append(m[k], i)
	}
	return m
}

// amount returns l's amount in the phase, 0 when absent.
func (d *differ) amount(l *budget.Line) budget.Money {
	v, _ := l.Amounts.Get(d.phase)
	return v
}

// gewe returns l's GEWE money under the weighting: the declared GEWE
// amount for the attributed convention, else the amount times the
// level's weight, rounded half away from zero to the cent.
func (d *differ) gewe(l *budget.Line) budget.Money {
	if d.w.Attributed {
		if l.GEWE == nil {
			return budget.Money{}
		}
		v, _ := l.GEWE.Get(d.phase)
		return v
	}
	return d.weigh(d.amount(l), l.Gender.Level)
}

func (d *differ) weigh(m budget.Money, lv budget.Level) budget.Money {
	v, ok := weighBP(m, d.w.Weight(lv))
	if !ok {
		d.a.overflow = true
	}
	return v
}

// items splits unpaired lines into items: one per programme in
// programme mode, else one per line.
func (d *differ) items(ls []*budget.Line) [][]*budget.Line {
	if d.by == DiffByProgramme {
		return [][]*budget.Line{ls}
	}
	out := make([][]*budget.Line, len(ls))
	for i, l := range ls {
		out[i] = []*budget.Line{l}
	}
	return out
}

// side is what one budget holds of an item.
type side struct {
	lines      int
	amount     budget.Money
	gewe       budget.Money
	levels     []budget.Level
	objectives []budget.ObjectiveShare
	pos        budget.Position
}

func (d *differ) side(ls []*budget.Line) side {
	s := side{lines: len(ls), pos: ls[0].Pos, levels: levelsOf(ls)}
	for _, l := range ls {
		s.amount = d.a.add(s.amount, d.amount(l))
		s.gewe = d.a.add(s.gewe, d.gewe(l))
	}
	if d.by == DiffByProgramme {
		s.objectives = d.objectiveMix(ls)
	} else {
		s.objectives = slices.Clone(ls[0].Objectives)
	}
	return s
}

func (it *DiffItem) setOld(s side) {
	it.OldLines, it.Old, it.OldGEWE, it.OldLevels, it.OldObjectives, it.OldPos = s.lines, s.amount, s.gewe, s.levels, s.objectives, s.pos
}

func (it *DiffItem) setNew(s side) {
	it.NewLines, it.New, it.NewGEWE, it.NewLevels, it.NewObjectives, it.NewPos = s.lines, s.amount, s.gewe, s.levels, s.objectives, s.pos
}

// describe returns an item with the key and labels of line l.
func (d *differ) describe(l *budget.Line) DiffItem {
	it := DiffItem{Unit: l.Unit, Programme: l.Programme}
	switch d.by {
	case DiffByID:
		it.ID = strings.TrimSpace(l.ID)
		it.Key = it.ID
		it.Description = l.Description
	case DiffByProgramme:
		it.Key = unitKey(l) + " / " + progKey(l)
	default:
		it.Description = l.Description
		it.Key = unitKey(l) + " / " + progKey(l) + " / " + strings.Join(strings.Fields(l.Description), " ")
	}
	return it
}

// kept describes an item present in both budgets, with its effects.
func (d *differ) kept(ol, nl []*budget.Line) DiffItem {
	it := d.describe(nl[0])
	it.setOld(d.side(ol))
	it.setNew(d.side(nl))
	// c is the counterfactual: the new amount under the old marking.
	var c budget.Money
	switch {
	case d.by != DiffByProgramme && !d.w.Attributed:
		c = d.weigh(it.New, ol[0].Gender.Level)
	case !it.Old.IsZero():
		var ok bool
		if c, ok = mulDivRound(it.OldGEWE, it.New, it.Old); !ok {
			d.a.overflow = true
		}
	default: // no old amount, no old share: the whole change is an amount change
		c = it.NewGEWE
	}
	it.AmountEffect = d.a.sub(c, it.OldGEWE)
	it.RemarkEffect = d.a.sub(it.NewGEWE, c)
	return it
}

// retagged reports whether the GCM objectives of a kept item changed: a
// line's objectives or shares; a programme's set of objectives.
func (d *differ) retagged(it DiffItem) bool {
	if d.by != DiffByProgramme {
		return !slices.Equal(sortedShares(it.OldObjectives), sortedShares(it.NewObjectives))
	}
	nums := func(os []budget.ObjectiveShare) []int {
		out := make([]int, len(os))
		for i, o := range os {
			out[i] = o.Objective
		}
		return out
	}
	return !slices.Equal(nums(it.OldObjectives), nums(it.NewObjectives))
}

func sortedShares(os []budget.ObjectiveShare) []budget.ObjectiveShare {
	s := slices.Clone(os)
	slices.SortFunc(s, func(a, b budget.ObjectiveShare) int { return a.Objective - b.Objective })
	return s
}

// levelsOf returns the distinct levels of ls, highest first.
func levelsOf(ls []*budget.Line) []budget.Level {
	var seen [8]bool
	for _, l := range ls {
		if int(l.Gender.Level) < len(seen) {
			seen[l.Gender.Level] = true
		}
	}
	var out []budget.Level
	all := budget.Levels()
	for i := len(all) - 1; i >= 0; i-- {
		if seen[all[i]] {
			out = append(out, all[i])
		}
	}
	for _, l := range ls { // levels outside the enum, should any appear
		if int(l.Gender.Level) >= len(seen) && !slices.Contains(out, l.Gender.Level) {
			out = append(out, l.Gender.Level)
		}
	}
	return out
}

// objectiveMix returns the objectives of a programme's lines, by number,
// with their shares of its objective-tagged money in the phase, in basis
// points: each line's amount is apportioned by its objective shares as
// Shares does, and the sums are apportioned to 10000 by the
// largest-remainder method. The shares are all 0 when that money is not
// positive or an objective's part is negative.
func (d *differ) objectiveMix(ls []*budget.Line) []budget.ObjectiveShare {
	money := map[int]budget.Money{}
	var parts []part
	var alloc []budget.Money
	for _, l := range ls {
		for _, o := range l.Objectives {
			if _, ok := money[o.Objective]; !ok {
				money[o.Objective] = budget.Money{}
			}
		}
		v, ok := l.Amounts.Get(d.phase)
		if !ok || len(l.Objectives) == 0 {
			continue
		}
		parts = parts[:0]
		for _, o := range l.Objectives {
			parts = append(parts, part{weight: o.Share})
		}
		alloc = apportion(alloc[:0], v, parts)
		for i, o := range l.Objectives {
			money[o.Objective] = d.a.add(money[o.Objective], alloc[i])
		}
	}
	if len(money) == 0 {
		return nil
	}
	out := make([]budget.ObjectiveShare, 0, len(money))
	var total budget.Money
	ok := true
	for o, m := range money {
		out = append(out, budget.ObjectiveShare{Objective: o})
		total = d.a.add(total, m)
		ok = ok && m.Sign() >= 0
	}
	slices.SortFunc(out, func(a, b budget.ObjectiveShare) int { return a.Objective - b.Objective })
	if !ok || total.Sign() <= 0 || d.a.overflow {
		return out
	}
	weights := make([]budget.Money, len(out))
	for i, o := range out {
		weights[i] = money[o.Objective]
	}
	for i, bp := range apportionBP(weights, total) {
		out[i].Share = bp
	}
	return out
}
