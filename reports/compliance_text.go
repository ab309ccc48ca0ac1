package reports

// This file writes a compliance check for people (grb check), in the
// language of ComplianceOptions.Lang: every sentence a catalog message,
// every number written by the printer's locale. English is the key
// formatted by fmt, as before the catalog.

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// ComplianceOptions controls WriteComplianceText.
type ComplianceOptions struct {
	// MaxLines is how many of the lines that drive a failure are listed
	// per rule, largest first; the rest are counted. 0 means 10; a
	// negative value lists every line.
	MaxLines int
	// Lang is the language of the text: English (the zero value),
	// French or Spanish. Profile names, rule ids, file names, flags and
	// sources stay as written.
	Lang Lang
}

// maxLines is MaxLines with its default.
func (o ComplianceOptions) maxLines() int {
	if o.MaxLines == 0 {
		return 10
	}
	return o.MaxLines
}

// WriteComplianceText writes the outcome of a compliance check for
// people: a table with one row per rule (measured value, threshold,
// result and why), then, for each failing rule, the lines that drive the
// failure, largest first, and the notes on unverified thresholds.
func WriteComplianceText(w io.Writer, r *analysis.CheckResult, opt ComplianceOptions) error {
	p := newPrinter(opt.Lang)
	ew := &errWriter{w: w}
	p.writeComplianceBody(ew, r, opt.maxLines())
	p.writeProfileSource(ew, r.Profile)
	return ew.err
}

// WriteComplianceYearsText writes the check of each fiscal year, as
// WriteComplianceText does, oldest first, then which years pass.
func WriteComplianceYearsText(w io.Writer, r *analysis.YearsCheck, opt ComplianceOptions) error {
	if len(r.Years) == 1 {
		return WriteComplianceText(w, r.Years[0], opt)
	}
	p := newPrinter(opt.Lang)
	ew := &errWriter{w: w}
	ew.printf("%s\n", p.F("%s: profile %s, checked for each of %d fiscal years: the targets are yearly", r.Source, r.Profile.Name, len(r.Years)))
	var verdicts []string
	for _, y := range r.Years {
		ew.printf("\n== %s ==\n", p.checkYearText(y))
		p.writeComplianceBody(ew, y, opt.maxLines())
		if y.Pass {
			verdicts = append(verdicts, p.F("%s pass", p.checkYearText(y)))
		} else {
			verdicts = append(verdicts, p.F("%s FAIL", p.checkYearText(y)))
		}
	}
	ew.printf("\n%s\n", p.F("By fiscal year: %s.", strings.Join(verdicts, ", ")))
	switch {
	case r.Failed > 0 && p.one(int64(r.Failed)):
		ew.printf("%s\n", p.F("%d of %d fiscal years fails; --where year=YEAR checks one.", r.Failed, len(r.Years)))
	case r.Failed > 0:
		ew.printf("%s\n", p.F("%d of %d fiscal years fail; --where year=YEAR checks one.", r.Failed, len(r.Years)))
	default:
		ew.printf("%s\n", p.S("Every fiscal year passes."))
	}
	p.writeProfileSource(ew, r.Profile)
	return ew.err
}

// writeProfileSource cites the profile's public source, as written.
func (p printer) writeProfileSource(ew *errWriter, pr analysis.Profile) {
	if pr.Source != "" {
		ew.printf("%s\n", p.F("Source of profile %s: %s", pr.Name, pr.Source))
	}
}

// checkYearText names the fiscal year of a check: "fiscal year 2024-25",
// or "no stated fiscal year".
func (p printer) checkYearText(r *analysis.CheckResult) string {
	switch {
	case r.YearLabel != "":
		return p.F("fiscal year %s", r.YearLabel)
	case r.Year != 0:
		return p.F("fiscal year %s", y(r.Year))
	}
	return p.S("no stated fiscal year")
}

