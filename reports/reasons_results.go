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
	"github.com/grb-toolkit/grb/internal/format"
)

// resultNoteText words a note on shares, gaps or a diff (noteText words
// the others).
func resultNoteText(n analysis.Note) string {
	switch n.Code {
	case analysis.NoteGroupedByCurrency:
		return noteGroupedByCurrency(n.N)
	case analysis.NoteNoPhaseAmount:
		return noteNoPhaseAmount(n.Phase)
	case analysis.NotePhaseFallback:
		return notePhaseFallback(n.Phase, n.Asked, n.N)
	case analysis.NotePhaseElsewhere:
		return notePhaseElsewhere(n.Phase, n.Phases)
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
	return fmt.Sprintf("no line has %s %s amount: every share is undefined (try another --phase)", article(phase), phase)
}

// article is "an" before a phase name that starts with a vowel, else "a".
func article(p budget.Phase) string {
	if s := p.String(); s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an"
	}
	return "a"
}

// phaseFallbackEvidence says why another phase than the one asked for
// is analysed (NotePhaseFallback).
func phaseFallbackEvidence(phase, asked budget.Phase, lines int) string {
	return fmt.Sprintf("no line has %s %s amount, and %s is the only phase with money (%d lines)", article(asked), asked, phase, lines)
}

// NotePhaseFallback.
func notePhaseFallback(phase, asked budget.Phase, lines int) string {
	return fmt.Sprintf("%s amounts analysed: %s; --phase chooses another", phase, phaseFallbackEvidence(phase, asked, lines))
}

// NotePhaseElsewhere.
func notePhaseElsewhere(phase budget.Phase, others []budget.Phase) string {
	names := make([]string, len(others))
	for i, p := range others {
		names[i] = p.String()
	}
	list := strings.Join(names, ", ")
	if n := len(names); n > 1 {
		list = strings.Join(names[:n-1], ", ") + " and " + names[n-1]
		return fmt.Sprintf("no line has %s %s amount; the phases with money are %s (choose one with --phase)", article(phase), phase, list)
	}
	return fmt.Sprintf("no line has %s %s amount; %s has money (--phase %s analyses it)", article(phase), phase, list, list)
}

// PhaseDecision is the decision of analysing another phase than the one
// asked for (pc.Fallback), to record on the budget so that the report's
// methodology shows it; the zero Decision when the phase asked for is
// analysed.
func PhaseDecision(pc analysis.PhaseChoice) budget.Decision {
	if !pc.Fallback {
		return budget.Decision{}
	}
	return budget.Decision{Topic: "phase", Choice: pc.Phase.String() + " amounts analysed", Evidence: phaseFallbackEvidence(pc.Phase, pc.Asked, pc.Lines), Override: "--phase"}
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

// baseText words why a share or a change is not a percentage
// (analysis.ReasonBaseZero, ReasonBaseNegative).
func baseText(code analysis.ReasonCode) string {
	switch code {
	case analysis.ReasonBaseZero:
		return "the base is zero"
	case analysis.ReasonBaseNegative:
		return "the base is negative"
	}
	return string(code)
}

// baseShort is baseText for a table cell.
func baseShort(code analysis.ReasonCode) string {
	switch code {
	case analysis.ReasonBaseZero:
		return "zero base"
	case analysis.ReasonBaseNegative:
		return "negative base"
	}
	return string(code)
}

// changeWords words a change with the direction its sign has: "rose by
// 50.0% (100.00 to 150.00)", "fell by 400.00 (-500.00 to -900.00; no
// percentage: the base is negative)", "did not change (100.00)".
func changeWords(d analysis.Delta) string {
	dir := "rose"
	switch d.Abs.Sign() {
	case 0:
		if d.New.IsZero() {
			return fmt.Sprintf("no change (%s in both)", format.Money(d.New))
		}
		return fmt.Sprintf("did not change (%s)", format.Money(d.New))
	case -1:
		dir = "fell"
	}
	if d.Rel.OK {
		v := d.Rel.V
		if v < 0 {
			v = -v
		}
		return fmt.Sprintf("%s by %s (%s to %s)", dir, format.Percent(100*v), format.Money(d.Old), format.Money(d.New))
	}
	abs := d.Abs
	if abs.Sign() < 0 {
		abs, _ = abs.Neg()
	}
	return fmt.Sprintf("%s by %s (%s to %s; no percentage: %s)", dir, format.Money(abs), format.Money(d.Old), format.Money(d.New), baseText(d.Why))
}

// deltaPct is a change's percentage with its sign ("+50.0%"), "no change"
// from zero to zero, or "n/a" with the reason.
func deltaPct(d analysis.Delta) string {
	if !d.Rel.OK && d.Abs.Sign() == 0 {
		return "no change"
	}
	if !d.Rel.OK {
		if d.Why == "" {
			return "n/a"
		}
		return "n/a, " + baseShort(d.Why)
	}
	return format.PercentSigned(100 * d.Rel.V)
}

// baseText is the package function baseText in p's language.
func (p printer) baseText(code analysis.ReasonCode) string { return p.S(baseText(code)) }
