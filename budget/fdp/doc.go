// Package fdp reads Fiscal Data Packages: a datapackage.json whose model
// says which columns of a csv file hold money and what the others are.
// [ReadFile] reads the descriptor, applies its model to budget.Options
// (columns, currency, scale, phases) and reads the csv file with package
// budget/csv directly; Budget.Package then says what was taken from it.
// It must not import input, analysis or reports, nor excelize.
//
// A Fiscal Data Package is a csv file with a datapackage.json descriptor
// whose model says which columns hold money (measures: source column,
// currency, factor, budget phase) and what the other columns are
// (dimensions: date, administrative classification, activity, …). grb
// reads the csv with the table reader, taking from the model what it
// would otherwise guess from the header: the columns, the currency, the
// scale and the phases. Both the 0.3+ "model" and the earlier drafts'
// "mapping" are read.
//
// Most callers read through package input, which tells a package (its
// descriptor, or the folder that holds it) from other files.
package fdp
