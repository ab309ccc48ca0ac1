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
