package reports

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
}

// WriteComplianceText writes the outcome of a compliance check for
// people: a table with one row per rule (measured value, threshold,
// result and why), then, for each failing rule, the lines that drive the
// failure, largest first, and the notes on unverified thresholds.
func WriteComplianceText(w io.Writer, r *analysis.CheckResult, opt ComplianceOptions) error {
	max := opt.MaxLines
	if max == 0 {
		max = 10
	}
	ew := &errWriter{w: w}
	writeComplianceBody(ew, r, max)
	if p := r.Profile; p.Source != "" {
		ew.printf("Source of profile %s: %s\n", p.Name, p.Source)
	}
	return ew.err
}

// WriteComplianceYearsText writes the check of each fiscal year, as
// WriteComplianceText does, oldest first, then which years pass.
func WriteComplianceYearsText(w io.Writer, r *analysis.YearsCheck, opt ComplianceOptions) error {
	if len(r.Years) == 1 {
		return WriteComplianceText(w, r.Years[0], opt)
	}
	max := opt.MaxLines
	if max == 0 {
		max = 10
	}
	ew := &errWriter{w: w}
	ew.printf("%s: profile %s, checked for each of %d fiscal years: the targets are yearly\n", r.Source, r.Profile.Name, len(r.Years))
	var verdicts []string
	for _, y := range r.Years {
		ew.printf("\n== %s ==\n", checkYearText(y))
		writeComplianceBody(ew, y, max)
		verdicts = append(verdicts, checkYearText(y)+" "+passText(y.Pass))
	}
	ew.printf("\nBy fiscal year: %s.\n", strings.Join(verdicts, ", "))
	if r.Failed > 0 {
		ew.printf("%d of %d fiscal years %s; --where year=YEAR checks one.\n", r.Failed, len(r.Years), format.Plural(r.Failed, "fails", "fail"))
	} else {
		ew.printf("Every fiscal year passes.\n")
	}
	if p := r.Profile; p.Source != "" {
		ew.printf("Source of profile %s: %s\n", p.Name, p.Source)
	}
	return ew.err
}

// checkYearText names the fiscal year of a check: "fiscal year 2024-25",
// or "no stated fiscal year".
func checkYearText(r *analysis.CheckResult) string {
	switch {
	case r.YearLabel != "":
		return "fiscal year " + r.YearLabel
	case r.Year != 0:
		return fmt.Sprintf("fiscal year %d", r.Year)
	}
	return "no stated fiscal year"
}

// writeComplianceBody writes one check: what was checked, the rule
// table, the failures, unverified thresholds, notes and the verdict.
func writeComplianceBody(ew *errWriter, r *analysis.CheckResult, max int) {
	p := r.Profile
	year := ""
	if r.Year != 0 {
		year = checkYearText(r) + ", "
	}
	ew.printf("%s: profile %s, %s%s amounts, %s\n", r.Source, p.Name, year, r.Phase, format.Count(r.Lines, "line"))
	ew.printf("%s\n", p.Title)
	if r.InputErrors > 0 {
		ew.printf("THE INPUT HAS %s: rows or values with errors are not in these figures, so the result is not final (grb validate lists them)\n", strings.ToUpper(format.Count(r.InputErrors, "error")))
	}
	ew.printf("\n")
	writeRuleTable(ew, r)
	for _, rr := range r.Rules {
		if !rr.Pass && !rr.Rule.Advisory {
			writeRuleFailure(ew, rr, r.Phase, max)
		}
	}
	for _, rr := range r.Rules {
		if !rr.Pass && rr.Rule.Advisory {
			ew.printf("\n%s is below its aim (advisory, the check does not fail on it): %s.\n", rr.Rule.ID, ruleTitle(rr.Rule))
		}
	}
	if r.Unverified > 0 {
		ew.printf("\nUnverified thresholds (could not be checked against their source; treat the result as indicative):\n")
		for _, rr := range r.Rules {
			if rr.Rule.Unverified {
				ew.printf("  %s: %s\n", rr.Rule.ID, orDash(rr.Rule.Note))
			}
		}
	}
	for _, n := range r.Notes {
		ew.printf("\nnote: %s\n", noteText(n))
	}
	ew.printf("\n%s\n", verdictText(r))
}