// writeComplianceBody writes one check: what was checked, the rule
// table, the failures, unverified thresholds, notes and the verdict.
func (p printer) writeComplianceBody(ew *errWriter, r *analysis.CheckResult, max int) {
	pr := r.Profile
	year := ""
	if r.Year != 0 {
		year = p.checkYearText(r) + ", "
	}
	ew.printf("%s\n", p.F("%s: profile %s, %s%s amounts, %s", r.Source, pr.Name, year, p.phase(r.Phase), p.lines(int64(r.Lines))))
	ew.printf("%s\n", p.profileText(pr.Title))
	if r.InputErrors > 0 {
		ew.printf("%s\n", p.F("THE INPUT HAS %s: rows or values with errors are not in these figures, so the result is not final (grb validate lists them)",
			strings.ToUpper(p.count(int64(r.InputErrors), "error", "errors"))))
	}
	ew.printf("\n")
	p.writeRuleTable(ew, r)
	for _, rr := range r.Rules {
		if !rr.Pass && !rr.Rule.Advisory {
			p.writeRuleFailure(ew, rr, r.Phase, max)
		}
	}
	for _, rr := range r.Rules {
		if !rr.Pass && rr.Rule.Advisory {
			ew.printf("\n%s\n", p.F("%s is below its aim (advisory, the check does not fail on it): %s.", rr.Rule.ID, p.ruleTitle(rr.Rule)))
		}
	}
	if r.Unverified > 0 {
		ew.printf("\n%s\n", p.S("Unverified thresholds (could not be checked against their source; treat the result as indicative):"))
		for _, rr := range r.Rules {
			if rr.Rule.Unverified {
				ew.printf("  %s\n", p.F("%s: %s", rr.Rule.ID, orDash(p.profileText(rr.Rule.Note))))
			}
		}
	}
	for _, n := range r.Notes {
		ew.printf("\n%s\n", p.F("note: %s", p.noteText(n)))
	}
	ew.printf("\n%s\n", p.verdictText(r))
}

