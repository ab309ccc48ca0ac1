package reports

import (
	"sort"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
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
		return []string{r.p.findNoLines()}
	}
	if h.Mixed() {
		return append([]string{r.p.findMixed(r.Focus, t.Lines, h.Currencies)}, qualitySentence(r)...)
	}
	out := []string{r.p.findScope(r.Focus, r.Phase, r.p.roundedMoney(t.Amount, cur), t.Lines)}
	if len(r.Years) > 1 {
		out = append(out, r.p.findFocus(r.Focus, r.FocusAsked, r.FocusRule, r.Years))
	}
	out = append(out, shareSentences(r, cur)...)
	out = append(out, whereSentences(r, cur)...)
	if s := executionSentence(r); s != "" {
		out = append(out, s)
	}
	if r.Like != nil && (r.Like.Why != likeNoEarlierYear) {
		out = append(out, r.p.likeChange(r.Like, cur))
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
		return []string{r.p.findNothingScreened(r.p.roundedMoney(ns, cur))}
	}
	v, ok := t.GEWEShare.Value()
	if !ok {
		return []string{r.p.headNoShare(t.GEWEShare.Undefined())}
	}
	scr, _ := analysis.Ratio{Num: t.GEWE, Den: screenedMoney(t)}.Value()
	out := []string{r.p.findShares(r.Weighting, r.p.f.Percent(100*v), r.p.f.Percent(100*scr), r.p.roundedMoney(t.GEWE, cur), flag)}
	if !flag {
		out = append(out, r.p.findOtherConventions(conventionShares3(r.p, r.Headline)))
	}
	if ns.IsZero() {
		return append(out, r.p.findAllScreened(flag))
	}
	nsv, _ := t.NotScreened.Value()
	return append(out, r.p.findNotScreened(r.p.f.Percent(100*nsv), r.p.roundedMoney(ns, cur)))
}

// conventionShares3 is the share of all the money under principal_only
// and eu_100_40_0.
func conventionShares3(p printer, h *analysis.Result) [2]string {
	var out [2]string
	for _, c := range h.Conventions {
		switch c.Weighting {
		case analysis.PrincipalOnly.Name:
			out[0] = p.f.Share(c.Share.Value())
		case analysis.EU100400.Name:
			out[1] = p.f.Share(c.Share.Value())
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
		top = append(top, r.p.findObjectiveMoney(r.p.groupLabel(g.Keys[0]), r.p.roundedMoney(g.GEWE, cur)))
	}
	if len(top) > 0 {
		out = append(out, r.p.findTop(r.Weighting, top))
	}
	var blind, unknown []string
	for _, g := range r.ByObjective.Groups {
		if g.Keys[0].Value == "" || g.Amount.Sign() <= 0 {
			continue
		}
		switch {
		case screenedMoney(g).Sign() <= 0:
			unknown = append(unknown, r.p.groupLabel(g.Keys[0]))
		case g.GEWE.Sign() <= 0 && !r.flagOnly():
			blind = append(blind, r.p.groupLabel(g.Keys[0]))
		}
	}
	if len(blind) > 0 {
		out = append(out, r.p.findBlindSpots(r.Weighting, blind))
	}
	if len(unknown) > 0 && !screenedMoney(r.Headline.Total).IsZero() {
		out = append(out, r.p.findUnscreenedObjectives(unknown))
	}
	if g := untagged(r.ByObjective); g != nil {
		out = append(out, r.p.findUntagged(r.p.f.Share(g.Share.Value()), r.p.roundedMoney(g.Amount, cur)))
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
	return []string{r.p.mismatchSentence(checked, bad)}
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
			return r.p.findExecutedNoBudget()
		}
		return r.p.findNoExecuted()
	}
	t := r.Execution.Execution.Total
	prefix := ""
	if r.Focus != 0 && r.ExecYear != r.Focus {
		prefix = r.p.findFocusNotExecuted(r.Focus)
	}
	return prefix + r.p.findExecution(r.ExecYear, r.Weighting, r.p.f.Share(t.GEWE.Rate.Value()), orDash(t.GEWE.Band), r.p.f.Share(t.Other.Rate.Value()), orDash(t.Other.Band), r.p.f.Share(t.NotScreened.Rate.Value()))
}

// diffSentence summarises the comparison of the last budget with the
// one before it, or with the earlier version given (Options.Compare).
func diffSentence(r *Report) string {
	d := r.Diff
	if d == nil {
		return ""
	}
	c := d.GEWEChange
	return r.p.findDiff(r.diffOld().Source, r.Budgets[len(r.Budgets)-1].Source, len(d.Added), len(d.Cut), len(d.Remarked), d.Weighting, c.Net.Sign(),
		r.p.f.Money(abs(c.Net)), r.p.f.Money(c.Added), r.p.f.Money(c.Cut), r.p.f.Money(c.Amount), r.p.f.Money(c.Remarking))
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
