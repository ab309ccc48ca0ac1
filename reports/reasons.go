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

// ruleWhy says why a compliance rule, or one group of its lines, passes
// or fails.
func ruleWhy(r analysis.Reason) string {
	switch r.Code {
	case analysis.ReasonNoLines:
		return whyNoLines()
	case analysis.ReasonNoMoney:
		return whyNoMoney(r.Phase)
	case analysis.ReasonAllAtLevel:
		_, den := r.Measured.Lines()
		return whyAllAtLevel(den, r.Level)
	case analysis.ReasonLinesBelow:
		_, den := r.Measured.Lines()
		return whyLinesBelow(lineCount(r.Missing), den, r.Level, r.Below)
	case analysis.ReasonLineShare:
		return whyLineShare(r)
	case analysis.ReasonScreenedLines:
		return whyScreenedLines(r)
	case analysis.ReasonScreenedMoney:
		return whyScreenedMoney(r)
	case analysis.ReasonMoneyShare:
		return whyMoneyShare(r)
	case analysis.ReasonGroups:
		return whyGroups(r)
	}
	return string(r.Code)
}

// ReasonNoLines.
func whyNoLines() string {
	return "there are no lines, so the share is undefined and the rule cannot pass"
}

// ReasonNoMoney.
func whyNoMoney(phase budget.Phase) string {
	return fmt.Sprintf("the %s amounts sum to 0 (or no line has one), so the share is undefined and the rule cannot pass", phase)
}

// ReasonAllAtLevel.
func whyAllAtLevel(lines int64, lv budget.Level) string {
	return fmt.Sprintf("all %s are at %s", format.Count(lines, "line"), levelsText(lv))
}

// ReasonLinesBelow: " (1 limited, 2 not screened)" counts the lines
// below by level.
func whyLinesBelow(below, lines int64, lv budget.Level, byLevel []analysis.LevelCount) string {
	breakdown := ""
	if len(byLevel) > 0 {
		parts := make([]string, len(byLevel))
		for i, c := range byLevel {
			parts[i] = strconv.Itoa(c.Lines) + " " + strings.ToLower(c.Level.Label())
		}
		breakdown = " (" + strings.Join(parts, ", ") + ")"
	}
	return fmt.Sprintf("%d of %s %s below %s%s", below, format.Count(lines, "line"), format.Plural(below, "is", "are"), lv, breakdown)
}

// ReasonLineShare.
func whyLineShare(r analysis.Reason) string {
	num, den := r.Measured.Lines()
	s := fmt.Sprintf("%d of %s (%s) %s at %s; at least %s required%s", num, format.Count(den, "line"), reasonValue(r), format.Plural(num, "is", "are"), levelsText(r.Level), format.BasisPoints(r.Min), onThreshold(r))
	if !r.Pass {
		s += fmt.Sprintf(": %s more needed", format.Count(lineCount(r.Shortfall), "line"))
	}
	return s
}

// ReasonScreenedLines.
func whyScreenedLines(r analysis.Reason) string {
	num, den := r.Measured.Lines()
	s := fmt.Sprintf("%d of %s (%s) %s screened for gender; at least %s required%s", num, format.Count(den, "line"), reasonValue(r), format.Plural(num, "is", "are"), format.BasisPoints(r.Min), onThreshold(r))
	if !r.Pass {
		s += fmt.Sprintf(": %d not screened", lineCount(r.Missing))
	}
	return s
}

// ReasonScreenedMoney.
func whyScreenedMoney(r analysis.Reason) string {
	m := r.Measured
	s := fmt.Sprintf("%s of %s (%s of %s) is screened for gender; at least %s required%s", reasonValue(r), budgetOf(r),
		format.Money(m.Num), format.Money(m.Den), format.BasisPoints(r.Min), onThreshold(r))
	if !r.Pass {
		s += fmt.Sprintf(": %s not screened", format.Money(r.Missing))
	}
	return s
}

// ReasonMoneyShare.
func whyMoneyShare(r analysis.Reason) string {
	m := r.Measured
	what := levelsText(r.Level) + " money, counted under " + r.Weighting + ","
	if r.Attributed {
		what = "money attributed to gender equality on the lines (" + r.Weighting + ")"
	}
	s := fmt.Sprintf("%s is %s of %s (%s of %s); at least %s required%s", what, reasonValue(r), budgetOf(r),
		format.Money(m.Num), format.Money(m.Den), format.BasisPoints(r.Min), onThreshold(r))
	if !r.Pass {
		s += fmt.Sprintf(": %s short", format.Money(r.Shortfall))
	}
	return s
}

// ReasonGroups.
func whyGroups(r analysis.Reason) string {
	scope := make([]string, len(r.Scope))
	for i, d := range r.Scope {
		scope[i] = string(d)
	}
	lowest := ""
	if r.LowestReason != nil {
		lowest = ruleWhy(*r.LowestReason)
	}
	return fmt.Sprintf("%d of %d %s groups pass; every group must. The lowest, %s: %s",
		r.Passed, r.Groups, strings.Join(scope, " and "), keysText(r.Lowest), lowest)
}

// reasonValue is a reason's measured value in per cent, with enough
// decimals not to print the threshold for a value that misses it.
func reasonValue(r analysis.Reason) string {
	v, _ := r.Measured.Value()
	return format.PercentAgainst(v, r.Min, r.Pass)
}

// budgetOf names the money a reason measures: the whole budget's or one
// group's.
func budgetOf(r analysis.Reason) string {
	if r.InGroup {
		return "its " + r.Phase.String() + " money"
	}
	return "the " + r.Phase.String() + " budget"
}

func onThreshold(r analysis.Reason) string {
	if r.OnThreshold {
		return " (exactly on the threshold, which passes)"
	}
	return ""
}

// levelsText names the levels at or above l: "significant or principal".
func levelsText(l budget.Level) string {
	var names []string
	for _, lv := range budget.Levels() {
		if lv >= l && lv != budget.NotScreened {
			names = append(names, lv.String())
		}
	}
	if len(names) == 0 {
		return "no level"
	}
	return format.List(names, "or")
}

// ruleTitle is a rule's requirement in words: its profile's title, or
// one made from its terms.
func ruleTitle(r analysis.Rule) string {
	if r.Title != "" {
		return r.Title
	}
	need := format.BasisPoints(r.Min)
	switch {
	case r.Kind == analysis.EveryLine:
		return "every line at " + levelsText(r.Level)
	case r.Kind == analysis.Coverage:
		return "at least " + need + " screened"
	case r.Kind == analysis.CountShare:
		return "at least " + need + " of lines at " + levelsText(r.Level)
	case r.Weighting.Attributed:
		return "at least " + need + " of the budget attributed to gender equality"
	}
	return "at least " + need + " of the budget at " + levelsText(r.Level)
}

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
