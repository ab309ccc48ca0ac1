package analysis

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// How Diff matches lines.
const (
	DiffByID        = "id"        // the line ID
	DiffByLine      = "line"      // unit, programme and description
	DiffByProgramme = "programme" // lines aggregated by unit and programme
)

// DiffOptions controls Diff. The zero value compares approved amounts
// under DACHeadline and matches lines by ID when every line of both
// budgets has one, else by unit, programme and description.
type DiffOptions struct {
	Weighting Weighting    // zero value: DACHeadline
	Phase     budget.Phase // phase compared
	PhaseSet  bool         // Phase was given; else Approved
	// By is DiffByID, DiffByLine or DiffByProgramme; "" chooses
	// DiffByID when every line of both budgets has an ID, else
	// DiffByLine. Keys ignore case and repeated spaces; a unit or
	// programme is keyed by its code, or its name when it has none.
	By string
	// Context, when not nil, is looked at every few thousand lines:
	// once it is done, Diff returns its error.
	Context context.Context
}

func (o DiffOptions) phase() budget.Phase {
	if o.PhaseSet {
		return o.Phase
	}
	return budget.Approved
}

// DiffItem is a line, or in programme mode a programme, in the old
// budget, the new one or both.
type DiffItem struct {
	Key         string      `json:"key"` // the matching key as people read it: "101 / 101-01 / Border management equipment"
	ID          string      `json:"id,omitempty"`
	Unit        budget.Code `json:"unit"`
	Programme   budget.Code `json:"programme"`
	Description string      `json:"description,omitempty"` // "" in programme mode

	OldLines int `json:"old_lines"` // lines behind the item in the old budget: 0 when added
	NewLines int `json:"new_lines"` // and in the new one: 0 when cut

	// Old and New are the amounts in the phase (a line without one
	// counts 0, as in Shares); OldGEWE and NewGEWE the GEWE money under
	// the weighting.
	Old     budget.Money `json:"old"`
	New     budget.Money `json:"new"`
	OldGEWE budget.Money `json:"old_gewe"`
	NewGEWE budget.Money `json:"new_gewe"`

	// OldLevels and NewLevels are the distinct marker levels of the
	// item's lines, highest first: one level for a line.
	OldLevels []budget.Level `json:"old_levels,omitempty"`
	NewLevels []budget.Level `json:"new_levels,omitempty"`
	// OldObjectives and NewObjectives are a line's GCM objectives; for a
	// programme, the objectives of its lines with their shares of the
	// programme's objective-tagged money (all 0 when that money is not
	// positive or has negative parts).
	OldObjectives []budget.ObjectiveShare `json:"old_objectives,omitempty"`
	NewObjectives []budget.ObjectiveShare `json:"new_objectives,omitempty"`

	// For items in both budgets, NewGEWE − OldGEWE = AmountEffect +
	// RemarkEffect: AmountEffect is the change the old marking gives the
	// new amount, RemarkEffect the rest (see the package documentation).
	AmountEffect budget.Money `json:"amount_effect"`
	RemarkEffect budget.Money `json:"remark_effect"`

	OldPos budget.Position `json:"old_pos"` // first line's position; zero when added
	NewPos budget.Position `json:"new_pos"` // zero when cut
}

// Ambiguity is a key that more than one line carries on one side while
// the other side also has it: its lines are not paired.
type Ambiguity struct {
	Key       string            `json:"key"`
	Old       []budget.Position `json:"old"`
	New       []budget.Position `json:"new"`
	OldAmount budget.Money      `json:"old_amount"`
	NewAmount budget.Money      `json:"new_amount"`
	OldGEWE   budget.Money      `json:"old_gewe"`
	NewGEWE   budget.Money      `json:"new_gewe"`
}

// Decomposition splits the change in GEWE money between two budgets:
// Net = Added − Cut + Amount + Remarking + Ambiguous, exactly.
type Decomposition struct {
	Net       budget.Money `json:"net"`       // new GEWE − old GEWE
	Added     budget.Money `json:"added"`     // GEWE money of added items
	Cut       budget.Money `json:"cut"`       // GEWE money of cut items (subtracted)
	Amount    budget.Money `json:"amount"`    // Σ AmountEffect of kept items
	Remarking budget.Money `json:"remarking"` // Σ RemarkEffect of kept items
	Ambiguous budget.Money `json:"ambiguous"` // new − old GEWE money of ambiguous keys
}

