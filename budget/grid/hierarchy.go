// Flattened hierarchies: which rows of a sheet repeat the totals of the rows
// under (or above) them, so that only the leaves are counted.
//
// Many public budgets are a tree written as plain rows: the first row is the
// grand total, then sector, body, programme and project rows, each repeating
// the sum of the rows that follow it (totals first, a pre-order flattening),
// or each following its members (totals last, a post-order flattening). Often
// only the labels tell the levels apart: no codes, no indentation, no "Total"
// word. Summing every row then counts the money once per level.
//
// Hierarchy decides, on evidence, which rows are subtotals. It never guesses
// silently: every row gets a role, and what the evidence could not settle is
// listed (with the naive sum and the best candidate total) so that the caller
// warns. The decision rules, in order:
//
//  1. Rows with no amount are skipped. A placeholder row (label "none", "n/a",
//     "-", "—", empty, …) whose amounts repeat an adjacent row's is not a line.
//  2. Both flattenings are scanned (totals first and totals last). In each, a
//     row is a candidate total of the k nearest nodes on its side when every
//     phase present in the row equals the sum of those nodes for that phase,
//     exactly or within the caller's tolerance; a node is a row together with
//     the block it already totals, so the search is recursive. A row whose
//     amounts are all zero is a candidate only with label, level or code
//     evidence (a zero equals any zero-sum block). A candidate whose levels or
//     codes contradict the block (a child at the same or a higher outline
//     level, a child code outside the parent's code) is not taken.
//  3. Ties between block sizes for one row (trailing zero rows, a trailing run
//     of amounts that cancel) are settled by: exact match before match within
//     tolerance, then more agreeing evidence (label, level, code), then the
//     block that reads a row equal to its one neighbour as that neighbour's
//     total, then the smaller block. Such ties never change the sum of the leaves; they are
//     counted in HierarchyResult.Ambiguous.
//  4. A candidate is accepted when its parent total was accepted (the parent's
//     own equation confirms it), or it has label, level or code evidence, or it
//     has two children that are themselves candidate totals of two or more rows
//     (the structure repeats), or its block is the whole sheet, or the
//     candidates of three or more blocks of two or more children tile
//     at least half of the sheet. Otherwise it is unresolved: it is counted as
//     a line, and listed in Unresolved with its block.
//  5. The flattening with more rows explained as totals wins (fewer tolerance
//     uses on a tie); if both explain rows, the choice is reported.
//  6. Grand totals: a first row equal to the sum of the counted rows of a
//     suffix of the sheet (or a last row equal to that of a prefix) is the
//     grand total. Rows between it and the suffix are aggregates of rows kept
//     elsewhere (an OECD-style header of regional and income-group totals) when
//     at least half of them say "total" or sit at a higher outline level.
//  7. A row still counted whose label says total, or whose code is the parent
//     of an adjacent row's code, is a total that adds up to no block: it is
//     listed as unresolved (counted, so the caller warns).
//
// The scan costs O(n·F·P) for n rows, F the largest block size searched
// (HierarchyOptions.MaxFanout) and P the phases; everything else is linear.
package grid

import (
	"fmt"
	"math"
	"sync"

	"github.com/grb-toolkit/grb/budget"
)

// HierarchyRow is one row of a sheet, in file order, as the detector sees it.
type HierarchyRow struct {
	Amounts budget.Amounts // amounts per phase; a missing phase is not zero
	Label   string         // the row's text, may be empty
	Code    string         // a programme or account code, "" when none
	Level   int            // outline or indentation level (1 = outermost), 0 when unknown
	// TotalWord says the label calls the row a total or subtotal. The caller
	// may set it, or leave it to HierarchyTotalWord(Label), which is always
	// consulted too.
	TotalWord bool
}

