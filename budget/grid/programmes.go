package grid

import (
	"fmt"
	"sort"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// codeGroup is a fiscal year and an administrative unit: programme codes
// are compared within one.
type codeGroup struct{ year, unit string }

// programmeCodes indexes lines with numeric programme codes (at least 4
// digits) by year and unit, then by code: the indexes of the lines.
type programmeCodes map[codeGroup]map[string][]int

// programmeParent is a code that is the parent of others in its group:
// the codes of the same length that start with prefix.
type programmeParent struct {
	g      codeGroup
	code   string
	prefix string
}

// indexProgrammeCodes indexes lines by their programme codes.
func indexProgrammeCodes(lines budget.LineView) programmeCodes {
	codes := programmeCodes{}
	for i := range lines.Len() {
		c := lines.ProgrammeAt(i).Code()
		if len(c) < 4 || !allDigits(c) {
			continue
		}
		g := codeGroup{lines.YearLabelAt(i), lines.UnitAt(i).Label()}
		if codes[g] == nil {
			codes[g] = map[string][]int{}
		}
		codes[g][c] = append(codes[g][c], i)
	}
	return codes
}

// levelWidth reads the width of a level of the codes from the data: each
// code that has children when all its trailing zeros are dropped votes
// for that many zeros, and the most common count wins (Kenya: 0702000
// over 0702010, three zeros); 0 when no code has children.
func (codes programmeCodes) levelWidth() int {
	votes := map[int]int{}
	for _, m := range codes {
		for c := range m {
			if z := trailingZeros(c); z > 0 && z < len(c) && hasChild(m, c, c[:len(c)-z]) {
				votes[z]++
			}
		}
	}
	width, best := 0, 0
	for z, n := range votes {
		if n > best || (n == best && z < width) {
			width, best = z, n
		}
	}
	return width
}

// parents returns the parent codes, deepest first so that an outer total
// covers leaf lines only. A code with at least width trailing zeros is
// the parent of the codes that share the rest: 0210000 is the parent of
// 0210xxx, not of 0211xxx, and 0711000 of 0711100.
func (codes programmeCodes) parents(width int) []programmeParent {
	var parents []programmeParent
	for g, m := range codes {
		for c := range m {
			if width == 0 || trailingZeros(c) < width || width >= len(c) {
				continue
			}
			if p := c[:len(c)-width]; hasChild(m, c, p) {
				parents = append(parents, programmeParent{g, c, p})
			}
		}
	}
	sort.Slice(parents, func(i, j int) bool {
		a, b := parents[i], parents[j]
		if len(a.prefix) != len(b.prefix) {
			return len(a.prefix) > len(b.prefix)
		}
		if a.g != b.g {
			return a.g.year+"\x00"+a.g.unit < b.g.year+"\x00"+b.g.unit
		}
		return a.code < b.code
	})
	return parents
}

// children returns the lines under p that are not totals themselves, in
// order.
func (codes programmeCodes) children(p programmeParent, isTotal []bool) []int {
	var kids []int
	for c, idx := range codes[p.g] {
		if c == p.code || len(c) != len(p.code) || !strings.HasPrefix(c, p.prefix) {
			continue
		}
		for _, i := range idx {
			if !isTotal[i] {
				kids = append(kids, i)
			}
		}
	}
	sort.Ints(kids)
	return kids
}

// programmeTotals finds lines whose programme code is the parent of other
// lines' codes in the same year and unit (Kenya's 0702000 above 0702010,
// 0702020): such a line is a programme total, not a line item.
func (s *sheetReader) programmeTotals() {
	codes := indexProgrammeCodes(s.b.Lines.View(s.start, s.b.Lines.Len()))
	var found []pendingTotal
	for _, p := range codes.parents(codes.levelWidth()) {
		kids := codes.children(p, s.isTotal)
		if len(kids) == 0 || allTotals(codes[p.g][p.code], s.isTotal) {
			continue
		}
		found = append(found, s.programmeTotal(p, codes[p.g][p.code], kids))
	}
	sort.Slice(found, func(i, j int) bool { return found[i].rows[0] < found[j].rows[0] })
	s.totals = append(s.totals, found...)
}

// programmeTotal turns the lines of parent p (the sheet lines rows) into
// the total of the lines kids: they are marked as totals, their ledger
// rows become subtotals, and the kids without a parent get p's programme.
func (s *sheetReader) programmeTotal(p programmeParent, rows, kids []int) pendingTotal {
	for _, pi := range rows {
		s.isTotal[pi] = true
	}
	pl := s.b.Lines.At(s.start + rows[0])
	parent := pl.Programme
	for _, k := range kids {
		if kl := s.b.Lines.At(s.start + k); kl.Parent.IsZero() {
			kl.Parent = parent
			s.b.Lines.Set(s.start+k, kl)
		}
	}
	t := pendingTotal{class: budget.RowSubtotal, label: pl.Programme.Label(), how: "programme code", idx: kids,
		scope: fmt.Sprintf("sub-programmes %s* of %s, %s", p.prefix, p.g.unit, p.g.year)}
	for _, i := range rows {
		row := s.b.Lines.RowAt(s.start + i)
		t.rows = append(t.rows, row)
		s.markSubtotal(row, "programme total: code "+p.code+" is the parent of the sub-programmes below")
	}
	t.stated = make([]optMoney, len(s.amts))
	for j, a := range s.amts {
		for _, i := range rows {
			if v, ok := s.b.Lines.AmountsAt(s.start + i).Get(a.phase); ok {
				t.stated[j] = addStated(t.stated[j], v)
			}
		}
	}
	return t
}

// allTotals reports whether every line of rows is already a total (or a
// row of a level not counted).
func allTotals(rows []int, isTotal []bool) bool {
	for _, i := range rows {
		if !isTotal[i] {
			return false
		}
	}
	return true
}

// markSubtotal records that the line row n is a subtotal, for the reason
// given (reclassify rewrites the ledger once the sheet is read); the first
// reason stays.
func (s *sheetReader) markSubtotal(n int, reason string) {
	if _, done := s.reclass[n]; done {
		return
	}
	if s.reclass == nil {
		s.reclass = map[int]string{}
	}
	s.reclass[n] = reason
	s.rep.Counts[budget.RowLine]--
	s.rep.Counts[budget.RowSubtotal]++
}

// hasChild reports whether codes has a code other than parent, of the
// same length, that starts with prefix.
func hasChild[V any](codes map[string]V, parent, prefix string) bool {
	for c := range codes {
		if c != parent && len(c) == len(parent) && strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

func trailingZeros(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '0' {
		n++
	}
	return n
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
