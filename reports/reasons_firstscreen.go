package reports

// This file words the report's first screen and its findings: one
// method of printer per message, each building its sentence from its
// parameters only, with its format string a key of the message catalog
// (catalog_fr.go, catalog_es.go). Amounts come in already formatted
// (roundedMoney for prose, the printer's format.Locale in tables).

import (
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// geweMeaning says, in plain words, which money convention w counts as
// gender-equality money.
func (p printer) geweMeaning(w analysis.Weighting, flagOnly bool) string {
	switch {
	case flagOnly || w.Name == analysis.PrincipalOnly.Name:
		return p.S("marked with gender equality as the principal objective")
	case w.Name == analysis.DACHeadline.Name:
		return p.S("marked with gender equality as a principal or significant objective")
	case w.Name == analysis.EU100400.Name:
		return p.S("marked with gender equality as a principal objective, or as a significant one counted at 40%")
	case w.Attributed:
		return p.S("attributed to gender equality on the budget lines")
	}
	return p.F("counted as gender-equality money under the convention %s", w.Name)
}

func (p printer) headLabelBudget() string   { return p.S("Budget covered") }
func (p printer) headLabelScreened() string { return p.S("Screened for gender") }
func (p printer) headLabelGCM() string      { return p.S("Tagged to migration objectives") }

func (p printer) headLabelMarked(w analysis.Weighting, flagOnly bool) string {
	if flagOnly || w.Name == analysis.PrincipalOnly.Name {
		return p.S("Gender equality as principal objective")
	}
	return p.S("Marked for gender equality")
}

func (p printer) headLabelChange(from int) string {
	if from == 0 {
		return p.S("Change since the year before")
	}
	return p.F("Change since %s", y(from))
}

// headNoBudget: no line, or lines in several currencies.
func (p printer) headNoBudget(currencies []string) string {
	if len(currencies) > 1 {
		return p.F("The lines are in %d currencies (%s), which cannot be added: the tables give each currency separately.", len(currencies), p.currencyList(currencies))
	}
	return p.S("No budget line is covered, so there is nothing to report.")
}

// headBudget: the budget covered by the figures.
func (p printer) headBudget(phase budget.Phase, year, lines int, sources []string) string {
	src := strings.Join(sources, ", ")
	if year != 0 {
		return p.F("The %s amounts of fiscal year %s, summed over %s read from %s.", p.phase(phase), y(year), p.linesText(lines), src)
	}
	return p.F("The %s amounts, summed over %s read from %s.", p.phase(phase), p.linesText(lines), src)
}

// linesText is "1 line", "2,366 lines".
func (p printer) linesText(n int) string {
	return p.f.CountOf(int64(n), p.S("line"), p.S("lines"))
}

// headNothingScreened: no money carries a gender marker.
func (p printer) headNothingScreened() string {
	return p.S("No line was screened for gender, so no share of gender-equality money can be given.")
}

// headNoShare: the base of a share is zero or negative.
func (p printer) headNoShare(why analysis.ReasonCode) string {
	if why == analysis.ReasonBaseNegative {
		return p.S("The money sums to a negative amount, so no share can be given.")
	}
	return p.S("The money sums to zero, so no share can be given.")
}

// atLeastText is a share that is a lower bound.
func (p printer) atLeastText(pct string) string { return p.F("at least %s", pct) }

// headMarked: the share of all the money (the figure) and of the
// screened money.
func (p printer) headMarked(w analysis.Weighting, money, ofScreened string, flagOnly bool) string {
	if flagOnly {
		return p.F("of all the money (%s) is %s, and %s of the screened money. The marker is a yes/no flag: a \"no\" says only that gender equality is not the principal objective, so these are lower bounds.¹", money, p.geweMeaning(w, true), p.atLeastText(ofScreened))
	}
	return p.F("of all the money (%s) is %s¹; that is %s of the money screened for gender.", money, p.geweMeaning(w, false), ofScreened)
}

// headScreened: the share of the money that carries a gender marker.
func (p printer) headScreened(notPct, notMoney string, all, flagOnly bool) string {
	switch {
	case all && flagOnly:
		return p.S("of the money carries the yes/no flag for gender equality as the principal objective.")
	case all:
		return p.S("of the money carries a gender marker.")
	case flagOnly:
		return p.F("of the money carries the yes/no flag for gender equality as the principal objective; the other %s (%s) was not screened, so whether it is marked is unknown.", notPct, notMoney)
	}
	return p.F("of the money carries a gender marker; the other %s (%s) was not screened, so whether it is marked is unknown.", notPct, notMoney)
}

// headGCM: the share tagged with a GCM objective.
func (p printer) headGCM() string {
	return p.S("of the money is tagged with at least one objective of the Global Compact for Migration (GCM objective).")
}

// headChange: the like-for-like change of gender-equality money.
func (p printer) headChange(pairs, from, to int) string {
	return p.F("in money marked for gender equality from %s to %s, in nominal terms, on the %s screened for gender in both years.", y(from), y(to), p.linesText(pairs))
}

// conventionFootnote names the convention of the headline share.
func (p printer) conventionFootnote(w analysis.Weighting) string {
	return p.F("¹ Money %s, counted in full. This follows the OECD DAC gender equality policy marker, which records an intention when a budget line is designed, not what the money achieves. Other ways of counting are compared below and named in the glossary.", p.geweMeaning(w, false))
}

// likeWhyNot says why a like-for-like change cannot be given.
func (p printer) likeWhyNot(l *LikeForLike) string {
	head := p.F("The change from %s to %s cannot be compared like for like: ", y(l.From), y(l.To))
	switch l.Why {
	case likeNoEarlierYear:
		return p.F("No fiscal year before %s was read, so there is no change to give.", y(l.To))
	case likeNotScreened:
		return head + p.F("no line was screened in both years (fiscal year %s has no line screened for gender).", y(l.Year))
	case likeNoPairs:
		return head + p.F("no line screened in %s could be paired with a line screened in %s (by ID, or by unit, programme and description).", y(l.To), y(l.From))
	case likeAmbiguous:
		return head + p.S("some lines of one year match more than one line of the other, so they cannot be paired.")
	case likeCurrencies:
		return head + p.S("the lines are in several currencies.")
	case likeFailed:
		return head + p.S("the sums overflow.")
	}
	return ""
}

// likeChange: the like-for-like change as a finding.
func (p printer) likeChange(l *LikeForLike, cur string) string {
	if l.Why != "" {
		return p.likeWhyNot(l)
	}
	return p.F("From fiscal year %s to %s, on the %s screened for gender in both years, money marked for gender equality %s in nominal terms; all the money of those lines %s.",
		y(l.From), y(l.To), p.linesText(l.Pairs), p.roundedChange(l.GEWE, cur), p.roundedChange(l.Total, cur))
}

// roundedChange words a change with rounded amounts: "rose by 20.0% (USD
// 100,000 to USD 120,000)", "did not change (USD 5 million)".
func (p printer) roundedChange(d analysis.Delta, cur string) string {
	if d.Abs.Sign() == 0 {
		return p.F("did not change (%s)", p.roundedMoney(d.New, cur))
	}
	from, to := p.roundedMoney(d.Old, cur), p.roundedMoney(d.New, cur)
	if from == to { // rounding would hide the change: exact amounts
		from, to = p.f.MoneyIn(d.Old, cur), p.f.MoneyIn(d.New, cur)
	}
	rose := d.Abs.Sign() > 0
	if d.Rel.OK {
		v := d.Rel.V
		if v < 0 {
			v = -v
		}
		if rose {
			return p.F("rose by %s (%s to %s)", p.f.Percent(100*v), from, to)
		}
		return p.F("fell by %s (%s to %s)", p.f.Percent(100*v), from, to)
	}
	if rose {
		return p.F("rose from %s to %s (no percentage: %s)", from, to, p.baseText(d.Why))
	}
	return p.F("fell from %s to %s (no percentage: %s)", from, to, p.baseText(d.Why))
}

// mismatchSentence: how the stated totals compared with their lines.
func (p printer) mismatchSentence(checked, bad int) string {
	rows := p.f.CountOf(int64(checked), p.S("subtotal or total row"), p.S("subtotal and total rows"))
	if bad == 1 {
		return p.F("%s of the files were checked against their lines; %d does not match (see the workbook's Reconciliation sheet).", rows, bad)
	}
	return p.F("%s of the files were checked against their lines; %d do not match (see the workbook's Reconciliation sheet).", rows, bad)
}

// pageKicker is the line under the report's title.
func (p printer) pageKicker(year int, phase budget.Phase, cur string) string {
	s := p.S("Gender allocation report")
	if year != 0 {
		s += p.F(" · Fiscal year %s", y(year))
	}
	if cur != "" {
		return s + p.F(" · %s amounts in %s", p.phase(phase), cur)
	}
	return s + p.F(" · %s amounts", p.phase(phase))
}

func (p printer) headlinesLabel() string { return p.S("Headline figures") }

// syntheticBanner: the demo's data are invented.
func (p printer) syntheticBanner() string {
	return p.S("SYNTHETIC DATA: this report shows an invented budget of a fictional country, made to demonstrate grb. None of its figures is real.")
}

func (p printer) yearHeading() string { return p.S("Every fiscal year") }

// yearCaption: the table of every fiscal year.
func (p printer) yearCaption(phase budget.Phase, w analysis.Weighting, focus int) string {
	return p.F("Every fiscal year read, %s amounts; money %s (%s), as a share of all the money and of the screened money. The findings describe fiscal year %s.", p.phase(phase), p.geweMeaning(w, false), w.Name, y(focus))
}

// moneyHead heads a column of money of phase in currency cur:
// "Approved (USD)", "Approved" when the currency is not one.
func (p printer) moneyHead(phase budget.Phase, cur string) string {
	if cur == "" {
		switch phase {
		case budget.Proposed:
			return p.S("Proposed")
		case budget.Revised:
			return p.S("Revised")
		case budget.Executed:
			return p.S("Executed")
		}
		return p.S("Approved")
	}
	switch phase {
	case budget.Proposed:
		return p.F("Proposed (%s)", cur)
	case budget.Revised:
		return p.F("Revised (%s)", cur)
	case budget.Executed:
		return p.F("Executed (%s)", cur)
	}
	return p.F("Approved (%s)", cur)
}

// yearHead is the header of the table of every fiscal year.
func (p printer) yearHead(phase budget.Phase, cur string) []string {
	return []string{p.S("Fiscal year"), p.S("Lines"), p.moneyHead(phase, cur), p.S("Screened"), p.S("Marked for gender equality"), p.S("Share of all the money"), p.S("Share of the screened money")}
}

func (p printer) focusLabel(year string) string { return p.F("%s (described)", year) }

// glossary explains the terms of the report that a reader may not know.
func (p printer) glossary() []htmlDef {
	return []htmlDef{
		{p.S("Budget covered, In scope"), p.S("The budget lines the figures describe: the line items read from the files, without their subtotal and total rows, of the fiscal year described.")},
		{p.S("Screened for gender"), p.S("A line is screened when it carries a gender marker of any level, including \"not targeted\". A line with no marker is not screened: whether it is marked is unknown.")},
		{"GEWE", p.S("Gender equality and the empowerment of women and girls. GEWE money is money marked with gender equality as an objective, counted by one of the conventions below.")},
		{p.S("Principal and significant objective"), p.S("The OECD DAC gender equality policy marker records, when a line is designed, whether gender equality is its principal objective (2), a significant objective (1) or not targeted (0). It records an intention, not what the money achieves.")},
		{"dac_headline", p.S("The convention of the headline share: principal and significant lines counted in full, as the OECD DAC reports its headline figure.")},
		{"principal_only", p.S("Only lines whose principal objective is gender equality counted.")},
		{"eu_100_40_0", p.S("Principal lines counted in full, significant lines at 40%, others at 0%: the EU's coefficients for Rio markers (climate, biodiversity), which some toolkits propose for gender.")},
		{p.S("GCM objective"), p.S("One of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration, with which a line is tagged.")},
		{p.S("Band A, B, C, D"), p.S("How far a line group's execution rate (executed ÷ revised or approved budget) is from 100%: A within 5%, B within 10%, C within 15%, D beyond.")},
		{p.S("Like for like"), p.S("A change between two fiscal years measured only on the lines screened for gender in both, so that a year tagged against a year not yet tagged shows no change that is only in the tagging.")},
	}
}
