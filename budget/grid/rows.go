package grid

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

func (s *sheetReader) reject(n int, cells []string, reason string) {
	if blank(cells) {
		s.ledger(n, budget.RowBlank, 0, "")
		return
	}
	s.ledger(n, budget.RowRejected, 0, reason)
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func cell(cells []string, c int) string {
	if c < 0 || c >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[c])
}

var (
	subtotalWords = []string{"subtotal", "sub total", "subtotales", "sous total", "total parcial", "total partiel"}
	grandWords    = []string{"grand total", "gran total", "total general", "total global", "total generale", "overall total", "total budget", "total"}
	totalWords    = []string{"total", "totales", "totaux", "totals"}
)

// totalLabel looks for a total or subtotal label in the row's text cells.
func (s *sheetReader) totalLabel(cells []string) (label string, col int, class budget.RowClass, ok bool) {
	for c, v := range cells {
		if s.money[c] {
			continue
		}
		if !mayBeTotal(v) {
			continue
		}
		h := budget.Normalize(v)
		if h == "" {
			continue
		}
		for _, w := range subtotalWords {
			if h == w || strings.HasPrefix(h, w+" ") {
				return strings.TrimSpace(v), c, budget.RowSubtotal, true
			}
		}
		for _, w := range grandWords {
			if h == w {
				return strings.TrimSpace(v), c, budget.RowTotal, true
			}
		}
		for _, w := range totalWords {
			if strings.HasPrefix(h, w+" ") {
				return strings.TrimSpace(v), c, budget.RowSubtotal, true
			}
		}
	}
	return "", -1, 0, false
}

// mayBeTotal is a cheap test that rules out most cells before the costly
// normalisation: every total label starts with one of these letters.
func mayBeTotal(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i] | 0x20 // ASCII lower case
		if c >= 'a' && c <= 'z' {
			if i+3 > len(v) {
				return false
			}
			w := [3]byte{c, v[i+1] | 0x20, v[i+2] | 0x20} // no allocation, unlike strings.ToLower
			switch string(w[:]) {
			case "sub", "tot", "sou", "gra", "ove":
				return true
			}
			return false
		}
		if v[i] >= 0x80 {
			return true // a non-ASCII first letter: let normalize decide
		}
	}
	return false
}

// row classifies one row below the header.
func (s *sheetReader) row(n int, cells []string) {
	if s.noAmount {
		s.reject(n, cells, "sheet has no amount column")
		return
	}
	if blank(cells) {
		s.ledger(n, budget.RowBlank, 0, "")
		return
	}
	if len(s.vals) != len(s.amts) {
		s.vals = make([]optMoney, len(s.amts))
	}
	vals := s.vals
	clear(vals)
	var bad []budget.Issue
	anyAmount := false
	for i, a := range s.amts {
		t := cell(cells, a.col)
		m, ok, err := s.parseAmount(t, a.scale, s.markOf(n, a.col), n, a.col, a.header)
		if err != nil {
			reason := strings.TrimPrefix(budget.IssueText(err), "amount "+strconv.Quote(t)+": ")
			bad = append(bad, budget.Issue{Code: "amount-invalid", Severity: budget.Error, Pos: s.pos(n, a.col+1), Found: t, Expected: "an amount such as 1234.56, 1,234.56, 1.234,56 or (1 234), or a blank/N/A for none", Message: fmt.Sprintf("%s: %s", a.header, reason), Err: err})
			continue
		}
		vals[i] = optMoney{v: m, ok: ok}
		anyAmount = anyAmount || ok
	}
	if label, lc, class, ok := s.totalLabel(cells); ok {
		if len(bad) > 0 {
			s.b.AppendIssues(bad...)
			s.ledger(n, budget.RowRejected, 0, "total row with an invalid amount")
			return
		}
		s.addTotal(n, cells, label, lc, class, vals)
		return
	}
	text := 0
	for c, v := range cells {
		if !s.money[c] && strings.TrimSpace(v) != "" {
			text++
		}
	}
	if text == 0 {
		if len(bad) > 0 {
			s.b.AppendIssues(bad...)
			s.ledger(n, budget.RowRejected, 0, "invalid amount on a row without any label")
			return
		}
		s.arithmeticTotal(n, vals)
		return
	}
	if !anyAmount && len(bad) == 0 && text == 1 && len(nonEmpty(cells)) == 1 {
		s.ledger(n, budget.RowNote, 0, "")
		return
	}
	if len(bad) > 0 {
		s.b.AppendIssues(bad...)
		s.ledger(n, budget.RowRejected, 0, "invalid amount: "+bad[0].Pos.String())
		return
	}
	s.addLinesAt(n, cells, vals, -1)
}
