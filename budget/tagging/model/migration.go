package model

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"

	"gonum.org/v1/gonum/optimize"
)

// EUTFFile is the EU Trust Fund for Africa's project list the migration
// model is trained on, in its folder (see data/SOURCE.md).
const EUTFFile = "EUTF-Projects-Database-2022-01.csv"

// eutfMigration is the EUTF strategic objective that marks a project as
// migration-related.
const eutfMigration = "improved migration management"

// MigrationDoc is one labelled project title.
type MigrationDoc struct {
	ID    string // the EUTF decision id, e.g. T05-EUTF-HOA-DJ-41
	Text  string // the project title
	Label bool   // tagged "Improved migration management" by the Fund
}

// MigrationHeldOut reports whether the project id is in the fixed
// held-out fifth, never trained on: the first 8 bytes of sha256(id), as
// a big-endian number, are 0 modulo 5.
func MigrationHeldOut(id string) bool {
	h := sha256.Sum256([]byte(strings.TrimSpace(id)))
	return binary.BigEndian.Uint64(h[:8])%5 == 0
}

// ReadEUTF reads the EUTF project list: its ProjectID, ProjectTitle and
// ProjectTheme columns. Projects without a theme have no label and are
// left out.
func ReadEUTF(r io.Reader) ([]MigrationDoc, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("model: EUTF header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	for _, c := range []string{"ProjectID", "ProjectTitle", "ProjectTheme"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("model: EUTF file has no %s column", c)
		}
	}
	var docs []MigrationDoc
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("model: EUTF: %w", err)
		}
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		theme := strings.ToLower(get("ProjectTheme"))
		if theme == "" || get("ProjectID") == "" {
			continue
		}
		docs = append(docs, MigrationDoc{ID: get("ProjectID"), Text: get("ProjectTitle"), Label: strings.Contains(theme, eutfMigration)})
	}
	return docs, nil
}

// MigrationHeader is what the migration model file says besides its
// weights.
type MigrationHeader struct {
	Format    string  `json:"format"` // "grb-migration-model/1"
	Bits      int     `json:"bits"`
	Scale     float64 `json:"scale"`
	Bias      float64 `json:"bias"`
	Lambda    float64 `json:"lambda"`
	Threshold float64 `json:"threshold"` // a score at or above it is migration-related
	CVF1      float64 `json:"cv_f1"`     // F1 over five folds of the training titles, at Lambda and Threshold
	Corpus    string  `json:"corpus"`    // file name and sha256
	FitRows   int     `json:"fit_rows"`  // titles trained on (the held-out fifth never is)
	Positives int     `json:"positives"` // of which migration-related
}

// MigrationModel scores a text's relevance to migration.
type MigrationModel struct {
	MigrationHeader
	w []int8
}

const migrationFormat = "grb-migration-model/1"

// MigrationTrainOptions controls TrainMigration; zero values take the
// defaults.
type MigrationTrainOptions struct {
	Bits int // default 16
	// Lambdas are the L2 penalties and Thresholds the score thresholds
	// to try: the pair with the best F1 over five folds of the training
	// titles is kept (never the held-out fifth). Default: the penalties
	// 3e-5, 1e-4, 3e-4 and 1e-3, the thresholds 0.3 to 0.6 by 0.1.
	// Lambda or Threshold, when set, fixes one of them.
	Lambdas, Thresholds []float64
	Lambda, Threshold   float64
	MaxIter             int // default 300
	Corpus              string
}

func (o *MigrationTrainOptions) defaults() {
	if o.Bits == 0 {
		o.Bits = 16
	}
	if o.MaxIter == 0 {
		o.MaxIter = 300
	}
	switch {
	case o.Lambda != 0:
		o.Lambdas = []float64{o.Lambda}
	case len(o.Lambdas) == 0:
		o.Lambdas = []float64{3e-5, 1e-4, 3e-4, 1e-3}
	}
	switch {
	case o.Threshold != 0:
		o.Thresholds = []float64{o.Threshold}
	case len(o.Thresholds) == 0:
		o.Thresholds = []float64{0.3, 0.4, 0.5, 0.6}
	}
}

