package analysis

import (
	"math"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

func TestEvaluateMarkerSources(t *testing.T) {
	nt, sg, pr := budget.NotTargeted, budget.Significant, budget.Principal
	rule := budget.NewProvenance(budget.FromRule, "rule r")
	mod := budget.NewProvenance(budget.FromModel, "model: x")
	truth := []budget.Line{
		{Gender: budget.NewMarker(pr, "2", "oecd_dac")},
		{Gender: budget.NewMarker(sg, "1", "oecd_dac")},
		{Gender: budget.NewMarker(nt, "0", "oecd_dac")},
		{Gender: budget.NewMarker(nt, "0", "oecd_dac")},
		{}, // no true marker: not scored
	}
	sugg := []tagging.Suggestion{
		{Marker: pr, MarkerSource: rule, MarkerConfidence: 0.9},
		{Marker: nt, MarkerSource: mod, MarkerConfidence: 0.55},
		{Marker: nt, MarkerSource: mod, MarkerConfidence: 0.95},
		{}, // nothing suggested
		{Marker: sg, MarkerSource: mod, MarkerConfidence: 0.7},
	}
	ev, err := EvaluateMarkerSources(truth, sugg, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Sources) != 3 || ev.Sources[0].Source != "rule" || ev.Sources[1].Source != "model" || ev.Sources[2].Source != "all" {
		t.Fatalf("sources %+v", ev.Sources)
	}
	all := ev.Sources[2]
	// 4 scored lines, 3 with a suggestion.
	if all.Lines != 4 || all.Covered != 3 {
		t.Errorf("all: %d lines, %d covered; want 4, 3", all.Lines, all.Covered)
	}
	// not targeted: TP 1, FP 1 (line 2), FN 1 (line 4): F1 2/4 = 0.5;
	// significant: TP 0, FN 1: 0; principal: TP 1: 1. Macro: 1.5/3 = 0.5.
	if math.Abs(all.MacroF1-0.5) > 1e-12 {
		t.Errorf("all macro-F1 %v, want 0.5", all.MacroF1)
	}
	if all.Low > all.MacroF1 || all.High < all.MacroF1 || all.Low < 0 || all.High > 1 {
		t.Errorf("interval [%v, %v] around %v", all.Low, all.High, all.MacroF1)
	}
	// rules alone: only principal suggested, right: macro (0+0+1)/3.
	if r := ev.Sources[0]; r.Covered != 1 || math.Abs(r.MacroF1-1.0/3) > 1e-12 {
		t.Errorf("rule: covered %d, macro-F1 %v; want 1, 1/3", r.Covered, r.MacroF1)
	}
	// Calibration of all: band 0.5-0.6 has line 2 (wrong), 0.9-1.0 has
	// lines 1 and 3 (both right).
	var got []CalibrationBand
	for _, b := range all.Calibration {
		if b.Lines > 0 {
			got = append(got, b)
		}
	}
	if len(got) != 2 || got[0].From != 0.5 || got[0].Lines != 1 || got[0].Right != 0 ||
		got[1].From != 0.9 || got[1].Lines != 2 || got[1].Right != 2 || math.Abs(got[1].MeanConfidence-0.925) > 1e-12 {
		t.Errorf("calibration %+v", got)
	}
	// The same seed gives the same interval.
	ev2, _ := EvaluateMarkerSources(truth, sugg, 1)
	if ev2.Sources[2].Low != all.Low || ev2.Sources[2].High != all.High {
		t.Error("bootstrap not reproducible")
	}
}
