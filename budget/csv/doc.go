// Package csv reads budgets from csv text: comma-, semicolon- or
// tab-separated, in UTF-8, UTF-16 or Windows-1252, sniffed from the first
// bytes. It is the table source of a csv file ([Source], streaming its
// rows) and [Read], which hands the rows to package grid to interpret into
// a *budget.Budget. It must not import input, analysis or reports, nor
// excelize.
//
// Most callers read through package input, which tells the format of a
// file.
package csv
