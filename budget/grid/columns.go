package grid

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// columns is the column mapping of a sheet: its header, the column of
// each field, the amount columns and which columns hold money.
type columns struct {
	header []string // the header row's cells
	joined []string // the same, with a group header above joined in
	cols   map[budget.Field]int
	money  map[int]bool // columns read as money
	amts   []amountCol
	gewe   int  // column of the GEWE amount, or -1
	counts bool // the sheet has beneficiary columns
	wide   bool // fiscal years are columns
}

// amountCol is a column of money: one phase, or in a wide layout one
// fiscal year.
type amountCol struct {
	col       int // 0-based
	phase     budget.Phase
	header    string
	year      int          // wide layout: the column's fiscal year
	yearLabel string       // wide layout: the header as written
	scale     budget.Scale // the column's scale: its header's, else the sheet's
}

// newColumns returns the columns of a sheet whose header row is header,
// joined with any group header above; nothing is mapped yet.
func newColumns(header, joined []string) columns {
	return columns{header: header, joined: joined, gewe: -1}
}

// missingColumn is a column the user named that the header does not have.
type missingColumn struct {
	field  budget.Field
	header string
}

// assign recognises the columns, then applies the user's mapping, which
// wins. It returns the columns the user gave, or the first one it cannot
// find.
func (c *columns) assign(opt *budget.Options) (given map[int]bool, missing *missingColumn) {
	c.cols = map[budget.Field]int{}
	for _, a := range mapColumns(c.header, c.joined) {
		c.cols[a.field] = a.col
	}
	given = map[int]bool{}
	for _, f := range budget.Fields() {
		h, ok := opt.Columns[f]
		if !ok {
			continue
		}
		col := c.findColumn(h)
		for col >= len(c.header) { // a column letter beyond the header's last cell
			c.header = append(c.header, "")
			c.joined = append(c.joined, "")
		}
		if col < 0 {
			return nil, &missingColumn{f, h}
		}
		for g, k := range c.cols {
			if k == col || g == f {
				delete(c.cols, g)
			}
		}
		c.cols[f] = col
		given[col] = true
	}
	return given, nil
}

// amounts chooses the money columns: one per phase; a generic amount as
// the default phase unless that phase has a column of its own (then the
// generic column is dropped, and returned so that it can be reported;
// else -1); without either, fiscal-year columns (a wide layout).
func (c *columns) amounts(phase budget.Phase) (unused int) {
	unused = -1
	c.money = map[int]bool{}
	for _, p := range budget.Phases() {
		if k, ok := c.cols[budget.Field(p.String())]; ok {
			c.amts = append(c.amts, amountCol{col: k, phase: p, header: strings.TrimSpace(c.header[k])})
		}
	}
	if k, ok := c.cols[budget.FieldAmount]; ok {
		if _, taken := c.cols[budget.Field(phase.String())]; taken {
			unused = k
			delete(c.cols, budget.FieldAmount)
		} else {
			c.amts = append(c.amts, amountCol{col: k, phase: phase, header: strings.TrimSpace(c.header[k])})
		}
	}
	if len(c.amts) == 0 {
		for k, h := range c.header {
			if y, ok := ParseYearHeader(h); ok && !c.mapped(k) {
				c.amts = append(c.amts, amountCol{col: k, phase: phase, header: h, year: y, yearLabel: strings.TrimSpace(h)})
				c.wide = true
			}
		}
	}
	sort.Slice(c.amts, func(i, j int) bool { return c.amts[i].col < c.amts[j].col })
	for _, a := range c.amts {
		c.money[a.col] = true
	}
	if k, ok := c.cols[budget.FieldGEWEAmount]; ok {
		c.gewe = k
		c.money[k] = true
	}
	for _, f := range []budget.Field{budget.FieldWomen, budget.FieldMen, budget.FieldGirls, budget.FieldBoys, budget.FieldOtherSex} {
		if _, ok := c.cols[f]; ok {
			c.counts = true
		}
	}
	return unused
}

// mappings lists the columns and how each was mapped, in column order.
func (c *columns) mappings(given map[int]bool, opt *budget.Options) []budget.ColumnMapping {
	var maps []budget.ColumnMapping
	for f, k := range c.cols {
		how := "recognised"
		if given[k] {
			how = "given"
			if from := opt.ColumnsFrom[f]; from != "" {
				how = from
			}
		}
		maps = append(maps, budget.ColumnMapping{Col: k + 1, Header: c.joined[k], Field: f, How: how})
	}
	for _, a := range c.amts {
		if a.yearLabel != "" {
			maps = append(maps, budget.ColumnMapping{Col: a.col + 1, Header: a.header, Field: budget.Field(a.phase.String()), How: "fiscal year", Year: a.year})
		}
	}
	sort.Slice(maps, func(i, j int) bool { return maps[i].Col < maps[j].Col })
	return maps
}

