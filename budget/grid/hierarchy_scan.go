package grid

import (
	"math/bits"
	"strings"
	"sync"

	"github.com/grb-toolkit/grb/budget"
)

// hierVec holds amounts per phase with their presence, as budget.Amounts
// does, in a form the scan can add without method calls per phase.
type hierVec struct {
	v       [budget.NumPhases]budget.Money
	present uint8
}

func hierVecOf(a budget.Amounts) hierVec {
	var x hierVec
	for _, p := range budget.Phases() {
		if m, ok := a.Get(p); ok {
			x.v[p] = m
			x.present |= 1 << p
		}
	}
	return x
}

func (x hierVec) amounts() budget.Amounts {
	var a budget.Amounts
	for p := budget.Phase(0); p < budget.NumPhases; p++ {
		if x.present&(1<<p) != 0 {
			a.Set(p, x.v[p])
		}
	}
	return a
}

// add adds y to x phase by phase; a phase present in either is present in
// the sum. It returns false on overflow, leaving x partly updated.
func (x *hierVec) add(y hierVec) bool {
	for p := budget.Phase(0); p < budget.NumPhases; p++ {
		if y.present&(1<<p) == 0 {
			continue
		}
		s, ok := budget.Add(x.v[p], y.v[p])
		if !ok {
			return false
		}
		x.v[p] = s
		x.present |= 1 << p
	}
	return true
}

// zero reports whether every present phase is zero.
func (x hierVec) zero() bool {
	for p := budget.Phase(0); p < budget.NumPhases; p++ {
		if x.present&(1<<p) != 0 && !x.v[p].IsZero() {
			return false
		}
	}
	return true
}

// hierMatch compares a written total t with the sum s of a block: every
// phase present in t must be present in s and within allowed of it. It
// returns the largest gap.
func hierMatch(t, s hierVec, allowed budget.Money) (budget.Money, bool) {
	if t.present == 0 || t.present&s.present != t.present {
		return budget.Money{}, false
	}
	var worst budget.Money
	for p := budget.Phase(0); p < budget.NumPhases; p++ {
		if t.present&(1<<p) == 0 {
			continue
		}
		d, ok := t.v[p].Sub(s.v[p])
		if !ok {
			return budget.Money{}, false // the gap itself overflows: no match
		}
		d = d.Abs()
		if d.Cmp(allowed) > 0 {
			return budget.Money{}, false
		}
		if d.Cmp(worst) > 0 {
			worst = d
		}
	}
	return worst, true
}

// hierSheet is the detector's view of one sheet.
type hierSheet struct {
	n   int                    // rows
	row func(int) HierarchyRow // the rows, for the labels the search asks for once in a while
	// placeholder says, by row, that its label is a placeholder ("n/a",
	// "-", …): what the search asks of every row's label.
	placeholder []bool
	code        []string // the rows' codes; nil when no row has one
	level       []int    // the rows' levels; nil when no row has one
	opt         HierarchyOptions
	// The rows' amounts, a column per phase that some row has (nil for
	// the others), and which phases each row has: a million rows of two
	// phases hold 33 MB, not the 72 of a hierVec each (see vecOf).
	amt     [budget.NumPhases][]budget.Money
	present []uint8
	base    []HierarchyRole // HierarchyLeaf for rows that take part, else no-amount/placeholder
	total   []bool          // the label says total
	stem    []string        // code stems; nil without codes
	key     []string        // codes without separators; nil without codes
	naive   hierVec
	nodes   []int // rows that take part, in file order
	// nonNeg says, per phase, that no row has a negative amount in it:
	// block sums then only grow as a block does (see hierSheet.match).
	nonNeg [budget.NumPhases]bool
	// labels counts the rows that take part by label, made on first use.
	labels     map[string]int
	labelsOnce sync.Once
}

// uniqueLabel reports whether row i has a label no other row taking part
// has (compared without case or surrounding space).
func (h *hierSheet) uniqueLabel(i int) bool {
	key := func(r int) string { return strings.ToLower(strings.TrimSpace(h.labelOf(r))) }
	h.labelsOnce.Do(func() { // both orders are parsed at once: made once, then only read
		h.labels = make(map[string]int, len(h.nodes))
		for _, r := range h.nodes {
			h.labels[key(r)]++
		}
	})
	k := key(i)
	return k != "" && h.labels[k] == 1
}

