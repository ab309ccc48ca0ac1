package model

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// corpusDir is the training corpus, outside the repository.
const corpusDir = "../../../../shared/data/train"

// TestRegenerateGivesEmbeddedBytes trains from the corpus, as
// internal/train does, and wants exactly the embedded model file.
func TestRegenerateGivesEmbeddedBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("training takes about 30 s: skipped with -short")
	}
	if _, err := os.Stat(filepath.Join(corpusDir, CorpusFile)); err != nil {
		t.Skipf("the training corpus is absent (%v): nothing to rebuild from", err)
	}
	m, _, err := TrainFromDir(corpusDir, TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), Embedded()) {
		t.Errorf("training from %s gave %d bytes that differ from the embedded data/gender.model (%d bytes): run go generate ./budget/tagging/model", corpusDir, buf.Len(), len(Embedded()))
	}
}

func TestEmbeddedModelLoads(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.Bits != 16 || m.Training.FeatureScaling == "" || m.Threshold <= 0.5 || m.Temperature <= 0 {
		t.Errorf("embedded model header %+v", m.Header)
	}
	for _, tt := range []struct {
		text string
		want Class
	}{
		{"Programme audit and financial management: ICT equipment and office supplies", NotTargeted},
		{"Ending violence against women and girls: women's shelters and legal aid for survivors of gender-based violence", Principal},
	} {
		if p := m.Predict(tt.text); p.Class != tt.want {
			t.Errorf("Predict(%q) = %v %v (reasons %q), want %v", tt.text, p.Class, p.Probs, p.Reasons, tt.want)
		}
	}
}
