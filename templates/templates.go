package templates

import _ "embed"

// SampleBudgetName is the file name of the embedded sample budget.
const SampleBudgetName = "examplia-budget.xlsx"

//go:embed sample/examplia-budget.xlsx
var sampleBudget []byte

// SampleBudget returns the bytes of the embedded synthetic sample budget
// workbook. The caller may modify the returned slice: it is a copy.
func SampleBudget() []byte {
	return append([]byte(nil), sampleBudget...)
}

//go:embed report.html.tmpl
var reportHTML string

// ReportHTML returns the html/template source of report.html. Rendering
// happens in package reports, which parses it with html/template so that
// every string from an input file is escaped.
func ReportHTML() string { return reportHTML }
