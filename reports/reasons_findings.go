package reports

// This file words the findings (Findings): one method of printer per
// sentence, from its parameters only, its format string a key of the
// message catalog.

import (
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// findNoLines: nothing to report.
func (p printer) findNoLines() string {
	return p.S("No budget line is covered, so there is nothing to report.")
}

// findMixed: the lines are in several currencies.
func (p printer) findMixed(year, lines int, currencies []string) string {
	return p.F("%s, the %s covered are in %d currencies (%s), which cannot be added: the tables give each currency separately, and no share of the whole is stated.",
		p.inYear(year), p.linesText(lines), len(currencies), p.currencyList(currencies))
}

// inYear opens a sentence about the focus year.
func (p printer) inYear(year int) string {
	if year == 0 {
		return p.S("Across all lines")
	}
	return p.F("In fiscal year %s", y(year))
}

// findScope: the budget covered.
func (p printer) findScope(year int, phase budget.Phase, money string, lines int) string {
	return p.F("%s, the %s budget covered is %s over %s.", p.inYear(year), p.phase(phase), money, p.linesText(lines))
}

// findFocus: which fiscal year the findings describe, and why.
func (p printer) findFocus(year int, asked bool, rule string, years []int) string {
	ys := make([]string, len(years))
	for i, yr := range years {
		ys[i] = strconv.Itoa(yr)
	}
	why := p.S("as asked")
	switch rule {
	case focusScreened:
		why = p.S("the latest year whose money screened for gender is at least half that of the year with the most")
	case focusMoney:
		why = p.S("the latest year whose money is at least half that of the year with the most (no year has money screened for gender)")
	case focusLatest:
		why = p.S("the latest year (no year has money)")
	}
	return p.F("These findings describe fiscal year %s, %s, of the %d fiscal years read (%s); the table by fiscal year gives every year.", y(year), why, len(years), strings.Join(ys, ", "))
}

// findNothingScreened: no line carries a gender marker.
func (p printer) findNothingScreened(money string) string {
	return p.F("No line was screened for gender, so no share of gender-equality money can be given: all the money (%s) is not screened, and whether it is marked is unknown.", money)
}

// findShares: the share of all the money and of the screened money.
func (p printer) findShares(w analysis.Weighting, ofAll, ofScreened, money string, flagOnly bool) string {
	if flagOnly {
		return p.F("At least %s of all the money (%s), and %s of the screened money, is %s. The marker is a yes/no flag: a \"no\" says only that gender equality is not the principal objective, so money with gender equality as a significant objective is not known and these shares are lower bounds.",
			ofAll, money, p.atLeastText(ofScreened), p.geweMeaning(w, true))
	}
	return p.F("%s of all the money (%s) is %s (%s); that is %s of the screened money, the money that carries a gender marker.", ofAll, money, p.geweMeaning(w, false), w.Name, ofScreened)
}

// findOtherConventions: the headline share under the two other
// conventions.
func (p printer) findOtherConventions(shares [2]string) string {
	return p.F("Counting only lines whose principal objective is gender equality (%s), %s of all the money; with significant lines at 40%% (%s), %s.",
		analysis.PrincipalOnly.Name, shares[0], analysis.EU100400.Name, shares[1])
}

// findAllScreened: every line carries a marker.
func (p printer) findAllScreened(flagOnly bool) string {
	if flagOnly {
		return p.S("Every line carries the yes/no flag for gender equality as the principal objective.")
	}
	return p.S("Every line was screened for gender.")
}

// findNotScreened: the money with no marker.
func (p printer) findNotScreened(pct, money string) string {
	return p.F("%s of the money (%s) was not screened for gender: whether it is marked is unknown, so it counts as unmarked in the share of all the money and is left out of the share of the screened money.", pct, money)
}

// findObjectiveMoney is one objective of findTop.
func (p printer) findObjectiveMoney(label, money string) string { return label + " (" + money + ")" }

// findTop: the objectives with the most gender-equality money.
func (p printer) findTop(w analysis.Weighting, top []string) string {
	return p.F("Most money %s (%s) goes to objectives %s.", p.geweMeaning(w, false), w.Name, strings.Join(top, ", "))
}

// findBlindSpots: objectives screened, none of it marked.
func (p printer) findBlindSpots(w analysis.Weighting, objectives []string) string {
	return p.F("Blind spots among screened money: objectives %s have money screened for gender, none of it %s (%s).", p.list(objectives), p.geweMeaning(w, false), w.Name)
}

// findUnscreenedObjectives: objectives none of whose money is screened.
func (p printer) findUnscreenedObjectives(objectives []string) string {
	return p.F("None of the money of objectives %s was screened for gender: whether it is marked is unknown.", p.list(objectives))
}

// findUntagged: the money with no GCM objective.
func (p printer) findUntagged(pct, money string) string {
	return p.F("%s of the money (%s) is not tagged with a GCM objective.", pct, money)
}

// findNoExecuted: no executed amounts.
func (p printer) findNoExecuted() string {
	return p.S("No executed amounts are given, so whether the money was spent cannot be assessed yet.")
}

// findExecutedNoBudget: executed amounts with nothing to compare them to.
func (p printer) findExecutedNoBudget() string {
	return p.S("Executed amounts are given, but no line also gives an approved or revised amount, so execution rates cannot be computed.")
}

// findFocusNotExecuted: the focus year has no executed amounts.
func (p printer) findFocusNotExecuted(year int) string {
	return p.F("Fiscal year %s has no executed amounts yet. ", y(year))
}

// findExecution: the execution rates of marked and other lines.
func (p printer) findExecution(year int, w analysis.Weighting, gewe, geweBand, other, otherBand, notScreened string) string {
	when := p.S("Across all lines with executed amounts")
	if year != 0 {
		when = p.F("In fiscal year %s", y(year))
	}
	return p.F("%s, lines %s (%s) spent %s of their budget (band %s), other screened lines %s (band %s), lines not screened %s; execution = executed ÷ revised, or ÷ approved where there is no revision.",
		when, p.geweMeaning(w, false), w.Name, gewe, geweBand, other, otherBand, notScreened)
}

// findDiff: what changed between two versions of a budget. dir is the
// sign of the net change.
func (p printer) findDiff(oldName, newName string, added, cut, remarked int, weighting string, dir int, net, addedM, cutM, amountM, remarkM string) string {
	var change string
	switch {
	case dir > 0:
		change = p.F("rose by %s", net)
	case dir < 0:
		change = p.F("fell by %s", net)
	default:
		change = p.S("did not change")
	}
	return p.F("Compared with %s, %s has %d lines added, %d cut and %d re-marked; gender-equality money (%s) %s: %s from added lines, −%s from cut lines, %s from changed amounts and %s from re-marking.",
		oldName, newName, added, cut, remarked, weighting, change, addedM, cutM, amountM, remarkM)
}

// list joins items with commas and "and" in the language.
func (p printer) list(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return p.F("%s and %s", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}

// listOr joins items with commas and "or" in the language.
func (p printer) listOr(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return p.F("%s or %s", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}