// writeRuleTable writes one row per rule: its measured value, threshold,
// result and why.
func writeRuleTable(ew *errWriter, r *analysis.CheckResult) {
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "rule\tmeasured\tthreshold\tresult\twhy\n")
	for _, rr := range r.Rules {
		th := "≥ " + format.BasisPoints(rr.Rule.Min)
		if rr.Rule.Kind == analysis.EveryLine {
			th = "every line"
		}
		if rr.Rule.Unverified {
			th += " (unverified)"
		}
		result := passText(rr.Pass)
		if rr.Rule.Advisory {
			th += " (advisory)"
			if !rr.Pass {
				result = "below"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", rr.Rule.ID, measuredText(rr), th, result, ruleWhy(rr.Why))
	}
	tw.Flush()
}

// writeRuleFailure writes a failing rule: its failing groups, then at
// most max of the lines that drive the failure (all when max < 0),
// largest first.
func writeRuleFailure(ew *errWriter, rr analysis.RuleResult, phase budget.Phase, max int) {
	ew.printf("\n%s fails: %s.\n", rr.Rule.ID, ruleTitle(rr.Rule))
	for _, g := range rr.Groups {
		if !g.Pass {
			ew.printf("  %s: %s\n", keysText(g.Keys), ruleWhy(g.Why))
		}
	}
	if len(rr.Lines) == 0 {
		ew.printf("  no line to list: the share is undefined or every line already counts\n")
		return
	}
	shown := len(rr.Lines)
	if max > 0 && shown > max {
		shown = max
	}
	what := failingLinesText(rr)
	if shown < len(rr.Lines) {
		ew.printf("  %s, largest first (%d of %d):\n", what, shown, len(rr.Lines))
	} else {
		ew.printf("  %s, largest first:\n", what)
	}
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "    position\tunit\tdescription\t%s\tmarker\n", phase)
	for _, l := range rr.Lines[:shown] {
		amt := "-"
		if l.HasAmount {
			amt = format.Money(l.Amount)
		}
		fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t%s\n", l.Pos, orDash(oneLine(l.Unit, 30)), orDash(oneLine(l.Description, 50)), amt, markerText(l.Level, l.Raw))
	}
	tw.Flush()
	if rest := len(rr.Lines) - shown; rest > 0 {
		ew.printf("    … and %d more %s (--max-lines 0 or --format json lists every one)\n", rest, format.Plural(rest, "line", "lines"))
	}
}

// failingLinesText says which lines drive a rule's failure.
func failingLinesText(rr analysis.RuleResult) string {
	what := "lines below " + rr.Rule.Level.String()
	switch {
	case rr.Rule.Kind == analysis.Coverage:
		what = "lines not screened"
	case rr.Rule.Kind == analysis.AmountShare && rr.Rule.Weighting.Attributed:
		what = "lines without a GEWE amount"
	}
	if len(rr.Groups) > 0 {
		what += " in the failing groups"
	}
	return what
}

// verdictText sums up a check: "All 3 rules pass.", "1 of 2 rules
// fails.", counting the rules that can fail (advisory rules apart).
func verdictText(r *analysis.CheckResult) string {
	binding := 0
	for _, rr := range r.Rules {
		if !rr.Rule.Advisory {
			binding++
		}
	}
	s := ""
	switch {
	case r.Pass && binding == 1:
		s = "The rule passes."
	case r.Pass:
		s = fmt.Sprintf("All %d rules pass.", binding)
	case binding == 1:
		s = "The rule fails."
	default:
		s = fmt.Sprintf("%d of %d rules %s.", r.Failed, binding, format.Plural(r.Failed, "fails", "fail"))
	}
	if r.Advisory > 0 {
		s += fmt.Sprintf(" %s below %s aim.", format.CountOf(r.Advisory, "advisory rule is", "advisory rules are"), format.Plural(r.Advisory, "its", "their"))
	}
	return s
}

// WriteComplianceJSON writes the outcome of a compliance check as one
// JSON object, with every line that drives a failure, and each rule's
// reason in words.
func WriteComplianceJSON(w io.Writer, r *analysis.CheckResult) error {
	return WriteJSON(w, complianceJSON(r))
}

