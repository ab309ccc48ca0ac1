package reports

// This file words what package analysis returns as reason codes with
// their values ([analysis.ReasonCode]): one function per code, each
// building its sentence from the code's values and nothing else, so that
// the sentences can come from a message catalog (French, Spanish) by
// replacing these functions' format strings. No other file of reports
// words a reason.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
	"github.com/grb-toolkit/grb/internal/format"
)

// noteText words a note on a result.
func noteText(n analysis.Note) string {
	switch n.Code {
	case analysis.NoteJudgedPerCurrency:
		return noteJudgedPerCurrency(n.N)
	case analysis.NoteNoAmount:
		return noteNoAmount(n.N, n.Phase)
	case analysis.NoteNoLineYears:
		return noteNoLineYears()
	case analysis.NoteNoQuestionnaireYear:
		return noteNoQuestionnaireYear()
	case analysis.NoteNoLinesOfYear:
		return noteNoLinesOfYear(n.Year, n.Years)
	case analysis.NoteNoLines:
		return noteNoLines()
	case analysis.NoteShareCurrencies:
		return noteShareCurrencies(n.N)
	case analysis.NoteNoMoney:
		return noteNoMoney(n.Phase)
	case analysis.NoteSameYear:
		return noteSameYear(n.Sources[0], n.Sources[1], n.Year)
	case analysis.NoteNoYear:
		return noteNoYear(n.Sources[0])
	}
	return resultNoteText(n)
}

// notesText words each note.
func notesText(ns []analysis.Note) []string {
	var out []string
	for _, n := range ns {
		out = append(out, noteText(n))
	}
	return out
}

// NoteJudgedPerCurrency.
func noteJudgedPerCurrency(currencies int) string {
	return fmt.Sprintf("the budget has %d currencies: amount rules are judged within each currency, since money in different currencies cannot be added", currencies)
}

// NoteNoAmount.
func noteNoAmount(lines int, phase budget.Phase) string {
	return fmt.Sprintf("%s %s no %s amount: they count in line rules but add nothing to amount rules", format.Count(lines, "line"), format.Plural(lines, "has", "have"), phase)
}

// NoteNoLineYears.
func noteNoLineYears() string {
	return "the budget's lines carry no fiscal year: every line is compared"
}

// NoteNoQuestionnaireYear.
func noteNoQuestionnaireYear() string {
	return "the questionnaire gives no fiscal year: every line of the budget is compared, whatever its year"
}

// NoteNoLinesOfYear.
func noteNoLinesOfYear(year int, has []int) string {
	ys := make([]string, len(has))
	for i, y := range has {
		ys[i] = strconv.Itoa(y)
	}
	return fmt.Sprintf("the budget has no lines of fiscal year %d (it has %s): nothing to compare", year, strings.Join(ys, ", "))
}

// NoteNoLines.
func noteNoLines() string {
	return "the budget has no lines: nothing to compare"
}

// NoteShareCurrencies.
func noteShareCurrencies(currencies int) string {
	return fmt.Sprintf("the lines are in %d currencies: the share of the budget cannot be computed", currencies)
}

// NoteNoMoney.
func noteNoMoney(phase budget.Phase) string {
	return fmt.Sprintf("no %s money: the share of the budget is undefined", phase)
}

// NoteSameYear.
func noteSameYear(a, b string, year int) string {
	return fmt.Sprintf("%s and %s both answer for fiscal year %d", a, b, year)
}

// NoteNoYear.
func noteNoYear(source string) string {
	return fmt.Sprintf("%s gives no fiscal year: it is listed last", source)
}

// findingText words what a budget shows about the answer to one SDG
// 5.c.1 question, from the evidence it was found in.
func findingText(f analysis.Finding, ev *analysis.SDG5c1Evidence) string {
	switch f.Code {
	case analysis.FindingTagged:
		s := judged(f, findingTagged(ev))
		if f.Contradiction {
			s += ": the allocations are tagged"
		}
		return s
	case analysis.FindingUntagged:
		return findingUntagged(ev) + ": a file without gender markers is no evidence either way (the government may tag its budget elsewhere)"
	case analysis.FindingGEWE:
		return judged(f, findingGEWE(ev))
	case analysis.FindingSexData:
		return findingSexData(ev)
	case analysis.FindingShareNotAnswered:
		return findingShareNotAnswered(f.Range, ev)
	case analysis.FindingShareOutside:
		return findingShareOutside(f.Range, ev)
	case analysis.FindingShareWithin:
		return findingShareWithin(f.Range, ev)
	}
	return string(f.Code)
}

// judged puts what the budget shows after how it compares with the
// answer: consistent, contradicted, or a suggestion for an unanswered
// question.
func judged(f analysis.Finding, desc string) string {
	word := map[sdg5c1.YesNo]string{sdg5c1.Yes: "Yes", sdg5c1.No: "No"}
	switch {
	case f.Answer == f.Suggests:
		return "consistent with " + word[f.Suggests] + ": " + desc
	case f.Contradiction:
		return "answered " + word[f.Answer] + ", but " + desc
	}
	return "not answered; the budget suggests " + word[f.Suggests] + ": " + desc
}

