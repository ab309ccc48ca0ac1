package analysis

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// Dim is a dimension to group lines by.
type Dim string

// The dimensions.
const (
	ByObjective Dim = "objective" // GCM objective; split lines apportioned by their shares
	ByArea      Dim = "area"      // Migration MPTF thematic area (provisional mapping)
	ByUnit      Dim = "unit"      // administrative unit: ministry, vote, agency
	ByProgramme Dim = "programme"
	ByYear      Dim = "year"
	ByMarker    Dim = "marker" // canonical gender-marker level
	ByCurrency  Dim = "currency"
)

var dimAliases = map[string]Dim{
	"objective": ByObjective, "objectives": ByObjective, "gcm": ByObjective, "obj": ByObjective,
	"area": ByArea, "thematic_area": ByArea, "thematic": ByArea, "theme": ByArea,
	"unit": ByUnit, "ministry": ByUnit, "vote": ByUnit, "agency": ByUnit,
	"programme": ByProgramme, "program": ByProgramme,
	"year": ByYear, "fiscal_year": ByYear,
	"marker": ByMarker, "gender": ByMarker, "level": ByMarker,
	"currency": ByCurrency,
}

// ParseDims parses a comma-separated list of dimensions such as
// "objective,ministry,marker".
func ParseDims(s string) ([]Dim, error) {
	var out []Dim
	seen := map[Dim]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		d, ok := dimAliases[f]
		if !ok {
			return nil, fmt.Errorf("analysis: unknown dimension %q (want objective, area, unit/ministry, programme, year, marker or currency)", f)
		}
		if seen[d] {
			return nil, fmt.Errorf("analysis: dimension %q given twice", f)
		}
		seen[d] = true
		out = append(out, d)
	}
	return out, nil
}

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

// Key is one coordinate of a group.
type Key struct {
	Dim   Dim    `json:"dim"`
	Value string `json:"value"` // stable value: "7", "101", "principal", "" for none
	Label string `json:"label"` // for people: "7 Reduce vulnerabilities", "No GCM objective"
}

// Group is the money of one group of lines, in the analysed phase unless
// said otherwise.
type Group struct {
	Keys  []Key `json:"keys,omitempty"`
	Lines int   `json:"lines"` // lines that put money in the group (a split line counts in each of its groups)
	// ByPhase is the money of every phase, with the number of lines that
	// give it: a phase no line gives is absent, not zero.
	ByPhase PhaseAmounts `json:"by_phase"`
	Amount  budget.Money `json:"amount"`
	Share   Ratio        `json:"share"` // Amount ÷ total amount
	// ByLevel is the money by canonical marker level, indexed by
	// budget.Level.
	ByLevel     LevelAmounts `json:"by_level"`
	GEWE        budget.Money `json:"gewe"`       // weighted under the result's convention
	GEWEShare   Ratio        `json:"gewe_share"` // GEWE ÷ Amount
	Principal   Ratio        `json:"principal"`  // principal money ÷ Amount
	Significant Ratio        `json:"significant"`
	Coverage    Ratio        `json:"coverage"` // screened money ÷ Amount
	NotScreened Ratio        `json:"not_screened"`
	attributed  budget.Money
}

// PhaseAmounts is money by budget phase and the number of lines giving
// each phase.
type PhaseAmounts struct {
	Sum   [budget.NumPhases]budget.Money
	Lines [budget.NumPhases]int
}

// Get returns the money of phase p, and false when no line gives it.
func (a PhaseAmounts) Get(p budget.Phase) (budget.Money, bool) {
	return a.Sum[p], a.Lines[p] > 0
}

