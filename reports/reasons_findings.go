package reports

// This file words the findings (Findings): one function per sentence,
// from its parameters only, ready for a message catalog.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

func findNoLines() string { return "No budget line is covered, so there is nothing to report." }

// findMixed: lines in several currencies.
func findMixed(year, lines int, currencies []string) string {
	return fmt.Sprintf("%s, the %s covered are in %d currencies (%s), which cannot be added: the tables give each currency separately, and no share of the whole is stated.",
		inYear(year), linesText(lines), len(currencies), strings.Join(currencies, ", "))
}

// inYear is "In fiscal year 2025", or "Across all lines" for lines with
// no year.
func inYear(year int) string {
	if year == 0 {
		return "Across all lines"
	}
	return fmt.Sprintf("In fiscal year %d", year)
}

// findScope: the budget the findings describe.
func findScope(year int, phase budget.Phase, money string, lines int) string {
	return fmt.Sprintf("%s, the %s budget covered is %s over %s.", inYear(year), phase, money, linesText(lines))
}

// findFocus: which fiscal year is described, and by what rule.
func findFocus(year int, asked bool, rule string, years []int) string {
	ys := make([]string, len(years))
	for i, y := range years {
		ys[i] = strconv.Itoa(y)
	}
	why := "as asked"
	switch rule {
	case focusScreened:
		why = "the latest year whose money screened for gender is at least half that of the year with the most"
	case focusMoney:
		why = "the latest year whose money is at least half that of the year with the most (no year has money screened for gender)"
	case focusLatest:
		why = "the latest year (no year has money)"
	}
	return fmt.Sprintf("These findings describe fiscal year %d, %s, of the %d fiscal years read (%s); the table by fiscal year gives every year.", year, why, len(years), strings.Join(ys, ", "))
}

// findNothingScreened: no money carries a gender marker.
func findNothingScreened(money string) string {
	return fmt.Sprintf("No line was screened for gender, so no share of gender-equality money can be given: all the money (%s) is not screened, and whether it is marked is unknown.", money)
}

// findShares: the share of all the money and of the screened money.
func findShares(w analysis.Weighting, ofAll, ofScreened, money string, flagOnly bool) string {
	if flagOnly {
		return fmt.Sprintf("%s of all the money (%s), and %s of the screened money, is %s. The marker is a yes/no flag: a \"no\" says only that gender equality is not the principal objective, so money with gender equality as a significant objective is not known and these shares are lower bounds.",
			strings.ToUpper(atLeastText(ofAll)[:1])+atLeastText(ofAll)[1:], money, atLeastText(ofScreened), geweMeaning(w, true))
	}
	return fmt.Sprintf("%s of all the money (%s) is %s (%s); that is %s of the screened money, the money that carries a gender marker.", ofAll, money, geweMeaning(w, false), w.Name, ofScreened)
}

// findOtherConventions: the shares of all the money under the other
// conventions (principal_only, eu_100_40_0).
func findOtherConventions(shares [2]string) string {
	return fmt.Sprintf("Counting only lines whose principal objective is gender equality (%s), %s of all the money; with significant lines at 40%% (%s), %s.",
		analysis.PrincipalOnly.Name, shares[0], analysis.EU100400.Name, shares[1])
}

// findAllScreened: every line carries a marker.
func findAllScreened(flagOnly bool) string {
	if flagOnly {
		return "Every line carries the yes/no flag for gender equality as the principal objective."
	}
	return "Every line was screened for gender."
}

// findNotScreened: the money not screened.
func findNotScreened(pct, money string) string {
	return fmt.Sprintf("%s of the money (%s) was not screened for gender: whether it is marked is unknown, so it counts as unmarked in the share of all the money and is left out of the share of the screened money.", pct, money)
}

func findObjectiveMoney(label, money string) string { return fmt.Sprintf("%s (%s)", label, money) }

// findTop: the objectives with the most gender-equality money.
func findTop(w analysis.Weighting, top []string) string {
	return fmt.Sprintf("Most money %s (%s) goes to objectives %s.", geweMeaning(w, false), w.Name, strings.Join(top, ", "))
}

// findBlindSpots: objectives with screened money and none of it marked.
func findBlindSpots(w analysis.Weighting, objectives []string) string {
	return fmt.Sprintf("Blind spots among screened money: objectives %s have money screened for gender, none of it %s (%s).", format.List(objectives, "and"), geweMeaning(w, false), w.Name)
}

// findUnscreenedObjectives: objectives whose money was not screened.
func findUnscreenedObjectives(objectives []string) string {
	return fmt.Sprintf("None of the money of objectives %s was screened for gender: whether it is marked is unknown.", format.List(objectives, "and"))
}

// findUntagged: the money with no GCM objective.
func findUntagged(pct, money string) string {
	return fmt.Sprintf("%s of the money (%s) is not tagged with a GCM objective.", pct, money)
}

// findNoExecuted: no executed amounts, while another phase is analysed.
func findNoExecuted() string {
	return "No executed amounts are given, so whether the money was spent cannot be assessed yet."
}

// findExecutedNoBudget: executed amounts are read, but no line also has
// a budget to compare them with.
func findExecutedNoBudget() string {
	return "Executed amounts are given, but no line also gives an approved or revised amount, so execution rates cannot be computed."
}

// findFocusNotExecuted: the focus year has no executed amounts.
func findFocusNotExecuted(year int) string {
	return fmt.Sprintf("Fiscal year %d has no executed amounts yet. ", year)
}

// findExecution: execution rates by marker.
func findExecution(year int, w analysis.Weighting, gewe, geweBand, other, otherBand, notScreened string) string {
	when := "Across all lines with executed amounts"
	if year != 0 {
		when = fmt.Sprintf("In fiscal year %d", year)
	}
	return fmt.Sprintf("%s, lines %s (%s) spent %s of their budget (band %s), other screened lines %s (band %s), lines not screened %s; execution = executed ÷ revised, or ÷ approved where there is no revision.",
		when, geweMeaning(w, false), w.Name, gewe, geweBand, other, otherBand, notScreened)
}

// findDiff: the comparison of the last two budgets.
func findDiff(oldName, newName string, added, cut, remarked int, weighting, dir, net, addedM, cutM, amountM, remarkM string) string {
	change := fmt.Sprintf("%s by %s", dir, net)
	if dir == "did not change" {
		change = dir
	}
	return fmt.Sprintf("Compared with %s, %s has %d lines added, %d cut and %d re-marked; gender-equality money (%s) %s: %s from added lines, −%s from cut lines, %s from changed amounts and %s from re-marking.",
		oldName, newName, added, cut, remarked, weighting, change, addedM, cutM, amountM, remarkM)
}
