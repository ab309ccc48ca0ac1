// Command train rebuilds grb's gender-marker model
// (budget/tagging/model/data/gender.model) from the training corpus
// described in budget/tagging/model/data/SOURCE.md:
//
//	go run ./internal/train -data ../shared/data/train -o budget/tagging/model/data/gender.model
//
// or `go generate ./budget/tagging/model`. The same corpus gives the same
// bytes. The corpus's test split is never trained on; the figures printed
// are on the calibration fold of the training split.
package main