// writeRuleTable writes one row per rule: its measured value, threshold,
// result and why.
func (p printer) writeRuleTable(ew *errWriter, r *analysis.CheckResult) {
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.S("rule"), p.S("measured"), p.S("threshold"), p.S("result"), p.S("why"))
	for _, rr := range r.Rules {
		th := "≥ " + p.bp(rr.Rule.Min)
		if rr.Rule.Kind == analysis.EveryLine {
			th = p.S("every line")
		}
		if rr.Rule.Unverified {
			th += p.S(" (unverified)")
		}
		result := p.passText(rr.Pass)
		if rr.Rule.Advisory {
			th += p.S(" (advisory)")
			if !rr.Pass {
				result = p.S("below")
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", rr.Rule.ID, p.measuredText(rr), th, result, p.ruleWhy(rr.Why))
	}
	tw.Flush()
}

// writeRuleFailure writes a failing rule: its failing groups, then at
// most max of the lines that drive the failure (all when max < 0),
// largest first.
func (p printer) writeRuleFailure(ew *errWriter, rr analysis.RuleResult, phase budget.Phase, max int) {
	ew.printf("\n%s\n", p.F("%s fails: %s.", rr.Rule.ID, p.ruleTitle(rr.Rule)))
	for _, g := range rr.Groups {
		if !g.Pass {
			ew.printf("  %s\n", p.F("%s: %s", p.keysText(g.Keys), p.ruleWhy(g.Why)))
		}
	}
	if len(rr.Lines) == 0 {
		ew.printf("  %s\n", p.S("no line to list: the share is undefined or every line already counts"))
		return
	}
	shown := len(rr.Lines)
	if max > 0 && shown > max {
		shown = max
	}
	what := p.failingLinesText(rr)
	if shown < len(rr.Lines) {
		ew.printf("  %s\n", p.F("%s, largest first (%s of %s):", what, p.num(int64(shown)), p.num(int64(len(rr.Lines)))))
	} else {
		ew.printf("  %s\n", p.F("%s, largest first:", what))
	}
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t%s\n", p.S("position"), p.S("unit"), p.S("description"), p.phaseLower(phase), p.S("marker"))
	for _, l := range rr.Lines[:shown] {
		amt := "-"
		if l.HasAmount {
			amt = p.money(l.Amount)
		}
		fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t%s\n", l.Pos, orDash(oneLine(l.Unit, 30)), orDash(oneLine(l.Description, 50)), amt, p.markerText(l.Level, l.Raw))
	}
	tw.Flush()
	if rest := len(rr.Lines) - shown; rest > 0 {
		if p.one(int64(rest)) {
			ew.printf("    %s\n", p.F("… and %s more line (--max-lines 0 or --format json lists every one)", p.num(int64(rest))))
		} else {
			ew.printf("    %s\n", p.F("… and %s more lines (--max-lines 0 or --format json lists every one)", p.num(int64(rest))))
		}
	}
}

// failingLinesText says which lines drive a rule's failure.
func (p printer) failingLinesText(rr analysis.RuleResult) string {
	what := p.F("lines below %s", p.levelName(rr.Rule.Level))
	switch {
	case rr.Rule.Kind == analysis.Coverage:
		what = p.S("lines not screened")
	case rr.Rule.Kind == analysis.AmountShare && rr.Rule.Weighting.Attributed:
		what = p.S("lines without a GEWE amount")
	}
	if len(rr.Groups) > 0 {
		what += p.S(" in the failing groups")
	}
	return what
}

// verdictText sums up a check: "All 3 rules pass.", "1 of 2 rules
// fails.", counting the rules that can fail (advisory rules apart).
func (p printer) verdictText(r *analysis.CheckResult) string {
	binding := 0
	for _, rr := range r.Rules {
		if !rr.Rule.Advisory {
			binding++
		}
	}
	s := ""
	switch {
	case r.Pass && binding == 1:
		s = p.S("The rule passes.")
	case r.Pass:
		s = p.F("All %d rules pass.", binding)
	case binding == 1:
		s = p.S("The rule fails.")
	case p.one(int64(r.Failed)):
		s = p.F("%d of %d rules fails.", r.Failed, binding)
	default:
		s = p.F("%d of %d rules fail.", r.Failed, binding)
	}
	if r.Advisory > 0 && p.one(int64(r.Advisory)) {
		s += p.F(" %d advisory rule is below its aim.", r.Advisory)
	} else if r.Advisory > 0 {
		s += p.F(" %d advisory rules are below their aim.", r.Advisory)
	}
	return s
}

// passText is a rule's or a year's result: "pass" or "FAIL".
func (p printer) passText(ok bool) string {
	if ok {
		return p.S("pass")
	}
	return p.S("FAIL")
}

// measuredText is the measured value of a rule for the table: the
// percentage, with its numerator and denominator.
func (p printer) measuredText(rr analysis.RuleResult) string {
	m := rr.Measured
	if _, ok := m.Value(); !ok {
		return p.S("undefined")
	}
	pct := p.reasonValue(analysis.Reason{Measured: m, Min: rr.Rule.Min, Pass: rr.Pass})
	s := ""
	if m.Unit == analysis.UnitLines {
		num, den := m.Lines()
		s = p.F("%s (%s of %s)", pct, p.num(num), p.lines(den))
	} else {
		s = p.F("%s (%s of %s)", pct, p.money(m.Num), p.money(m.Den))
	}
	if len(rr.Groups) > 0 {
		s += p.S(" lowest group")
	}
	return s
}

// keysText names a group by its keys: "objective 7 Reduce
// vulnerabilities, ministry Health".
func (p printer) keysText(keys []analysis.Key) string {
	s := make([]string, len(keys))
	for i, k := range keys {
		s[i] = p.S(string(k.Dim)) + " " + p.groupLabel(k)
	}
	return strings.Join(s, ", ")
}

// keysText is printer{}.keysText, in English.
func keysText(keys []analysis.Key) string { return printer{}.keysText(keys) }

// markerText is a level with the code as written: "limited (C)".
func (p printer) markerText(l budget.Level, raw string) string {
	s := strings.ToLower(p.level(l))
	if raw != "" {
		s += " (" + oneLine(raw, 12) + ")"
	}
	return s
}

// count is n with the noun's singular or plural in p's language (the
// catalog's words): "2 errors", "2 erreurs".
func (p printer) count(n int64, one, many string) string {
	if p.mp == nil {
		return format.CountOf(n, one, many)
	}
	return p.f.CountOf(n, p.S(one), p.S(many))
}

// profileText is a built-in profile's title, description or rule note in
// p's language: the catalog's words for the English text (a profile read
// from a user's file keeps its own words).
func (p printer) profileText(s string) string { return p.S(s) }
