package model

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
)

// toyDocs returns a corpus where the class is decided by one word, with
// noise words around it.
func toyDocs(n int) []Doc {
	cls := []string{"roads bridges", "gender mainstreaming", "women empowerment"}
	noise := []string{"project", "support", "national", "capacity", "programme", "district"}
	var out []Doc
	for i := 0; i < n; i++ {
		c := i % 3
		text := fmt.Sprintf("%s %s %s", noise[i%len(noise)], cls[c], noise[(i/3)%len(noise)])
		out = append(out, Doc{ID: fmt.Sprint("d", i), Group: fmt.Sprint("g", i/2), Text: text, Label: Class(c), Split: "train"})
	}
	return out
}

func TestTrainLearnsToyCorpus(t *testing.T) {
	docs := toyDocs(300)
	m, rep, err := Train(docs, TrainOptions{Bits: 12, Lambdas: []float64{1e-4}, MaxIter: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want Class
	}{
		{"district roads bridges", NotTargeted},
		{"gender mainstreaming support", Significant},
		{"women empowerment programme", Principal},
	} {
		p := m.Predict(tt.text)
		if p.Class != tt.want {
			t.Errorf("Predict(%q) = %v (%v), want %v", tt.text, p.Class, p.Probs, tt.want)
		}
		if p.Confidence < 0.34 || p.Confidence > 1 {
			t.Errorf("Predict(%q): confidence %v", tt.text, p.Confidence)
		}
		if len(p.Reasons) == 0 {
			t.Errorf("Predict(%q): no reasons", tt.text)
		}
	}
	if rep.CalibMacroF1 < 0.99 {
		t.Errorf("out-of-fold macro-F1 %v, want 1 on a separable corpus", rep.CalibMacroF1)
	}
	// Reasons name the deciding words.
	p := m.Predict("women empowerment programme")
	if p.Reasons[0] != "empowerment" && p.Reasons[0] != "women" && p.Reasons[0] != "women empowerment" {
		t.Errorf("reasons %q: want the class words first", p.Reasons)
	}
	// An empty text still gets a suggestion.
	if p := m.Predict(""); p.Confidence == 0 {
		t.Errorf("empty text: %+v", p)
	}
}

func TestTrainReproducibleAndRoundTrip(t *testing.T) {
	docs := toyDocs(120)
	opt := TrainOptions{Bits: 10, Lambdas: []float64{1e-3}, MaxIter: 50}
	m1, _, err := Train(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	m2, _, _ := Train(docs, opt)
	var b1, b2 bytes.Buffer
	if err := m1.Encode(&b1); err != nil {
		t.Fatal(err)
	}
	m2.Encode(&b2)
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("two trainings gave different bytes")
	}
	m3, err := Decode(bytes.NewReader(b1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var b3 bytes.Buffer
	m3.Encode(&b3)
	if !bytes.Equal(b1.Bytes(), b3.Bytes()) {
		t.Fatal("decode+encode changed the bytes")
	}
	for _, d := range docs[:10] {
		if p1, p3 := m1.Predict(d.Text), m3.Predict(d.Text); p1.Class != p3.Class || p1.Confidence != p3.Confidence {
			t.Errorf("%q: %+v before, %+v after a round trip", d.Text, p1, p3)
		}
	}
}

func TestTrainKeepsTestSplitOut(t *testing.T) {
	docs := toyDocs(60)
	for i := range docs {
		docs[i].Split = "test"
	}
	if _, _, err := Train(docs, TrainOptions{Bits: 10}); err == nil {
		t.Error("trained on a corpus whose rows are all in the test split")
	}
}

func TestGroupedSplit(t *testing.T) {
	docs := []Doc{
		{ID: "a", Group: "p1", Split: "train"},
		{ID: "b", Group: "p1", Split: "test"}, // p1 straddles: a leaves training
		{ID: "c", Group: "p2", Split: "train"},
	}
	var ids []string
	for _, i := range trainingRows(docs) {
		ids = append(ids, docs[i].ID)
	}
	if len(ids) != 1 || ids[0] != "c" {
		t.Errorf("training rows %v, want [c]", ids)
	}
}

func TestNaiveBayesLearnsToyCorpus(t *testing.T) {
	docs := toyDocs(90)
	nb := trainNB(docs, allIdx(len(docs)), 10)
	if c := nb.predict(extract("women empowerment", 1<<10)); c != Principal {
		t.Errorf("NB: %v, want principal", c)
	}
}

func allIdx(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// TestTrainFitsEveryTrainingRow: the final weights are fitted on every
// row the model may learn from (here 300: no project straddles), and the
// offsets, temperature and threshold are chosen on the out-of-fold scores
// of all of them, five folds by project.
func TestTrainFitsEveryTrainingRow(t *testing.T) {
	docs := toyDocs(300)
	m, rep, err := Train(docs, TrainOptions{Bits: 12, Lambdas: []float64{1e-4}, MaxIter: 100})
	if err != nil {
		t.Fatal(err)
	}
	if rep.FitRows != 300 || rep.CalibRows != 300 || m.Training.FitRows != 300 || m.Training.CalibRows != 300 {
		t.Errorf("fitted on %d rows, calibrated on %d (header %d, %d), want 300 and 300 (out of fold)",
			rep.FitRows, rep.CalibRows, m.Training.FitRows, m.Training.CalibRows)
	}
}

// TestFoldsKeepProjectsTogether: no group has rows in two folds, and
// every fold has rows.
func TestFoldsKeepProjectsTogether(t *testing.T) {
	docs := toyDocs(200)
	rows := trainingRows(docs)
	folds := cvFolds(docs, rows)
	if len(folds) != cvK {
		t.Fatalf("%d folds, want %d", len(folds), cvK)
	}
	seen := map[string]int{}
	n := 0
	for f, va := range folds {
		if len(va) == 0 {
			t.Errorf("fold %d is empty", f)
		}
		for _, i := range va {
			n++
			if g, ok := seen[docs[i].Group]; ok && g != f {
				t.Errorf("group %s in folds %d and %d", docs[i].Group, g, f)
			}
			seen[docs[i].Group] = f
		}
	}
	if n != len(rows) {
		t.Errorf("folds hold %d rows, want %d", n, len(rows))
	}
}

// TestNBScale: each bucket's scale for class k is naive Bayes's
// |log-count ratio| of k against the other classes, on the number of
// texts holding the bucket smoothed by 1, divided by its mean over the
// buckets. Worked by hand: class 0's texts hold buckets {0,1}, the
// others {0,2} and {0,3}; counts plus 1 are [2 2 1 1] (sum 6) against
// [3 1 2 2] (sum 8); |log((2/6)/(3/8))| = 0.1178, |log((2/6)/(1/8))| =
// 0.9808, |log((1/6)/(2/8))| = 0.4055 twice; their mean is 0.4774.
func TestNBScale(t *testing.T) {
	docs := []Doc{{Label: NotTargeted}, {Label: Significant}, {Label: Principal}}
	x := []sparse{
		{idx: []int32{0, 1}, val: []float64{0.6, 0.8}},
		{idx: []int32{0, 2}, val: []float64{0.8, 0.6}},
		{idx: []int32{0, 3}, val: []float64{0.5, 0.5}}, // values do not count, only presence
	}
	r := nbScale(docs, x, []int{0, 1, 2}, 4)
	want := [NumClasses][]float64{
		{0.2467, 2.0546, 0.8493, 0.8493},
		{0.2467, 0.8493, 2.0546, 0.8493},
		{0.2467, 0.8493, 0.8493, 2.0546},
	}
	for k := range want {
		for j := range want[k] {
			if math.Abs(r[k][j]-want[k][j]) > 1e-3 {
				t.Errorf("scale of class %d, bucket %d: %.4f, want %.4f", k, j, r[k][j], want[k][j])
			}
		}
	}
}

// TestTrainRecordsFeatureScaling: the model's header says that its
// features were scaled by naive Bayes's ratios before the fit.
func TestTrainRecordsFeatureScaling(t *testing.T) {
	m, _, err := Train(toyDocs(300), TrainOptions{Bits: 12, Lambdas: []float64{1e-4}, MaxIter: 100})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Training.FeatureScaling, "naive Bayes") {
		t.Errorf("feature scaling %q: want naive Bayes's log-count ratios named", m.Training.FeatureScaling)
	}
}
