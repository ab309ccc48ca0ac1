package reports

// This file words what package analysis returns as reason codes with
// their values ([analysis.ReasonCode]): one function per code, each
// building its sentence from the code's values and nothing else, so that
// the sentences can come from a message catalog (French, Spanish) by
// replacing these functions' format strings. No other file of reports
// words a reason.

import (
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
	"github.com/grb-toolkit/grb/internal/format"
)

// noteText words a note on a result, in English.
func noteText(n analysis.Note) string { return printer{}.noteText(n) }

// notesText words each note, in English.
func notesText(ns []analysis.Note) []string {
	var out []string
	for _, n := range ns {
		out = append(out, noteText(n))
	}
	return out
}

// findingText words a finding, in English.
func findingText(f analysis.Finding, ev *analysis.SDG5c1Evidence) string {
	return printer{}.findingText(f, ev)
}

// noteText words a note on a result.
func (p printer) noteText(n analysis.Note) string {
	switch n.Code {
	case analysis.NoteJudgedPerCurrency:
		return p.F("the budget has %d currencies: amount rules are judged within each currency, since money in different currencies cannot be added", n.N)
	case analysis.NoteNoAmount:
		if p.one(int64(n.N)) {
			return p.F("%s has no %s amount: they count in line rules but add nothing to amount rules", p.lines(int64(n.N)), p.phase(n.Phase))
		}
		return p.F("%s have no %s amount: they count in line rules but add nothing to amount rules", p.lines(int64(n.N)), p.phase(n.Phase))
	case analysis.NoteNoLineYears:
		return p.S("the budget's lines carry no fiscal year: every line is compared")
	case analysis.NoteNoQuestionnaireYear:
		return p.S("the questionnaire gives no fiscal year: every line of the budget is compared, whatever its year")
	case analysis.NoteNoLinesOfYear:
		ys := make([]string, len(n.Years))
		for i, yr := range n.Years {
			ys[i] = strconv.Itoa(yr)
		}
		return p.F("the budget has no lines of fiscal year %s (it has %s): nothing to compare", y(n.Year), strings.Join(ys, ", "))
	case analysis.NoteNoLines:
		return p.S("the budget has no lines: nothing to compare")
	case analysis.NoteShareCurrencies:
		return p.F("the lines are in %d currencies: the share of the budget cannot be computed", n.N)
	case analysis.NoteNoMoney:
		return p.F("no %s money: the share of the budget is undefined", p.phase(n.Phase))
	case analysis.NoteSameYear:
		return p.F("%s and %s both answer for fiscal year %s", n.Sources[0], n.Sources[1], y(n.Year))
	case analysis.NoteNoYear:
		return p.F("%s gives no fiscal year: it is listed last", n.Sources[0])
	}
	return resultNoteText(n)
}

// findingText words what a budget shows about the answer to one SDG
// 5.c.1 question, from the evidence it was found in.
func (p printer) findingText(f analysis.Finding, ev *analysis.SDG5c1Evidence) string {
	switch f.Code {
	case analysis.FindingTagged:
		s := p.judged(f, p.findingTagged(ev))
		if f.Contradiction {
			s += p.S(": the allocations are tagged")
		}
		return s
	case analysis.FindingUntagged:
		return p.F("%s: a file without gender markers is no evidence either way (the government may tag its budget elsewhere)", p.findingUntagged(ev))
	case analysis.FindingGEWE:
		return p.judged(f, p.findingGEWE(ev))
	case analysis.FindingSexData:
		return p.findingSexData(ev)
	case analysis.FindingShareNotAnswered:
		return p.F("not answered; the budget gives %s (%s money %s)%s", p.conventionShares(ev), p.phase(ev.Phase), p.evidenceWhere(ev), p.notScreenedNote(f.Range))
	case analysis.FindingShareOutside:
		return p.findingShareOutside(f.Range, ev)
	case analysis.FindingShareWithin:
		return p.F("the stated share, %s, lies within what the budget allows: %s%s", p.pctExact(f.Range.Stated), p.conventionShares(ev), p.notScreenedNote(f.Range))
	}
	return string(f.Code)
}

// judged puts what the budget shows after how it compares with the
// answer: consistent, contradicted, or a suggestion for an unanswered
// question.
func (p printer) judged(f analysis.Finding, desc string) string {
	word := map[sdg5c1.YesNo]string{sdg5c1.Yes: p.S("Yes"), sdg5c1.No: p.S("No")}
	switch {
	case f.Answer == f.Suggests:
		return p.F("consistent with %s: %s", word[f.Suggests], desc)
	case f.Contradiction:
		return p.F("answered %s, but %s", word[f.Answer], desc)
	}
	return p.F("not answered; the budget suggests %s: %s", word[f.Suggests], desc)
}

