package grid

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// hierGenNode is a node of a generated budget tree.
type hierGenNode struct {
	exact    budget.Money // true amount (sum of the true leaves below)
	children []*hierGenNode
}

// hierGen makes random trees and flattens them as publishers do.
type hierGen struct {
	rng      *rand.Rand
	unit     budget.Money // figures are written rounded to this unit (1 = exact)
	levels   bool         // write outline levels
	zeros    bool
	negative bool
	single   bool // allow nodes with one child
	holders  bool // add placeholder rows under some leaves
}

func (g *hierGen) leafAmount() budget.Money {
	switch r := g.rng.IntN(100); {
	case g.zeros && r < 6:
		return budget.FromCents(0)
	case g.negative && r < 16:
		return budget.FromCents(-g.rng.Int64N(5_000_000))
	case r < 30: // round amounts, as budgets often are
		return budget.FromCents((g.rng.Int64N(100) + 1) * 100_000)
	default:
		return budget.FromCents(g.rng.Int64N(50_000_000_000))
	}
}

func (g *hierGen) tree(depth, maxDepth int) *hierGenNode {
	n := &hierGenNode{}
	if depth == maxDepth || (depth > 1 && g.rng.IntN(5) == 0) {
		n.exact = g.leafAmount()
		return n
	}
	fan := 2 + g.rng.IntN(6)
	if g.single && depth > 0 && g.rng.IntN(8) == 0 {
		fan = 1
	}
	for range fan {
		c := g.tree(depth+1, maxDepth)
		n.children = append(n.children, c)
		n.exact, _ = budget.Add(n.exact, c.exact)
	}
	return n
}

// round rounds m to the generator's unit, half away from zero.
func (g *hierGen) round(m budget.Money) budget.Money {
	if g.unit.Cmp(budget.FromCents(1)) <= 0 {
		return m
	}
	// with u the unit in cents: round(m / u) × u, halves away from zero
	c, _ := m.Cents()
	u, _ := g.unit.Cents()
	q, r := c/u, c%u
	if 2*r >= u {
		q++
	} else if 2*r <= -u {
		q--
	}
	return budget.FromCents(q * u)
}

// hierGenRow is a flattened row with what the generator knows about it.
type hierGenRow struct {
	row   HierarchyRow
	total bool // a true total (or a placeholder): not a line
	zero  bool // a total whose written amount is zero (either reading is right)
}

// flatten writes the tree in pre-order (totals first) or post-order.
func (g *hierGen) flatten(n *hierGenNode, depth int, totalsFirst bool, out *[]hierGenRow, id *int) {
	*id++
	written := g.round(n.exact)
	me := hierGenRow{row: hr(fmt.Sprintf("Item %d", *id), written), total: len(n.children) > 0, zero: written == budget.FromCents(0)}
	if g.levels {
		me.row.Level = depth + 1
	}
	if len(n.children) == 0 {
		*out = append(*out, me)
		if g.holders && g.rng.IntN(10) == 0 {
			ph := hierGenRow{row: hr("n/a", written), total: true, zero: true}
			if totalsFirst {
				*out = append(*out, ph)
			} else {
				(*out)[len(*out)-1], ph = ph, (*out)[len(*out)-1]
				*out = append(*out, ph)
			}
		}
		return
	}
	if totalsFirst {
		*out = append(*out, me)
	}
	for _, c := range n.children {
		g.flatten(c, depth+1, totalsFirst, out, id)
	}
	if !totalsFirst {
		*out = append(*out, me)
	}
}

// hierCorpusCase runs one generated sheet and reports whether the leaves'
// sum and the set of totals were recovered.
func hierCorpusCase(t *testing.T, g *hierGen, totalsFirst bool) (sumOK, structOK bool) {
	t.Helper()
	tree := g.tree(0, 2+g.rng.IntN(4))
	var gen []hierGenRow
	id := 0
	g.flatten(tree, 0, totalsFirst, &gen, &id)
	rows := make([]HierarchyRow, len(gen))
	var want budget.Money
	for i, r := range gen {
		rows[i] = r.row
		if !r.total {
			want, _ = budget.Add(want, approved(r.row.Amounts))
		}
	}
	res, err := Hierarchy(rows, HierarchyOptions{Tolerance: HierarchyTolerance{LastDigit: g.unit}})
	if err != nil {
		t.Fatal(err)
	}
	sumOK = approved(res.Leaves) == want
	structOK = true
	for i, r := range gen {
		counted := res.Rows[i].Role.Counted()
		if !r.zero && counted == r.total {
			structOK = false
		}
	}
	return sumOK, structOK
}

