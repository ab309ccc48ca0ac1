// Package reports is the last stage of grb's pipeline: it presents what
// packages budget and analysis produced, always to an io.Writer chosen by
// the caller.
//
// For the terminal and for machines: the inspection of a budget file
// (sheets, header, column mapping, row ledger, reconciliation of stated
// totals), validation issues, shares and gaps, compliance checks and SDG
// 5.c.1 scores, as text, csv or JSON. For people: [Build] runs the
// standard analyses once into a [Report], which [WriteWorkbook] writes as
// report.xlsx (Excel tables and native charts, via excelize),
// [Charts] and [WriteChart] draw as SVG or PNG (gonum/plot), and
// [WriteHTML] renders as one self-contained page from the embedded
// template, with its findings in sentences ([Findings]). Every gender
// share shown names its weighting convention, and the same inputs give
// the same bytes.
package reports
