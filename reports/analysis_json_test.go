package reports

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/analysis"
)

// The JSON of grb analyze writes the gap results field for field in
// analysis' order, words where analysis has codes: a field added to
// analysis must be added to its mirror here.
func TestGapsJSONFields(t *testing.T) {
	withWarnings := append(jsonNames(reflect.TypeOf(analysis.GapResult{})), "warnings")
	if d := cmp.Diff(withWarnings, jsonNames(reflect.TypeOf(gapsJSON{}))); d != "" {
		t.Errorf("gapsJSON fields differ from analysis.GapResult's (-analysis +reports):\n%s", d)
	}
	if d := cmp.Diff(jsonNames(reflect.TypeOf(analysis.BeneficiaryGap{})), jsonNames(reflect.TypeOf(beneficiaryGapJSON{}))); d != "" {
		t.Errorf("beneficiaryGapJSON fields differ from analysis.BeneficiaryGap's (-analysis +reports):\n%s", d)
	}
	if names := jsonNames(reflect.TypeOf(analysis.ExecutionGap{})); names[len(names)-1] != "excluded" {
		t.Errorf("analysis.ExecutionGap's last field is %q: executionGapJSON shadows excluded, which must stay last to keep its place", names[len(names)-1])
	}
	if d := cmp.Diff([]string{"reason", "lines"}, jsonNames(reflect.TypeOf(analysis.Exclusion{}))); d != "" {
		t.Errorf("analysis.Exclusion fields (-want +got):\n%s", d)
	}
}

// Every note and exclusion code has its words.
func TestResultNoteWords(t *testing.T) {
	for _, n := range []analysis.Note{
		{Code: analysis.NoteGroupedByCurrency, N: 2}, {Code: analysis.NoteNoPhaseAmount}, {Code: analysis.NoteNoYearLines, N: 3},
		{Code: analysis.NoteNoExecution}, {Code: analysis.NoteOldYears, Years: []int{0, 2024}}, {Code: analysis.NoteNewYears, Years: []int{2023, 2024}},
		{Code: analysis.NoteAmbiguousKeys, N: 4},
	} {
		if s := noteText(n); s == string(n.Code) {
			t.Errorf("note %s has no words", n.Code)
		}
	}
	if got, want := noteText(analysis.Note{Code: analysis.NoteOldYears, Years: []int{0, 2024}}), "the old budget has lines of 2 fiscal years (none, 2024): lines of different years with the same key cannot be paired; compare one year with another"; got != want {
		t.Errorf("old years note = %q, want %q", got, want)
	}
	for _, c := range []analysis.ReasonCode{analysis.ExclusionNoExecuted, analysis.ExclusionNoBudget, analysis.ExclusionNoCounts, analysis.ExclusionNegativeCount} {
		if exclusionText(c) == string(c) {
			t.Errorf("exclusion %s has no words", c)
		}
	}
}
