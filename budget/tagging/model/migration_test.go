package model

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// eutfDir is the EU Trust Fund's project list, outside the repository.
const eutfDir = "../../../../shared/data/real/eutf-africa-projects-objectives"

func eutfDocs(t *testing.T) []MigrationDoc {
	t.Helper()
	f, err := os.Open(filepath.Join(eutfDir, EUTFFile))
	if err != nil {
		t.Skipf("the EUTF project list is absent (%v)", err)
	}
	defer f.Close()
	docs, err := ReadEUTF(f)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestEUTFCounts: SOURCE.md says 253 projects, 19 without a theme, 75
// tagged "Improved migration management".
func TestEUTFCounts(t *testing.T) {
	docs := eutfDocs(t)
	pos := 0
	for _, d := range docs {
		if d.Label {
			pos++
		}
	}
	if len(docs) != 253-19 || pos != 75 {
		t.Errorf("%d titles with a theme, %d migration; want 234 and 75", len(docs), pos)
	}
}

// TestMigrationHeldOut: on the held-out fifth of the EUTF titles (44,
// 14 migration-related), never trained on, the embedded model finds the
// migration-related projects with F1 0.759 (11 of 14, 4 false
// positives). The target, 0.80, is not reached; /migra/ gives
// 0.833 on this fifth (0.627 on the training titles, where the model's
// cross-validated F1 is 0.752). The test holds the measured figure so
// that a rebuild cannot make it worse unnoticed.
func TestMigrationHeldOut(t *testing.T) {
	docs := eutfDocs(t)
	m, err := DefaultMigration()
	if err != nil {
		t.Fatal(err)
	}
	var model, migra BinaryScore
	for _, d := range docs {
		if !MigrationHeldOut(d.ID) {
			continue
		}
		model.Add(m.Score(d.Text).Related, d.Label)
		migra.Add(MigraBaseline(d.Text), d.Label)
	}
	t.Logf("held-out %d titles: model F1 %.3f (P %.3f R %.3f), /migra/ F1 %.3f (P %.3f R %.3f)",
		model.TP+model.FP+model.FN+model.TN, model.F1(), model.Precision(), model.Recall(), migra.F1(), migra.Precision(), migra.Recall())
	if model.F1() < 0.755 {
		t.Errorf("model F1 %.3f on the held-out fifth, want >= 0.759 as measured", model.F1())
	}
}

// TestRegenerateMigration trains from the EUTF list and wants exactly
// the embedded data/migration.model (a second or two).
func TestRegenerateMigration(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short")
	}
	if _, err := os.Stat(filepath.Join(eutfDir, EUTFFile)); err != nil {
		t.Skipf("the EUTF project list is absent (%v)", err)
	}
	m, _, err := TrainMigrationFromDir(eutfDir, MigrationTrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), EmbeddedMigration()) {
		t.Errorf("training gave %d bytes that differ from the embedded data/migration.model (%d bytes): run go generate ./budget/tagging/model", buf.Len(), len(EmbeddedMigration()))
	}
}

// toyMigration returns titles where "refugees" or "migrants" marks the
// migration-related ones.
func toyMigration(n int) []MigrationDoc {
	yes := []string{"support to refugees", "protection of migrants", "return of migrants", "refugees in camps"}
	no := []string{"rural roads", "school meals", "water supply", "health centres", "youth jobs"}
	var out []MigrationDoc
	for i := 0; i < n; i++ {
		d := MigrationDoc{ID: fmt.Sprint("T-", i)}
		if i%3 == 0 {
			d.Text, d.Label = yes[i%len(yes)]+" in region "+fmt.Sprint(i%7), true
		} else {
			d.Text = no[i%len(no)] + " in region " + fmt.Sprint(i%7)
		}
		out = append(out, d)
	}
	return out
}

// TestTrainMigrationChoosesByCrossValidation: the penalty and the
// threshold are the pair with the best F1 over five folds of the
// training titles (the held-out fifth takes no part), recorded in the
// header; on a corpus one word separates, that F1 is 1.
func TestTrainMigrationChoosesByCrossValidation(t *testing.T) {
	opt := MigrationTrainOptions{Bits: 10, Lambdas: []float64{1e-4, 1e-1}, Thresholds: []float64{0.3, 0.5}}
	m, err := TrainMigration(toyMigration(150), opt)
	if err != nil {
		t.Fatal(err)
	}
	if m.CVF1 != 1 {
		t.Errorf("cross-validated F1 %v, want 1", m.CVF1)
	}
	if m.Lambda != 1e-4 && m.Lambda != 1e-1 || m.Threshold != 0.3 && m.Threshold != 0.5 {
		t.Errorf("chose lambda %v threshold %v, not among the candidates", m.Lambda, m.Threshold)
	}
	if !m.Score("aid to refugees").Related || m.Score("rural roads").Related {
		t.Error("the chosen model does not separate the toy titles")
	}
}
