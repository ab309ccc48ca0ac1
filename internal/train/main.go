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
	eutf := flag.String("migration", "", "instead, train the migration model from the EU Trust Fund project list in `DIR` (holding "+model.EUTFFile+"), written to -o")
	flag.Parse()
	if *eutf != "" {
		if err := runMigration(*eutf, *out); err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		return
	}
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
	fmt.Printf("rows: %d fitted (offsets, temperature and threshold from their out-of-fold scores, 5 folds by project), %d training rows dropped (their project has rows in the test split)\n", rep.FitRows, rep.DroppedRows)
	var ls []float64
	for l := range rep.ByLambda {
		ls = append(ls, l)
	}
	sort.Float64s(ls)
	for _, l := range ls {
		fmt.Printf("  lambda %g: out-of-fold macro-F1 %.3f\n", l, rep.ByLambda[l])
	}
	fmt.Printf("chosen lambda %g, %d iterations; offsets %v, temperature %g, review threshold %g\n", m.Lambda, m.Training.Iterations, m.Offset, m.Temperature, m.Threshold)
	fmt.Printf("out-of-fold macro-F1: model %.3f, naive Bayes baseline %.3f\n", rep.CalibMacroF1, rep.CalibNBMacroF1)
	return nil
}

func runMigration(dir, out string) error {
	m, docs, err := model.TrainMigrationFromDir(dir, model.MigrationTrainOptions{})
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
	fmt.Printf("%s: %d bytes, sha256 %x; %d titles trained on (%d migration)\n", filepath.Base(out), buf.Len(), sha256.Sum256(buf.Bytes()), m.FitRows, m.Positives)
	fmt.Printf("chosen by 5-fold cross-validation on those titles: lambda %g, threshold %g (F1 %.3f)\n", m.Lambda, m.Threshold, m.CVF1)
	var mod, migra model.BinaryScore
	for _, d := range docs {
		if model.MigrationHeldOut(d.ID) {
			mod.Add(m.Score(d.Text).Related, d.Label)
			migra.Add(model.MigraBaseline(d.Text), d.Label)
		}
	}
	fmt.Printf("held-out fifth (%d titles): model F1 %.3f (precision %.3f, recall %.3f); /migra/ F1 %.3f (precision %.3f, recall %.3f)\n",
		mod.TP+mod.FP+mod.FN+mod.TN, mod.F1(), mod.Precision(), mod.Recall(), migra.F1(), migra.Precision(), migra.Recall())
	return nil
}
