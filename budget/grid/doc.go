// Package grid interprets a grid of cells as a budget table, for the
// readers of table formats (budget/xlsx, budget/csv): it finds the
// header, maps the columns to fields, takes the scale, currency and year
// from the title rows, classifies every row (line, subtotal, total,
// title, note, blank, rejected) into the ledger, reconciles stated totals
// with their lines, finds programme totals by their codes and reads the
// gender markers under the sheet's scheme. It sits between a table source
// and package budget's vocabulary, and must not import the readers of
// formats (xlsx, csv, ...), input, analysis or reports, nor excelize.
//
// A table source implements [Source], the small interface grid declares
// for what it consumes; [Read] interprets its sheets into a
// *budget.Budget.
package grid
