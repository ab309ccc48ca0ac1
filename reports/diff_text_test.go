package reports

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// TestDiffTextLevelLabels: a re-marked line names its levels by their
// labels ("Not targeted → Principal"), never by the marker keys
// (not_targeted).
func TestDiffTextLevelLabels(t *testing.T) {
	d := &analysis.DiffResult{Remarked: []analysis.DiffItem{{Key: "k1",
		OldLevels: []budget.Level{budget.NotTargeted}, NewLevels: []budget.Level{budget.Principal, budget.NotScreened}}}}
	var buf strings.Builder
	if err := WriteDiffText(&buf, "old.xlsx", "new.xlsx", d); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	if want := "k1: Not targeted → Principal/Not screened, GEWE effect"; !strings.Contains(got, want) {
		t.Errorf("diff text lacks %q:\n%s", want, got)
	}
	if strings.Contains(got, "not_targeted") || strings.Contains(got, "not_screened") {
		t.Errorf("diff text has raw marker keys:\n%s", got)
	}
}
