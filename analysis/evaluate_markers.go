package analysis

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

// MarkerEvaluation scores the gender-marker suggestions source by source
// (rule, model, all) over the three DAC levels.
type MarkerEvaluation struct {
	Sources []SourceScore `json:"sources"`
	// Resamples is the number of bootstrap resamples behind the
	// intervals; Seed their fixed seed.
	Resamples int    `json:"resamples"`
	Seed      uint64 `json:"seed"`
}

// SourceScore is how one source's marker suggestions match the true
// markers. Lines suggested by another source count as not suggested.
type SourceScore struct {
	Source  string  `json:"source"`  // "rule", "model" or "all"
	Lines   int     `json:"lines"`   // lines with a true not targeted, significant or principal marker
	Covered int     `json:"covered"` // of those, lines this source suggested a marker for
	Levels  []Score `json:"levels"`  // not targeted, significant, principal
	// MacroF1 is the mean F1 of the three levels; Low and High bound its
	// 95% bootstrap interval (resampling lines).
	MacroF1 float64 `json:"macro_f1"`
	Low     float64 `json:"low"`
	High    float64 `json:"high"`
	// Calibration compares, by band of confidence, the mean confidence
	// with the share of right suggestions.
	Calibration []CalibrationBand `json:"calibration"`
}

// CalibrationBand is the suggestions whose confidence is in [From, To).
type CalibrationBand struct {
	From           float64 `json:"from"`
	To             float64 `json:"to"`
	Lines          int     `json:"lines"`
	Right          int     `json:"right"`
	MeanConfidence float64 `json:"mean_confidence"`
}

// evalLevels are the scored levels, in order.
var evalLevels = []budget.Level{budget.NotTargeted, budget.Significant, budget.Principal}

// markerPair is one scored line: its true level and the level suggested
// by the source being scored (NotScreened: none).
type markerPair struct {
	truth, sugg budget.Level
	conf        float64
}

// bootstrapResamples is the number of resamples of a bootstrap interval.
const bootstrapResamples = 1000

// EvaluateMarkerSources scores the marker suggestions of each source and
// of all together, on the lines whose true marker is not targeted,
// significant or principal. seed fixes the bootstrap resamples.
func EvaluateMarkerSources(truth []budget.Line, suggested []tagging.Suggestion, seed uint64) (*MarkerEvaluation, error) {
	if len(truth) != len(suggested) {
		return nil, fmt.Errorf("analysis: %d lines but %d suggestions", len(truth), len(suggested))
	}
	ev := &MarkerEvaluation{Resamples: bootstrapResamples, Seed: seed}
	for _, src := range []string{"rule", "model", "all"} {
		var pairs []markerPair
		for i := range truth {
			t := truth[i].Gender.Level
			if !slices.Contains(evalLevels, t) {
				continue
			}
			s := &suggested[i]
			p := markerPair{truth: t}
			if s.Marker.Screened() && (src == "all" || s.MarkerSource.Source().String() == src) {
				p.sugg, p.conf = s.Marker, s.MarkerConfidence
			}
			pairs = append(pairs, p)
		}
		ev.Sources = append(ev.Sources, scoreSource(src, pairs, seed))
	}
	return ev, nil
}

// scoreSource scores the pairs of one source.
func scoreSource(src string, pairs []markerPair, seed uint64) SourceScore {
	sc := SourceScore{Source: src, Lines: len(pairs)}
	for _, p := range pairs {
		if p.sugg.Screened() {
			sc.Covered++
		}
	}
	sc.Levels = levelScores(pairs)
	sc.MacroF1 = macroF1(sc.Levels)
	sc.Low, sc.High = bootstrapMacroF1(pairs, seed)
	sc.Calibration = calibrationBands(pairs)
	return sc
}

func levelScores(pairs []markerPair) []Score {
	out := make([]Score, len(evalLevels))
	for j, l := range evalLevels {
		out[j].Label = l.String()
	}
	for _, p := range pairs {
		for j, l := range evalLevels {
			if p.truth == l {
				out[j].True++
				if p.sugg == l {
					out[j].TP++
				} else {
					out[j].FN++
				}
			}
			if p.sugg == l {
				out[j].Suggested++
				if p.truth != l {
					out[j].FP++
				}
			}
		}
	}
	return out
}

// macroF1 is the mean F1 of the levels; a level neither true nor
// suggested counts 0.
func macroF1(levels []Score) float64 {
	var sum float64
	for _, s := range levels {
		f, _ := s.F1()
		sum += f
	}
	return sum / float64(len(levels))
}

// bootstrapMacroF1 returns the 2.5th and 97.5th percentiles of macro-F1
// over resamples of the pairs, drawn with a PCG source seeded by seed.
func bootstrapMacroF1(pairs []markerPair, seed uint64) (lo, hi float64) {
	if len(pairs) == 0 {
		return 0, 0
	}
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	vals := make([]float64, bootstrapResamples)
	sample := make([]markerPair, len(pairs))
	for b := range vals {
		for i := range sample {
			sample[i] = pairs[r.IntN(len(pairs))]
		}
		vals[b] = macroF1(levelScores(sample))
	}
	slices.Sort(vals)
	return vals[int(0.025*float64(len(vals)))], vals[int(0.975*float64(len(vals)))-1]
}

// calibrationBands groups the suggestions with a confidence into bands
// of 0.1 from 0.3 (below 0.3 in the first, 1 in the last).
func calibrationBands(pairs []markerPair) []CalibrationBand {
	var bands []CalibrationBand
	for f := 3; f < 10; f++ {
		bands = append(bands, CalibrationBand{From: float64(f) / 10, To: float64(f+1) / 10})
	}
	bands[0].From = 0
	sums := make([]float64, len(bands))
	for _, p := range pairs {
		if !p.sugg.Screened() || p.conf <= 0 {
			continue
		}
		j := min(max(int(p.conf*10)-3, 0), len(bands)-1)
		bands[j].Lines++
		sums[j] += p.conf
		if p.sugg == p.truth {
			bands[j].Right++
		}
	}
	for j := range bands {
		if bands[j].Lines > 0 {
			bands[j].MeanConfidence = sums[j] / float64(bands[j].Lines)
		}
	}
	return bands
}
