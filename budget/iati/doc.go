// Package iati reads budgets from IATI activity files (XML, versions 1.01
// to 2.03): each activity's budgets and spending become the lines of one
// ledger row of a *budget.Budget. IATI activities are not a table, so it
// does not use package grid. It must not import input, analysis or
// reports, nor excelize.
//
// Most callers read through package input, which tells the format of a
// file.
package iati
