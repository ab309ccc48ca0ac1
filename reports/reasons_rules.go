package reports

// This file words the reasons a compliance rule passes or fails, and a
// rule's requirement, in the printer's language. English is the key
// formatted by fmt, as before the catalog.

import (
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// ruleWhy says, in English, why a compliance rule, or one group of its
// lines, passes or fails (grb check).
func ruleWhy(r analysis.Reason) string { return printer{}.ruleWhy(r) }

// ruleTitle is a rule's requirement in English (grb check).
func ruleTitle(r analysis.Rule) string { return printer{}.ruleTitle(r) }

// ruleWhy says why a compliance rule, or one group of its lines, passes
// or fails.
func (p printer) ruleWhy(r analysis.Reason) string {
	switch r.Code {
	case analysis.ReasonNoLines:
		return p.S("there are no lines, so the share is undefined and the rule cannot pass")
	case analysis.ReasonNoMoney:
		return p.F("the %s amounts sum to 0 (or no line has one), so the share is undefined and the rule cannot pass", p.phaseLower(r.Phase))
	case analysis.ReasonAllAtLevel:
		_, den := r.Measured.Lines()
		return p.F("all %s are at %s", p.lines(den), p.levelsText(r.Level))
	case analysis.ReasonLinesBelow:
		return p.whyLinesBelow(r)
	case analysis.ReasonLineShare:
		return p.whyLineShare(r)
	case analysis.ReasonScreenedLines:
		return p.whyScreenedLines(r)
	case analysis.ReasonScreenedMoney:
		return p.whyScreenedMoney(r)
	case analysis.ReasonMoneyShare:
		return p.whyMoneyShare(r)
	case analysis.ReasonGroups:
		return p.whyGroups(r)
	}
	return string(r.Code)
}

// one says whether n takes the singular in p's language.
func (p printer) one(n int64) bool {
	if p.mp == nil {
		return n == 1
	}
	return p.f.Plural(n, "1", "n") == "1"
}

// lines is a count of lines: "12 lines", "12 lignes".
func (p printer) lines(n int64) string {
	if p.mp == nil {
		return format.Count(n, "line")
	}
	return p.f.CountOf(n, p.S("line"), p.S("lines"))
}

// num is a whole number with its thousands grouped, as counts of lines
// are ("59,833 of 100,000 lines").
func (p printer) num(n int64) string {
	if p.mp == nil {
		return format.Thousands(strconv.FormatInt(n, 10))
	}
	return p.f.Int(n)
}

// money is an amount in p's language.
func (p printer) money(m budget.Money) string {
	if p.mp == nil {
		return format.Money(m)
	}
	return p.f.Money(m)
}

// bp is a threshold in basis points as a per cent: "15%", "15 %".
func (p printer) bp(b int) string {
	if p.mp == nil {
		return format.BasisPoints(b)
	}
	return p.f.BasisPoints(b)
}

// phaseLower names a phase in lower case ("approved", "approuvé").
func (p printer) phaseLower(ph budget.Phase) string {
	if p.mp == nil {
		return ph.String()
	}
	return strings.ToLower(p.phase(ph))
}

// levelName names a level in lower case: "significant", "significatif".
func (p printer) levelName(lv budget.Level) string {
	if p.mp == nil {
		return lv.String()
	}
	return strings.ToLower(p.level(lv))
}

// levelsText names the levels at or above l: "significant or principal".
func (p printer) levelsText(l budget.Level) string {
	var names []string
	for _, lv := range budget.Levels() {
		if lv >= l && lv != budget.NotScreened {
			names = append(names, p.levelName(lv))
		}
	}
	if len(names) == 0 {
		return p.S("no level")
	}
	return p.listOr(names)
}

// reasonValue is a reason's measured value in per cent, with enough
// decimals not to print the threshold for a value that misses it.
func (p printer) reasonValue(r analysis.Reason) string {
	v, _ := r.Measured.Value()
	s := format.PercentAgainst(v, r.Min, r.Pass)
	if p.mp == nil {
		return s
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
	if err != nil {
		return s
	}
	return p.f.PercentExact(f)
}

// budgetOf names the money a reason measures: the whole budget's or one
// group's.
func (p printer) budgetOf(r analysis.Reason) string {
	if r.InGroup {
		return p.F("its %s money", p.phaseLower(r.Phase))
	}
	return p.F("the %s budget", p.phaseLower(r.Phase))
}

func (p printer) onThreshold(r analysis.Reason) string {
	if r.OnThreshold {
		return p.S(" (exactly on the threshold, which passes)")
	}
	return ""
}

// whyLinesBelow (ReasonLinesBelow): " (1 limited, 2 not screened)"
// counts the lines below by level.
func (p printer) whyLinesBelow(r analysis.Reason) string {
	_, den := r.Measured.Lines()
	below := lineCount(r.Missing)
	breakdown := ""
	if len(r.Below) > 0 {
		parts := make([]string, len(r.Below))
		for i, c := range r.Below {
			parts[i] = p.num(int64(c.Lines)) + " " + strings.ToLower(p.level(c.Level))
		}
		breakdown = " (" + strings.Join(parts, ", ") + ")"
	}
	if p.one(below) {
		return p.F("%s of %s is below %s%s", p.num(below), p.lines(den), p.levelName(r.Level), breakdown)
	}
	return p.F("%s of %s are below %s%s", p.num(below), p.lines(den), p.levelName(r.Level), breakdown)
}

// whyLineShare (ReasonLineShare).
func (p printer) whyLineShare(r analysis.Reason) string {
	num, den := r.Measured.Lines()
	var s string
	if p.one(num) {
		s = p.F("%s of %s (%s) is at %s; at least %s required%s", p.num(num), p.lines(den), p.reasonValue(r), p.levelsText(r.Level), p.bp(r.Min), p.onThreshold(r))
	} else {
		s = p.F("%s of %s (%s) are at %s; at least %s required%s", p.num(num), p.lines(den), p.reasonValue(r), p.levelsText(r.Level), p.bp(r.Min), p.onThreshold(r))
	}
	if !r.Pass {
		s += p.F(": %s more needed", p.lines(lineCount(r.Shortfall)))
	}
	return s
}

// whyScreenedLines (ReasonScreenedLines).
func (p printer) whyScreenedLines(r analysis.Reason) string {
	num, den := r.Measured.Lines()
	var s string
	if p.one(num) {
		s = p.F("%s of %s (%s) is screened for gender; at least %s required%s", p.num(num), p.lines(den), p.reasonValue(r), p.bp(r.Min), p.onThreshold(r))
	} else {
		s = p.F("%s of %s (%s) are screened for gender; at least %s required%s", p.num(num), p.lines(den), p.reasonValue(r), p.bp(r.Min), p.onThreshold(r))
	}
	if !r.Pass {
		if n := lineCount(r.Missing); p.one(n) {
			s += p.F(": %s was not screened", p.lines(n))
		} else {
			s += p.F(": %s were not screened", p.lines(n))
		}
	}
	return s
}

// whyScreenedMoney (ReasonScreenedMoney).
func (p printer) whyScreenedMoney(r analysis.Reason) string {
	m := r.Measured
	s := p.F("%s of %s (%s of %s) is screened for gender; at least %s required%s", p.reasonValue(r), p.budgetOf(r),
		p.money(m.Num), p.money(m.Den), p.bp(r.Min), p.onThreshold(r))
	if !r.Pass {
		s += p.F(": %s not screened", p.money(r.Missing))
	}
	return s
}

// whyMoneyShare (ReasonMoneyShare).
func (p printer) whyMoneyShare(r analysis.Reason) string {
	m := r.Measured
	what := p.F("%s money, counted under %s,", p.levelsText(r.Level), r.Weighting)
	if r.Attributed {
		what = p.F("money attributed to gender equality on the lines (%s)", r.Weighting)
	}
	s := p.F("%s is %s of %s (%s of %s); at least %s required%s", what, p.reasonValue(r), p.budgetOf(r),
		p.money(m.Num), p.money(m.Den), p.bp(r.Min), p.onThreshold(r))
	if !r.Pass {
		s += p.F(": %s short", p.money(r.Shortfall))
	}
	return s
}

// whyGroups (ReasonGroups).
func (p printer) whyGroups(r analysis.Reason) string {
	scope := make([]string, len(r.Scope))
	for i, d := range r.Scope {
		scope[i] = p.S(string(d))
	}
	lowest := ""
	if r.LowestReason != nil {
		lowest = p.ruleWhy(*r.LowestReason)
	}
	return p.F("%s of %s %s groups pass; every group must. The lowest, %s: %s",
		p.num(int64(r.Passed)), p.num(int64(r.Groups)), p.list(scope), p.keysText(r.Lowest), lowest)
}

// ruleTitle is a rule's requirement in words: its profile's title (in
// French and Spanish the catalog's, by the rule's id), or one made from
// its terms.
func (p printer) ruleTitle(r analysis.Rule) string {
	if r.Title != "" {
		if t, ok := translations[p.lang]["rule:"+r.ID]; ok && p.mp != nil {
			return t
		}
		return r.Title
	}
	need := p.bp(r.Min)
	switch {
	case r.Kind == analysis.EveryLine:
		return p.F("every line at %s", p.levelsText(r.Level))
	case r.Kind == analysis.Coverage:
		return p.F("at least %s screened", need)
	case r.Kind == analysis.CountShare:
		return p.F("at least %s of lines at %s", need, p.levelsText(r.Level))
	case r.Weighting.Attributed:
		return p.F("at least %s of the budget attributed to gender equality", need)
	}
	return p.F("at least %s of the budget at %s", need, p.levelsText(r.Level))
}

// profileRuleIDs are the ids of the rules of grb's profiles, whose titles
// the catalog translates as "rule:ID".
func profileRuleIDs() []string {
	var ids []string
	for _, name := range []string{"eu-gap3", "mptf", "un-15", "undp"} {
		pr, err := analysis.LookupProfile(name)
		if err != nil {
			continue
		}
		for _, r := range pr.Rules {
			ids = append(ids, "rule:"+r.ID)
		}
	}
	return ids
}

// profileTexts are the English titles, descriptions and rule notes of
// grb's built-in profiles, which the catalog translates (printer.S): a
// reworded profile loses its translation until the catalog follows, and
// TestCatalogComplete says so.
func profileTexts() []string {
	var texts []string
	for _, pr := range analysis.Profiles() {
		texts = append(texts, pr.Title, pr.Description)
		for _, r := range pr.Rules {
			if r.Note != "" {
				texts = append(texts, r.Note)
			}
		}
	}
	return texts
}