// MarshalJSON writes {"approved": {"sum": …, "lines": …}, …}, leaving out
// phases no line gives.
func (a PhaseAmounts) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for _, p := range budget.Phases() {
		if a.Lines[p] == 0 {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		fmt.Fprintf(&b, "%q:{\"sum\":%s,\"lines\":%d}", p.String(), a.Sum[p], a.Lines[p])
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// LevelAmounts is money by canonical marker level, indexed by
// budget.Level.
type LevelAmounts []budget.Money

// MarshalJSON writes {"not_screened": …, …, "principal": …} in level order.
func (a LevelAmounts) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range a {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(budget.Level(i).String()) + ":" + m.String())
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// Level returns the group's money at level l.
func (g *Group) Level(l budget.Level) budget.Money { return g.ByLevel[l] }

// Convention is the gender share of the whole budget under one weighting.
type Convention struct {
	Weighting string       `json:"weighting"`
	GEWE      budget.Money `json:"gewe"`
	Share     Ratio        `json:"share"`
}

// Result is the outcome of Shares.
type Result struct {
	Phase       budget.Phase `json:"phase"`
	Weighting   string       `json:"weighting"`
	By          []Dim        `json:"by"`
	Total       Group        `json:"total"`
	Groups      []Group      `json:"groups"`
	Conventions []Convention `json:"conventions"` // the total under every built-in convention
	// Currencies lists the currencies of the lines. With more than one,
	// Total and Conventions add money in different currencies and mean
	// nothing: writers do not show them, and each group's Share is of its
	// currency's total.
	Currencies []string `json:"currencies"`
	// AttributedLines counts the lines that declare a GEWE amount in the
	// phase, the basis of the attributed convention.
	AttributedLines int      `json:"attributed_lines"`
	Warnings        []string `json:"warnings,omitempty"`
}

var objValues = func() []string {
	v := make([]string, 24)
	for i := range v {
		v[i] = strconv.Itoa(i)
	}
	return v
}()

// part is a portion of a line in one group: its keys and its weight among
// the line's parts.
type part struct {
	keys   [maxDims]string
	weight int
}

const maxDims = 7

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

func hasDim(ds []Dim, d Dim) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
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

// apportion splits m across parts by their weights with the
// largest-remainder method, appending one amount per part to dst: the
// amounts add up to m exactly.
func apportion(dst []budget.Money, m budget.Money, parts []part) []budget.Money {
	neg := m < 0
	if neg {
		m = -m
	}
	weights := 0
	for _, p := range parts {
		weights += p.weight
	}
	var rems [16]uint64
	var sum budget.Money
	for i, p := range parts {
		q, r := mulDiv(uint64(m), uint64(p.weight), uint64(weights))
		dst = append(dst, budget.Money(q))
		sum += budget.Money(q)
		if i < len(rems) {
			rems[i] = r
		}
	}
	// Hand the cents left over to the largest remainders, earliest first.
	for left := m - sum; left > 0; left-- {
		best := 0
		for i := 1; i < len(parts) && i < len(rems); i++ {
			if rems[i] > rems[best] {
				best = i
			}
		}
		dst[best]++
		rems[best] = 0
	}
	if neg {
		for i := range dst {
			dst[i] = -dst[i]
		}
	}
	return dst
}

// lineParts lists the groups line l falls in, with their weights.
func lineParts(dst, scratch []part, l *budget.Line, by []Dim, areas map[int][]int) ([]part, []part) {
	dst = append(dst, part{weight: 1})
	for d, dim := range by {
		switch dim {
		case ByObjective, ByArea:
			if len(l.Objectives) == 0 {
				for i := range dst {
					dst[i].keys[d] = ""
				}
				continue
			}
			next := scratch[:0]
			for _, p := range dst {
				for _, o := range l.Objectives {
					if dim == ByObjective {
						q := p
						q.keys[d] = objValue(o.Objective)
						q.weight = p.weight * o.Share
						next = append(next, q)
						continue
					}
					as := areas[o.Objective]
					if len(as) == 0 {
						q := p
						q.keys[d] = "0"
						q.weight = p.weight * o.Share * 12 // 12: divisible by 1..4 areas
						next = append(next, q)
						continue
					}
					for _, a := range as {
						q := p
						q.keys[d] = strconv.Itoa(a)
						q.weight = p.weight * o.Share * 12 / len(as)
						next = append(next, q)
					}
				}
			}
			dst, scratch = merge(next), dst[:0]
		default:
			v := dimValue(dim, l)
			for i := range dst {
				dst[i].keys[d] = v
			}
		}
	}
	return dst, scratch
}

// merge adds up parts with the same keys.
func merge(ps []part) []part {
	out := ps[:0]
	for _, p := range ps {
		found := false
		for i := range out {
			if out[i].keys == p.keys {
				out[i].weight += p.weight
				found = true
				break
			}
		}
		if !found {
			out = append(out, p)
		}
	}
	return out
}

func objValue(o int) string {
	if o >= 0 && o < len(objValues) {
		return objValues[o]
	}
	return strconv.Itoa(o)
}

func dimValue(d Dim, l *budget.Line) string {
	switch d {
	case ByUnit:
		if l.Unit.Code() != "" {
			return l.Unit.Code()
		}
		return l.Unit.Name()
	case ByProgramme:
		if l.Programme.Code() != "" {
			return l.Programme.Code()
		}
		return l.Programme.Name()
	case ByYear:
		if l.Year == 0 {
			return ""
		}
		if l.Year >= 1900 && l.Year < 2100 {
			return yearStrings[l.Year-1900]
		}
		return strconv.Itoa(l.Year)
	case ByMarker:
		return l.Gender.Level.String()
	case ByCurrency:
		return l.Currency
	}
	return ""
}

var yearStrings = func() []string {
	v := make([]string, 200)
	for i := range v {
		v[i] = strconv.Itoa(1900 + i)
	}
	return v
}()

// keysOf builds the keys of a new group, with labels, from its first line.
func keysOf(vals [maxDims]string, by []Dim, l *budget.Line, areas map[int][]int) []Key {
	keys := make([]Key, len(by))
	for i, d := range by {
		v := vals[i]
		k := Key{Dim: d, Value: v, Label: v}
		switch d {
		case ByObjective:
			if v == "" {
				k.Label = "No GCM objective"
			} else if n, err := strconv.Atoi(v); err == nil {
				if o, ok := budget.ObjectiveByNumber(n); ok {
					k.Label = v + " " + o.Short
				}
			}
		case ByArea:
			switch v {
			case "":
				k.Label = "No GCM objective"
			case "0":
				k.Label = "General (not in a thematic area)"
			default:
				for _, a := range budget.ThematicAreas() {
					if strconv.Itoa(a.Number) == v {
						k.Label = "TA" + v + " " + a.Name
					}
				}
			}
		case ByUnit:
			k.Label = orNone(l.Unit.Label(), "No unit")
		case ByProgramme:
			k.Label = orNone(l.Programme.Label(), "No programme")
		case ByYear:
			k.Label = orNone(v, "No year")
		case ByMarker:
			k.Label = l.Gender.Level.Label()
		case ByCurrency:
			k.Label = orNone(v, "No currency")
		}
		keys[i] = k
	}
	return keys
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// objectiveAreas maps each objective to its thematic areas.
func objectiveAreas() map[int][]int {
	m := map[int][]int{}
	for _, a := range budget.ThematicAreas() {
		for _, o := range a.Objectives {
			m[o] = append(m[o], a.Number)
		}
	}
	return m
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

// sortGroups orders groups by their keys: objectives, areas and years by
// number, markers by level (principal first), others by value; "none"
// last.
func sortGroups(gs []Group, by []Dim) {
	sort.Slice(gs, func(i, j int) bool {
		for d := range by {
			a, b := gs[i].Keys[d].Value, gs[j].Keys[d].Value
			if a == b {
				continue
			}
			if a == "" || b == "" {
				return b == ""
			}
			switch by[d] {
			case ByObjective, ByArea, ByYear:
				x, e1 := strconv.Atoi(a)
				y, e2 := strconv.Atoi(b)
				if e1 == nil && e2 == nil {
					return x < y
				}
			case ByMarker:
				x, _ := budget.ParseLevel(a)
				y, _ := budget.ParseLevel(b)
				return x > y
			}
			return a < b
		}
		return false
	})
}

// Mixed reports whether the lines are in more than one currency, so that
// Total and Conventions add money that cannot be added.
func (r *Result) Mixed() bool { return len(r.Currencies) > 1 }
