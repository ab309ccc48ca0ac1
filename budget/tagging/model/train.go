package model

import (
	"errors"
	"math"
	"slices"
	"sort"
	"sync"

	"gonum.org/v1/gonum/optimize"
)

// TrainOptions controls Train. Zero values take the defaults.
type TrainOptions struct {
	Bits int // 2^Bits feature buckets; default 16
	// Lambdas are the L2 penalties to try, the best out of fold kept;
	// default 1e-4, chosen by five-fold cross-validation on the training
	// rows (see README), so that a rebuild takes one penalty's folds.
	Lambdas []float64
	MaxIter int    // L-BFGS iterations at most; default 200
	Corpus  string // recorded in the model: the corpus's name and digest
}

// TrainReport gives the figures of a training run, out of fold: each
// training row scored by the model fitted on the other four folds
// (never the test split).
type TrainReport struct {
	FitRows     int // rows the final weights are fitted on: every training row
	CalibRows   int // rows whose out-of-fold scores set the offsets, temperature and threshold: the same
	DroppedRows int // training rows of a project with rows in the test split
	// CalibMacroF1 is the out-of-fold macro-F1 of the model, after the
	// offsets chosen on those same scores (a little optimistic: two
	// numbers chosen on 5,600 rows); CalibNBMacroF1 naive Bayes's, the
	// baseline, out of fold too.
	CalibMacroF1   float64
	CalibNBMacroF1 float64
	ByLambda       map[float64]float64
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
// test split). Those rows are split into five folds by project; each
// row is scored by the model fitted on the other four folds, and these
// out-of-fold scores choose the L2 penalty (when several are given), the
// class offsets for macro-F1, the temperature for calibrated
// probabilities and the review threshold. The final weights are then
// fitted on all the training rows. The same docs and options give the
// same model, bit for bit.
func Train(docs []Doc, opt TrainOptions) (*Model, TrainReport, error) {
	if opt.Bits == 0 {
		opt.Bits = 16
	}
	if len(opt.Lambdas) == 0 {
		opt.Lambdas = []float64{1e-4}
	}
	if opt.MaxIter == 0 {
		opt.MaxIter = 200
	}
	rows := trainingRows(docs)
	var rep TrainReport
	rep.FitRows, rep.CalibRows = len(rows), len(rows)
	for _, d := range docs {
		if d.Split == "train" {
			rep.DroppedRows++
		}
	}
	rep.DroppedRows -= len(rows)
	folds := cvFolds(docs, rows)
	for _, f := range folds {
		if len(f) == 0 || len(f) == len(rows) {
			return nil, rep, errors.New("model: too few projects to train on (rows of the test split are never used)")
		}
	}
	dim := 1 << opt.Bits
	x := make([]sparse, len(docs))
	for _, i := range rows {
		x[i] = compact(extract(docs[i].Text, dim))
	}
	y := make([]Class, len(rows))
	for j, i := range rows {
		y[j] = docs[i].Label
	}
	rep.ByLambda = map[float64]float64{}
	var bestZ [][NumClasses]float64
	bestLambda, bestF1 := 0.0, -1.0
	for _, lambda := range opt.Lambdas {
		z := outOfFold(docs, x, rows, folds, opt.Bits, lambda, opt.MaxIter)
		f1 := offsetF1(z, y, bestOffsets(z, y))
		rep.ByLambda[lambda] = f1
		if f1 > bestF1 {
			bestZ, bestLambda, bestF1 = z, lambda, f1
		}
	}
	rep.CalibMacroF1 = bestF1
	best, iters := fitLR(docs, x, rows, opt.Bits, bestLambda, opt.MaxIter)
	best.Training.Iterations = iters
	best.calibrate(bestZ, y)
	rep.CalibNBMacroF1 = nbOutOfFold(docs, x, rows, folds, opt.Bits)
	best.Training.Corpus = opt.Corpus
	best.Training.FitRows, best.Training.CalibRows, best.Training.DroppedRows = rep.FitRows, rep.CalibRows, rep.DroppedRows
	best.Training.CalibMacroF1 = round6(rep.CalibMacroF1)
	best.Training.CalibNBF1 = round6(rep.CalibNBMacroF1)
	best.Training.FeatureScaling = featureScaling
	return best, rep, nil
}

// outOfFold returns, for each of rows in order, the scores of the model
// fitted on the other folds. The folds are fitted two at a time; each
// fit is deterministic, so the order they finish in does not matter.
func outOfFold(docs []Doc, x []sparse, rows []int, folds [cvK][]int, bits int, lambda float64, maxIter int) [][NumClasses]float64 {
	pos := make(map[int]int, len(rows))
	for j, i := range rows {
		pos[i] = j
	}
	z := make([][NumClasses]float64, len(rows))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := range folds {
		wg.Add(1)
		go func(f int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var tr []int
			for g := range folds {
				if g != f {
					tr = append(tr, folds[g]...)
				}
			}
			sort.Ints(tr)
			m, _ := fitLR(docs, x, tr, bits, lambda, maxIter)
			for _, i := range folds[f] {
				z[pos[i]] = m.scoresSparse(x[i])
			}
		}(f)
	}
	wg.Wait()
	return z
}

// nbOutOfFold is naive Bayes's out-of-fold macro-F1, the baseline.
func nbOutOfFold(docs []Doc, x []sparse, rows []int, folds [cvK][]int, bits int) float64 {
	var y, pred []Class
	for f := range folds {
		var tr []int
		for g := range folds {
			if g != f {
				tr = append(tr, folds[g]...)
			}
		}
		sort.Ints(tr)
		nb := trainNB(docs, tr, bits)
		for _, i := range folds[f] {
			y = append(y, docs[i].Label)
			pred = append(pred, nb.predictSparse(x[i]))
		}
	}
	return macroF1(y, pred)
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
// penalty lambda by L-BFGS, each feature scaled for each class by
// nbScale (an NB-LR), then quantises to int8 the weights of the unscaled
// features (the scaled weights times the scales), so that prediction
// needs no scales.
func fitLR(docs []Doc, x []sparse, rows []int, bits int, lambda float64, maxIter int) (*Model, int) {
	dim := 1 << bits
	nw := int(NumClasses) * dim
	cw := classWeights(docs, rows)
	r := nbScale(docs, x, rows, dim)
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
				rk := r[k]
				for j, idx := range x[i].idx {
					s += x[i].val[j] * rk[idx] * wk[idx]
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
				gk, rk := grad[k*dim:(k+1)*dim], r[k]
				for j, idx := range x[i].idx {
					gk[idx] += g * x[i].val[j] * rk[idx]
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
	// The optimiser asks for the value and the gradient at the same
	// point: compute both once.
	var at, cached []float64
	var fAt float64
	eval := func(p []float64) {
		if at != nil && slices.Equal(at, p) {
			return
		}
		if cached == nil {
			cached = make([]float64, len(p))
		}
		at = append(at[:0], p...)
		fAt = loss(cached, p)
	}
	prob := optimize.Problem{
		Func: func(p []float64) float64 { eval(p); return fAt },
		Grad: func(grad, p []float64) { eval(p); copy(grad, cached) },
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
	p = slices.Clone(p)
	for k := 0; k < int(NumClasses); k++ { // the weights of the unscaled features
		for j := 0; j < dim; j++ {
			p[k*dim+j] *= r[k][j]
		}
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
