package grid

import (
	"fmt"
	"strconv"

	"github.com/grb-toolkit/grb/budget"
)

// levelState is what the sheet remembers of its parent and child records:
// the class each line row not counted takes in the ledger (reclassify).
type levelState struct {
	levelClass map[int]budget.RowClass
}

// levels finds rows that are parents of other rows of the sheet (a row's
// id or programme code is another row's parent) and keeps one level:
// leaves by default, or Options.Level. The rows of the other level are
// not line items: a parent not counted is a subtotal of its children, a
// child not counted a note. It runs first when the sheet is read, so that
// totals are checked against the lines counted.
func (s *sheetReader) levels() {
	lines := s.b.Lines.View(s.start, s.b.Lines.Len())
	sp := budget.SplitLevels(lines, s.opt.Level, s.b.Tolerance)
	if sp == nil {
		return
	}
	how := "parent column"
	if c, ok := s.cols[budget.FieldParent]; ok && c < len(s.header) {
		how += " " + strconv.Quote(s.header[c])
	}
	sp.Record(s.b, s.sheet, how, "rows")
	dropped := map[int]bool{}
	for i := range lines.Len() {
		if !sp.Drop[i] {
			continue
		}
		s.isTotal[i] = true
		row := lines.RowAt(i)
		if dropped[row] {
			continue
		}
		dropped[row] = true
		class, reason := budget.RowSubtotal, fmt.Sprintf("parent of %d rows (%s): not counted, its children are (--level %s)", sp.Children[i], how, sp.Level)
		if !sp.Parent[i] || sp.Level == budget.LevelParents {
			class, reason = budget.RowNote, fmt.Sprintf("child of %s (%s): not counted, its parent is (--level %s)", sp.Key[i], how, sp.Level)
		}
		if s.reclass == nil {
			s.reclass = map[int]string{}
		}
		if s.levelClass == nil {
			s.levelClass = map[int]budget.RowClass{}
		}
		s.reclass[row], s.levelClass[row] = reason, class
		s.rep.Counts[budget.RowLine]--
		s.rep.Counts[class]++
	}
	// A parent with no amount of its own is no line missing an amount.
	keep := s.b.Issues[:0]
	for _, is := range s.b.Issues {
		if is.Code != "line-no-amount" || !is.Pos.SameSheet(s.at) || !dropped[is.Pos.Row] {
			keep = append(keep, is)
		}
	}
	s.b.Issues = keep
}

// reclassAs returns the ledger class of the line row n found not to be a
// line item: a subtotal unless levels said otherwise.
func (s *sheetReader) reclassAs(n int) budget.RowClass {
	if c, ok := s.levelClass[n]; ok {
		return c
	}
	return budget.RowSubtotal
}
