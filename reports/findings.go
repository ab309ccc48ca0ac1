package reports

import (
	"fmt"
	"sort"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// Findings states the report's headline figures as sentences a
// parliamentarian can read aloud. Each names its convention and states
// what is unknown (money not screened, phases not given).
func Findings(r *Report) []string {
	h := r.Headline
	t := h.Total
	cur := r.Currency()
	var out []string
	if t.Lines == 0 {
		return []string{"No budget line is in scope, so there is nothing to report."}
	}
	scope := "All lines"
	if r.Focus != 0 {
		scope = fmt.Sprintf("In fiscal year %d", r.Focus)
	}
	if h.Mixed() {
		out = append(out, fmt.Sprintf("%s, the %d lines in scope are in %d currencies (%s), which cannot be added: the tables give each currency separately, and no share of the whole is stated.",
			scope, t.Lines, len(h.Currencies), strings.Join(h.Currencies, ", ")))
		return append(out, qualitySentence(r)...)
	}
	out = append(out, fmt.Sprintf("%s, the %s budget in scope is %s over %d lines.", scope, r.Phase, format.MoneyIn(t.Amount, cur), t.Lines))

	conv := map[string]analysis.Convention{}
	for _, c := range h.Conventions {
		conv[c.Weighting] = c
	}
	d, p, e := conv[analysis.DACHeadline.Name], conv[analysis.PrincipalOnly.Name], conv[analysis.EU100400.Name]
	out = append(out, fmt.Sprintf("Counting principal and significant lines in full (%s), %s of it (%s) serves gender equality; counting only lines whose principal objective is gender equality (%s), %s; with significant lines at 40%% (%s), %s.",
		d.Weighting, format.Share(d.Share.Value()), format.MoneyIn(d.GEWE, cur), p.Weighting, format.Share(p.Share.Value()), e.Weighting, format.Share(e.Share.Value())))

	ns := t.Level(budget.NotScreened)
	if ns.IsZero() {
		out = append(out, "Every line was screened for gender.")
	} else {
		out = append(out, fmt.Sprintf("%s of the money (%s) was not screened for gender: whether it serves gender equality is unknown, and it is not counted as zero.", format.Share(t.NotScreened.Value()), format.MoneyIn(ns, cur)))
	}

	// Where: the objectives with the most GEWE money, and the blind spots.
	groups := append([]analysis.Group(nil), r.ByObjective.Groups...)
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].GEWE.Cmp(groups[j].GEWE) > 0 })
	var top []string
	for _, g := range groups {
		if len(top) == 3 || g.GEWE.Sign() <= 0 || g.Keys[0].Value == "" {
			break
		}
		top = append(top, fmt.Sprintf("%s (%s)", g.Keys[0].Label, format.MoneyIn(g.GEWE, cur)))
	}
	if len(top) > 0 {
		out = append(out, fmt.Sprintf("Most gender-equality money (%s) goes to objectives %s.", r.Weighting.Name, strings.Join(top, ", ")))
	}
	var blind []string
	for _, g := range r.ByObjective.Groups {
		if g.Keys[0].Value != "" && g.Amount.Sign() > 0 && g.GEWE.IsZero() {
			blind = append(blind, g.Keys[0].Label)
		}
	}
	if len(blind) > 0 {
		out = append(out, fmt.Sprintf("Blind spots: objectives %s have budget but no gender-equality money under %s.", strings.Join(blind, ", "), r.Weighting.Name))
	}
	if g := untagged(r.ByObjective); g != nil {
		out = append(out, fmt.Sprintf("%s of the money (%s) is not tagged with a GCM objective.", format.Share(g.Share.Value()), format.MoneyIn(g.Amount, cur)))
	}

	// Whether it was spent.
	if s := executionSentence(r); s != "" {
		out = append(out, s)
	}
	// What changed.
	if s := changeSentence(r); s != "" {
		out = append(out, s)
	}
	if s := diffSentence(r); s != "" {
		out = append(out, s)
	}
	return append(out, qualitySentence(r)...)
}

