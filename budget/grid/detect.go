package grid

import (
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// headerSearchRows is how far down a sheet the header is looked for.
const headerSearchRows = 40

type rawRow struct {
	n     int
	cells []string
}

// findHeader picks the header among the buffered rows, maps the columns and
// replays the rows below it. A sheet without a header has every row
// rejected, so nothing is lost silently.
func (s *sheetReader) findHeader() error {
	pre := s.pre
	s.pre = nil
	hi := -1
	if s.opt.HeaderRow > 0 {
		for i, r := range pre {
			if r.n == s.opt.HeaderRow {
				hi = i
			}
		}
	} else {
		best, bestMoney := 0, false
		for i, r := range pre {
			n, money := headerScore(r.cells)
			n += s.userHeaderHits(r.cells)
			if n >= 2 && (n > best || (n == best && money && !bestMoney)) {
				hi, best, bestMoney = i, n, money
			}
		}
	}
	if len(pre) == 0 {
		s.rep.Skipped = "empty sheet"
		s.header = []string{}
		return nil
	}
	if hi < 0 {
		s.header = []string{}
		s.noHeader(pre, "no header row found: no row in the first rows names at least two known columns (see `grb inspect`; name them with --column FIELD=HEADER or a mapping file)")
		return nil
	}
	// The header's texts outlive the sheet (in the column mappings and
	// decisions): copies, not parts of the source's text (an .xlsx
	// source's shared-string table, let go after the sheet).
	s.header = cloneAll(pre[hi].cells)
	s.rep.HeaderRow = pre[hi].n
	s.rep.HeaderRows = 1
	s.joined = append([]string(nil), s.header...)
	group := -1
	if hi > 0 && isGroupRow(pre[hi-1].cells, s.header) {
		group = hi - 1
		s.rep.HeaderRows = 2
		fill := ""
		g := pre[group].cells
		for c := range s.joined {
			if c < len(g) && strings.TrimSpace(g[c]) != "" {
				fill = strings.TrimSpace(g[c])
			}
			if fill != "" {
				s.joined[c] = fill + " / " + strings.TrimSpace(s.joined[c])
			}
		}
	}
	// Title rows: blank or title; they may state the scale, currency and year.
	var titles, titleRows []string
	for i := 0; i < hi; i++ {
		r := pre[i]
		switch {
		case i == group:
			s.ledger(r.n, budget.RowHeader, 0, "group header joined to the header below")
			titles = append(titles, r.cells...)
		case blank(r.cells):
			s.ledger(r.n, budget.RowBlank, 0, "")
		default:
			s.ledger(r.n, budget.RowTitle, 0, "")
			titles = append(titles, r.cells...)
			titleRows = append(titleRows, firstText(r.cells))
		}
	}
	s.ledger(pre[hi].n, budget.RowHeader, 0, "")
	if err := s.mapColumns(pre[hi+1:]); err != nil {
		return err
	}
	s.sheetContext(titles)
	s.rep.Title = strings.Clone(firstText(titleRows))
	if len(s.amts) == 0 {
		msg := "no amount column: none of the headers reads as an amount, a budget phase (approved, executed, …) or a fiscal year; name one with --column approved=HEADER"
		s.b.AddIssue(budget.Error, "no-amount-column", s.pos(s.rep.HeaderRow, 0), strings.Join(nonEmpty(s.header), " | "), "an amount column", msg, budget.ErrNoAmountColumn)
		for _, r := range pre[hi+1:] {
			s.reject(r.n, r.cells, "sheet has no amount column")
		}
		s.rep.HeaderRow = 0
		s.header = []string{}
		s.noAmount = true
		return nil
	}
	s.initMarks()
	for _, r := range pre[hi+1:] {
		s.feed(r.n, r.cells, true)
	}
	return nil
}

func (s *sheetReader) noHeader(rows []rawRow, reason string) {
	s.b.AddIssue(budget.Error, "no-header", s.at, "", "a header row naming the columns", reason, budget.ErrNoHeader)
	s.noAmount = true
	for _, r := range rows {
		s.reject(r.n, r.cells, "sheet has no recognisable header")
	}
}

// userHeaderHits counts cells equal to a header the user named.
func (s *sheetReader) userHeaderHits(cells []string) int {
	n := 0
	for _, h := range s.opt.Columns {
		for _, c := range cells {
			if c != "" && budget.Normalize(c) == budget.Normalize(h) {
				n += 2
			}
		}
	}
	return n
}

// isGroupRow reports whether row, just above the header, holds group
// labels over it (such as "Amounts" above "Approved | Executed").
func isGroupRow(row, header []string) bool {
	n, h := len(nonEmpty(row)), len(nonEmpty(header))
	return n >= 2 && n < h
}

// firstText returns the first non-blank cell of a row, trimmed: the
// sheet's title when the row is its first title row.
// cloneAll returns copies of texts.
func cloneAll(texts []string) []string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = strings.Clone(t)
	}
	return out
}

func firstText(cells []string) string {
	for _, c := range cells {
		if t := strings.TrimSpace(c); t != "" {
			return t
		}
	}
	return ""
}
