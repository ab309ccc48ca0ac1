package grid

import (
	"slices"

	"github.com/grb-toolkit/grb/budget"
)

// sheetReader interprets the rows of one sheet. Its parts, each with
// its own state and file: header detection (detect.go), the column
// mapping (columns), the title context (titleContext), row
// classification (rows.go), the lines made from rows (lineMemo,
// lines.go), totals and their reconciliation (totalState), programme
// totals (programmes.go), marker resolution (markers.go) and the ledger
// (ledger.go).
type sheetReader struct {
	b     *budget.Budget
	opt   *budget.Options
	file  string
	sheet string
	at    budget.Position // the sheet, for pos
	rep   budget.SheetReport

	pre []rawRow // rows buffered while looking for the header
	columns
	titleContext
	lineMemo
	totalState
	flatState
	heldRows
	levelState

	start      int                      // index in b.Lines of the sheet's first line
	ledger0    int                      // index in b.Ledger of the sheet's first record
	isTotal    []bool                   // by sheet line: the line is a programme total
	reclass    map[int]string           // line rows found to be programme totals: the ledger reason
	markerVals map[string]budget.Marker // the marker codes met, by text
	noAmount   bool                     // the sheet has no header or no amount column: every row is rejected
	rowBytes   int64                    // text bytes of the rows read so far, to size the line slice
	sized      bool
	counter    RowCount               // the rows the source announces, if it can
	lost       map[int]*precisionLoss // by column: values rounded beyond 18 decimals
}

func newSheetReader(b *budget.Budget, opt *budget.Options, file, sheet string, rep budget.SheetReport) *sheetReader {
	return &sheetReader{b: b, opt: opt, file: file, sheet: sheet, at: budget.At(file, sheet, 0, 0), rep: rep,
		columns: columns{gewe: -1}, start: b.Lines.Len(), ledger0: len(b.Ledger), markerVals: map[string]budget.Marker{}}
}

func (s *sheetReader) pos(row, col int) budget.Position {
	p := s.at // the file and sheet, interned once
	p.Row, p.Col = row, col
	return p
}

func (s *sheetReader) read(it Rows) error {
	s.typer, _ = it.(CellTypes)
	s.counter, _ = it.(RowCount)
	for it.Next() {
		n, cells := it.Row()
		s.rep.Rows++
		if err := s.opt.Interrupted(s.rep.Rows); err != nil {
			return err
		}
		if s.header != nil {
			s.feed(n, cells, false)
			if !s.sized {
				s.presize(cells)
			}
			continue
		}
		s.pre = append(s.pre, rawRow{n, append([]string(nil), cells...)})
		if (s.opt.HeaderRow > 0 && n >= s.opt.HeaderRow) || (s.opt.HeaderRow == 0 && len(s.pre) >= headerSearchRows) {
			if err := s.findHeader(); err != nil {
				return err
			}
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	if s.header == nil {
		if err := s.findHeader(); err != nil {
			return err
		}
	}
	s.settleMarks()
	s.release()
	// Every line is made: what the lines remembered of the rows' texts
	// (parts of the source's text, which the source may now let go) is
	// no longer needed.
	s.lineMemo = lineMemo{objSource: s.objSource}
	s.decideMarks()
	s.finish()
	s.b.Sheets = append(s.b.Sheets, s.rep)
	return nil
}

// presize grows the line and ledger slices once, so that a large sheet is
// not copied over and over as it grows: from the rows the source announces
// (an xlsx sheet's dimension), or from a csv file's size and the bytes of
// its first rows (an xlsx file's size says little about its rows).
func (s *sheetReader) presize(cells []string) {
	for _, c := range cells {
		s.rowBytes += int64(len(c)) + 1
	}
	if s.rep.Rows < 1000 {
		return
	}
	s.sized = true
	est := 0
	switch {
	case s.counter != nil:
		est = s.counter.RowCount()
	case s.opt.SizeHint <= 0 || s.b.Format != "csv" || s.rowBytes == 0:
	case s.opt.RowHint > 0:
		est = s.opt.RowHint // counted: an upper bound, and close
	default:
		est = int(s.opt.SizeHint/(s.rowBytes/int64(s.rep.Rows))) * 21 / 20
	}
	if est <= 0 {
		return
	}
	if est > 1<<26 {
		est = 1 << 26
	}
	lines := est
	if s.rep.Wide {
		lines *= len(s.amts)
	}
	grow := func(have int, want int) int { return max(0, want-have) }
	s.b.Lines.Grow(grow(s.b.Lines.Len()-s.start, lines))
	s.isTotal = slices.Grow(s.isTotal, grow(len(s.isTotal), lines))
}
