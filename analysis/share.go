package analysis

import (
	"context"
	"fmt"
	"sort"
	"strings"

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
	// Context, when not nil, is looked at every few thousand lines:
	// once it is done, Shares returns its error.
	Context context.Context
}

// checkEvery is how many lines a loop goes through between looks at its
// context.
const checkEvery = 4096

// cancelled returns ctx's error at every checkEvery-th line i (from 0),
// nil for a nil ctx.
func cancelled(ctx context.Context, i int) error {
	if ctx == nil || i%checkEvery != 0 {
		return nil
	}
	return ctx.Err()
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
// to the total exactly; thematic areas share an objective's money
// equally when the objective belongs to several.
func Shares(b *budget.Budget, opt Options) (*Result, error) {
	if len(opt.By) > maxDims {
		return nil, fmt.Errorf("analysis: at most %d dimensions", maxDims)
	}
	w := opt.weighting()
	phase := opt.phase()
	res := &Result{Phase: phase, Weighting: w.Name, By: append([]Dim{}, opt.By...), Groups: []Group{}}

	res.Currencies = currenciesOf(b)
	if len(res.Currencies) > 1 && !hasDim(res.By, ByCurrency) {
		res.By = append([]Dim{ByCurrency}, res.By...)
		res.Notes = append(res.Notes, Note{Code: NoteGroupedByCurrency, N: len(res.Currencies)})
	}
	if len(res.By) > maxDims {
		return nil, fmt.Errorf("analysis: at most %d dimensions", maxDims)
	}

	gr := newGrouper(res.By, phase)
	for i := range b.Lines.Len() {
		if err := cancelled(opt.Context, i); err != nil {
			return nil, err
		}
		gr.add(new(b.Lines.At(i)))
	}
	if err := gr.a.err(); err != nil {
		return nil, err
	}
	res.AttributedLines = gr.attributedLines
	if len(res.By) > 0 {
		for _, g := range gr.groups {
			res.Groups = append(res.Groups, *g)
		}
	}
	sortGroups(res.Groups, res.By)
	res.Total = *gr.total
	if err := finish(&res.Total, w, res.Total.Amount); err != nil {
		return nil, err
	}
	if err := finishGroups(res, w); err != nil {
		return nil, err
	}
	var err error
	if res.Conventions, err = conventions(res.Total); err != nil {
		return nil, err
	}
	if res.Total.Amount.IsZero() && b.Lines.Len() > 0 {
		res.Notes = append(res.Notes, Note{Code: NoteNoPhaseAmount, Phase: phase})
	}
	return res, nil
}

// currenciesOf returns the distinct currencies of b's lines, sorted.
func currenciesOf(b *budget.Budget) []string {
	seen := map[string]bool{}
	for i := range b.Lines.Len() {
		seen[b.Lines.CurrencyAt(i)] = true
	}
	var cs []string
	for c := range seen {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	return cs
}

// grouper adds lines to the total and to the groups they fall in,
// reusing its buffers from one line to the next.
type grouper struct {
	by              []Dim
	phase           budget.Phase
	areas           map[int][]int
	groups          map[[maxDims]string]*Group
	total           *Group
	a               adder // every money sum is checked for overflow
	attributedLines int

	parts, scratch []part
	gs             []*Group // the groups of parts, in the same order
	alloc          []budget.Money
}

func newGrouper(by []Dim, phase budget.Phase) *grouper {
	return &grouper{by: by, phase: phase, areas: objectiveAreas(), groups: map[[maxDims]string]*Group{}, total: newGroup(nil)}
}

// add adds line l to the total and to its groups.
func (gr *grouper) add(l *budget.Line) {
	addWhole(&gr.a, gr.total, l, gr.phase)
	if l.GEWE != nil {
		if _, ok := l.GEWE.Get(gr.phase); ok {
			gr.attributedLines++
		}
	}
	gr.parts, gr.scratch = lineParts(gr.parts[:0], gr.scratch, l, gr.by, gr.areas)
	gr.findGroups(l)
	if len(gr.parts) == 1 {
		addWhole(&gr.a, gr.gs[0], l, gr.phase)
		return
	}
	gr.addSplit(l)
}

// findGroups sets gr.gs to the groups of gr.parts, creating the missing
// ones with the labels of line l.
func (gr *grouper) findGroups(l *budget.Line) {
	gr.gs = gr.gs[:0]
	for _, p := range gr.parts {
		g := gr.groups[p.keys]
		if g == nil {
			g = newGroup(keysOf(p.keys, gr.by, l, gr.areas))
			gr.groups[p.keys] = g
		}
		gr.gs = append(gr.gs, g)
	}
}

// addSplit adds line l to the groups of its parts, apportioning each of
// its amounts, and its declared GEWE amount, by the parts' weights.
func (gr *grouper) addSplit(l *budget.Line) {
	a := &gr.a
	for _, g := range gr.gs {
		g.Lines++
	}
	for _, p := range budget.Phases() {
		v, ok := l.Amounts.Get(p)
		if !ok {
			continue
		}
		gr.alloc = apportion(gr.alloc[:0], v, gr.parts)
		for k, g := range gr.gs {
			g.ByPhase.Sum[p] = a.add(g.ByPhase.Sum[p], gr.alloc[k])
			g.ByPhase.Lines[p]++
			if p == gr.phase {
				g.Amount = a.add(g.Amount, gr.alloc[k])
				g.ByLevel[l.Gender.Level] = a.add(g.ByLevel[l.Gender.Level], gr.alloc[k])
			}
		}
	}
	if l.GEWE == nil {
		return
	}
	if v, ok := l.GEWE.Get(gr.phase); ok {
		gr.alloc = apportion(gr.alloc[:0], v, gr.parts)
		for k, g := range gr.gs {
			g.attributed = a.add(g.attributed, gr.alloc[k])
		}
	}
}

// finishGroups computes the GEWE money and the ratios of every group of
// res. With several currencies, a group's share is of its currency's
// total.
func finishGroups(res *Result, w Weighting) error {
	ci := -1
	var curTotal map[string]budget.Money
	if len(res.Currencies) > 1 {
		ci = lastDim(res.By, ByCurrency)
		var err error
		if curTotal, err = currencyTotals(res.Groups, ci); err != nil {
			return err
		}
	}
	for i := range res.Groups {
		den := res.Total.Amount
		if ci >= 0 {
			den = curTotal[res.Groups[i].Keys[ci].Value]
		}
		if err := finish(&res.Groups[i], w, den); err != nil {
			return err
		}
	}
	return nil
}

// lastDim returns the index of the last d in ds, -1 when there is none.
func lastDim(ds []Dim, d Dim) int {
	i := -1
	for j, x := range ds {
		if x == d {
			i = j
		}
	}
	return i
}

// currencyTotals sums the amounts of gs by the currency of their key ci.
func currencyTotals(gs []Group, ci int) (map[string]budget.Money, error) {
	var a adder
	totals := map[string]budget.Money{}
	for i := range gs {
		k := gs[i].Keys[ci].Value
		totals[k] = a.add(totals[k], gs[i].Amount)
	}
	return totals, a.err()
}

// conventions returns the GEWE money and share of total under every
// built-in weighting.
func conventions(total Group) ([]Convention, error) {
	var cs []Convention
	for _, c := range Weightings() {
		g := total
		if err := finish(&g, c, total.Amount); err != nil {
			return nil, err
		}
		cs = append(cs, Convention{Weighting: c.Name, GEWE: g.GEWE, Share: g.GEWEShare})
	}
	return cs, nil
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
func finish(g *Group, w Weighting, total budget.Money) error {
	g.Share = Ratio{g.Amount, total}
	if w.Attributed {
		g.GEWE = g.attributed
	} else {
		var sum budget.Money
		for _, lv := range budget.Levels() {
			if bp := w.Weight(lv); bp > 0 {
				// exact: a weight in basis points of an amount with at
				// most 14 decimals has at most 18
				v, ok := weighBP(g.ByLevel[lv], bp)
				if ok {
					sum, ok = budget.Add(sum, v)
				}
				if !ok {
					return fmt.Errorf("analysis: the GEWE money under %s of %s passes ±1.7e20 currency units, the most grb can add: %w", w.Name, groupName(g), budget.ErrOverflow)
				}
			}
		}
		g.GEWE = sum
	}
	g.GEWEShare = Ratio{g.GEWE, g.Amount}
	g.Principal = Ratio{g.ByLevel[budget.Principal], g.Amount}
	g.Significant = Ratio{g.ByLevel[budget.Significant], g.Amount}
	g.NotScreened = Ratio{g.ByLevel[budget.NotScreened], g.Amount}
	screened, _ := g.Amount.Sub(g.ByLevel[budget.NotScreened])
	g.Coverage = Ratio{screened, g.Amount}
	return nil
}

// groupName names group g in an error: "the total", or its keys.
func groupName(g *Group) string {
	if len(g.Keys) == 0 {
		return "the total"
	}
	var parts []string
	for _, k := range g.Keys {
		parts = append(parts, k.Value)
	}
	return "group " + strings.Join(parts, " / ")
}
