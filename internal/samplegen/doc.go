// Command samplegen writes grb's synthetic sample budget workbook,
// templates/sample/examplia-budget.xlsx: the migration-related budget lines
// of the Republic of Examplia, a fictional country, for fiscal years 2023 to
// 2025. Every figure is invented; the workbook is used by `grb demo` and by
// tests.
//
// The output is deterministic: the same program writes the same bytes, so
// the committed workbook can be checked against the generator. Regenerate
// it, and the expected figures in templates/sample/README.md, with
//
//	go run ./internal/samplegen -o templates/sample/examplia-budget.xlsx -readme templates/sample/README.md
//
// Usage:
//
//	samplegen [-o file.xlsx] [-readme README.md] [-summary]
//
// -summary prints the expected figures (line counts, exact sums, marker
// counts, the deliberate subtotal mismatch) that tests compare against.
package main
