// Package perfgen writes the perf budgets that grb's speed is measured
// on: a ministry export of 10 columns with Zipf-like ministries,
// descriptions of 5 to 15 words nearly all distinct, two amounts with two
// decimals, split objectives and about 10% blank markers, as an .xlsx
// workbook saved the way Excel saves one (every string in the
// shared-string table) and as a csv file. It must not import any grb
// package: what it writes does not depend on the code it measures.
//
// Benchmarks use it, and `go test ./budget/xlsx -run
// TestWritePerfWorkbooks` with GRB_PERF_DIR set writes the files for
// timing whole processes.
package perfgen
