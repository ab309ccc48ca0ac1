// Package reports is the last stage of grb's pipeline: it presents what
// packages budget (stage 1) and analysis (stage 2) produced, always to an
// io.Writer chosen by the caller. It imports budget, analysis, templates
// and internal/format of the project, gonum/plot for charts and excelize
// for writing workbooks; never cmd or urfave/cli, and it reads no budget
// files itself.
//
// It holds the words: analysis returns numbers and reason codes, and
// reports turns them into sentences, each code by one function in
// reasons.go, with numbers printed by package internal/format, so that a
// translation has one place to change.
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
