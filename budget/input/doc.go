// Package input is the one way in to grb's pipeline: [ReadFile] (and
// [Read], for a stream) tells the format of a file ([Detect]: an .xlsx
// workbook, a tagging workbook made by grb, csv, IATI XML, or a Fiscal
// Data Package's folder or descriptor) and calls the reader of that
// format, which gives a *budget.Budget. It is the only place that tells a
// format: every command of grb and every library caller reads through it,
// so they read a file alike. [OpenTagging] and [ReadQuestionnaire] are the
// ways in for the tagging workbook and the SDG 5.c.1 questionnaire. It
// must not import analysis, reports or cmd; adding a format is one
// package under budget/ and one case in its dispatch.
package input
