package reports

// This file words the report's first screen and its findings: one
// function per message, each building its sentence from its parameters
// only, so that a message catalog (French, Spanish) can replace these
// format strings. Amounts come in already formatted (roundedMoney for
// prose, format.Money in tables).

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// geweMeaning says, in plain words, which money convention w counts as
// gender-equality money.
func geweMeaning(w analysis.Weighting, flagOnly bool) string {
	switch {
	case flagOnly || w.Name == analysis.PrincipalOnly.Name:
		return "marked with gender equality as the principal objective"
	case w.Name == analysis.DACHeadline.Name:
		return "marked with gender equality as a principal or significant objective"
	case w.Name == analysis.EU100400.Name:
		return "marked with gender equality as a principal objective, or as a significant one counted at 40%"
	case w.Attributed:
		return "attributed to gender equality on the budget lines"
	}
	return "counted as gender-equality money under the convention " + w.Name
}

func headLabelBudget() string   { return "Budget covered" }
func headLabelScreened() string { return "Screened for gender" }
func headLabelGCM() string      { return "Tagged to migration objectives" }

func headLabelMarked(w analysis.Weighting, flagOnly bool) string {
	if flagOnly || w.Name == analysis.PrincipalOnly.Name {
		return "Gender equality as principal objective"
	}
	return "Marked for gender equality"
}

func headLabelChange(from int) string {
	if from == 0 {
		return "Change since the year before"
	}
	return fmt.Sprintf("Change since %d", from)
}

// headNoBudget: no line, or lines in several currencies.
func headNoBudget(currencies []string) string {
	if len(currencies) > 1 {
		return fmt.Sprintf("The lines are in %d currencies (%s), which cannot be added: the tables give each currency separately.", len(currencies), strings.Join(currencies, ", "))
	}
	return "No budget line is covered, so there is nothing to report."
}

// headBudget: the budget covered by the figures.
func headBudget(phase budget.Phase, year, lines int, sources []string) string {
	when := ""
	if year != 0 {
		when = fmt.Sprintf(" of fiscal year %d", year)
	}
	return fmt.Sprintf("The %s amounts%s, summed over %s read from %s.", phase, when, linesText(lines), strings.Join(sources, ", "))
}

// linesText is "1 line", "2,366 lines".
func linesText(n int) string {
	return format.Thousands(strconv.Itoa(n)) + " " + format.Plural(n, "line", "lines")
}

// headNothingScreened: no money carries a gender marker.
func headNothingScreened() string {
	return "No line was screened for gender, so no share of gender-equality money can be given."
}

// headNoShare: the base of a share is zero or negative.
func headNoShare(why analysis.ReasonCode) string {
	if why == analysis.ReasonBaseNegative {
		return "The money sums to a negative amount, so no share can be given."
	}
	return "The money sums to zero, so no share can be given."
}

// atLeastText is a share that is a lower bound.
func atLeastText(pct string) string { return "at least " + pct }

// headMarked: the share of all the money (the figure) and of the
// screened money.
func headMarked(w analysis.Weighting, money, ofScreened string, flagOnly bool) string {
	if flagOnly {
		return fmt.Sprintf("of all the money (%s) is %s, and %s of the screened money. The marker is a yes/no flag: a \"no\" says only that gender equality is not the principal objective, so these are lower bounds.¹", money, geweMeaning(w, true), atLeastText(ofScreened))
	}
	return fmt.Sprintf("of all the money (%s) is %s¹; that is %s of the money screened for gender.", money, geweMeaning(w, false), ofScreened)
}

// headScreened: the share of the money that carries a gender marker.
func headScreened(notPct, notMoney string, all, flagOnly bool) string {
	what := "carries a gender marker"
	if flagOnly {
		what = "carries the yes/no flag for gender equality as the principal objective"
	}
	if all {
		return fmt.Sprintf("of the money %s.", what)
	}
	return fmt.Sprintf("of the money %s; the other %s (%s) was not screened, so whether it is marked is unknown.", what, notPct, notMoney)
}

// headGCM: the share tagged with a GCM objective.
func headGCM() string {
	return "of the money is tagged with at least one objective of the Global Compact for Migration (GCM objective)."
}

// headChange: the like-for-like change of gender-equality money.
func headChange(pairs, from, to int) string {
	return fmt.Sprintf("in money marked for gender equality from %d to %d, in nominal terms, on the %s screened for gender in both years.", from, to, linesText(pairs))
}

// conventionFootnote names the convention of the headline share.
func conventionFootnote(w analysis.Weighting) string {
	return fmt.Sprintf("¹ Money %s, counted in full. This follows the OECD DAC gender equality policy marker, which records an intention when a budget line is designed, not what the money achieves. Other ways of counting are compared below and named in the glossary.", geweMeaning(w, false))
}

// likeWhyNot says why a like-for-like change cannot be given.
func likeWhyNot(l *LikeForLike) string {
	head := fmt.Sprintf("The change from %d to %d cannot be compared like for like: ", l.From, l.To)
	switch l.Why {
	case likeNoEarlierYear:
		return fmt.Sprintf("No fiscal year before %d was read, so there is no change to give.", l.To)
	case likeNotScreened:
		return head + fmt.Sprintf("no line was screened in both years (fiscal year %d has no line screened for gender).", l.Year)
	case likeNoPairs:
		return head + fmt.Sprintf("no line screened in %d could be paired with a line screened in %d (by ID, or by unit, programme and description).", l.To, l.From)
	case likeAmbiguous:
		return head + "some lines of one year match more than one line of the other, so they cannot be paired."
	case likeCurrencies:
		return head + "the lines are in several currencies."
	case likeFailed:
		return head + "the sums overflow."
	}
	return ""
}