// DiffResult is the outcome of Diff. Items are in key order; a kept item
// is listed in every one of Changed, Remarked and Retagged that applies.
type DiffResult struct {
	By        string       `json:"by"`
	Phase     budget.Phase `json:"phase"`
	Weighting string       `json:"weighting"`

	OldTotal budget.Money `json:"old_total"`
	NewTotal budget.Money `json:"new_total"`
	OldGEWE  budget.Money `json:"old_gewe"`
	NewGEWE  budget.Money `json:"new_gewe"`
	OldShare Ratio        `json:"old_share"` // OldGEWE ÷ OldTotal
	NewShare Ratio        `json:"new_share"`

	Added     []DiffItem `json:"added"`
	Cut       []DiffItem `json:"cut"`
	Changed   []DiffItem `json:"changed"`  // kept, amount changed
	Remarked  []DiffItem `json:"remarked"` // kept, levels changed or RemarkEffect ≠ 0
	Retagged  []DiffItem `json:"retagged"` // kept, GCM objectives changed
	Kept      int        `json:"kept"`
	Unchanged int        `json:"unchanged"` // kept, in none of the three lists

	Ambiguous  []Ambiguity   `json:"ambiguous,omitempty"`
	GEWEChange Decomposition `json:"gewe_change"`
	// Notes are NoteOldYears, NoteNewYears and NoteAmbiguousKeys, when
	// they apply; package reports words them.
	Notes []Note `json:"-"`
}

// Diff compares two versions of a budget (two fiscal years, or the
// approved and the revised law): the lines (or programmes) added, cut,
// changed in amount, re-marked and re-tagged, and the change in GEWE
// money decomposed into what added and cut items, amount changes and
// re-marking contributed. The decomposition adds up exactly.
//
// Lines whose key is carried by several lines on one side, while the
// other side has it too, are reported in Ambiguous and never paired.
// Diff returns an error for an unknown By, for By "id" when a line has
// no ID, when the budgets mix currencies, or when a sum overflows.
func Diff(old, new *budget.Budget, opt DiffOptions) (*DiffResult, error) {
	by, err := diffBy(old, new, opt.By)
	if err != nil {
		return nil, err
	}
	if err := oneCurrency("budgets", old, new); err != nil {
		return nil, err
	}
	d := differ{w: weightingOr(opt.Weighting, DACHeadline), phase: opt.phase(), by: by}
	res := &DiffResult{By: by, Phase: d.phase, Weighting: d.w.Name,
		Added: []DiffItem{}, Cut: []DiffItem{}, Changed: []DiffItem{}, Remarked: []DiffItem{}, Retagged: []DiffItem{}}

	if err := cancelled(opt.Context, 0); err != nil {
		return nil, err
	}
	oldKeys := d.index(old)
	newKeys := d.index(new)
	res.Notes = append(res.Notes, yearNotes(old, new)...)

	res.OldTotal, res.OldGEWE = d.totals(old)
	res.NewTotal, res.NewGEWE = d.totals(new)
	res.OldShare = Ratio{Num: res.OldGEWE, Den: res.OldTotal}
	res.NewShare = Ratio{Num: res.NewGEWE, Den: res.NewTotal}

	for n, k := range unionKeys(oldKeys, newKeys) {
		if err := cancelled(opt.Context, n); err != nil {
			return nil, err
		}
		d.compare(res, linesAt(old, oldKeys[k]), linesAt(new, newKeys[k]))
	}
	if err := d.checkDecomposition(res); err != nil {
		return nil, err
	}
	if len(res.Ambiguous) > 0 {
		res.Notes = append(res.Notes, Note{Code: NoteAmbiguousKeys, N: len(res.Ambiguous)})
	}
	return res, nil
}

// yearNotes notes each budget whose lines are of more than one fiscal
// year.
func yearNotes(old, new *budget.Budget) []Note {
	var ns []Note
	for _, s := range []struct {
		code ReasonCode
		b    *budget.Budget
	}{{NoteOldYears, old}, {NoteNewYears, new}} {
		if ys := years(s.b); len(ys) > 1 {
			ns = append(ns, Note{Code: s.code, Years: ys})
		}
	}
	return ns
}

// totals returns the amount and the GEWE money of b's lines.
func (d *differ) totals(b *budget.Budget) (amount, gewe budget.Money) {
	for i := range b.Lines.Len() {
		lv := b.Lines.At(i)
		l := &lv
		amount = d.a.add(amount, d.amount(l))
		gewe = d.a.add(gewe, d.gewe(l))
	}
	return amount, gewe
}

