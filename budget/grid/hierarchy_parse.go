package grid

import (
	"math"
	"slices"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// hierParse is one reading of the sheet, totals first or totals last.
type hierParse struct {
	order      HierarchyOrder
	rows       []HierarchyRowResult
	rounding   map[int]budget.Money // by row, where not zero (HierarchyResult.Rounding)
	totals     int                  // accepted totals
	tolUses    int
	unresolved int
	ambiguous  int
	weak       bool // a total was accepted on arithmetic alone (rule 4's structure rules)
	nested     bool // an accepted total of two or more rows lies inside another
}

// hierStrong is the evidence beyond arithmetic.
const hierStrong = HierarchyByLabel | HierarchyByLevel | HierarchyByCode | HierarchyBySameLabel

// better reports whether p explains the sheet better than q: more totals,
// then fewer tolerance uses, then more unresolved candidates (so that a
// sheet with no accepted structure lists every doubt).
func (p *hierParse) better(q *hierParse) bool {
	if p.totals != q.totals {
		return p.totals > q.totals
	}
	if p.tolUses != q.tolUses {
		return p.tolUses < q.tolUses
	}
	return p.unresolved > q.unresolved // with no structure, list every candidate
}

// parse scans the sheet for one flattening and decides which candidates to
// accept (rules 2 to 4 of the file comment).
func (h *hierSheet) parse(order HierarchyOrder) *hierParse {
	cands, top, ambiguous := h.scan(order)
	p := h.accept(order, cands, top, ambiguous, true, nil)
	if p.weak && !p.nested {
		// Arithmetic alone found one level of blocks: too easily a
		// coincidence in a flat budget (150, 350, 500). Its candidates
		// stay lines, listed as unresolved. The first reading's rows are
		// let go: the second is made in them.
		p = h.accept(order, cands, top, ambiguous, false, p.rows)
	}
	return p
}

// accept decides which candidates are totals (rule 4). With weak false,
// only label, level, code or same-label evidence (and a parent accepted on
// it) accepts a total.
func (h *hierSheet) accept(order HierarchyOrder, cands hierCands, top []hierNode, ambiguous int, weak bool, reuse []HierarchyRowResult) *hierParse {
	if cap(reuse) < h.n {
		reuse = make([]HierarchyRowResult, h.n)
	}
	p := &hierParse{order: order, rows: reuse[:h.n], ambiguous: ambiguous, rounding: map[int]budget.Money{}}
	for i := range p.rows {
		p.rows[i] = HierarchyRowResult{Role: h.base[i], Parent: -1, First: -1, Last: -1}
	}
	tiled := h.tiled(cands, top)
	type item struct {
		row, parent, depth int
		confirmed          bool // inside an accepted total of two or more, directly or by a chain
	}
	// Depth first from each top row in turn; the stack holds the rows
	// under one top row, not every top row at once (a flat run of a
	// million rows has a million).
	var work []item
	next := 0
	for len(work) > 0 || next < len(top) {
		if len(work) == 0 {
			work = append(work, item{row: int(top[next].row), parent: -1})
			next++
		}
		it := work[len(work)-1]
		work = work[:len(work)-1]
		r := &p.rows[it.row]
		r.Parent, r.Depth = int32(it.parent), int32(it.depth)
		c, ok := cands.get(it.row)
		if !ok {
			continue
		}
		r.First, r.Last, r.Children = int32(c.lo), int32(c.hi), int32(len(c.children))
		if !c.rounding.IsZero() {
			p.rounding[it.row] = c.rounding
		}
		ev, weakSingle := h.evidenceOf(it.row, c, cands, it.confirmed, weak, tiled)
		r.Evidence = ev
		childParent, childDepth := it.parent, it.depth
		if ev&^weakSingle == 0 {
			r.Role = HierarchyUnresolved
			p.unresolved++
		} else {
			r.Role = HierarchySubtotal
			p.totals++
			if ev&hierStrong == 0 && !it.confirmed {
				p.weak = true
			}
			if it.parent >= 0 && len(c.children) >= 2 && p.rows[it.parent].Children >= 2 {
				p.nested = true
			}
			if !c.rounding.IsZero() {
				p.tolUses++
			}
			childParent, childDepth = it.row, it.depth+1
		}
		for _, ch := range c.children {
			work = append(work, item{row: ch, parent: childParent, depth: childDepth,
				confirmed: ev&^weakSingle != 0 && (len(c.children) >= 2 || it.confirmed)})
		}
	}
	return p
}

// evidenceOf decides the evidence for candidate c of row (rule 4), and
// which of it does not suffice alone (weakSingle): the row is a total when
// ev&^weakSingle is not zero.
func (h *hierSheet) evidenceOf(row int, c *hierCand, cands hierCands, confirmed, weak, tiled bool) (ev, weakSingle HierarchyEvidence) {
	ev = c.ev
	// A row with the same amount as the one row next to it, and the
	// same label or a longer code that extends its own, is as often a
	// duplicate record (CRS exports) or a line with a finer code
	// (Macedonia's programme 50 above 51) as a total of one child: it
	// needs an enclosing total of two or more. A code padded with two
	// zeros or more to its child's length (Kenya's 0702000 over
	// 0702010) is evidence enough.
	weakSingle = 0
	if len(c.children) == 1 {
		weakSingle = HierarchyBySameLabel
		if k := h.keyOf(row); len(k) != len(h.keyOf(c.children[0])) || len(k)-len(h.stemOf(row)) < 2 {
			weakSingle |= HierarchyByCode
		}
	}
	switch {
	case confirmed:
		ev |= HierarchyByParent
	case ev&^weakSingle != 0:
	case !weak || !h.uniqueLabel(row):
		// Arithmetic alone never makes a total of a row whose label
		// other rows share: the rows are then records of categories
		// (Macedonia's item "Разни трансфери" in every programme), and
		// round amounts add up by chance.
	case len(c.children) >= 2 && c.lo <= h.nodes[0] && c.hi >= h.nodes[len(h.nodes)-1]:
		ev |= HierarchyBySheetSum // a first or last row that totals the whole sheet
	case hierBlockCands(cands, c.children) >= 2:
		ev |= HierarchyByNesting
	case len(c.children) >= 2 && tiled:
		ev |= HierarchyByTiling
	}
	return ev, weakSingle
}

// hierBlockCands counts the rows that are candidate totals of two or more
// children: two of them under one total make the structure repeat.
func hierBlockCands(cands hierCands, rows []int) int {
	n := 0
	for _, r := range rows {
		if c, ok := cands.get(r); ok && len(c.children) >= 2 {
			n++
		}
	}
	return n
}

// tiled reports whether three or more top-level candidates with two or more
// children each together cover at least half the rows that take part.
func (h *hierSheet) tiled(cands hierCands, top []hierNode) bool {
	n, covered := 0, 0
	for _, t := range top {
		if c, ok := cands.get(int(t.row)); ok && len(c.children) >= 2 {
			n++
			covered += h.countNodes(c.lo, c.hi)
		}
	}
	return n >= 3 && 2*covered >= len(h.nodes)
}

// countNodes counts the rows that take part between lo and hi inclusive.
func (h *hierSheet) countNodes(lo, hi int) int {
	n := 0
	for i := lo; i <= hi; i++ {
		if h.base[i] == HierarchyLeaf {
			n++
		}
	}
	return n
}

// scan reads the rows in the order of one flattening: from the bottom for
// totals first, from the top for totals last, keeping a stack of the nodes
// not yet inside a total. It returns the candidates by row, the nodes left at
// the top level in file order, and how many candidates had a tie.
//
// A row equal to the one node next to it, with no evidence, is not folded at
// once (equal neighbours are common in flat budgets): the pair is remembered
// in soft and decided by the enclosing total's equation, which adds up either
// with the pair counted once (a total of one child) or twice (two lines).
// A pair no enclosing total decides is left unresolved.
func (h *hierSheet) scan(order HierarchyOrder) (hierCands, []hierNode, int) {
	cands := make(hierCands, h.n)
	soft := make(map[int]int) // child row -> row that equals it alone
	stack := make([]hierNode, 0, len(h.nodes))
	ambiguous := 0
	for j := range h.nodes {
		t := h.nodes[j]
		if order == HierarchyTotalsFirst {
			t = h.nodes[len(h.nodes)-1-j]
		}
		mr := h.match(t, stack, soft)
		if mr.k == 0 {
			if mr.single {
				soft[int(stack[len(stack)-1].row)] = t
			}
			stack = append(stack, node(t, t, t))
			continue
		}
		if mr.tie {
			ambiguous++
		}
		c := &hierCand{lo: t, hi: t, ev: mr.ev, rounding: mr.rounding}
		block := stack[len(stack)-mr.k:]
		for i := len(block) - 1; i >= 0; i-- { // nearest first
			nd := block[i]
			row, lo, hi := int(nd.row), int(nd.lo), int(nd.hi)
			c.lo, c.hi = min(c.lo, lo), max(c.hi, hi)
			p, paired := soft[row]
			delete(soft, row)
			if paired && i < len(block)-1 && int(block[i+1].row) == p && mr.folded {
				cands[p] = &hierCand{children: []int{row}, lo: min(p, lo), hi: max(p, hi),
					rounding: hierGap(h.vecOf(p), h.vecOf(row))}
				continue
			}
			c.children = append(c.children, row)
		}
		cands[t] = c
		stack = append(stack[:len(stack)-mr.k], node(t, c.lo, c.hi))
	}
	top := stack[:0] // in place: a flat run of a million rows leaves them all on the stack
	for _, nd := range stack {
		if p, ok := soft[int(nd.row)]; ok {
			cands[p] = &hierCand{children: []int{int(nd.row)}, lo: min(p, int(nd.lo)), hi: max(p, int(nd.hi))}
			continue
		}
		top = append(top, nd)
	}
	if order == HierarchyTotalsFirst {
		slices.Reverse(top)
	}
	return cands, top, ambiguous
}

// hierGap returns the largest gap between two rows' common phases.
func hierGap(a, b hierVec) budget.Money {
	d, _ := hierMatch(a, b, budget.FromUnits(math.MaxInt64))
	return d
}

// grandTotal applies rule 6: the first (or last) row that takes part equals
// the sum of the counted rows of a suffix (or prefix) of the sheet.
func (h *hierSheet) grandTotal(res *HierarchyResult) {
	if len(h.nodes) < 3 {
		return
	}
	if h.markCovering(res) {
		return
	}
	first, last := h.nodes[0], h.nodes[len(h.nodes)-1]
	if res.Rows[first].Role.Counted() && res.Rows[first].Parent == -1 && h.sheetSum(res, first, +1) {
		return
	}
	if res.Rows[last].Role.Counted() && res.Rows[last].Parent == -1 {
		h.sheetSum(res, last, -1)
	}
}

// markCovering renames an accepted top-level subtotal that covers every row
// taking part a grand total.
func (h *hierSheet) markCovering(res *HierarchyResult) bool {
	first, last := h.nodes[0], h.nodes[len(h.nodes)-1]
	for _, g := range []int{first, last} {
		r := &res.Rows[g]
		if r.Role == HierarchySubtotal && r.Parent == -1 && int(r.First) <= first && int(r.Last) >= last {
			r.Role = HierarchyGrandTotal
			return true
		}
	}
	return false
}

// sheetSum tries row g (the first row taking part when dir is +1, the last
// when -1) as the total of the counted rows from some row k to the far end.
// The counted rows between g and k become aggregates if at least half of
// them say "total" or sit at a higher level than the rows summed.
func (h *hierSheet) sheetSum(res *HierarchyResult, g, dir int) bool {
	// far[j] is the index in h.nodes of the j-th node from the far end.
	nodes := h.nodes
	var sum hierVec
	count, bestK, bestD := 0, -1, budget.Money{}
	for j := 0; j < len(nodes)-1; j++ {
		idx := len(nodes) - 1 - j
		if dir < 0 {
			idx = j
		}
		r := nodes[idx]
		if !res.Rows[r].Role.Counted() {
			continue
		}
		if lg, lr := h.levelOf(g), h.levelOf(r); lg > 0 && lr > 0 && lr <= lg {
			break // a row at the total's level or above: no sum beyond it is the total's
		}
		if !sum.add(h.vecOf(r)) {
			return false
		}
		count++
		if count < 2 {
			continue
		}
		d, ok := hierMatch(h.vecOf(g), sum, h.opt.Tolerance.allowed(count))
		if ok && (bestK < 0 || d.Cmp(bestD) <= 0) {
			bestK, bestD = idx, d
		}
	}
	if bestK < 0 || !h.headerIsAggregate(res, g, bestK) {
		return false
	}
	if !h.total[g] && h.between(g, bestK) == 0 && res.Order == HierarchyNone && !h.codeCovers(g, bestK, dir) {
		// A row equal to the sum of the others of a sheet with no other
		// structure: as likely a flat budget (150, 350, 500) as a total
		// without its word. Counted, and listed.
		lo, hi := g, h.nodes[len(h.nodes)-1]
		if dir < 0 {
			lo, hi = h.nodes[0], g
		}
		res.Rows[g] = HierarchyRowResult{Role: HierarchyUnresolved, Parent: -1, First: int32(lo), Last: int32(hi)}
		delete(res.Rounding, g)
		return false
	}
	h.markGrand(res, g, bestK, dir, bestD)
	return true
}

// codeCovers reports whether g's code is the parent of the codes of every
// counted row from node index k to the far end.
func (h *hierSheet) codeCovers(g, k, dir int) bool {
	stem := h.stemOf(g)
	if stem == "" {
		return false
	}
	lo, hi := k, len(h.nodes)-1
	if dir < 0 {
		lo, hi = 0, k
	}
	for _, r := range h.nodes[lo : hi+1] {
		if r != g && (h.keyOf(r) == h.keyOf(g) || !strings.HasPrefix(h.keyOf(r), stem)) {
			return false
		}
	}
	return true
}

// between counts the rows taking part strictly between g and node index k.
func (h *hierSheet) between(g, k int) int {
	lo, hi := min(h.nodes[k], g), max(h.nodes[k], g)
	n := 0
	for i := lo + 1; i < hi; i++ {
		if h.base[i] == HierarchyLeaf {
			n++
		}
	}
	return n
}

// headerIsAggregate checks the counted rows strictly between g and k.
func (h *hierSheet) headerIsAggregate(res *HierarchyResult, g, k int) bool {
	n, agg := 0, 0
	lo, hi := min(h.nodes[k], g), max(h.nodes[k], g)
	for i := lo + 1; i < hi; i++ {
		if !res.Rows[i].Role.Counted() {
			continue
		}
		n++
		if h.total[i] || (h.levelOf(i) > 0 && h.levelOf(h.nodes[k]) > h.levelOf(i)) {
			agg++
		}
	}
	return 2*agg >= n
}

// markGrand records row g as the grand total of the counted rows from node
// index k to the far end, and the counted rows between as aggregates.
func (h *hierSheet) markGrand(res *HierarchyResult, g, k, dir int, rounding budget.Money) {
	lo, hi := h.nodes[k], h.nodes[len(h.nodes)-1]
	if dir < 0 {
		lo, hi = h.nodes[0], h.nodes[k]
	}
	gr := &res.Rows[g]
	*gr = HierarchyRowResult{Role: HierarchyGrandTotal, Parent: -1, First: int32(lo), Last: int32(hi),
		Evidence: HierarchyBySheetSum}
	delete(res.Rounding, g)
	if !rounding.IsZero() {
		if res.Rounding == nil {
			res.Rounding = map[int]budget.Money{}
		}
		res.Rounding[g] = rounding
	}
	if h.total[g] {
		gr.Evidence |= HierarchyByLabel
	}
	for i := range res.Rows {
		r := &res.Rows[i]
		if i == g || r.Role == HierarchyNoAmount {
			continue
		}
		inside := i >= lo && i <= hi
		switch {
		case !inside && r.Role.Counted():
			r.Role = HierarchyAggregate
		case inside && r.Role == HierarchyUnresolved:
			// The grand total adds up with this row counted: it is a line.
			*r = HierarchyRowResult{Role: HierarchyLeaf, Parent: r.Parent, First: -1, Last: -1, Depth: r.Depth}
			delete(res.Rounding, i)
		}
		if r.Parent == -1 {
			r.Parent = int32(g)
		}
		if inside {
			r.Depth++
		}
	}
	res.Order = HierarchyTotalsFirst
	if dir < 0 {
		res.Order = HierarchyTotalsLast
	}
}

// labelledLeft marks as unresolved the rows still counted whose label says
// total, or whose code is the parent of an adjacent row's code: totals the
// arithmetic could not place (they do not add up to any block).
func (h *hierSheet) labelledLeft(res *HierarchyResult) {
	for j, i := range h.nodes {
		r := &res.Rows[i]
		if r.Role != HierarchyLeaf {
			continue
		}
		if h.total[i] || h.codeParentNear(j) {
			r.Role = HierarchyUnresolved
		}
	}
}

// codeParentNear reports whether node j's code stem is a proper prefix of the
// code of the node before or after it.
func (h *hierSheet) codeParentNear(j int) bool {
	i := h.nodes[j]
	stem := h.stemOf(i)
	if stem == "" || len(stem) == len(h.keyOf(i)) {
		return false
	}
	for _, n := range []int{j - 1, j + 1} {
		if n < 0 || n >= len(h.nodes) {
			continue
		}
		k := h.keyOf(h.nodes[n])
		if k != h.keyOf(i) && strings.HasPrefix(k, stem) {
			return true
		}
	}
	return false
}

// finish computes the sheet's sums and counts from the rows' roles.
func (h *hierSheet) finish(res *HierarchyResult) error {
	h.labelledLeft(res)
	unresolved := 0
	for _, r := range res.Rows {
		if r.Role == HierarchyUnresolved {
			unresolved++
		}
	}
	if unresolved > 0 {
		res.Unresolved = make([]HierarchyUnresolvedItem, 0, unresolved) // once: a sheet may leave most of its rows unresolved
	}
	var leaves, sure hierVec
	for i, r := range res.Rows {
		switch r.Role {
		case HierarchyLeaf:
			if !leaves.add(h.vecOf(i)) || !sure.add(h.vecOf(i)) {
				return budget.ErrOverflow
			}
		case HierarchyUnresolved:
			if !leaves.add(h.vecOf(i)) {
				return budget.ErrOverflow
			}
			res.Unresolved = append(res.Unresolved, HierarchyUnresolvedItem{Row: i, First: int(r.First), Last: int(r.Last),
				Amounts: h.vecOf(i).amounts()})
		case HierarchySubtotal, HierarchyGrandTotal, HierarchyAggregate:
			res.Totals++
			for len(res.TotalsAtDepth) <= int(r.Depth) {
				res.TotalsAtDepth = append(res.TotalsAtDepth, 0)
			}
			res.TotalsAtDepth[r.Depth]++
			if !res.Rounding[i].IsZero() {
				res.ToleranceUses++
			}
		case HierarchyPlaceholder:
			res.Placeholders++
		}
	}
	res.Leaves = leaves.amounts()
	res.Candidate = sure.amounts()
	return nil
}