func TestHierarchyCorpus(t *testing.T) {
	// min is the share of sheets (in percent) whose leaves' sum must be
	// recovered exactly: the rates measured when the test was written,
	// rounded down. Label-only single-child chains are the known weak spot.
	configs := []struct {
		name string
		gen  hierGen
		min  int
	}{
		{"exact", hierGen{unit: budget.FromCents(1)}, 93},
		{"exact with levels", hierGen{unit: budget.FromCents(1), levels: true, single: true}, 100},
		{"single children", hierGen{unit: budget.FromCents(1), single: true}, 70},
		{"zeros and negatives", hierGen{unit: budget.FromCents(1), zeros: true, negative: true}, 98},
		{"zeros negatives single children", hierGen{unit: budget.FromCents(1), zeros: true, negative: true, single: true}, 70},
		{"placeholders", hierGen{unit: budget.FromCents(1), holders: true, negative: true}, 98},
		{"rounded to units", hierGen{unit: budget.FromCents(100), negative: true}, 98},
		{"rounded to thousands, all patterns", hierGen{unit: budget.FromCents(100_000), zeros: true, negative: true, single: true, holders: true}, 70},
	}
	const sheets = 200
	for ci, c := range configs {
		for _, first := range []bool{true, false} {
			name := fmt.Sprintf("%s/totals-last", c.name)
			if first {
				name = fmt.Sprintf("%s/totals-first", c.name)
			}
			t.Run(name, func(t *testing.T) {
				g := c.gen
				g.rng = rand.New(rand.NewPCG(uint64(ci), 7))
				sums, structs := 0, 0
				for range sheets {
					s, st := hierCorpusCase(t, &g, first)
					if s {
						sums++
					}
					if st {
						structs++
					}
				}
				t.Logf("%d/%d sheets: leaves' sum exact; %d/%d: every total found", sums, sheets, structs, sheets)
				if sums*100 < sheets*c.min {
					t.Errorf("leaves' sum recovered in %d of %d sheets, want at least %d%%", sums, sheets, c.min)
				}
			})
		}
	}
}

// TestHierarchyFlatFalsePositives runs budgets with no hierarchy at all: no
// row may come out as a total.
func TestHierarchyFlatFalsePositives(t *testing.T) {
	dists := []struct {
		name    string
		amount  func(r *rand.Rand) budget.Money
		maxRate float64 // allowed share of sheets with a total
	}{
		{"cents up to 500 million", func(r *rand.Rand) budget.Money { return budget.FromCents(r.Int64N(50_000_000_000)) }, 0},
		{"round thousands 1..100", func(r *rand.Rand) budget.Money { return budget.FromCents((r.Int64N(100) + 1) * 100_000) }, 0.01},
		{"small integers 1..20 with zeros and negatives", func(r *rand.Rand) budget.Money {
			return budget.FromCents((r.Int64N(26) - 5) * 100)
		}, 0.12},
	}
	const sheets = 1000
	for di, d := range dists {
		t.Run(d.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(di), 11))
			withTotal, rowsTotal, rows, withUnresolved := 0, 0, 0, 0
			for range sheets {
				n := 5 + rng.IntN(300)
				sheet := make([]HierarchyRow, n)
				for i := range sheet {
					sheet[i] = hr(fmt.Sprintf("Line %d", i), d.amount(rng))
				}
				res, err := Hierarchy(sheet, HierarchyOptions{})
				if err != nil {
					t.Fatal(err)
				}
				rows += n
				if res.Totals > 0 {
					withTotal++
					rowsTotal += res.Totals
				}
				if len(res.Unresolved) > 0 {
					withUnresolved++
				}
			}
			rate := float64(withTotal) / sheets
			t.Logf("false positives: %d of %d sheets (%.1f%%), %d of %d rows; sheets with an unresolved candidate: %d",
				withTotal, sheets, 100*rate, rowsTotal, rows, withUnresolved)
			if rate > d.maxRate {
				t.Errorf("false-positive rate %.3f above %.3f", rate, d.maxRate)
			}
		})
	}
}
