package grid

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// CellTypes is implemented by the Rows of a source whose cells may be
// numbers rather than text (xlsx). A number cell's text is the number as
// stored, with a decimal point and no grouping, whatever the column's
// convention: it is read with a decimal point and is no evidence of the
// column's mark. IsNumber may be slow (it may load the sheet), so it is
// asked only of the few cells whose reading depends on it.
type CellTypes interface {
	// IsNumber reports whether the cell at row (1-based) and col
	// (0-based) of the sheet being read is a number.
	IsNumber(row, col int) bool
}

// maxHeldBytes bounds the text of the rows held back while a column's
// decimal mark is undecided; past it, the mark is decided on the evidence
// so far (see settleMarks).
const maxHeldBytes = 16 << 20

// colMark is the evidence about the decimal mark of one money column and
// the mark decided for it. The mark is decided for the whole column: by
// the option, else by the first value that only one mark reads
// (EvidencePoint or EvidenceComma). A row with a value that reads two ways
// (46.843, 1,234) in a column not yet decided is held back until the
// column is decided, so that every value of a column is read with one
// mark.
type colMark struct {
	col      int
	header   string
	n        [budget.EvidenceAmbiguousComma + 1]int // values by kind of evidence
	grouped  int                                    // values grouped with '.' or ','
	minDec   [2]int                                 // fewest decimals of the point (0) and comma (1) values with a decimal part
	maxDec   [2]int
	numbers  int                // number cells (xlsx): no evidence
	mark     budget.DecimalMark // AutoDecimal while undecided
	how      string             // how the mark was decided, when not by the values: "option", "sheet", "ambiguous"
	pending  bool               // an ambiguous value waits for the decision
	firstRow int                // the row of the first value that decided
	// weak: the mark is a decimal point only because of values that may
	// be number cells (12.5 in a workbook, not typed to save loading the
	// sheet); a value only a decimal comma reads turns it to a comma.
	weak       bool
	weakPoints int // point values read before the mark turned to a comma
}

// heldRows is the rows held back while a column's mark is undecided.
type heldRows struct {
	held      []rawRow
	heldBytes int
	numCells  map[[2]int]bool // {row, col} of the cells known to be numbers
	typer     CellTypes
	marks     []*colMark // the sheet's money columns, in column order
}

// initMarks sets up the decimal-mark evidence of the money columns, once
// they are mapped.
func (s *sheetReader) initMarks() {
	s.marks = nil
	add := func(col int, header string) {
		m := &colMark{col: col, header: header}
		if s.opt.Decimal != budget.AutoDecimal {
			m.mark, m.how = s.opt.Decimal, "option"
		}
		s.marks = append(s.marks, m)
	}
	for _, a := range s.amts {
		add(a.col, a.header)
	}
	if s.gewe >= 0 {
		add(s.gewe, strings.TrimSpace(s.header[s.gewe]))
	}
}

func (s *sheetReader) colMarkOf(col int) *colMark {
	for _, m := range s.marks {
		if m.col == col {
			return m
		}
	}
	return nil
}

// markOf returns the decimal mark to read the cell of row n, column col
// with.
func (s *sheetReader) markOf(n, col int) budget.DecimalMark {
	if s.numCells[[2]int{n, col}] {
		return budget.DecimalPoint
	}
	if m := s.colMarkOf(col); m != nil && m.mark != budget.AutoDecimal {
		return m.mark
	}
	return s.opt.Decimal
}

// feed takes one row below the header: it adds the row's evidence about
// the decimal marks, then reads the row, or holds it back while one of its
// values reads two ways in a column not yet decided.
func (s *sheetReader) feed(n int, cells []string, owned bool) {
	if s.noAmount {
		s.row(n, cells)
		return
	}
	wait := s.observe(n, cells)
	if !wait && len(s.held) == 0 {
		s.row(n, cells)
		return
	}
	if !owned {
		cells = append([]string(nil), cells...)
	}
	s.held = append(s.held, rawRow{n, cells})
	for _, c := range cells {
		s.heldBytes += len(c) + 1
	}
	if s.heldBytes > maxHeldBytes {
		s.settleMarks()
	}
	s.release()
}

// release reads the rows held back once no column waits for its mark.
func (s *sheetReader) release() {
	for _, m := range s.marks {
		if m.pending {
			return
		}
	}
	held := s.held
	s.held, s.heldBytes = nil, 0
	for _, r := range held {
		s.row(r.n, r.cells)
	}
}