// newHierSheet takes what the detector needs of n rows, row(i) giving
// row i: the rows themselves are not kept (a million rows of a sheet cost
// their amounts here, not a second copy of each row; a label is asked of
// row when the search needs it), and codes and levels only when some row
// has one.
func newHierSheet(n int, row func(int) HierarchyRow, opt HierarchyOptions) *hierSheet {
	h := &hierSheet{n: n, opt: opt, present: make([]uint8, n), base: make([]HierarchyRole, n),
		total: make([]bool, n), placeholder: make([]bool, n), row: row}
	for i := range n {
		r := row(i)
		v := hierVecOf(r.Amounts)
		h.present[i] = v.present
		for p := range budget.NumPhases {
			if v.present&(1<<p) != 0 {
				if h.amt[p] == nil {
					h.amt[p] = make([]budget.Money, n)
				}
				h.amt[p][i] = v.v[p]
			}
		}
		h.total[i] = r.TotalWord || HierarchyTotalWord(r.Label)
		h.placeholder[i] = HierarchyPlaceholderLabel(r.Label)
		if r.Code != "" && h.code == nil {
			h.code, h.stem, h.key = make([]string, n), make([]string, n), make([]string, n)
		}
		if h.code != nil {
			h.code[i], h.stem[i], h.key[i] = r.Code, hierCodeStem(r.Code), hierCodeKey(r.Code)
		}
		if r.Level != 0 && h.level == nil {
			h.level = make([]int, n)
		}
		if h.level != nil {
			h.level[i] = r.Level
		}
	}
	for p := range h.nonNeg {
		h.nonNeg[p] = true
	}
	for p, col := range h.amt {
		for i := range col {
			if h.present[i]&(1<<p) != 0 && col[i].Sign() < 0 {
				h.nonNeg[p] = false
			}
		}
	}
	for i := range n {
		h.base[i] = h.baseRole(i)
		if h.base[i] == HierarchyLeaf {
			h.nodes = append(h.nodes, i)
		}
	}
	return h
}

// labelOf returns the label of row i, asking the rows for it: the search
// needs few rows' labels, and a million rows' would be 16 MB of headers.
func (h *hierSheet) labelOf(i int) string { return h.row(i).Label }

// vecOf returns the amounts of row i.
func (h *hierSheet) vecOf(i int) hierVec {
	x := hierVec{present: h.present[i]}
	for p := range budget.NumPhases {
		if x.present&(1<<p) != 0 {
			x.v[p] = h.amt[p][i]
		}
	}
	return x
}

// levelOf returns the level of row i, 0 when unknown.
func (h *hierSheet) levelOf(i int) int {
	if h.level == nil {
		return 0
	}
	return h.level[i]
}

// codeOf returns the code of row i, "" when none.
func (h *hierSheet) codeOf(i int) string {
	if h.code == nil {
		return ""
	}
	return h.code[i]
}

// keyOf returns the code of row i without separators, "" when none.
func (h *hierSheet) keyOf(i int) string {
	if h.key == nil {
		return ""
	}
	return h.key[i]
}

// stemOf returns the code stem of row i, "" when none.
func (h *hierSheet) stemOf(i int) string {
	if h.stem == nil {
		return ""
	}
	return h.stem[i]
}

// baseRole sets apart rows with no amount and placeholders that repeat the
// amounts of the nearest row with amounts above or below them.
func (h *hierSheet) baseRole(i int) HierarchyRole {
	if h.present[i] == 0 {
		return HierarchyNoAmount
	}
	if !h.placeholder[i] || h.codeOf(i) != "" {
		return HierarchyLeaf
	}
	for _, j := range []int{h.neighbour(i, -1), h.neighbour(i, +1)} {
		if j >= 0 && !h.placeholder[j] && h.vecOf(j) == h.vecOf(i) {
			return HierarchyPlaceholder
		}
	}
	return HierarchyLeaf
}

// neighbour returns the nearest row from i in direction dir that has an
// amount, or -1.
func (h *hierSheet) neighbour(i, dir int) int {
	for j := i + dir; j >= 0 && j < h.n; j += dir {
		if h.present[j] != 0 {
			return j
		}
	}
	return -1
}

