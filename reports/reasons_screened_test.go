package reports

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// TestScreenedLinesWording: the lines a screening rule misses are counted
// as lines, agreeing in number and gender in each language ("1 ligne n’a
// pas été examinée", not "1 non examinées").
func TestScreenedLinesWording(t *testing.T) {
	lines := func(n int64) budget.Money { return budget.FromCents(100 * n) }
	for _, tc := range []struct {
		lang    Lang
		missing int64
		want    string
	}{
		{English, 1, ": 1 line was not screened"},
		{English, 3, ": 3 lines were not screened"},
		{French, 1, "\u00a0: 1 ligne n’a pas été examinée"},
		{French, 3, "\u00a0: 3 lignes n’ont pas été examinées"},
		{Spanish, 1, ": 1 línea no se examinó"},
		{Spanish, 3, ": 3 líneas no se examinaron"},
	} {
		r := analysis.Reason{Code: analysis.ReasonScreenedLines, Min: 9000,
			Measured: analysis.Measured{Num: lines(10 - tc.missing), Den: lines(10)}, Missing: lines(tc.missing)}
		got := newPrinter(tc.lang).ruleWhy(r)
		if !strings.HasSuffix(got, tc.want) {
			t.Errorf("%v, %d missing: %q\nwant it to end in %q", tc.lang, tc.missing, got, tc.want)
		}
	}
}