// likeChange: the like-for-like change as a finding.
func likeChange(l *LikeForLike, cur string) string {
	if l.Why != "" {
		return likeWhyNot(l)
	}
	return fmt.Sprintf("From fiscal year %d to %d, on the %s screened for gender in both years, money marked for gender equality %s in nominal terms; all the money of those lines %s.",
		l.From, l.To, linesText(l.Pairs), roundedChange(l.GEWE, cur), roundedChange(l.Total, cur))
}

// roundedChange words a change with rounded amounts: "rose by 20.0% (USD
// 100,000 to USD 120,000)", "did not change (USD 5 million)".
func roundedChange(d analysis.Delta, cur string) string {
	dir := "rose"
	switch d.Abs.Sign() {
	case 0:
		return fmt.Sprintf("did not change (%s)", roundedMoney(d.New, cur))
	case -1:
		dir = "fell"
	}
	from, to := roundedMoney(d.Old, cur), roundedMoney(d.New, cur)
	if from == to { // rounding would hide the change: exact amounts
		from, to = format.MoneyIn(d.Old, cur), format.MoneyIn(d.New, cur)
	}
	if d.Rel.OK {
		v := d.Rel.V
		if v < 0 {
			v = -v
		}
		return fmt.Sprintf("%s by %s (%s to %s)", dir, format.Percent(100*v), from, to)
	}
	return fmt.Sprintf("%s from %s to %s (no percentage: %s)", dir, from, to, baseText(d.Why))
}

// mismatchSentence: how the stated totals compared with their lines.
func mismatchSentence(checked, bad int) string {
	return fmt.Sprintf("%s of the files were checked against their lines; %d %s (see the workbook's Reconciliation sheet).",
		format.Thousands(strconv.Itoa(checked))+" "+format.Plural(checked, "subtotal or total row", "subtotal and total rows"), bad, format.Plural(bad, "does not match", "do not match"))
}

// pageKicker is the line under the report's title.
func pageKicker(year int, phase budget.Phase, cur string) string {
	s := "Gender allocation report"
	if year != 0 {
		s += fmt.Sprintf(" · Fiscal year %d", year)
	}
	s += fmt.Sprintf(" · %s amounts", phase)
	if cur != "" {
		s += " in " + cur
	}
	return s
}

func headlinesLabel() string { return "Headline figures" }

// syntheticBanner: the demo's data are invented.
func syntheticBanner() string {
	return "SYNTHETIC DATA: this report shows an invented budget of a fictional country, made to demonstrate grb. None of its figures is real."
}

func yearHeading() string { return "Every fiscal year" }

// yearCaption: the table of every fiscal year.
func yearCaption(phase budget.Phase, w analysis.Weighting, focus int) string {
	return fmt.Sprintf("Every fiscal year read, %s amounts; money %s (%s), as a share of all the money and of the screened money. The findings describe fiscal year %d.", phase, geweMeaning(w, false), w.Name, focus)
}

// yearHead is the header of the table of every fiscal year.
func yearHead(phase budget.Phase, cur string) []string {
	return []string{"Fiscal year", "Lines", strings.TrimSpace(phase.String() + " " + cur), "Screened", "Marked for gender equality", "Share of all the money", "Share of the screened money"}
}

func focusLabel(year string) string { return year + " (described)" }

// glossary explains the terms of the report that a reader may not know.
func glossary() []htmlDef {
	return []htmlDef{
		{"Budget covered, In scope", "The budget lines the figures describe: the line items read from the files, without their subtotal and total rows, of the fiscal year described."},
		{"Screened for gender", "A line is screened when it carries a gender marker of any level, including \"not targeted\". A line with no marker is not screened: whether it is marked is unknown."},
		{"GEWE", "Gender equality and the empowerment of women and girls. GEWE money is money marked with gender equality as an objective, counted by one of the conventions below."},
		{"Principal and significant objective", "The OECD DAC gender equality policy marker records, when a line is designed, whether gender equality is its principal objective (2), a significant objective (1) or not targeted (0). It records an intention, not what the money achieves."},
		{"dac_headline", "The convention of the headline share: principal and significant lines counted in full, as the OECD DAC reports its headline figure."},
		{"principal_only", "Only lines whose principal objective is gender equality counted."},
		{"eu_100_40_0", "Principal lines counted in full, significant lines at 40%, others at 0%: the EU's coefficients for Rio markers (climate, biodiversity), which some toolkits propose for gender."},
		{"GCM objective", "One of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration, with which a line is tagged."},
		{"Band A, B, C, D", "How far a line group's execution rate (executed ÷ revised or approved budget) is from 100%: A within 5%, B within 10%, C within 15%, D beyond."},
		{"Like for like", "A change between two fiscal years measured only on the lines screened for gender in both, so that a year tagged against a year not yet tagged shows no change that is only in the tagging."},
	}
}