// migrationFold is a training title's cross-validation fold (0-4): the
// second 8 bytes of sha256(id), the first deciding the held-out fifth.
func migrationFold(id string) int {
	h := sha256.Sum256([]byte(strings.TrimSpace(id)))
	return int(binary.BigEndian.Uint64(h[8:16]) % 5)
}

// TrainMigration fits a class-weighted binary logistic regression on the
// docs outside the held-out fifth ([MigrationHeldOut]): the penalty and
// threshold chosen by five-fold cross-validation on those docs, then the
// weights fitted on all of them. The same docs and options give the same
// bytes.
func TrainMigration(docs []MigrationDoc, opt MigrationTrainOptions) (*MigrationModel, error) {
	opt.defaults()
	dim := 1 << opt.Bits
	var x []sparse
	var y []bool
	var fold []int
	pos := 0
	for _, d := range docs {
		if MigrationHeldOut(d.ID) {
			continue
		}
		x = append(x, compact(extract(d.Text, dim)))
		y = append(y, d.Label)
		fold = append(fold, migrationFold(d.ID))
		if d.Label {
			pos++
		}
	}
	if pos == 0 || pos == len(y) {
		return nil, errors.New("model: the migration training titles need both labels")
	}
	lambda, threshold, cvF1 := crossValidateMigration(x, y, fold, dim, opt)
	p, err := fitMigration(x, y, dim, lambda, opt.MaxIter)
	if err != nil {
		return nil, err
	}
	mx := 0.0
	for _, v := range p[:dim] {
		mx = math.Max(mx, math.Abs(v))
	}
	scale := mx / 127
	if scale == 0 {
		scale = 1
	}
	m := &MigrationModel{MigrationHeader: MigrationHeader{
		Format: migrationFormat, Bits: opt.Bits, Scale: scale, Bias: round6(p[dim]), Lambda: lambda,
		Threshold: threshold, CVF1: round6(cvF1), Corpus: opt.Corpus, FitRows: len(y), Positives: pos,
	}, w: make([]int8, dim)}
	for j, v := range p[:dim] {
		m.w[j] = int8(math.Round(v / scale))
	}
	return m, nil
}

// crossValidateMigration returns the penalty and threshold of opt with
// the best F1 over the five folds (each title scored by the weights
// fitted on the other four), and that F1; the first pair on a tie.
func crossValidateMigration(x []sparse, y []bool, fold []int, dim int, opt MigrationTrainOptions) (lambda, threshold, f1 float64) {
	f1 = -1
	for _, l := range opt.Lambdas {
		score := make([]float64, len(y))
		for f := 0; f < 5; f++ {
			var fx []sparse
			var fy []bool
			for i := range y {
				if fold[i] != f {
					fx, fy = append(fx, x[i]), append(fy, y[i])
				}
			}
			p, err := fitMigration(fx, fy, dim, l, opt.MaxIter)
			for i := range y {
				if fold[i] == f && err == nil {
					z := p[dim]
					for j, idx := range x[i].idx {
						z += x[i].val[j] * p[idx]
					}
					score[i] = sigmoid(z)
				}
			}
		}
		for _, th := range opt.Thresholds {
			var s BinaryScore
			for i := range y {
				s.Add(score[i] >= th, y[i])
			}
			if s.F1() > f1 {
				lambda, threshold, f1 = l, th, s.F1()
			}
		}
	}
	return lambda, threshold, f1
}