// qualitySentence says how the stated totals compared with their lines.
func qualitySentence(r *Report) []string {
	checked, bad := 0, 0
	for _, b := range r.Budgets {
		checked += len(b.Totals)
		bad += len(b.Mismatches())
	}
	if checked == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%d subtotal and total rows of the files were checked against their lines; %d do not match (see the workbook's Reconciliation sheet).", checked, bad)}
}

func untagged(res *analysis.Result) *analysis.Group {
	for i := range res.Groups {
		if res.Groups[i].Keys[0].Value == "" && !res.Groups[i].Amount.IsZero() {
			return &res.Groups[i]
		}
	}
	return nil
}

// executionSentence compares the execution rate of GEWE-marked lines with
// that of other screened lines, in the latest fiscal year that has
// executed amounts.
func executionSentence(r *Report) string {
	if r.Execution == nil || r.Execution.Execution.Total.All.Lines == 0 {
		return "No executed amounts are given, so whether the money was spent cannot be assessed yet."
	}
	t := r.Execution.Execution.Total
	when := "Across all lines with executed amounts"
	if r.ExecYear != 0 {
		when = fmt.Sprintf("In fiscal year %d", r.ExecYear)
	}
	prefix := ""
	if r.Focus != 0 && r.ExecYear != r.Focus {
		prefix = fmt.Sprintf("Fiscal year %d has no executed amounts yet. ", r.Focus)
	}
	return fmt.Sprintf("%s%s, lines marked as serving gender equality (%s) spent %s of their budget (band %s), other screened lines %s (band %s), lines not screened %s; execution = executed ÷ revised, or ÷ approved where there is no revision.",
		prefix, when, r.Weighting.Name, format.Share(t.GEWE.Rate.Value()), orDash(t.GEWE.Band), format.Share(t.Other.Rate.Value()), orDash(t.Other.Band), format.Share(t.NotScreened.Rate.Value()))
}

// diffSentence summarises the comparison of the last two budgets.
func diffSentence(r *Report) string {
	d := r.Diff
	if d == nil {
		return ""
	}
	n := len(r.Budgets)
	c := d.GEWEChange
	return fmt.Sprintf("Compared with %s, %s has %d lines added, %d cut and %d re-marked; gender-equality money (%s) %s by %s: %s from added lines, −%s from cut lines, %s from changed amounts and %s from re-marking.",
		r.Budgets[n-2].Source, r.Budgets[n-1].Source, len(d.Added), len(d.Cut), len(d.Remarked), d.Weighting, direction(c.Net), format.Money(abs(c.Net)), format.Money(c.Added), format.Money(c.Cut), format.Money(c.Amount), format.Money(c.Remarking))
}

// changeSentence compares the last two fiscal years.
func changeSentence(r *Report) string {
	gs := r.ByYear.Groups
	var years []analysis.Group
	for _, g := range gs {
		if g.Keys[0].Value != "" {
			years = append(years, g)
		}
	}
	if len(years) < 2 {
		return ""
	}
	a, b := years[len(years)-2], years[len(years)-1]
	gewe, err1 := analysis.NewDelta(a.GEWE, b.GEWE)
	total, err2 := analysis.NewDelta(a.Amount, b.Amount)
	if err1 != nil || err2 != nil {
		return ""
	}
	return fmt.Sprintf("From fiscal year %s to %s, in nominal terms, gender-equality money (%s) %s; the whole budget in scope %s.",
		a.Keys[0].Value, b.Keys[0].Value, r.Weighting.Name, changeWords(gewe), changeWords(total))
}

// direction is "rose" or "fell" as m is positive or negative ("changed"
// for zero).
func direction(m budget.Money) string {
	switch m.Sign() {
	case 1:
		return "rose"
	case -1:
		return "fell"
	}
	return "changed"
}

// abs returns |m|; m itself if negating it overflows.
func abs(m budget.Money) budget.Money {
	if m.Sign() < 0 {
		if n, ok := m.Neg(); ok {
			return n
		}
	}
	return m
}
