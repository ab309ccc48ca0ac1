package model

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"
)

// Class is a gender-marker level the model predicts, on the OECD DAC
// scale.
type Class int

// The classes.
const (
	NotTargeted Class = iota // DAC 0
	Significant              // DAC 1
	Principal                // DAC 2
	NumClasses
)

var classNames = [NumClasses]string{"not targeted", "significant", "principal"}

func (c Class) String() string {
	if c >= 0 && c < NumClasses {
		return classNames[c]
	}
	return fmt.Sprintf("Class(%d)", int(c))
}

// Header is what the model file says about the model besides its
// weights: how it was made and how its scores are calibrated.
type Header struct {
	Format string `json:"format"` // "grb-gender-model/1"
	Bits   int    `json:"bits"`   // the feature space has 2^Bits buckets
	// Scale[k] turns the int8 weights of class k into float weights.
	Scale [NumClasses]float64 `json:"scale"`
	Bias  [NumClasses]float64 `json:"bias"`
	// Offset is added to the scores before the softmax: chosen on the
	// out-of-fold scores of the training rows for macro-F1. Temperature
	// divides the scores: chosen on the same scores for log-loss.
	Offset      [NumClasses]float64 `json:"offset"`
	Temperature float64             `json:"temperature"`
	// Threshold: a prediction less confident than this is for review.
	Threshold float64 `json:"threshold"`
	Lambda    float64 `json:"lambda"` // the L2 penalty chosen
	// Training says where the model came from, for people.
	Training TrainingInfo `json:"training"`
}

// TrainingInfo records the corpus and the figures of a training run.
type TrainingInfo struct {
	Corpus       string  `json:"corpus"`         // file name and sha256
	FitRows      int     `json:"fit_rows"`       // rows the weights were fitted on
	CalibRows    int     `json:"calib_rows"`     // rows whose out-of-fold scores chose the offsets
	DroppedRows  int     `json:"dropped_rows"`   // training rows of a project with rows in the test split
	CalibMacroF1 float64 `json:"calib_macro_f1"` // out of fold, after the offsets
	CalibNBF1    float64 `json:"calib_nb_macro_f1"`
	Iterations   int     `json:"iterations"`
	// FeatureScaling says how each feature was scaled, class by class,
	// before the fit (its weights here are the scaled ones: prediction
	// does not scale).
	FeatureScaling string `json:"feature_scaling,omitempty"`
}

// Model is a trained gender-marker model.
type Model struct {
	Header
	w [NumClasses][]int8
}

// Prediction is the model's suggestion for one text.
type Prediction struct {
	Class      Class
	Probs      [NumClasses]float64 // calibrated
	Confidence float64             // Probs[Class]
	ForReview  bool                // Confidence below the model's threshold
	// Reasons are the words (or word pairs) that pushed most towards
	// Class, strongest first, at most three.
	Reasons []string
}

const format = "grb-gender-model/1"

//go:embed data/gender.model
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = Decode(bytes.NewReader(embedded)) })
	return defaultModel, defaultErr
}

// Embedded returns the bytes of the embedded model file.
func Embedded() []byte { return embedded }

func (m *Model) dim() int { return 1 << m.Bits }

// calibrated turns scores into probabilities: offsets, temperature,
// softmax.
func (m *Model) calibrated(z [NumClasses]float64) [NumClasses]float64 {
	t := m.Temperature
	if t <= 0 {
		t = 1
	}
	for k := range z {
		z[k] = (z[k] + m.Offset[k]) / t
	}
	return softmax(z)
}

func softmax(z [NumClasses]float64) [NumClasses]float64 {
	mx := math.Inf(-1)
	for _, v := range z {
		mx = math.Max(mx, v)
	}
	var p [NumClasses]float64
	var sum float64
	for k, v := range z {
		p[k] = math.Exp(v - mx)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
	return p
}

func argmax(p [NumClasses]float64) Class {
	best := Class(0)
	for k := range p {
		if p[k] > p[best] {
			best = Class(k)
		}
	}
	return best
}

// Predict returns the model's calibrated prediction for text, with its
// reasons. An empty text gets the class the model's biases favour.
func (m *Model) Predict(text string) Prediction {
	fs := extract(text, m.dim())
	p := m.calibrated(m.scoresSparse(compact(fs)))
	c := argmax(p)
	return Prediction{Class: c, Probs: p, Confidence: p[c], ForReview: p[c] < m.Threshold, Reasons: m.reasons(fs, c)}
}

// reasons returns the owners of the features that pushed most towards
// class c against the mean of the other classes, strongest first.
func (m *Model) reasons(fs []Feature, c Class) []string {
	contrib := map[string]float64{}
	for _, f := range fs {
		var others float64
		for k := range m.w {
			if Class(k) != c {
				others += float64(m.w[k][f.Index]) * m.Scale[k]
			}
		}
		d := float64(m.w[c][f.Index])*m.Scale[c] - others/float64(NumClasses-1)
		contrib[f.Owner] += f.Value * d
	}
	type oc struct {
		o string
		v float64
	}
	var list []oc
	for o, v := range contrib {
		if v > 0 && !allStopWords(o) {
			list = append(list, oc{o, v})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].v != list[j].v {
			return list[i].v > list[j].v
		}
		return list[i].o < list[j].o
	})
	var out []string
	for _, x := range list {
		if len(out) == 3 {
			break
		}
		out = append(out, x.o)
	}
	return out
}

// Encode writes m: one line of JSON (the header), then the int8 weights
// class by class.
func (m *Model) Encode(w io.Writer) error {
	return encodeModel(w, m.Header, m.w[:]...)
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	var m Model
	if err := decodeHeader(br, &m.Header, ""); err != nil {
		return nil, err
	}
	if m.Format != format || m.Bits < 4 || m.Bits > 24 {
		return nil, errors.New("model: not a grb gender model")
	}
	for k := range m.w {
		var err error
		if m.w[k], err = decodeWeights(br, m.dim(), ""); err != nil {
			return nil, err
		}
	}
	return &m, nil
}

// stopWords are the function words of English, French and Spanish that
// are never given as reasons: they move the scores a little but explain
// nothing to a person.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and the of in on for to by with at from as or is are be this that its it
		de des du la le les et en un une au aux pour par sur dans avec l d a
		el los las y del al con por para una uno que se su sus e o`) {
		stopWords[w] = true
	}
}

// allStopWords reports whether every word of o (a word or a word pair)
// is a stop word.
func allStopWords(o string) bool {
	for _, w := range strings.Fields(o) {
		if !stopWords[w] {
			return false
		}
	}
	return true
}