// HierarchyTolerance bounds the rounding allowed between a repeated total and
// the sum of its block. The allowance for a block of k children is
// Absolute + LastDigit·(k+1)/2: each written figure, the total's included, may
// be off by half a unit of its last written digit.
type HierarchyTolerance struct {
	LastDigit budget.Money // unit of the last written digit (1 = a cent); 0 for none
	Absolute  budget.Money // a fixed allowance per comparison
}

// allowed returns the tolerance for a block of k children.
func (t HierarchyTolerance) allowed(k int) budget.Money {
	// LastDigit·(k+1)/2, truncated; an allowance past Money's range is
	// the largest one.
	p, ok := t.LastDigit.Mul(int64(k + 1))
	if !ok {
		return budget.FromUnits(math.MaxInt64)
	}
	h, _, _ := p.Quo(2)
	s, ok := budget.Add(t.Absolute, h)
	if !ok {
		return budget.FromUnits(math.MaxInt64)
	}
	return s
}

// HierarchyOptions tunes Hierarchy. The zero value asks for exact matches.
type HierarchyOptions struct {
	Tolerance HierarchyTolerance
	// MaxFanout is the largest block of nodes searched for one total
	// (default 128). Grand totals over the whole sheet are found at any size.
	MaxFanout int
}

// HierarchyRole is what a row is found to be.
type HierarchyRole uint8

// The roles of a row.
const (
	HierarchyLeaf        HierarchyRole = iota // a line: counted
	HierarchySubtotal                         // repeats the sum of its block: not counted
	HierarchyGrandTotal                       // the total of the sheet: not counted
	HierarchyAggregate                        // a total of rows kept elsewhere (under a grand total): not counted
	HierarchyPlaceholder                      // "n/a", "-" … repeating an adjacent amount: not a line
	HierarchyNoAmount                         // no amount in any phase: a heading or an empty row
	HierarchyUnresolved                       // equals its block but the evidence is too weak: counted, and listed
)

var hierRoleNames = [...]string{"leaf", "subtotal", "grand-total", "aggregate", "placeholder", "no-amount", "unresolved"}

// String returns the role's name, for example "subtotal".
func (r HierarchyRole) String() string {
	if int(r) < len(hierRoleNames) {
		return hierRoleNames[r]
	}
	return fmt.Sprintf("HierarchyRole(%d)", uint8(r))
}

// Counted reports whether rows of this role are lines whose money is summed.
func (r HierarchyRole) Counted() bool { return r == HierarchyLeaf || r == HierarchyUnresolved }

// HierarchyEvidence is a set of reasons for a decision.
type HierarchyEvidence uint16

// The reasons a row was read as a total.
const (
	HierarchyByLabel     HierarchyEvidence = 1 << iota // the label says total/subtotal (en/es/fr)
	HierarchyByLevel                                   // every child sits at a deeper outline level
	HierarchyByCode                                    // every child's code extends the row's code
	HierarchyBySameLabel                               // a single child with the same label
	HierarchyByParent                                  // the enclosing total was accepted with this row in it
	HierarchyByNesting                                 // a child block is itself a total (the structure repeats)
	HierarchyByTiling                                  // blocks of this kind cover at least half the sheet
	HierarchyBySheetSum                                // equals the sum of all counted rows after (or before) it
)

// HierarchyOrder is where a flattening writes a total relative to its block.
type HierarchyOrder uint8

// The flattenings.
const (
	HierarchyNone        HierarchyOrder = iota // no structure found
	HierarchyTotalsFirst                       // pre-order: a total precedes its block
	HierarchyTotalsLast                        // post-order: a total follows its block
)

var hierOrderNames = [...]string{"none", "totals-first", "totals-last"}

// String returns the order's name, for example "totals-first".
func (o HierarchyOrder) String() string {
	if int(o) < len(hierOrderNames) {
		return hierOrderNames[o]
	}
	return fmt.Sprintf("HierarchyOrder(%d)", uint8(o))
}