// WriteComplianceYearsJSON writes the check of each fiscal year as one
// JSON object: the source, profile, whether every year passes, how many
// fail, and "years", each as WriteComplianceJSON writes a check.
func WriteComplianceYearsJSON(w io.Writer, r *analysis.YearsCheck) error {
	out := struct {
		Source  string            `json:"source"`
		Profile analysis.Profile  `json:"profile"`
		Pass    bool              `json:"pass"`
		Failed  int               `json:"failed_years"`
		Years   []checkResultJSON `json:"years"`
	}{r.Source, r.Profile, r.Pass, r.Failed, []checkResultJSON{}}
	for _, y := range r.Years {
		j := complianceJSON(y)
		j.Profile = nil
		out.Years = append(out.Years, j)
	}
	return WriteJSON(w, out)
}

// checkResultJSON is the JSON shape of an analysis.CheckResult: its
// fields in their order, with the reasons and notes in words.
type checkResultJSON struct {
	Source      string            `json:"source"`
	Profile     *analysis.Profile `json:"profile,omitempty"` // nil in a year of WriteComplianceYearsJSON, which gives it once
	Year        int               `json:"year,omitempty"`
	YearLabel   string            `json:"year_label,omitempty"`
	Phase       budget.Phase      `json:"phase"`
	Lines       int               `json:"lines"`
	Pass        bool              `json:"pass"`
	Failed      int               `json:"failed"`
	Advisory    int               `json:"advisory"`
	Unverified  int               `json:"unverified"`
	Rules       []ruleResultJSON  `json:"rules"`
	Warnings    []string          `json:"warnings,omitempty"`
	InputErrors int               `json:"input_errors"`
}

// ruleResultJSON is the JSON shape of an analysis.RuleResult, its rule
// titled and its reason in words.
type ruleResultJSON struct {
	Rule     analysis.Rule      `json:"rule"`
	Pass     bool               `json:"pass"`
	Measured analysis.Measured  `json:"measured"`
	Why      string             `json:"why"`
	Groups   []groupCheckJSON   `json:"groups,omitempty"`
	Lines    []analysis.LineRef `json:"lines"`
}

// groupCheckJSON is the JSON shape of an analysis.GroupCheck, its reason
// in words.
type groupCheckJSON struct {
	analysis.GroupCheck
	Why string `json:"why"`
}

func complianceJSON(r *analysis.CheckResult) checkResultJSON {
	out := checkResultJSON{Source: r.Source, Profile: &r.Profile, Year: r.Year, YearLabel: r.YearLabel, Phase: r.Phase, Lines: r.Lines, Pass: r.Pass, Failed: r.Failed, Advisory: r.Advisory,
		Unverified: r.Unverified, Rules: make([]ruleResultJSON, 0, len(r.Rules)), Warnings: notesText(r.Notes), InputErrors: r.InputErrors}
	for _, rr := range r.Rules {
		rule := rr.Rule
		rule.Title = ruleTitle(rule)
		j := ruleResultJSON{Rule: rule, Pass: rr.Pass, Measured: rr.Measured, Why: ruleWhy(rr.Why), Lines: rr.Lines}
		for _, g := range rr.Groups {
			j.Groups = append(j.Groups, groupCheckJSON{GroupCheck: g, Why: ruleWhy(g.Why)})
		}
		out.Rules = append(out.Rules, j)
	}
	return out
}

func passText(ok bool) string {
	if ok {
		return "pass"
	}
	return "FAIL"
}

// measuredText is the measured value of a rule for the table: the
// percentage, with its numerator and denominator.
func measuredText(rr analysis.RuleResult) string {
	m := rr.Measured
	v, ok := m.Value()
	if !ok {
		return "undefined"
	}
	p := format.PercentAgainst(v, rr.Rule.Min, rr.Pass)
	s := ""
	if m.Unit == analysis.UnitLines {
		num, den := m.Lines()
		s = fmt.Sprintf("%s (%d of %s)", p, num, format.Count(den, "line"))
	} else {
		s = fmt.Sprintf("%s (%s of %s)", p, format.Money(m.Num), format.Money(m.Den))
	}
	if len(rr.Groups) > 0 {
		s += " lowest group"
	}
	return s
}

func keysText(keys []analysis.Key) string {
	s := make([]string, len(keys))
	for i, k := range keys {
		s[i] = string(k.Dim) + " " + k.Label
	}
	return strings.Join(s, ", ")
}

// markerText is a level with the code as written: "limited (C)".
func markerText(l budget.Level, raw string) string {
	s := strings.ToLower(l.Label())
	if raw != "" {
		s += " (" + oneLine(raw, 12) + ")"
	}
	return s
}
