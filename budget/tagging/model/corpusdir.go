package model

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
)

// CorpusFile is the training corpus's file name in its folder.
const CorpusFile = "gender_migration_corpus.csv"

// TrainFromDir reads CorpusFile in dir and trains the model with opt
// (zero: the defaults, what internal/train runs).
func TrainFromDir(dir string, opt TrainOptions) (*Model, TrainReport, error) {
	b, err := os.ReadFile(filepath.Join(dir, CorpusFile))
	if err != nil {
		return nil, TrainReport{}, err
	}
	docs, err := ReadCorpus(bytes.NewReader(b))
	if err != nil {
		return nil, TrainReport{}, err
	}
	opt.Corpus = fmt.Sprintf("%s sha256:%x", CorpusFile, sha256.Sum256(b))
	return Train(docs, opt)
}