// HierarchyRowResult is the decision for one row.
//
// Row indices are 32-bit (a sheet has at most 1,048,576 rows; a csv file
// fewer than 2^31 for the detector): a result is 24 bytes a row, and the
// detector holds two or three results of every row of a run at once. The
// rounding of the few totals accepted within the tolerance is apart
// (HierarchyResult.Rounding).
type HierarchyRowResult struct {
	Parent int32 // row index of the accepted total that contains this row, -1 if none
	// First and Last bound (inclusive) the rows a total covers, -1 for a line.
	// For an unresolved row they bound its candidate block.
	First, Last int32
	Children    int32             // number of direct children (rows or blocks) of a total
	Depth       int32             // 0 outside every accepted total, 1 inside one, …
	Evidence    HierarchyEvidence // why a total was read as one
	Role        HierarchyRole
}

// HierarchyUnresolvedItem is a block the evidence could not settle: if Row is
// a subtotal, the counted sum drops by Row's amounts.
type HierarchyUnresolvedItem struct {
	Row         int // the candidate total
	First, Last int // its candidate block, inclusive
	Amounts     budget.Amounts
}

// HierarchyResult is the structure found in a sheet.
type HierarchyResult struct {
	Rows []HierarchyRowResult
	// Rounding is, by row, the largest gap over the phases between a
	// total and the sum of its block, for the rows whose gap is not zero
	// (the tolerance was needed).
	Rounding map[int]budget.Money
	Order    HierarchyOrder
	// OrderAmbiguous says the other flattening explained rows too.
	OrderAmbiguous bool
	Naive          budget.Amounts // sum of every row, as a naive reader would count
	Leaves         budget.Amounts // sum of the counted rows (leaves and unresolved)
	// Candidate is Leaves less every unresolved candidate total: the best
	// candidate total when Unresolved is not empty.
	Candidate     budget.Amounts
	Totals        int   // rows found to be subtotals, grand totals or aggregates
	TotalsAtDepth []int // TotalsAtDepth[d]: accepted totals at depth d
	ToleranceUses int   // totals accepted only within the tolerance
	Ambiguous     int   // totals whose block size was a tie (rule 3)
	Placeholders  int
	Unresolved    []HierarchyUnresolvedItem
}

// Resolved reports whether every row was decided on evidence.
func (r *HierarchyResult) Resolved() bool { return len(r.Unresolved) == 0 }

// Hierarchy finds the flattened hierarchy in rows (one sheet, in file order)
// and says which rows to count. It returns budget.ErrOverflow when a sum does
// not fit in a Money.
func Hierarchy(rows []HierarchyRow, opt HierarchyOptions) (*HierarchyResult, error) {
	return hierarchyOf(len(rows), func(i int) HierarchyRow { return rows[i] }, opt)
}

// hierarchyOf is Hierarchy over n rows that row(i) gives one by one.
func hierarchyOf(n int, row func(int) HierarchyRow, opt HierarchyOptions) (*HierarchyResult, error) {
	if opt.MaxFanout <= 0 {
		opt.MaxFanout = 128
	}
	if n > math.MaxInt32 {
		return nil, fmt.Errorf("hierarchy: %d rows, more than the search holds", n)
	}
	h := newHierSheet(n, row, opt)
	if err := h.sums(); err != nil {
		return nil, err
	}
	// The two readings share nothing they write: one runs on each core.
	var post *hierParse
	var wg sync.WaitGroup
	wg.Go(func() { post = h.parse(HierarchyTotalsLast) })
	pre := h.parse(HierarchyTotalsFirst)
	wg.Wait()
	best, other := pre, post
	if post.better(pre) {
		best, other = post, pre
	}
	res := &HierarchyResult{Rows: best.rows, Rounding: best.rounding, Naive: h.naive.amounts(), Ambiguous: best.ambiguous}
	if best.totals > 0 {
		res.Order = best.order
		res.OrderAmbiguous = other.totals > 0
	}
	h.grandTotal(res)
	if err := h.finish(res); err != nil {
		return nil, err
	}
	return res, nil
}
