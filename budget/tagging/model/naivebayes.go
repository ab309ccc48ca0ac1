package model

import "math"

// naiveBayes is the baseline the model must beat: multinomial naive
// Bayes over the same features, with additive smoothing.
type naiveBayes struct {
	prior [NumClasses]float64
	logp  [NumClasses][]float64
}

// trainNB fits naive Bayes on rows, smoothing 0.1.
func trainNB(docs []Doc, rows []int, bits int) *naiveBayes {
	dim := 1 << bits
	nb := &naiveBayes{}
	var cnt [NumClasses][]float64
	var tot, n [NumClasses]float64
	for k := range cnt {
		cnt[k] = make([]float64, dim)
	}
	for _, i := range rows {
		y := docs[i].Label
		n[y]++
		for _, idx := range compact(extract(docs[i].Text, dim)).idx {
			cnt[y][idx]++ // a bucket counts once per text
			tot[y]++
		}
	}
	const alpha = 0.1
	for k := range cnt {
		nb.prior[k] = math.Log((n[k] + 1) / (float64(len(rows)) + float64(NumClasses)))
		nb.logp[k] = make([]float64, dim)
		for j := range cnt[k] {
			nb.logp[k][j] = math.Log((cnt[k][j] + alpha) / (tot[k] + alpha*float64(dim)))
		}
	}
	return nb
}

func (nb *naiveBayes) predictSparse(s sparse) Class {
	var z [NumClasses]float64
	for k := range z {
		z[k] = nb.prior[k]
		for _, idx := range s.idx {
			z[k] += nb.logp[k][idx]
		}
	}
	return argmaxScores(z, [NumClasses]float64{})
}

func (nb *naiveBayes) predict(fs []Feature) Class { return nb.predictSparse(compact(fs)) }

// featureScaling is how fitLR scales features, as the model header
// records it.
const featureScaling = "naive Bayes log-count ratio per class (texts holding the bucket, smoothing 1), over its mean"

// nbScale returns, for each class k and bucket j, how much fitLR scales
// feature j of a text for class k's weights: naive Bayes's log-count
// ratio (Wang and Manning 2012) of k against the other classes,
// |log((n_kj+1)/N_k / ((m_kj+1)/M_k))|, where n_kj is the number of
// rows of class k holding bucket j, m_kj of the other classes, and N_k,
// M_k their sums over the buckets (smoothing included), divided by its
// mean over the buckets so that the L2 penalty keeps its scale. A word
// every class uses alike is scaled towards 0, so the fit leans on the
// words that tell the classes apart: out of fold, macro-F1 0.641
// against 0.625 unscaled (see README).
func nbScale(docs []Doc, x []sparse, rows []int, dim int) [NumClasses][]float64 {
	var cnt [NumClasses][]float64
	for k := range cnt {
		cnt[k] = make([]float64, dim)
	}
	all := make([]float64, dim)
	for _, i := range rows {
		for _, idx := range x[i].idx {
			cnt[docs[i].Label][idx]++
			all[idx]++
		}
	}
	const alpha = 1.0
	var r [NumClasses][]float64
	for k := range r {
		var sp, sq float64
		for j := 0; j < dim; j++ {
			sp += cnt[k][j] + alpha
			sq += all[j] - cnt[k][j] + alpha
		}
		r[k] = make([]float64, dim)
		var mean float64
		for j := range r[k] {
			r[k][j] = math.Abs(math.Log((cnt[k][j] + alpha) / sp / ((all[j] - cnt[k][j] + alpha) / sq)))
			mean += r[k][j]
		}
		mean /= float64(dim)
		for j := range r[k] {
			r[k][j] /= mean
		}
	}
	return r
}
