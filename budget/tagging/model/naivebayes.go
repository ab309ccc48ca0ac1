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
