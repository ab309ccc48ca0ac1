// Package depcheck holds the tests that keep grb's house in order, and no
// code: it must not import any package of grb's, and must not be imported.
//
// The tests run with `go test ./...` and fail on:
//
//   - an import that points up or sideways: cmd → reports → analysis →
//     budget, each input format a package under budget/ that only
//     budget/input dispatches to, and every third-party library behind the
//     packages allowed to use it (imports_test.go);
//   - a non-test file above 600 lines or a function above cyclomatic
//     complexity 25, as measured by github.com/fzipp/gocyclo (sizes_test.go);
//   - a package whose doc.go does not open with its place in the pipeline
//     and what it must not import (docs_test.go).
package depcheck
