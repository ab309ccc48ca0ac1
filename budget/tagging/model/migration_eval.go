package model

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// TrainMigrationFromDir reads EUTFFile in dir and trains the migration
// model with opt (zero: the defaults, what internal/train runs).
func TrainMigrationFromDir(dir string, opt MigrationTrainOptions) (*MigrationModel, []MigrationDoc, error) {
	b, err := os.ReadFile(filepath.Join(dir, EUTFFile))
	if err != nil {
		return nil, nil, err
	}
	docs, err := ReadEUTF(bytes.NewReader(b))
	if err != nil {
		return nil, nil, err
	}
	opt.Corpus = fmt.Sprintf("%s sha256:%x", EUTFFile, sha256.Sum256(b))
	m, err := TrainMigration(docs, opt)
	return m, docs, err
}

// BinaryScore counts a yes/no classifier's outcomes.
type BinaryScore struct {
	TP, FP, FN, TN int
}

// Add counts one prediction against its label.
func (s *BinaryScore) Add(pred, label bool) {
	switch {
	case pred && label:
		s.TP++
	case pred:
		s.FP++
	case label:
		s.FN++
	default:
		s.TN++
	}
}

// Precision, Recall and F1 are 0 when undefined.
func (s BinaryScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN).
func (s BinaryScore) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s BinaryScore) F1() float64 { return ratio(2*s.TP, 2*s.TP+s.FP+s.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// migraPattern is the one-word baseline: a title mentioning migra-.
var migraPattern = regexp.MustCompile(`(?i)migra`)

// MigraBaseline reports whether text matches the one-word pattern
// /migra/, the baseline the model must beat.
func MigraBaseline(text string) bool { return migraPattern.MatchString(text) }