// observe adds the evidence of row n and reports whether one of its values
// waits for its column's decision.
func (s *sheetReader) observe(n int, cells []string) (wait bool) {
	for _, m := range s.marks {
		t := cell(cells, m.col)
		if t == "" {
			continue
		}
		e := budget.DecimalEvidenceOf(t)
		if s.typer != nil && s.needsType(m, e.Kind) && s.typer.IsNumber(n, m.col) {
			if s.numCells == nil {
				s.numCells = map[[2]int]bool{}
			}
			s.numCells[[2]int{n, m.col}] = true
			m.numbers++
			continue
		}
		m.add(e, n, s.typer != nil)
		if m.pending {
			wait = true
		}
	}
	return wait
}

// needsType reports whether a value of kind k in column m is read
// differently if it is a number cell: a value that reads two ways in a
// column not decided yet, or a value with a '.' in a column that is not
// read with a decimal point.
func (s *sheetReader) needsType(m *colMark, k budget.EvidenceKind) bool {
	switch k {
	case budget.EvidenceAmbiguousPoint:
		return m.mark != budget.DecimalPoint
	case budget.EvidenceAmbiguousComma:
		return m.mark == budget.AutoDecimal
	case budget.EvidencePoint:
		return m.mark == budget.DecimalComma
	}
	return false
}

// add counts one value's evidence and decides the column's mark on the
// first value that only one mark reads.
func (m *colMark) add(e budget.DecimalEvidence, row int, typed bool) {
	m.n[e.Kind]++
	if m.weak && e.Kind == budget.EvidenceComma {
		m.mark, m.weak, m.weakPoints, m.firstRow = budget.DecimalComma, false, m.n[budget.EvidencePoint], row
	}
	if e.Grouped {
		m.grouped++
	}
	side := -1
	switch e.Kind {
	case budget.EvidencePoint:
		side = 0
	case budget.EvidenceComma:
		side = 1
	}
	if side >= 0 && e.Decimals > 0 {
		if m.minDec[side] == 0 || e.Decimals < m.minDec[side] {
			m.minDec[side] = e.Decimals
		}
		m.maxDec[side] = max(m.maxDec[side], e.Decimals)
	}
	if m.mark != budget.AutoDecimal {
		return
	}
	switch {
	case side == 0:
		m.mark, m.pending, m.firstRow = budget.DecimalPoint, false, row
		m.weak = typed && !e.Grouped
	case side == 1:
		m.mark, m.pending, m.firstRow = budget.DecimalComma, false, row
	case e.Kind.Ambiguous():
		m.pending = true
	}
}

// settleMarks decides the mark of the columns still waiting, on the
// evidence so far: the mark the sheet's other columns were decided with,
// else the reading of a lone '.' or ',' before three digits as grouping
// (1,234 is 1234, 1.234 is 1234), as a warning.
func (s *sheetReader) settleMarks() {
	sheet := budget.AutoDecimal
	for _, m := range s.marks {
		if m.mark == budget.AutoDecimal || m.how == "ambiguous" {
			continue
		}
		if sheet != budget.AutoDecimal && sheet != m.mark {
			sheet = budget.AutoDecimal // the columns disagree: no evidence
			break
		}
		sheet = m.mark
	}
	for _, m := range s.marks {
		if !m.pending {
			continue
		}
		m.pending = false
		switch {
		case sheet != budget.AutoDecimal:
			m.mark, m.how = sheet, "sheet"
		case m.n[budget.EvidenceAmbiguousPoint] > m.n[budget.EvidenceAmbiguousComma]:
			m.mark, m.how = budget.DecimalComma, "ambiguous"
		default:
			m.mark, m.how = budget.DecimalPoint, "ambiguous"
		}
	}
}

