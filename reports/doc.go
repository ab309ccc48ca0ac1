// Package reports is the last stage of grb's pipeline: it presents what
// the earlier stages produced. It writes the inspection of a budget file
// (sheets, header, column mapping, row ledger, reconciliation of stated
// totals) and validation issues as text or JSON; every entry point writes
// to an io.Writer chosen by the caller.
package reports
