// Package xlsx reads budgets from .xlsx workbooks: it is the table source
// of a workbook ([Source], streaming its rows) and [Read], which hands the
// rows to package grid to interpret into a *budget.Budget. It reads with
// a scanner of its own: each worksheet part is inflated from the zip
// archive and scanned at the byte level, strictly (a malformed, cut or
// hostile part is an error wrapping [ErrMalformed] that names the part
// and where in it), and the shared strings are kept as one buffer. The
// cells it gives are those excelize gives with RawCellValue; excelize,
// which writes grb's workbooks, is the oracle of its tests. It must not
// import input, analysis or reports.
//
// Most callers read through package input, which tells the format of a
// file.
package xlsx
