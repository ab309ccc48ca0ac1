// Command train rebuilds grb's gender-marker model
// (budget/tagging/model/data/gender.model) from the training corpus
// described in budget/tagging/model/data/SOURCE.md:
//
//	go run ./internal/train -data ../shared/data/train -o budget/tagging/model/data/gender.model
//
// or `go generate ./budget/tagging/model`. The same corpus gives the same
// bytes. The corpus's test split is never trained on; the figures printed
// are out of fold: each training row scored by the weights fitted on the
// other four fifths of the training projects. With -migration it
// rebuilds the migration model from the EU Trust Fund's project list and
// prints its figures on that list's held-out fifth.
package main