// mapColumns maps the sheet's columns (see columns.assign,
// dropTextColumns and columns.amounts) and reports them. sample is the
// rows read below the header so far, the evidence of what the columns
// hold.
func (s *sheetReader) mapColumns(sample []rawRow) error {
	given, missing := s.assign(s.opt)
	if missing != nil {
		return &budget.ParseError{File: s.file, Sheet: s.sheet, Row: s.rep.HeaderRow, Err: fmt.Errorf("column %q for %s not found in the header (it has: %s)", missing.header, missing.field, strings.Join(nonEmpty(s.header), " | "))}
	}
	s.dropTextColumns(given, sample)
	s.decideYearColumn(given, sample)
	c := s.amounts(s.opt.Phase)
	if c >= 0 {
		s.b.AddIssue(budget.Warning, "column-unused", s.pos(s.rep.HeaderRow, c+1), s.header[c], "", fmt.Sprintf("amount column not used: phase %s already has a column of its own", s.opt.Phase), nil)
	}
	s.noteUnusedColumns(c)
	s.decidePhase()
	s.rep.Wide = s.wide
	s.rep.Columns = s.mappings(given, s.opt)
	return nil
}

// mapped reports whether column k holds a field.
func (c *columns) mapped(k int) bool {
	for _, v := range c.cols {
		if v == k {
			return true
		}
	}
	return false
}

var letters = regexp.MustCompile(`^[A-Za-z]{1,3}$`)

// findColumn finds a column by letter ("K") or by header text.
func (c *columns) findColumn(h string) int {
	want := budget.Normalize(h)
	for k := range c.header {
		if budget.Normalize(c.header[k]) == want || budget.Normalize(c.joined[k]) == want {
			return k
		}
	}
	if letters.MatchString(h) {
		col := 0
		for _, r := range strings.ToUpper(h) {
			col = col*26 + int(r-'A'+1)
		}
		return col - 1
	}
	for k := range c.header {
		if want != "" && budget.ContainsWords(budget.Normalize(c.joined[k]), want) {
			return k
		}
	}
	return -1
}

// get returns the text of field f in cells, and its column; -1 when the
// sheet has no column for f.
func (c *columns) get(cells []string, f budget.Field) (string, int) {
	k, ok := c.cols[f]
	if !ok {
		return "", -1
	}
	return cell(cells, k), k
}

// minTextEvidence is how many text values a money column recognised from
// its header must show before it is judged to be text.
const minTextEvidence = 3

// dropTextColumns un-maps each money column recognised from its header
// whose values in sample are mostly text (more text values than amounts,
// and at least minTextEvidence of them): a column of project names whose
// header shares a word with a phase ("Proyecto", a synonym of proposed)
// is not an amount. Each one dropped is a warning that gives the evidence
// and the flag that overrides it. Columns the user named are kept.
func (s *sheetReader) dropTextColumns(given map[int]bool, sample []rawRow) {
	for _, f := range budget.Fields() {
		k, ok := s.cols[f]
		if !ok || !f.IsMoney() || given[k] {
			continue
		}
		text, nums := 0, 0
		for _, r := range sample {
			if k >= len(r.cells) || strings.TrimSpace(r.cells[k]) == "" {
				continue
			}
			switch _, ok, err := budget.ParseAmount(r.cells[k], budget.Units, s.opt.Decimal); {
			case err != nil:
				text++
			case ok:
				nums++
			}
		}
		if text < minTextEvidence || text <= nums {
			continue
		}
		delete(s.cols, f)
		msg := fmt.Sprintf("column %q reads as %s from its header, but %d of its first %d values are text: not read as an amount (if it is one, name it with --column %s=%q)",
			strings.TrimSpace(s.header[k]), f, text, text+nums, f, strings.TrimSpace(s.header[k]))
		s.b.AddIssue(budget.Warning, "column-not-amount", s.pos(s.rep.HeaderRow, k+1), strings.TrimSpace(s.header[k]), "amounts", msg, nil)
	}
}
