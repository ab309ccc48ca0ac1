// Package xlsx reads budgets from .xlsx workbooks: it is the table source
// of a workbook ([Source], streaming its rows) and [Read], which hands the
// rows to package grid to interpret into a *budget.Budget. It is the only
// package of budget's readers that reads with excelize, whose types never
// appear in its API. It must not import input, analysis or reports.
//
// Most callers read through package input, which tells the format of a
// file.
package xlsx
