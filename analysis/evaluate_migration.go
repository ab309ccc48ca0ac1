package analysis

import (
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

// MigrationEvaluation scores the migration model's relevance against the
// true tags: a line with true objectives is migration-related, one without
// is not; the model says related when its score (to two decimals) is at
// or above Threshold.
type MigrationEvaluation struct {
	Lines     int     `json:"lines"` // lines scored by the model
	Threshold float64 `json:"threshold"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	TN        int     `json:"tn"`
}

// Precision returns TP/(TP+FP), and false when nothing was said related.
func (m MigrationEvaluation) Precision() (float64, bool) { return evalRatio(m.TP, m.TP+m.FP) }

// Recall returns TP/(TP+FN), and false when no line is related.
func (m MigrationEvaluation) Recall() (float64, bool) { return evalRatio(m.TP, m.TP+m.FN) }

// F1 returns 2TP/(2TP+FP+FN).
func (m MigrationEvaluation) F1() (float64, bool) { return evalRatio(2*m.TP, 2*m.TP+m.FP+m.FN) }

// EvaluateMigration compares the migration scores of suggested with the
// truth's objectives. ok is false when the truth has no migration labels
// (no line with objectives) or no suggestion has a score.
func EvaluateMigration(truth []budget.Line, suggested []tagging.Suggestion, threshold float64) (MigrationEvaluation, bool) {
	ev := MigrationEvaluation{Threshold: threshold}
	labels := false
	for i := range truth {
		if i >= len(suggested) || suggested[i].Migration == nil {
			continue
		}
		related := len(evalObjectives(truth[i].Objectives)) > 0
		labels = labels || related
		ev.Lines++
		switch said := suggested[i].Migration.Score >= threshold; {
		case said && related:
			ev.TP++
		case said:
			ev.FP++
		case related:
			ev.FN++
		default:
			ev.TN++
		}
	}
	return ev, labels && ev.Lines > 0
}
