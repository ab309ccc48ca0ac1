// Package readertest holds the test helpers of the readers under budget/:
// real files, workbooks built from literal rows, and the ledger's
// invariants. It is imported by tests only; non-test code must not
// import it.
package readertest