// evidenceWhere says which lines were compared: "of fiscal year 2024 in
// budget.xlsx", or "in budget.xlsx".
func evidenceWhere(ev *analysis.SDG5c1Evidence) string {
	if ev.Year != 0 {
		return fmt.Sprintf("of fiscal year %d in %s", ev.Year, ev.Source)
	}
	return "in " + ev.Source
}

// byRulesNote says that lines tagged by grb's rules are not counted.
func byRulesNote(ev *analysis.SDG5c1Evidence) string {
	if ev.ByRules == 0 {
		return ""
	}
	return fmt.Sprintf(" (%s tagged by grb's rules %s not counted: rules give an estimate, not the government's own tagging)",
		format.Count(ev.ByRules, "line"), format.Plural(ev.ByRules, "is", "are"))
}

// FindingTagged.
func findingTagged(ev *analysis.SDG5c1Evidence) string {
	linesOf := fmt.Sprintf("%d of %s", ev.Tagged, format.Count(ev.Lines, "line"))
	if v, ok := ev.Tags.Value(); ok {
		return fmt.Sprintf("%s %s (%s of the %s money) carry a gender marker%s", linesOf, evidenceWhere(ev), format.Percent(100*v), ev.Phase, byRulesNote(ev))
	}
	return fmt.Sprintf("%s %s carry a gender marker%s", linesOf, evidenceWhere(ev), byRulesNote(ev))
}

// FindingUntagged.
func findingUntagged(ev *analysis.SDG5c1Evidence) string {
	return fmt.Sprintf("none of the %s %s carries a gender marker (all are not screened)%s", format.Count(ev.Lines, "line"), evidenceWhere(ev), byRulesNote(ev))
}

// FindingGEWE.
func findingGEWE(ev *analysis.SDG5c1Evidence) string {
	return fmt.Sprintf("%s %s are marked with gender equality as a significant or the principal objective", format.Count(ev.GEWE, "line"), evidenceWhere(ev))
}

// FindingSexData.
func findingSexData(ev *analysis.SDG5c1Evidence) string {
	return fmt.Sprintf("%s %s give beneficiaries by sex; whether such data inform budget decisions is for the answer to say", format.Count(ev.SexData, "line"), evidenceWhere(ev))
}

// FindingShareNotAnswered.
func findingShareNotAnswered(rg *analysis.ShareRange, ev *analysis.SDG5c1Evidence) string {
	return fmt.Sprintf("not answered; the budget gives %s (%s money %s)%s", conventionShares(ev), ev.Phase, evidenceWhere(ev), notScreenedNote(rg))
}

// FindingShareOutside.
func findingShareOutside(rg *analysis.ShareRange, ev *analysis.SDG5c1Evidence) string {
	top := ""
	if v, ok := notScreened(rg); ok {
		top = fmt.Sprintf(", or %s if the %s not screened were all marked for gender equality,", format.Percent(100*rg.Top), format.Percent(100*v))
	}
	s := fmt.Sprintf("the stated share, %s, lies outside what the budget's markers allow: %s (%s) to %s (%s)%s of the %s money %s",
		format.PercentExact(rg.Stated), format.Percent(100*rg.Low), rg.LowName, format.Percent(100*rg.High), rg.HighName, top, ev.Phase, evidenceWhere(ev))
	if !ev.WholeBudget {
		s += "; no contradiction: the share asked for is of the whole budget, and the file is not stated to cover it (--whole-budget states so)"
	}
	return s
}

// FindingShareWithin.
func findingShareWithin(rg *analysis.ShareRange, ev *analysis.SDG5c1Evidence) string {
	return fmt.Sprintf("the stated share, %s, lies within what the budget allows: %s%s", format.PercentExact(rg.Stated), conventionShares(ev), notScreenedNote(rg))
}

// conventionShares lists the share under each convention: "60.0%
// dac_headline, 40.0% principal_only".
func conventionShares(ev *analysis.SDG5c1Evidence) string {
	parts := make([]string, len(ev.Shares))
	for i, c := range ev.Shares {
		v, _ := c.Share.Value()
		parts[i] = format.Percent(100*v) + " " + c.Weighting
	}
	return strings.Join(parts, ", ")
}

// notScreened returns the share of the money not screened, and false when
// there is none.
func notScreened(rg *analysis.ShareRange) (float64, bool) {
	v, ok := rg.NotScreened.Value()
	return v, ok && !rg.NotScreened.Num.IsZero()
}

// notScreenedNote says how much of the money counts in no convention.
func notScreenedNote(rg *analysis.ShareRange) string {
	if v, ok := notScreened(rg); ok {
		return fmt.Sprintf("; %s of that money is not screened and counts in none of these", format.Percent(100*v))
	}
	return ""
}

// lineCount returns a count of lines that analysis holds as whole units.
func lineCount(m budget.Money) int64 {
	c, _ := m.Cents()
	return c / 100
}
