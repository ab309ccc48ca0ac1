package budget

// A table source yields the raw cell text of one or more sheets. Readers
// for new formats that are tables (ods, fixed-width) implement it and get
// header detection, column mapping, totals and the row ledger for free;
// formats that are not tables (IATI XML) build Lines directly.
type tableSource interface {
	// Sheets lists the sheets in file order.
	Sheets() []sheetInfo
	// Rows opens sheet name for reading.
	Rows(name string) (rowIter, error)
	Close() error
}

// sheetInfo describes one sheet of a table source.
type sheetInfo struct {
	Name   string
	Hidden bool
}

// rowIter walks the rows of a sheet, in the manner of bufio.Scanner and
// excelize's Rows.
type rowIter interface {
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
