package grid

// Source is a table source: it yields the raw cell text of one or more
// sheets. Readers of formats that are tables (xlsx, csv; ods or
// fixed-width one day) implement it and get header detection, column
// mapping, totals and the row ledger from Read; formats that are not
// tables (IATI XML) build lines directly.
type Source interface {
	// Sheets lists the sheets in file order.
	Sheets() []SheetInfo
	// Rows opens sheet name for reading.
	Rows(name string) (Rows, error)
	Close() error
}

// SheetInfo describes one sheet of a table source.
type SheetInfo struct {
	Name   string
	Hidden bool
}

// Rows walks the rows of a sheet, in the manner of bufio.Scanner and
// excelize's Rows.
type Rows interface {
	// Next advances to the next row and reports whether there is one.
	Next() bool
	// Row returns the current row's 1-based number and its cells' text
	// (trailing empty cells may be omitted). The slice is valid until the
	// next call to Next.
	Row() (n int, cells []string)
	// Err returns the first error met, if any.
	Err() error
	Close() error
}

// Percents is implemented by the Rows of a source that knows which cells
// show a number as a percentage: an .xlsx cell holding 0.6 under a %
// number format, which the user typed as "60%".
type Percents interface {
	// IsPercent reports whether the current row's cell at col (0-based)
	// is a number shown as a percentage.
	IsPercent(col int) bool
}

// RowCount is implemented by the Rows of a source that can say, before
// reading them, about how many rows its sheet has (an .xlsx sheet's
// <dimension>): the lines are then allocated once, not copied as they
// grow. It is a hint only: the rows read are what counts.
type RowCount interface {
	// RowCount returns the rows announced, 0 when unknown; it is asked
	// after the first row.
	RowCount() int
}

// CellPos is the position of a cell: its 1-based row and 0-based column.
type CellPos struct{ Row, Col int }
