// Package fdp reads Fiscal Data Packages: a datapackage.json whose model
// says which columns of a csv file hold money and what the others are.
// [ReadFile] reads the descriptor, applies its model to budget.Options
// (columns, currency, scale, phases) and reads the csv file with package
// budget/csv directly; Budget.Package then says what was taken from it.
// It must not import input, analysis or reports, nor excelize.
//
// Most callers read through package input, which tells a package (its
// descriptor, or the folder that holds it) from other files.
package fdp