// sums computes the naive sum over every row with an amount.
func (h *hierSheet) sums() error {
	for i := range h.n {
		if !h.naive.add(h.vecOf(i)) {
			return budget.ErrOverflow
		}
	}
	return nil
}

// hierNode is a row with the block it totals, on the scan's stack.
type hierNode struct {
	row    int32
	lo, hi int32 // rows covered, inclusive
}

// node returns the node of row with the rows lo … hi (a sheet's rows fit
// an int32: hierarchyOf refuses more).
func node(row, lo, hi int) hierNode { return hierNode{int32(row), int32(lo), int32(hi)} }

// hierCand is a row found to equal a block of nodes.
type hierCand struct {
	children []int // rows of the direct children, nearest first
	lo, hi   int
	ev       HierarchyEvidence
	rounding budget.Money
}

// hierCands holds the candidate totals a scan found, by row (nil where
// none): a slice of the sheet's rows, not a map, as a sheet of a million
// rows may have a candidate on most of them.
type hierCands []*hierCand

// get returns the candidate total at row, if any.
func (c hierCands) get(row int) (*hierCand, bool) {
	x := c[row]
	return x, x != nil
}

// hierBlock accumulates one growing block of candidate children for a total
// and the evidence its levels and codes give.
type hierBlock struct {
	sum           hierVec
	levelAgree    bool
	codeAgree     bool
	contradiction bool
}

// push adds child row c to the block of total row t.
func (h *hierSheet) push(b *hierBlock, t, c int) bool {
	if !b.sum.add(h.vecOf(c)) {
		return false
	}
	lt, lc := h.levelOf(t), h.levelOf(c)
	switch {
	case lt > 0 && lc > 0 && lc <= lt:
		b.contradiction = true
	case lt == 0 || lc == 0:
		b.levelAgree = false
	}
	if h.keyOf(t) != "" && h.keyOf(c) != "" {
		if h.stemOf(t) == "" || len(h.keyOf(c)) < len(h.stemOf(t)) || h.keyOf(c)[:len(h.stemOf(t))] != h.stemOf(t) || h.keyOf(c) == h.keyOf(t) {
			b.contradiction = true
		}
	} else {
		b.codeAgree = false
	}
	return !b.contradiction
}

// evidence returns the reasons a block of k children supports total row t.
func (h *hierSheet) evidence(b *hierBlock, t, first, k int) HierarchyEvidence {
	var ev HierarchyEvidence
	if h.total[t] {
		ev |= HierarchyByLabel
	}
	if b.levelAgree {
		ev |= HierarchyByLevel
	}
	if b.codeAgree {
		ev |= HierarchyByCode
	}
	if k == 1 && hierSameLabel(h.labelOf(t), h.labelOf(first)) {
		ev |= HierarchyBySameLabel
	}
	return ev
}

// hierRank orders the matches of one total: exact first, then more
// evidence, then a block that folds single-child pairs (see
// hierMatchResult.folded) before one read as written: a block boundary
// between a row and the one row equal to it is less likely than a total of
// one child.
func hierRank(rounding budget.Money, ev HierarchyEvidence, folded bool) int {
	r := 4 * bits.OnesCount16(uint16(ev))
	if rounding.IsZero() {
		r += 100
	}
	if folded {
		r++
	}
	return r
}

// hierMatchResult is the best block found for one total.
type hierMatchResult struct {
	k        int // nodes in the block, 0 when none
	rounding budget.Money
	ev       HierarchyEvidence
	tie      bool // another block size ranked the same
	// folded says the block adds up only when every single-child pair in
	// it (a row followed by one row of the same amount, see hierSheet.soft)
	// counts once: those pairs are then confirmed as a total of one child.
	folded bool
	// single says the only match was the one nearest node, with no
	// evidence: a single-child pair left for an enclosing total to decide.
	single bool
}