// decideMarks records the decimal-mark decision of every money column
// with a '.' or ',' in its values, with its evidence, and warns of the
// columns that were ambiguous or mixed both conventions.
func (s *sheetReader) decideMarks() {
	for _, m := range s.marks {
		point, comma := m.n[budget.EvidencePoint], m.n[budget.EvidenceComma]
		amb := m.n[budget.EvidenceAmbiguousPoint] + m.n[budget.EvidenceAmbiguousComma]
		if point+comma+amb == 0 && m.how != "option" {
			continue
		}
		d := budget.Decision{Sheet: s.sheet, Column: m.header, Topic: "decimal-mark", Choice: markChoice(m.mark), Evidence: m.evidence()}
		other := budget.DecimalComma
		if m.mark == budget.DecimalComma {
			other = budget.DecimalPoint
		}
		pos := s.pos(s.rep.HeaderRow, m.col+1)
		switch {
		case m.how == "option":
			d.Evidence = "given with --decimal " + m.mark.String() + "; " + d.Evidence
		case point > m.weakPoints && comma > 0:
			d.Ambiguous, d.Override = true, "--decimal "+other.String()
			s.b.AddIssue(budget.Warning, "decimal-inconsistent", pos, m.header, "one decimal mark in a column",
				fmt.Sprintf("column %q mixes both decimal marks (%s): it is read with the %s, decided by row %d, and the values written the other way are errors; if the %s is meant, use --decimal %s",
					m.header, d.Evidence, markWord(m.mark), m.firstRow, markWord(other), other), nil)
		case m.how == "ambiguous":
			d.Ambiguous, d.Override = true, "--decimal "+other.String()
			s.b.AddIssue(budget.Warning, "decimal-ambiguous", pos, m.header, "a value that only one decimal mark reads, or --decimal",
				fmt.Sprintf("column %q: every separator can be a decimal mark or a thousands separator (%s); read as a thousands separator, with the %s; if the values have decimals, use --decimal %s",
					m.header, d.Evidence, markWord(m.mark), other), nil)
		default:
			d.Override = "--decimal " + other.String()
		}
		s.b.Decide(d)
	}
}

// evidence describes the column's values for its decision: "58 values
// have a decimal point and 6 decimals, 2 have one '.' followed by exactly
// 3 digits; none is written with a decimal comma".
func (m *colMark) evidence() string {
	var parts []string
	for side, k := range []budget.EvidenceKind{budget.EvidencePoint, budget.EvidenceComma} {
		if m.n[k] == 0 {
			continue
		}
		p := values(m.n[k]) + " read only with a " + markWord(markOfSide(side))
		if m.maxDec[side] > 0 {
			p += " (" + decimalsRange(m.minDec[side], m.maxDec[side]) + ")"
		}
		parts = append(parts, p)
	}
	if n := m.n[budget.EvidenceAmbiguousPoint]; n > 0 {
		parts = append(parts, values(n)+" with one '.' before exactly 3 digits (as 46.843)")
	}
	if n := m.n[budget.EvidenceAmbiguousComma]; n > 0 {
		parts = append(parts, values(n)+" with one ',' before exactly 3 digits (as 1,234)")
	}
	if n := m.numbers; n > 0 {
		parts = append(parts, values(n)+" stored as numbers")
	}
	if n := m.weakPoints; n > 0 {
		parts = append(parts, fmt.Sprintf("the %s with a decimal point before row %d, the first with a decimal comma, may be numbers and were read as such", values(n), m.firstRow))
	}
	switch {
	case m.grouped > 0:
		parts = append(parts, values(m.grouped)+" grouped by thousands")
	case m.n[budget.EvidencePoint]+m.n[budget.EvidenceComma] > 0:
		parts = append(parts, "none has a grouping pattern")
	}
	switch {
	case m.how == "sheet":
		parts = append(parts, "the other amount columns of the sheet use the "+markWord(m.mark))
	case m.mark == budget.DecimalPoint && m.n[budget.EvidenceComma] == 0 && m.n[budget.EvidencePoint] > 0:
		parts = append(parts, "none is written with a decimal comma")
	case m.mark == budget.DecimalComma && m.n[budget.EvidencePoint] == 0 && m.n[budget.EvidenceComma] > 0:
		parts = append(parts, "none is written with a decimal point")
	}
	if len(parts) == 0 {
		return "no value has a '.' or ','"
	}
	return strings.Join(parts, "; ")
}

func values(n int) string {
	return format.Thousands(strconv.Itoa(n)) + " " + format.Plural(n, "value", "values")
}

func decimalsRange(lo, hi int) string {
	if lo == hi {
		return format.CountOf(lo, "decimal", "decimals")
	}
	return strconv.Itoa(lo) + "–" + strconv.Itoa(hi) + " decimals"
}

func markOfSide(side int) budget.DecimalMark {
	if side == 1 {
		return budget.DecimalComma
	}
	return budget.DecimalPoint
}

func markWord(d budget.DecimalMark) string {
	if d == budget.DecimalComma {
		return "decimal comma"
	}
	return "decimal point"
}

func markChoice(d budget.DecimalMark) string { return markWord(d) }
