// Package model is grb's trained gender-marker model: a regularised
// multinomial logistic regression over hashed word and character n-grams
// of a line's text, each scaled by its naive Bayes log-count ratio (an
// NB-LR), trained by internal/train from the corpus described
// in data/SOURCE.md, with calibrated probabilities and the words that
// drove each prediction. It must not import budget, input, analysis or
// reports: it sees text only, and budget/tagging owns the suggestions.
//
// The weights are embedded (data/gender.model, int8, with a JSON header);
// Train is deterministic, so `go generate ./budget/tagging/model` (which
// runs internal/train) rebuilds the same bytes from the same corpus.
package model

//go:generate go run ../../../internal/train -data ../../../../shared/data/train -o data/gender.model
//go:generate go run ../../../internal/train -migration ../../../../shared/data/real/eutf-africa-projects-objectives -o data/migration.model
