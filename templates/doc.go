// Package templates holds grb's embedded report layouts (the HTML page of
// report.html) and the synthetic sample budget. It is a leaf that
// reports renders with: it must not import any package of grb's, nor any
// library beyond the standard library.
//
// The sample budget, sample/examplia-budget.xlsx, is the migration-related
// budget of the Republic of Examplia, a fictional country: invented figures
// for `grb demo` and for tests, not real data. It is written by
// internal/samplegen, which also keeps the expected figures in
// sample/README.md; regenerate both with
//
//	go run ./internal/samplegen -o templates/sample/examplia-budget.xlsx -readme templates/sample/README.md
package templates
