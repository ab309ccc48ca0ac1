// Package templates holds grb's embedded report and workbook templates and
// the synthetic sample budget.
//
// The sample budget, sample/examplia-budget.xlsx, is the migration-related
// budget of the Republic of Examplia, a fictional country: invented figures
// for `grb demo` and for tests, not real data. It is written by
// internal/samplegen, which also keeps the expected figures in
// sample/README.md; regenerate both with
//
//	go run ./internal/samplegen -o templates/sample/examplia-budget.xlsx -readme templates/sample/README.md
package templates