// evidenceWhere says which lines were compared: "of fiscal year 2024 in
// budget.xlsx", or "in budget.xlsx".
func (p printer) evidenceWhere(ev *analysis.SDG5c1Evidence) string {
	if ev.Year != 0 {
		return p.F("of fiscal year %s in %s", y(ev.Year), ev.Source)
	}
	return p.F("in %s", ev.Source)
}

// byRulesNote says that lines tagged by grb's rules are not counted.
func (p printer) byRulesNote(ev *analysis.SDG5c1Evidence) string {
	switch {
	case ev.ByRules == 0:
		return ""
	case p.one(int64(ev.ByRules)):
		return p.F(" (%s tagged by grb's rules is not counted: rules give an estimate, not the government's own tagging)", p.lines(int64(ev.ByRules)))
	}
	return p.F(" (%s tagged by grb's rules are not counted: rules give an estimate, not the government's own tagging)", p.lines(int64(ev.ByRules)))
}

// findingTagged (FindingTagged).
func (p printer) findingTagged(ev *analysis.SDG5c1Evidence) string {
	if v, ok := ev.Tags.Value(); ok {
		return p.F("%s of %s %s (%s of the %s money) carry a gender marker%s", p.num(int64(ev.Tagged)), p.lines(int64(ev.Lines)), p.evidenceWhere(ev), p.pct(100*v), p.phase(ev.Phase), p.byRulesNote(ev))
	}
	return p.F("%s of %s %s carry a gender marker%s", p.num(int64(ev.Tagged)), p.lines(int64(ev.Lines)), p.evidenceWhere(ev), p.byRulesNote(ev))
}

// findingUntagged (FindingUntagged).
func (p printer) findingUntagged(ev *analysis.SDG5c1Evidence) string {
	return p.F("none of the %s %s carries a gender marker (all are not screened)%s", p.lines(int64(ev.Lines)), p.evidenceWhere(ev), p.byRulesNote(ev))
}

// findingGEWE (FindingGEWE).
func (p printer) findingGEWE(ev *analysis.SDG5c1Evidence) string {
	return p.F("%s %s are marked with gender equality as a significant or the principal objective", p.lines(int64(ev.GEWE)), p.evidenceWhere(ev))
}

// findingSexData (FindingSexData).
func (p printer) findingSexData(ev *analysis.SDG5c1Evidence) string {
	return p.F("%s %s give beneficiaries by sex; whether such data inform budget decisions is for the answer to say", p.lines(int64(ev.SexData)), p.evidenceWhere(ev))
}

// findingShareOutside (FindingShareOutside).
func (p printer) findingShareOutside(rg *analysis.ShareRange, ev *analysis.SDG5c1Evidence) string {
	top := ""
	if v, ok := notScreened(rg); ok {
		top = p.F(", or %s if the %s not screened were all marked for gender equality,", p.pct(100*rg.Top), p.pct(100*v))
	}
	s := p.F("the stated share, %s, lies outside what the budget's markers allow: %s (%s) to %s (%s)%s of the %s money %s",
		p.pctExact(rg.Stated), p.pct(100*rg.Low), rg.LowName, p.pct(100*rg.High), rg.HighName, top, p.phase(ev.Phase), p.evidenceWhere(ev))
	if !ev.WholeBudget {
		s += p.S("; no contradiction: the share asked for is of the whole budget, and the file is not stated to cover it (--whole-budget states so)")
	}
	return s
}

// conventionShares lists the share under each convention: "60.0%
// dac_headline, 40.0% principal_only".
func (p printer) conventionShares(ev *analysis.SDG5c1Evidence) string {
	parts := make([]string, len(ev.Shares))
	for i, c := range ev.Shares {
		v, _ := c.Share.Value()
		parts[i] = p.pct(100*v) + " " + c.Weighting
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
func (p printer) notScreenedNote(rg *analysis.ShareRange) string {
	if v, ok := notScreened(rg); ok {
		return p.F("; %s of that money is not screened and counts in none of these", p.pct(100*v))
	}
	return ""
}

// pct is a per cent to one decimal in p's language: "12.5%", "12,5 %".
func (p printer) pct(v float64) string {
	if p.mp == nil {
		return format.Percent(v)
	}
	return p.f.Percent(v)
}

// pctExact is a per cent as stated, with the decimals it has.
func (p printer) pctExact(v float64) string {
	if p.mp == nil {
		return format.PercentExact(v)
	}
	return p.f.PercentExact(v)
}

// lineCount returns a count of lines that analysis holds as whole units.
func lineCount(m budget.Money) int64 {
	c, _ := m.Cents()
	return c / 100
}