// unionKeys returns the keys of both indexes, sorted.
func unionKeys(oldKeys, newKeys map[string][]int) []string {
	keys := make([]string, 0, len(oldKeys)+len(newKeys))
	for k := range oldKeys {
		keys = append(keys, k)
	}
	for k := range newKeys {
		if _, ok := oldKeys[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// linesAt returns the lines of b at the indices idx.
func linesAt(b *budget.Budget, idx []int) []*budget.Line {
	ls := make([]*budget.Line, len(idx))
	for i, j := range idx {
		l := b.Lines.At(j)
		ls[i] = &l
	}
	return ls
}

// compare adds to res the lines of one key: old lines ol and new lines
// nl are kept, cut, added or ambiguous.
func (d *differ) compare(res *DiffResult, ol, nl []*budget.Line) {
	switch {
	case len(ol) > 0 && len(nl) > 0 && (d.by == DiffByProgramme || (len(ol) == 1 && len(nl) == 1)):
		d.addKept(res, d.kept(ol, nl))
	case len(nl) == 0:
		d.addCut(res, ol)
	case len(ol) == 0:
		d.addAdded(res, nl)
	default:
		am := d.ambiguity(ol, nl)
		res.Ambiguous = append(res.Ambiguous, am)
		res.GEWEChange.Ambiguous = d.a.add(res.GEWEChange.Ambiguous, d.a.sub(am.NewGEWE, am.OldGEWE))
	}
}

// addKept lists a kept item in every one of Changed, Remarked and
// Retagged that applies, or counts it unchanged, and adds its effects to
// the decomposition.
func (d *differ) addKept(res *DiffResult, it DiffItem) {
	dec := &res.GEWEChange
	res.Kept++
	dec.Amount = d.a.add(dec.Amount, it.AmountEffect)
	dec.Remarking = d.a.add(dec.Remarking, it.RemarkEffect)
	listed := false
	if it.Old != it.New {
		res.Changed = append(res.Changed, it)
		listed = true
	}
	if !slices.Equal(it.OldLevels, it.NewLevels) || !it.RemarkEffect.IsZero() {
		res.Remarked = append(res.Remarked, it)
		listed = true
	}
	if d.retagged(it) {
		res.Retagged = append(res.Retagged, it)
		listed = true
	}
	if !listed {
		res.Unchanged++
	}
}

// addCut lists the items of old lines ls that the new budget does not
// have.
func (d *differ) addCut(res *DiffResult, ls []*budget.Line) {
	for _, g := range d.items(ls) {
		it := d.describe(g[0])
		it.setOld(d.side(g))
		res.Cut = append(res.Cut, it)
		res.GEWEChange.Cut = d.a.add(res.GEWEChange.Cut, it.OldGEWE)
	}
}

// addAdded lists the items of new lines ls that the old budget does not
// have.
func (d *differ) addAdded(res *DiffResult, ls []*budget.Line) {
	for _, g := range d.items(ls) {
		it := d.describe(g[0])
		it.setNew(d.side(g))
		res.Added = append(res.Added, it)
		res.GEWEChange.Added = d.a.add(res.GEWEChange.Added, it.NewGEWE)
	}
}

// ambiguity describes a key that old lines ol and new lines nl share but
// cannot be paired by.
func (d *differ) ambiguity(ol, nl []*budget.Line) Ambiguity {
	am := Ambiguity{Key: d.describe(ol[0]).Key}
	for _, l := range ol {
		am.Old = append(am.Old, l.Pos)
		am.OldAmount = d.a.add(am.OldAmount, d.amount(l))
		am.OldGEWE = d.a.add(am.OldGEWE, d.gewe(l))
	}
	for _, l := range nl {
		am.New = append(am.New, l.Pos)
		am.NewAmount = d.a.add(am.NewAmount, d.amount(l))
		am.NewGEWE = d.a.add(am.NewGEWE, d.gewe(l))
	}
	return am
}

// checkDecomposition sets the net change in GEWE money and checks that
// the parts of the decomposition add up to it; it returns an error when a
// sum overflowed.
func (d *differ) checkDecomposition(res *DiffResult) error {
	dec := &res.GEWEChange
	dec.Net = d.a.sub(res.NewGEWE, res.OldGEWE)
	sum := d.a.add(d.a.add(d.a.sub(dec.Added, dec.Cut), d.a.add(dec.Amount, dec.Remarking)), dec.Ambiguous)
	if err := d.a.err(); err != nil {
		return err
	}
	if sum != dec.Net {
		return fmt.Errorf("analysis: diff decomposition sums to %s, net change is %s (a bug)", sum, dec.Net)
	}
	return nil
}

// diffBy resolves DiffOptions.By.
func diffBy(old, new *budget.Budget, by string) (string, error) {
	missing := func(b *budget.Budget) int {
		n := 0
		for i := range b.Lines.Len() {
			if strings.TrimSpace(b.Lines.At(i).ID) == "" {
				n++
			}
		}
		return n
	}
	switch by {
	case "":
		if old.Lines.Len() > 0 && new.Lines.Len() > 0 && missing(old) == 0 && missing(new) == 0 {
			return DiffByID, nil
		}
		return DiffByLine, nil
	case DiffByID:
		if n, m := missing(old), missing(new); n+m > 0 {
			return "", fmt.Errorf("analysis: cannot match by id: %d lines of the old budget and %d of the new one have no ID", n, m)
		}
		return by, nil
	case DiffByLine, DiffByProgramme:
		return by, nil
	}
	return "", fmt.Errorf("analysis: unknown diff key %q (want id, line or programme)", by)
}

// years lists the distinct fiscal years of b's lines, sorted, 0 for no
// year.
func years(b *budget.Budget) []int {
	seen := map[int]bool{}
	for i := range b.Lines.Len() {
		seen[b.Lines.YearAt(i)] = true
	}
	ys := make([]int, 0, len(seen))
	for y := range seen {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}
