package sdg5c1

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/internal/readertest"
)

// TestBudgetGivenAsQuestionnaire: a budget of more rows than a
// questionnaire may have, given where the questionnaire goes, is said to
// be no questionnaire (and where a budget goes), not a sheet over a row
// limit to raise.
func TestBudgetGivenAsQuestionnaire(t *testing.T) {
	rows := [][]any{{"Ministry", "Programme", "Approved"}}
	for i := range maxQuestionnaireRows + 5 {
		rows = append(rows, []any{"Interior", fmt.Sprint("P", i), i + 1})
	}
	data := readertest.BuildXLSX(t, map[string][][]any{"Budget": rows}, nil)
	_, err := Read(bytes.NewReader(data), "budget.xlsx", "xlsx")
	if !errors.Is(err, ErrNoQuestionnaire) {
		t.Fatalf("error %v, want one wrapping ErrNoQuestionnaire", err)
	}
	if !strings.Contains(err.Error(), "--budget") {
		t.Errorf("error %q does not say where a budget goes", err)
	}
}
