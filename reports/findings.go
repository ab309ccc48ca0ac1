package reports

import (
	"sort"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// Findings states the report's figures as sentences a parliamentarian
// can read aloud. Each says only what the data holds: which year is
// described and why, shares of all the money and of the screened money
// (none when nothing was screened), blind spots only among screened
// money, the change since the year before on lines screened in both, and
// what is unknown. The sentences are in reasons_findings.go.
func Findings(r *Report) []string {
	h := r.Headline
	t := h.Total
	cur := r.Currency()
	if t.Lines == 0 {
		return []string{findNoLines()}
	}
	if h.Mixed() {
		return append([]string{findMixed(r.Focus, t.Lines, h.Currencies)}, qualitySentence(r)...)
	}
	out := []string{findScope(r.Focus, r.Phase, roundedMoney(t.Amount, cur), t.Lines)}
	if len(r.Years) > 1 {
		out = append(out, findFocus(r.Focus, r.FocusAsked, r.FocusRule, r.Years))
	}
	out = append(out, shareSentences(r, cur)...)
	out = append(out, whereSentences(r, cur)...)
	if s := executionSentence(r); s != "" {
		out = append(out, s)
	}
	if r.Like != nil && (r.Like.Why != likeNoEarlierYear) {
		out = append(out, likeChange(r.Like, cur))
	}
	if s := diffSentence(r); s != "" {
		out = append(out, s)
	}
	return append(out, qualitySentence(r)...)
}

// shareSentences give the shares of gender-equality money (of all the
// money and of the screened money) and the money not screened.
func shareSentences(r *Report, cur string) []string {
	t := r.Headline.Total
	flag := r.flagOnly()
	ns := t.Level(budget.NotScreened)
	if screenedMoney(t).IsZero() {
		return []string{findNothingScreened(roundedMoney(ns, cur))}
	}
	v, ok := t.GEWEShare.Value()
	if !ok {
		return []string{headNoShare(t.GEWEShare.Undefined())}
	}
	scr, _ := analysis.Ratio{Num: t.GEWE, Den: screenedMoney(t)}.Value()
	out := []string{findShares(r.Weighting, format.Percent(100*v), format.Percent(100*scr), roundedMoney(t.GEWE, cur), flag)}
	if !flag {
		out = append(out, findOtherConventions(conventionShares3(r.Headline)))
	}
	if ns.IsZero() {
		return append(out, findAllScreened(flag))
	}
	nsv, _ := t.NotScreened.Value()
	return append(out, findNotScreened(format.Percent(100*nsv), roundedMoney(ns, cur)))
}

// conventionShares3 is the share of all the money under principal_only
// and eu_100_40_0.
func conventionShares3(h *analysis.Result) [2]string {
	var out [2]string
	for _, c := range h.Conventions {
		switch c.Weighting {
		case analysis.PrincipalOnly.Name:
			out[0] = format.Share(c.Share.Value())
		case analysis.EU100400.Name:
			out[1] = format.Share(c.Share.Value())
		}
	}
	return out
}

// whereSentences say where the gender-equality money goes: the objectives
// with the most, the blind spots among screened money, the objectives
// with money none of which was screened, and the money with no objective.
func whereSentences(r *Report, cur string) []string {
	var out []string
	groups := append([]analysis.Group(nil), r.ByObjective.Groups...)
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].GEWE.Cmp(groups[j].GEWE) > 0 })
	var top []string
	for _, g := range groups {
		if len(top) == 3 || g.GEWE.Sign() <= 0 || g.Keys[0].Value == "" {
			break
		}
		top = append(top, findObjectiveMoney(g.Keys[0].Label, roundedMoney(g.GEWE, cur)))
	}
	if len(top) > 0 {
		out = append(out, findTop(r.Weighting, top))
	}
	var blind, unknown []string
	for _, g := range r.ByObjective.Groups {
		if g.Keys[0].Value == "" || g.Amount.Sign() <= 0 {
			continue
		}
		switch {
		case screenedMoney(g).Sign() <= 0:
			unknown = append(unknown, g.Keys[0].Label)
		case g.GEWE.Sign() <= 0 && !r.flagOnly():
			blind = append(blind, g.Keys[0].Label)
		}
	}
	if len(blind) > 0 {
		out = append(out, findBlindSpots(r.Weighting, blind))
	}
	if len(unknown) > 0 && !screenedMoney(r.Headline.Total).IsZero() {
		out = append(out, findUnscreenedObjectives(unknown))
	}
	if g := untagged(r.ByObjective); g != nil {
		out = append(out, findUntagged(format.Share(g.Share.Value()), roundedMoney(g.Amount, cur)))
	}
	return out
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
	return []string{mismatchSentence(checked, bad)}
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
		if r.Phase == budget.Executed || r.ExecYear != 0 {
			return findExecutedNoBudget()
		}
		return findNoExecuted()
	}
	t := r.Execution.Execution.Total
	prefix := ""
	if r.Focus != 0 && r.ExecYear != r.Focus {
		prefix = findFocusNotExecuted(r.Focus)
	}
	return prefix + findExecution(r.ExecYear, r.Weighting, format.Share(t.GEWE.Rate.Value()), orDash(t.GEWE.Band), format.Share(t.Other.Rate.Value()), orDash(t.Other.Band), format.Share(t.NotScreened.Rate.Value()))
}

// diffSentence summarises the comparison of the last two budgets.
func diffSentence(r *Report) string {
	d := r.Diff
	if d == nil {
		return ""
	}
	n := len(r.Budgets)
	c := d.GEWEChange
	return findDiff(r.Budgets[n-2].Source, r.Budgets[n-1].Source, len(d.Added), len(d.Cut), len(d.Remarked), d.Weighting, direction(c.Net),
		format.Money(abs(c.Net)), format.Money(c.Added), format.Money(c.Cut), format.Money(c.Amount), format.Money(c.Remarking))
}

// direction is "rose" or "fell" as m is positive or negative ("did not
// change" for zero).
func direction(m budget.Money) string {
	switch m.Sign() {
	case 1:
		return "rose"
	case -1:
		return "fell"
	}
	return "did not change"
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