// fitMigration fits the weights (dim of them, then the bias) of a
// class-weighted binary logistic regression with L2 penalty lambda.
func fitMigration(x []sparse, y []bool, dim int, lambda float64, maxIter int) ([]float64, error) {
	n := float64(len(y))
	pos := 0.0
	for _, v := range y {
		if v {
			pos++
		}
	}
	if pos == 0 || pos == n {
		return nil, errors.New("model: the migration training titles need both labels")
	}
	cw := [2]float64{n / (2 * (n - pos)), n / (2 * pos)} // balanced class weights
	loss := func(grad, p []float64) float64 {
		for j := range grad {
			grad[j] = 0
		}
		var f float64
		for i, s := range x {
			z := p[dim]
			for j, idx := range s.idx {
				z += s.val[j] * p[idx]
			}
			pr := sigmoid(z)
			yi, c := 0.0, cw[0]/n
			if y[i] {
				yi, c = 1, cw[1]/n
			}
			f -= c * (yi*math.Log(math.Max(pr, 1e-300)) + (1-yi)*math.Log(math.Max(1-pr, 1e-300)))
			if grad == nil {
				continue
			}
			g := c * (pr - yi)
			grad[dim] += g
			for j, idx := range s.idx {
				grad[idx] += g * s.val[j]
			}
		}
		for j := 0; j < dim; j++ {
			f += 0.5 * lambda * p[j] * p[j]
			if grad != nil {
				grad[j] += lambda * p[j]
			}
		}
		return f
	}
	prob := optimize.Problem{
		Func: func(p []float64) float64 { return loss(nil, p) },
		Grad: func(grad, p []float64) { loss(grad, p) },
	}
	settings := &optimize.Settings{MajorIterations: maxIter, GradientThreshold: 1e-8, Converger: &optimize.FunctionConverge{Absolute: 1e-10, Iterations: 20}}
	res, err := optimize.Minimize(prob, make([]float64, dim+1), settings, &optimize.LBFGS{Store: 10})
	if res == nil {
		return nil, fmt.Errorf("model: migration training: %v", err)
	}
	return res.X, nil
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// MigrationScore is the model's view of one text.
type MigrationScore struct {
	Score   float64  // 0–1: how likely the text is about migration
	Related bool     // Score at or above the model's threshold
	Reasons []string // the words that pushed the score up most, at most three
}

// Score returns how migration-related text is, with its reasons.
func (m *MigrationModel) Score(text string) MigrationScore {
	fs := extract(text, 1<<m.Bits)
	s := compact(fs)
	z := m.Bias
	for j, idx := range s.idx {
		z += s.val[j] * float64(m.w[idx]) * m.Scale
	}
	p := sigmoid(z)
	contrib := map[string]float64{}
	for _, f := range fs {
		contrib[f.Owner] += f.Value * float64(m.w[f.Index]) * m.Scale
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
	out := MigrationScore{Score: p, Related: p >= m.Threshold}
	for _, x := range list {
		if len(out.Reasons) == 3 {
			break
		}
		out.Reasons = append(out.Reasons, x.o)
	}
	return out
}

// Encode writes m: a JSON header line, then the int8 weights.
func (m *MigrationModel) Encode(w io.Writer) error {
	return encodeModel(w, m.MigrationHeader, m.w)
}

// DecodeMigration reads a model written by Encode.
func DecodeMigration(r io.Reader) (*MigrationModel, error) {
	br := bufio.NewReader(r)
	var m MigrationModel
	if err := decodeHeader(br, &m.MigrationHeader, "migration "); err != nil {
		return nil, err
	}
	if m.Format != migrationFormat || m.Bits < 4 || m.Bits > 24 {
		return nil, errors.New("model: not a grb migration model")
	}
	var err error
	if m.w, err = decodeWeights(br, 1<<m.Bits, "migration "); err != nil {
		return nil, err
	}
	return &m, nil
}

//go:embed data/migration.model
var embeddedMigration []byte

var defaultMigration = sync.OnceValues(func() (*MigrationModel, error) {
	return DecodeMigration(bytes.NewReader(embeddedMigration))
})

// DefaultMigration returns the embedded migration model.
func DefaultMigration() (*MigrationModel, error) { return defaultMigration() }

// EmbeddedMigration returns the bytes of the embedded migration model.
func EmbeddedMigration() []byte { return embeddedMigration }
