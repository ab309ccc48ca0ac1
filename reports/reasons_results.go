package reports

// This file words the notes on shares, gaps and diffs, and the reasons
// lines are left out of a measure, as reasons.go words the notes on a
// compliance check or an SDG 5.c.1 comparison: one function per code,
// from the code's values only.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// resultNoteText words a note on shares, gaps or a diff (noteText words
// the others).
func resultNoteText(n analysis.Note) string {
	switch n.Code {
	case analysis.NoteGroupedByCurrency:
		return noteGroupedByCurrency(n.N)
	case analysis.NoteNoPhaseAmount:
		return noteNoPhaseAmount(n.Phase)
	case analysis.NoteNoYearLines:
		return noteNoYearLines(n.N)
	case analysis.NoteNoExecution:
		return noteNoExecution()
	case analysis.NoteOldYears:
		return noteBudgetYears("old", n.Years)
	case analysis.NoteNewYears:
		return noteBudgetYears("new", n.Years)
	case analysis.NoteAmbiguousKeys:
		return noteAmbiguousKeys(n.N)
	}
	return string(n.Code)
}

// NoteGroupedByCurrency.
func noteGroupedByCurrency(currencies int) string {
	return fmt.Sprintf("the budget has %d currencies: grouped by currency first, since money in different currencies cannot be added", currencies)
}

// NoteNoPhaseAmount.
func noteNoPhaseAmount(phase budget.Phase) string {
	return fmt.Sprintf("no line has a %s amount: every share is undefined (try another --phase)", phase)
}

// NoteNoYearLines.
func noteNoYearLines(lines int) string {
	return fmt.Sprintf("%d lines have no fiscal year: left out of the change by year", lines)
}

// NoteNoExecution.
func noteNoExecution() string {
	return "no line has both an executed amount and an approved or revised amount: execution rates are undefined"
}

// NoteOldYears and NoteNewYears: which is "old" or "new"; year 0 is
// "none".
func noteBudgetYears(which string, years []int) string {
	ys := make([]string, len(years))
	for i, y := range years {
		ys[i] = "none"
		if y != 0 {
			ys[i] = strconv.Itoa(y)
		}
	}
	return fmt.Sprintf("the %s budget has lines of %d fiscal years (%s): lines of different years with the same key cannot be paired; compare one year with another", which, len(ys), strings.Join(ys, ", "))
}

// NoteAmbiguousKeys.
func noteAmbiguousKeys(keys int) string {
	return fmt.Sprintf("%d keys match more than one line on a side: their lines are not paired (see the ambiguous list)", keys)
}

// exclusionText words why lines are left out of a measure.
func exclusionText(code analysis.ReasonCode) string {
	switch code {
	case analysis.ExclusionNoExecuted:
		return "no executed amount"
	case analysis.ExclusionNoBudget:
		return "executed amount but no approved or revised amount"
	case analysis.ExclusionNoCounts:
		return "no beneficiary counts"
	case analysis.ExclusionNegativeCount:
		return "a negative beneficiary count"
	}
	return string(code)
}
