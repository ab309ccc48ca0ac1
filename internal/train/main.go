package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/grb-toolkit/grb/budget/tagging/model"
)

const corpusFile = "gender_migration_corpus.csv"

func main() {
	data := flag.String("data", "../shared/data/train", "the training corpus `DIR`, holding "+corpusFile)
	out := flag.String("o", "budget/tagging/model/data/gender.model", "write the model to `FILE`")
	lambda := flag.Float64("lambda", 0, "try this L2 penalty instead of the default (for experiments; the default is what the embedded model uses)")
	bits := flag.Int("bits", 0, "2^`N` feature buckets instead of the default (for experiments)")
	flag.Parse()
	opt := model.TrainOptions{Bits: *bits}
	if *lambda > 0 {
		opt.Lambdas = []float64{*lambda}
	}
	if err := run(*data, *out, opt); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(dir, out string, opt model.TrainOptions) error {
	m, rep, err := model.TrainFromDir(dir, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes, sha256 %x\n", filepath.Base(out), buf.Len(), sha256.Sum256(buf.Bytes()))
	fmt.Printf("rows: %d fitted, %d calibration fold, %d training rows dropped (their project has rows in the test split)\n", rep.FitRows, rep.CalibRows, rep.DroppedRows)
	var ls []float64
	for l := range rep.ByLambda {
		ls = append(ls, l)
	}
	sort.Float64s(ls)
	for _, l := range ls {
		fmt.Printf("  lambda %g: calibration-fold macro-F1 %.3f\n", l, rep.ByLambda[l])
	}
	fmt.Printf("chosen lambda %g, %d iterations; offsets %v, temperature %g, review threshold %g\n", m.Lambda, m.Training.Iterations, m.Offset, m.Temperature, m.Threshold)
	fmt.Printf("calibration-fold macro-F1: model %.3f, naive Bayes baseline %.3f\n", rep.CalibMacroF1, rep.CalibNBMacroF1)
	return nil
}
