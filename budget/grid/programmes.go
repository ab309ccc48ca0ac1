package grid

import (
	"fmt"
	"sort"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// programmeTotals finds lines whose programme code is the parent of other
// lines' codes in the same year and unit (Kenya's 0702000 above 0702010,
// 0702020): such a line is a programme total, not a line item.
func (s *sheetReader) programmeTotals() {
	sheetLines := len(s.b.Lines) - s.start
	type group struct{ year, unit string }
	codes := map[group]map[string][]int{}
	for i := 0; i < sheetLines; i++ {
		l := &s.b.Lines[s.start+i]
		c := l.Programme.Code()
		if len(c) < 4 || !allDigits(c) {
			continue
		}
		g := group{l.YearLabel, l.Unit.Label()}
		if codes[g] == nil {
			codes[g] = map[string][]int{}
		}
		codes[g][c] = append(codes[g][c], i)
	}
	type parent struct {
		g      group
		code   string
		prefix string
	}
	// The level width is read from the data: each code that has children
	// when all its trailing zeros are dropped votes for that many zeros,
	// and the most common count wins (Kenya: 0702000 over 0702010, three
	// zeros). A code with at least that many zeros is the parent of the
	// codes that share the rest: 0210000 is the parent of 0210xxx, not of
	// 0211xxx, and 0711000 of 0711100.
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
	var parents []parent
	for g, m := range codes {
		for c := range m {
			if width == 0 || trailingZeros(c) < width || width >= len(c) {
				continue
			}
			if p := c[:len(c)-width]; hasChild(m, c, p) {
				parents = append(parents, parent{g, c, p})
			}
		}
	}
	// Deepest first, so an outer total covers leaf lines only.
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
	var found []pendingTotal
	for _, p := range parents {
		var kids []int
		for c, idx := range codes[p.g] {
			if c == p.code || len(c) != len(p.code) || !strings.HasPrefix(c, p.prefix) {
				continue
			}
			for _, i := range idx {
				if !s.isTotal[i] {
					kids = append(kids, i)
				}
			}
		}
		if len(kids) == 0 {
			continue
		}
		sort.Ints(kids)
		for _, pi := range codes[p.g][p.code] {
			s.isTotal[pi] = true
		}
		pi := codes[p.g][p.code][0]
		pl := &s.b.Lines[s.start+pi]
		parent := pl.Programme // a copy: the line itself is dropped later
		for _, k := range kids {
			if kl := &s.b.Lines[s.start+k]; kl.Parent.IsZero() {
				kl.Parent = parent
			}
		}
		t := pendingTotal{class: budget.RowSubtotal, label: pl.Programme.Label(), how: "programme code", idx: kids,
			scope: fmt.Sprintf("sub-programmes %s* of %s, %s", p.prefix, p.g.unit, p.g.year)}
		for _, i := range codes[p.g][p.code] {
			l := &s.b.Lines[s.start+i]
			t.rows = append(t.rows, l.Pos.Row)
			if _, done := s.reclass[l.Pos.Row]; !done {
				if s.reclass == nil {
					s.reclass = map[int]string{}
				}
				s.reclass[l.Pos.Row] = "programme total: code " + p.code + " is the parent of the sub-programmes below"
				s.rep.Counts[budget.RowLine]--
				s.rep.Counts[budget.RowSubtotal]++
			}
		}
		t.stated = make([]optMoney, len(s.amts))
		for j, a := range s.amts {
			for _, i := range codes[p.g][p.code] {
				if v, ok := s.b.Lines[s.start+i].Amounts.Get(a.phase); ok {
					t.stated[j].v += v
					t.stated[j].ok = true
				}
			}
		}
		found = append(found, t)
	}
	sort.Slice(found, func(i, j int) bool { return found[i].rows[0] < found[j].rows[0] })
	s.totals = append(s.totals, found...)
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