// match finds the best block of nodes on top of stack that row t totals.
func (h *hierSheet) match(t int, stack []hierNode, soft map[int]int) hierMatchResult {
	vt := h.vecOf(t)
	zero := vt.zero()
	b := hierBlock{levelAgree: true, codeAgree: true}
	var dup hierVec
	var res hierMatchResult
	best := -1
	limit, bounded := h.blockLimit(t, min(len(stack), h.opt.MaxFanout))
	for m := 1; m <= len(stack) && m <= h.opt.MaxFanout; m++ {
		c := int(stack[len(stack)-m].row)
		if !h.push(&b, t, c) {
			break
		}
		if p, ok := soft[c]; ok && m >= 2 && p == int(stack[len(stack)-m+1].row) && !dup.add(h.vecOf(c)) {
			break
		}
		if bounded && h.pastLimit(t, b.sum, dup, limit) {
			break // no larger block can come back within tolerance
		}
		allowed := hierCap(vt, h.opt.Tolerance.allowed(m))
		for _, folded := range []bool{false, true} {
			if !hierNear(vt, b.sum, dup, folded, allowed) {
				continue // the cheap test on one phase already fails
			}
			sum := b.sum
			if folded && (dup.present == 0 || !sum.sub(dup)) {
				continue
			}
			d, ok := hierMatch(vt, sum, allowed)
			if !ok {
				continue
			}
			e := h.evidence(&b, t, c, m)
			if e == 0 && (zero || m == 1) {
				res.single = res.single || (m == 1 && !zero)
				continue
			}
			switch r := hierRank(d, e, folded); {
			case r > best:
				best = r
				res = hierMatchResult{k: m, rounding: d, ev: e, folded: folded}
			case r == best:
				res.tie = true
			}
		}
	}
	if res.k > 0 {
		res.single = false
	}
	return res
}

// blockLimit returns the largest block sum, in the first phase of total t,
// that can still match t with at most k nodes: t plus the widest tolerance.
// It is bounded only when no row has a negative amount in that phase: block
// sums (with or without their folded pairs) then never decrease as the
// block grows, and a block past the limit ends the search.
func (h *hierSheet) blockLimit(t, k int) (budget.Money, bool) {
	x := h.vecOf(t)
	if x.present == 0 {
		return budget.Money{}, false
	}
	p := bits.TrailingZeros8(x.present)
	if !h.nonNeg[p] || !hierPrune {
		return budget.Money{}, false
	}
	return budget.Add(x.v[p], h.opt.Tolerance.allowed(k))
}

// hierPrune turns on the search's limit; tests turn it off to compare.
var hierPrune = true

// pastLimit reports whether the block sum less its folded pairs, in the
// first phase of total t, is above limit.
func (h *hierSheet) pastLimit(t int, sum, dup hierVec, limit budget.Money) bool {
	p := bits.TrailingZeros8(h.present[t])
	s, ok := sum.v[p].Sub(dup.v[p])
	return ok && s.Cmp(limit) > 0
}

// hierCap returns allowed, or zero when it is more than a hundredth of the
// total t (in its first phase): rounding is plausible only in figures of
// three significant digits or more, and a wide tolerance on small figures
// (1 to 20) would match almost any block.
func hierCap(t hierVec, allowed budget.Money) budget.Money {
	if t.present == 0 || allowed.IsZero() {
		return allowed
	}
	v := t.v[bits.TrailingZeros8(t.present)]
	if v.Sign() < 0 {
		if n, ok := v.Neg(); ok {
			v = n
		}
	}
	if a, ok := allowed.Mul(100); !ok || a.Cmp(v) > 0 {
		return budget.FromCents(0)
	}
	return allowed
}

// sub subtracts y from x for the phases present in y; false on overflow.
func (x *hierVec) sub(y hierVec) bool {
	for p := budget.Phase(0); p < budget.NumPhases; p++ {
		if y.present&(1<<p) == 0 {
			continue
		}
		d, ok := x.v[p].Sub(y.v[p])
		if !ok {
			return false
		}
		x.v[p] = d
	}
	return true
}

// hierNear is a quick necessary test for hierMatch on the first phase of t:
// it is false when that phase alone is further than allowed from the block
// sum (less dup when folded). Overflowing arithmetic answers true and leaves
// the decision to hierMatch.
func hierNear(t, sum, dup hierVec, folded bool, allowed budget.Money) bool {
	if t.present == 0 {
		return false
	}
	p := bits.TrailingZeros8(t.present)
	s := sum.v[p]
	if folded {
		var ok bool
		if s, ok = s.Sub(dup.v[p]); !ok {
			return true
		}
	}
	d, ok := t.v[p].Sub(s)
	return !ok || d.Abs().Cmp(allowed) <= 0
}
