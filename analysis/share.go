package analysis

import (
	"fmt"
	"sort"

	"github.com/grb-toolkit/grb/budget"
)

// Options controls Shares. The zero value groups nothing (the total
// only), analyses the approved phase and counts GEWE money under
// DACHeadline.
type Options struct {
	By        []Dim
	Weighting Weighting    // zero value: DACHeadline
	Phase     budget.Phase // phase analysed
	PhaseSet  bool         // Phase was given; else Approved
}

func (o Options) phase() budget.Phase {
	if o.PhaseSet {
		return o.Phase
	}
	return budget.Approved
}

func (o Options) weighting() Weighting {
	if o.Weighting.Name == "" {
		return DACHeadline
	}
	return o.Weighting
}

// Shares groups the lines of b by opt.By and computes, for each group and
// the total, the money by phase, its share of the total, its composition
// by marker level, the weighted GEWE money and the screening coverage.
//
// Money is summed exactly. A line split between objectives is apportioned
// by its shares with the largest-remainder method, so group amounts add up
// to the total to the cent; thematic areas share an objective's money
// equally when the objective belongs to several.
func Shares(b *budget.Budget, opt Options) (*Result, error) {
	if len(opt.By) > maxDims {
		return nil, fmt.Errorf("analysis: at most %d dimensions", maxDims)
	}
	w := opt.weighting()
	phase := opt.phase()
	res := &Result{Phase: phase, Weighting: w.Name, By: append([]Dim{}, opt.By...), Groups: []Group{}}

	currencies := map[string]bool{}
	for i := range b.Lines {
		currencies[b.Lines[i].Currency] = true
	}
	for c := range currencies {
		res.Currencies = append(res.Currencies, c)
	}
	sort.Strings(res.Currencies)
	if len(currencies) > 1 && !hasDim(res.By, ByCurrency) {
		res.By = append([]Dim{ByCurrency}, res.By...)
		res.Warnings = append(res.Warnings, fmt.Sprintf("the budget has %d currencies: grouped by currency first, since money in different currencies cannot be added", len(currencies)))
	}
	if len(res.By) > maxDims {
		return nil, fmt.Errorf("analysis: at most %d dimensions", maxDims)
	}
	areas := objectiveAreas()

	groups := map[[maxDims]string]*Group{}
	total := newGroup(nil)
	var a adder // every money sum is checked for overflow
	var parts, scratch []part
	var gs []*Group
	var alloc []budget.Money
	for i := range b.Lines {
		l := &b.Lines[i]
		addWhole(&a, total, l, phase)
		if l.GEWE != nil {
			if _, ok := l.GEWE.Get(phase); ok {
				res.AttributedLines++
			}
		}
		parts, scratch = lineParts(parts[:0], scratch, l, res.By, areas)
		gs = gs[:0]
		for _, p := range parts {
			g := groups[p.keys]
			if g == nil {
				g = newGroup(keysOf(p.keys, res.By, l, areas))
				groups[p.keys] = g
			}
			gs = append(gs, g)
		}
		if len(parts) == 1 {
			addWhole(&a, gs[0], l, phase)
			continue
		}
		for _, g := range gs {
			g.Lines++
		}
		for _, p := range budget.Phases() {
			v, ok := l.Amounts.Get(p)
			if !ok {
				continue
			}
			alloc = apportion(alloc[:0], v, parts)
			for k, g := range gs {
				g.ByPhase.Sum[p] = a.add(g.ByPhase.Sum[p], alloc[k])
				g.ByPhase.Lines[p]++
				if p == phase {
					g.Amount = a.add(g.Amount, alloc[k])
					g.ByLevel[l.Gender.Level] = a.add(g.ByLevel[l.Gender.Level], alloc[k])
				}
			}
		}
		if l.GEWE != nil {
			if v, ok := l.GEWE.Get(phase); ok {
				alloc = apportion(alloc[:0], v, parts)
				for k, g := range gs {
					g.attributed = a.add(g.attributed, alloc[k])
				}
			}
		}
	}
	if err := a.err(); err != nil {
		return nil, err
	}
	if len(res.By) > 0 {
		for _, g := range groups {
			res.Groups = append(res.Groups, *g)
		}
	}
	sortGroups(res.Groups, res.By)
	res.Total = *total
	finish(&res.Total, w, res.Total.Amount)
	// With several currencies, a group's share is of its currency's total.
	curTotal := map[string]budget.Money{}
	ci := -1
	if len(res.Currencies) > 1 {
		for d, dim := range res.By {
			if dim == ByCurrency {
				ci = d
			}
		}
		for i := range res.Groups {
			k := res.Groups[i].Keys[ci].Value
			curTotal[k] = a.add(curTotal[k], res.Groups[i].Amount)
		}
	}
	if err := a.err(); err != nil {
		return nil, err
	}
	for i := range res.Groups {
		den := res.Total.Amount
		if ci >= 0 {
			den = curTotal[res.Groups[i].Keys[ci].Value]
		}
		finish(&res.Groups[i], w, den)
	}
	for _, c := range Weightings() {
		g := res.Total
		finish(&g, c, res.Total.Amount)
		res.Conventions = append(res.Conventions, Convention{Weighting: c.Name, GEWE: g.GEWE, Share: g.GEWEShare})
	}
	if res.Total.Amount == 0 && len(b.Lines) > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("no line has a %s amount: every share is undefined (try another --phase)", phase))
	}
	return res, nil
}

func newGroup(keys []Key) *Group {
	return &Group{Keys: keys, ByLevel: make(LevelAmounts, len(budget.Levels()))}
}

// addWhole adds all of line l to g.
func addWhole(a *adder, g *Group, l *budget.Line, phase budget.Phase) {
	g.Lines++
	for _, p := range budget.Phases() {
		if v, ok := l.Amounts.Get(p); ok {
			g.ByPhase.Sum[p] = a.add(g.ByPhase.Sum[p], v)
			g.ByPhase.Lines[p]++
			if p == phase {
				g.Amount = a.add(g.Amount, v)
				g.ByLevel[l.Gender.Level] = a.add(g.ByLevel[l.Gender.Level], v)
			}
		}
	}
	if l.GEWE != nil {
		if v, ok := l.GEWE.Get(phase); ok {
			g.attributed = a.add(g.attributed, v)
		}
	}
}

// finish computes the weighted GEWE money and the ratios of g.
func finish(g *Group, w Weighting, total budget.Money) {
	g.Share = Ratio{g.Amount, total}
	if w.Attributed {
		g.GEWE = g.attributed
	} else {
		var sum budget.Money
		for _, lv := range budget.Levels() {
			if bp := w.Weight(lv); bp > 0 {
				m := g.ByLevel[lv]
				neg := m < 0
				if neg {
					m = -m
				}
				q, r := mulDiv(uint64(m), uint64(bp), 10000)
				if 2*r >= 10000 { // round half away from zero
					q++
				}
				if neg {
					sum -= budget.Money(q)
				} else {
					sum += budget.Money(q)
				}
			}
		}
		g.GEWE = sum
	}
	g.GEWEShare = Ratio{g.GEWE, g.Amount}
	g.Principal = Ratio{g.ByLevel[budget.Principal], g.Amount}
	g.Significant = Ratio{g.ByLevel[budget.Significant], g.Amount}
	g.NotScreened = Ratio{g.ByLevel[budget.NotScreened], g.Amount}
	g.Coverage = Ratio{g.Amount - g.ByLevel[budget.NotScreened], g.Amount}
}
