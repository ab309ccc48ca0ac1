package analysis

import (
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

// TestEvaluateMigration: lines with true objectives are migration-related;
// a score at or above the threshold says related. Truth yes, yes, no, no,
// yes; scores 0.9, 0.3, 0.5, 0.1, 0.4 at threshold 0.4: TP 2 (lines 1
// and 5), FN 1 (line 2), FP 1 (line 3), TN 1; F1 4/6.
func TestEvaluateMigration(t *testing.T) {
	obj := []budget.ObjectiveShare{{Objective: 7, Share: 10000}}
	truth := []budget.Line{{Objectives: obj}, {Objectives: obj}, {}, {}, {Objectives: obj}}
	var sugg []tagging.Suggestion
	for _, v := range []float64{0.9, 0.3, 0.5, 0.1, 0.4} {
		sugg = append(sugg, tagging.Suggestion{Migration: &tagging.MigrationRelevance{Score: v}})
	}
	got, ok := EvaluateMigration(truth, sugg, 0.4)
	if !ok {
		t.Fatal("not evaluated")
	}
	if want := (MigrationEvaluation{Lines: 5, Threshold: 0.4, TP: 2, FP: 1, FN: 1, TN: 1}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if f, _ := got.F1(); f < 0.6666 || f > 0.6667 {
		t.Errorf("F1 %v, want 2/3", f)
	}
	// No migration labels (no true objectives), or no scores: not evaluated.
	if _, ok := EvaluateMigration(make([]budget.Line, 5), sugg, 0.4); ok {
		t.Error("evaluated without migration labels")
	}
	if _, ok := EvaluateMigration(truth, make([]tagging.Suggestion, 5), 0.4); ok {
		t.Error("evaluated without scores")
	}
}
