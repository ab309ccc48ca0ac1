package model

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/optimize"
)

// TrainOptions controls Train. Zero values take the defaults.
type TrainOptions struct {
	Bits int // 2^Bits feature buckets; default 18
	// Lambdas are the L2 penalties to try, the best on the calibration
	// fold kept; default 1e-4, the best of 3e-5, 1e-4, 3e-4 and 1e-3 on
	// that fold (0.600, 0.607, 0.594, 0.581 macro-F1), so that a rebuild
	// takes one fit.
	Lambdas []float64
	MaxIter int    // L-BFGS iterations at most; default 200
	Corpus  string // recorded in the model: the corpus's name and digest
}

// TrainReport gives the figures of a training run on the calibration
// fold (never the test split).
type TrainReport struct {
	FitRows, CalibRows, DroppedRows int
	CalibMacroF1                    float64 // the model, after offsets
	CalibNBMacroF1                  float64 // naive Bayes, the baseline
	ByLambda                        map[float64]float64
}

type sparse struct {
	idx []int32
	val []float64
}

func compact(fs []Feature) sparse {
	var s sparse
	for _, f := range fs {
		if n := len(s.idx); n > 0 && s.idx[n-1] == f.Index {
			s.val[n-1] += f.Value
			continue
		}
		s.idx = append(s.idx, f.Index)
		s.val = append(s.val, f.Value)
	}
	return s
}

// Train fits the model on the rows of docs that trainingRows allows
// (the corpus's train split, less the projects that straddle into its
// test split): weights on four fifths of the projects, then, on the
// remaining fifth (the calibration fold), the L2 penalty, class offsets
// for macro-F1, a temperature for calibrated probabilities, and the
// review threshold. The same docs and options give the same model, bit
// for bit.
func Train(docs []Doc, opt TrainOptions) (*Model, TrainReport, error) {
	if opt.Bits == 0 {
		opt.Bits = 18
	}
	if len(opt.Lambdas) == 0 {
		opt.Lambdas = []float64{1e-4}
	}
	if opt.MaxIter == 0 {
		opt.MaxIter = 200
	}
	fit, calib := trainingRows(docs)
	var rep TrainReport
	rep.FitRows, rep.CalibRows = len(fit), len(calib)
	for _, d := range docs {
		if d.Split == "train" {
			rep.DroppedRows++
		}
	}
	rep.DroppedRows -= len(fit) + len(calib)
	if len(fit) == 0 || len(calib) == 0 {
		return nil, rep, errors.New("model: no rows to train on (rows of the test split are never used)")
	}
	dim := 1 << opt.Bits
	x := make([]sparse, len(docs))
	for _, i := range append(append([]int{}, fit...), calib...) {
		x[i] = compact(extract(docs[i].Text, dim))
	}
	rep.ByLambda = map[float64]float64{}
	var best *Model
	bestF1 := -1.0
	for _, lambda := range opt.Lambdas {
		m, iters := fitLR(docs, x, fit, opt.Bits, lambda, opt.MaxIter)
		m.calibrate(docs, x, calib)
		f1 := macroF1Of(docs, calib, func(i int) Class { return argmax(m.calibrated(m.scoresSparse(x[i]))) })
		rep.ByLambda[lambda] = f1
		if f1 > bestF1 {
			best, bestF1 = m, f1
			best.Training.Iterations = iters
		}
	}
	rep.CalibMacroF1 = bestF1
	nb := trainNB(docs, fit, opt.Bits)
	rep.CalibNBMacroF1 = macroF1Of(docs, calib, func(i int) Class { return nb.predictSparse(x[i]) })
	best.Training.Corpus = opt.Corpus
	best.Training.FitRows, best.Training.CalibRows, best.Training.DroppedRows = rep.FitRows, rep.CalibRows, rep.DroppedRows
	best.Training.CalibMacroF1 = round6(rep.CalibMacroF1)
	best.Training.CalibNBF1 = round6(rep.CalibNBMacroF1)
	return best, rep, nil
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// classWeights weights each class by n/(K n_k) over rows, so that the
// rare principal level counts as much as the others.
func classWeights(docs []Doc, rows []int) [NumClasses]float64 {
	var n [NumClasses]float64
	for _, i := range rows {
		n[docs[i].Label]++
	}
	var w [NumClasses]float64
	for k := range w {
		if n[k] > 0 {
			w[k] = float64(len(rows)) / (float64(NumClasses) * n[k])
		}
	}
	return w
}

// fitLR fits a class-weighted multinomial logistic regression with an L2
// penalty lambda by L-BFGS, then quantises its weights to int8.
func fitLR(docs []Doc, x []sparse, rows []int, bits int, lambda float64, maxIter int) (*Model, int) {
	dim := 1 << bits
	nw := int(NumClasses) * dim
	cw := classWeights(docs, rows)
	var total float64
	for _, i := range rows {
		total += cw[docs[i].Label]
	}
	loss := func(grad, p []float64) float64 {
		if grad != nil {
			for j := range grad {
				grad[j] = 0
			}
		}
		var f float64
		for _, i := range rows {
			var z [NumClasses]float64
			for k := range z {
				s := p[nw+k]
				wk := p[k*dim : (k+1)*dim]
				for j, idx := range x[i].idx {
					s += x[i].val[j] * wk[idx]
				}
				z[k] = s
			}
			pr := softmax(z)
			y := docs[i].Label
			c := cw[y] / total
			f -= c * math.Log(math.Max(pr[y], 1e-300))
			if grad == nil {
				continue
			}
			for k := range z {
				g := pr[k]
				if Class(k) == y {
					g--
				}
				g *= c
				grad[nw+k] += g
				gk := grad[k*dim : (k+1)*dim]
				for j, idx := range x[i].idx {
					gk[idx] += g * x[i].val[j]
				}
			}
		}
		for j := 0; j < nw; j++ {
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
	settings := &optimize.Settings{MajorIterations: maxIter, GradientThreshold: 1e-7, Converger: &optimize.FunctionConverge{Absolute: 1e-9, Iterations: 20}}
	res, err := optimize.Minimize(prob, make([]float64, nw+int(NumClasses)), settings, &optimize.LBFGS{Store: 10})
	var p []float64
	iters := 0
	if res != nil {
		p, iters = res.X, res.Stats.MajorIterations
	}
	if err != nil && p == nil {
		p = make([]float64, nw+int(NumClasses))
	}
	return quantise(p, bits, lambda), iters
}

// quantise keeps the weights of each class as int8 with one scale.
func quantise(p []float64, bits int, lambda float64) *Model {
	dim := 1 << bits
	m := &Model{Header: Header{Format: format, Bits: bits, Lambda: lambda, Temperature: 1}}
	for k := 0; k < int(NumClasses); k++ {
		wk := p[k*dim : (k+1)*dim]
		mx := 0.0
		for _, v := range wk {
			mx = math.Max(mx, math.Abs(v))
		}
		scale := mx / 127
		if scale == 0 {
			scale = 1
		}
		m.Scale[k] = scale
		m.Bias[k] = round6(p[int(NumClasses)*dim+k])
		m.w[k] = make([]int8, dim)
		for j, v := range wk {
			m.w[k][j] = int8(math.Round(v / scale))
		}
	}
	return m
}

func (m *Model) scoresSparse(s sparse) [NumClasses]float64 {
	var z [NumClasses]float64
	for k := range z {
		v := 0.0
		for j, idx := range s.idx {
			v += s.val[j] * float64(m.w[k][idx])
		}
		z[k] = m.Bias[k] + v*m.Scale[k]
	}
	return z
}
