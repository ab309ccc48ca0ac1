package reports

import "flag"

// update makes the tests of package reports rewrite their golden files
// instead of comparing with them: go test ./reports -update, then review
// the diff.
var update = flag.Bool("update", false, "rewrite golden files")
