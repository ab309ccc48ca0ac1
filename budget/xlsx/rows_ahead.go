package xlsx

import (
	"slices"
)

// aheadRows scans a large sheet on its own goroutine, a few batches of
// rows ahead of the reader of its rows: on two cores, the sheet is scanned
// (and inflated, see readAhead) while the rows before are made into lines.
// The rows, their cells and what the cells are typed as are those of the
// sheetRows it runs, in order; its error comes after the rows before it.
type aheadRows struct {
	in    *sheetRows
	full  chan *rowBatch
	free  chan *rowBatch
	done  chan struct{}
	gone  chan struct{}
	batch *rowBatch // the batch being read
	i     int       // the current row's index in it, -1 before the first
	err   error
	early map[int][]int // textCols of the first typedRows rows
}

// rowBatch is a run of scanned rows: each row's cells, the columns of its
// cells typed as text and its numbers shown as percentages, as ranges of
// shared backing arrays.
type rowBatch struct {
	rows  []batchRow
	cells []string
	ints  []int // text columns, then percentage columns, of each row
	dim   int   // the sheet's <dimension> rows, once known
	err   error // after the rows
}

type batchRow struct {
	n                      int
	cells, text, pct, ints int // ends in cells, ints (text), ints (pct)
	nilCells               bool
}

// Batches ahead and their rows.
const (
	aheadBatches   = 4
	aheadBatchRows = 512
)

func newAheadRows(in *sheetRows) *aheadRows {
	r := &aheadRows{in: in, full: make(chan *rowBatch, aheadBatches), free: make(chan *rowBatch, aheadBatches),
		done: make(chan struct{}), gone: make(chan struct{}), i: -1}
	for range aheadBatches {
		r.free <- &rowBatch{}
	}
	go r.scan()
	return r
}

// scan runs the sheet's rows into batches until their end, an error or
// Close.
func (r *aheadRows) scan() {
	defer close(r.gone)
	in := r.in
	for {
		var b *rowBatch
		select {
		case b = <-r.free:
		case <-r.done:
			return
		}
		b.rows, b.cells, b.ints, b.err = b.rows[:0], b.cells[:0], b.ints[:0], nil
		more := true
		for len(b.rows) < aheadBatchRows {
			if more = in.Next(); !more {
				b.err = in.Err()
				break
			}
			b.add(in)
		}
		b.dim = in.dimRows
		select {
		case r.full <- b:
		case <-r.done:
			return
		}
		if !more {
			return
		}
	}
}

// add appends the current row of in.
func (b *rowBatch) add(in *sheetRows) {
	n, cells := in.Row()
	b.cells = append(b.cells, cells...)
	b.ints = append(b.ints, in.textCols...)
	text := len(b.ints)
	b.ints = append(b.ints, in.pctCols...)
	b.rows = append(b.rows, batchRow{n: n, cells: len(b.cells), text: text, pct: len(b.ints), nilCells: cells == nil})
}

// row returns the bounds of row i of b in its arrays.
func (b *rowBatch) row(i int) (cellFrom, intFrom int) {
	if i > 0 {
		return b.rows[i-1].cells, b.rows[i-1].pct
	}
	return 0, 0
}

func (r *aheadRows) Next() bool {
	if r.batch != nil && r.i+1 < len(r.batch.rows) {
		r.i++
		r.keepEarly()
		return true
	}
	for {
		if r.batch != nil {
			if r.batch.err != nil || len(r.batch.rows) < aheadBatchRows {
				r.err = r.batch.err
				r.end()
				return false // the last batch
			}
			r.free <- r.batch
			r.batch = nil
		}
		if r.err != nil {
			return false
		}
		b, ok := <-r.full
		if !ok {
			r.end()
			return false
		}
		r.batch, r.i = b, -1
		if len(b.rows) > 0 {
			r.i = 0
			r.keepEarly()
			return true
		}
	}
}

// end lets go of the batches once the rows are all read: their cells are
// parts of the shared-string table, which the source lets go of (see
// sheetRows.end). The scanning goroutine has sent its last batch.
func (r *aheadRows) end() {
	r.batch = nil
	for {
		select {
		case <-r.free:
		default:
			return
		}
	}
}

// keepEarly keeps the text columns of the first rows, for IsNumber.
func (r *aheadRows) keepEarly() {
	br := r.batch.rows[r.i]
	if br.n > typedRows {
		return
	}
	if text := r.textCols(); len(text) > 0 {
		if r.early == nil {
			r.early = map[int][]int{}
		}
		r.early[br.n] = slices.Clone(text)
	}
}

func (r *aheadRows) current() (batchRow, int, int) {
	cf, inf := r.batch.row(r.i)
	return r.batch.rows[r.i], cf, inf
}

func (r *aheadRows) textCols() []int {
	br, _, inf := r.current()
	return r.batch.ints[inf:br.text]
}

// Row returns the current row's number and cells (valid until Next).
func (r *aheadRows) Row() (int, []string) {
	br, cf, _ := r.current()
	if br.nilCells {
		return br.n, nil
	}
	return br.n, r.batch.cells[cf:br.cells:br.cells]
}

// IsPercent implements grid.Percents.
func (r *aheadRows) IsPercent(col int) bool {
	br, _, _ := r.current()
	return slices.Contains(r.batch.ints[br.text:br.pct], col)
}

// IsNumber implements grid.CellTypes, as sheetRows does.
func (r *aheadRows) IsNumber(row, col int) bool {
	var text []int
	switch {
	case r.batch != nil && r.i >= 0 && row == r.batch.rows[r.i].n:
		text = r.textCols()
	case row <= typedRows:
		text = r.early[row]
	default:
		text = r.in.src.textColsOf(r.in.sheet, row)
	}
	return !slices.Contains(text, col)
}

// RowCount implements grid.RowCount.
func (r *aheadRows) RowCount() int {
	if r.batch == nil {
		return 0
	}
	return rowCount(r.batch.dim, r.in.partSize, r.in.src.maxRows) // fields the scan never writes
}

func (r *aheadRows) Err() error { return r.err }

// Close stops the scanning goroutine, waits for it, and closes the part.
func (r *aheadRows) Close() error {
	select {
	case <-r.done:
	default:
		close(r.done)
	}
	<-r.gone
	return r.in.Close()
}
