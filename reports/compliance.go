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
	p := r.Profile
	ew.printf("%s: profile %s, %s amounts, %s\n", r.Source, p.Name, r.Phase, format.Count(r.Lines, "line"))
	ew.printf("%s\n", p.Title)
	if r.InputErrors > 0 {
		ew.printf("THE INPUT HAS %s: rows or values with errors are not in these figures, so the result is not final (grb validate lists them)\n", strings.ToUpper(format.Count(r.InputErrors, "error")))
	}
	ew.printf("\n")
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
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", rr.Rule.ID, measuredText(rr), th, passText(rr.Pass), rr.Why)
	}
	tw.Flush()

	for _, rr := range r.Rules {
		if rr.Pass {
			continue
		}
		ew.printf("\n%s fails: %s.\n", rr.Rule.ID, rr.Rule.Title)
		for _, g := range rr.Groups {
			if !g.Pass {
				ew.printf("  %s: %s\n", keysText(g.Keys), g.Why)
			}
		}
		if len(rr.Lines) == 0 {
			ew.printf("  no line to list: the share is undefined or every line already counts\n")
			continue
		}
		shown := len(rr.Lines)
		if max > 0 && shown > max {
			shown = max
		}
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
		if shown < len(rr.Lines) {
			ew.printf("  %s, largest first (%d of %d):\n", what, shown, len(rr.Lines))
		} else {
			ew.printf("  %s, largest first:\n", what)
		}
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "    position\tunit\tdescription\t%s\tmarker\n", r.Phase)
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

	if r.Unverified > 0 {
		ew.printf("\nUnverified thresholds (could not be checked against their source; treat the result as indicative):\n")
		for _, rr := range r.Rules {
			if rr.Rule.Unverified {
				ew.printf("  %s: %s\n", rr.Rule.ID, orDash(rr.Rule.Note))
			}
		}
	}
	for _, wmsg := range r.Warnings {
		ew.printf("\nnote: %s\n", wmsg)
	}
	ew.printf("\n")
	switch {
	case r.Pass && len(r.Rules) == 1:
		ew.printf("The rule passes.\n")
	case r.Pass:
		ew.printf("All %d rules pass.\n", len(r.Rules))
	case len(r.Rules) == 1:
		ew.printf("The rule fails.\n")
	default:
		ew.printf("%d of %d rules fail.\n", r.Failed, len(r.Rules))
	}
	if p.Source != "" {
		ew.printf("Source of profile %s: %s\n", p.Name, p.Source)
	}
	return ew.err
}

// WriteComplianceJSON writes the outcome of a compliance check as one
// JSON object, with every line that drives a failure.
func WriteComplianceJSON(w io.Writer, r *analysis.CheckResult) error {
	return WriteJSON(w, r)
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
		s = fmt.Sprintf("%s (%d of %d lines)", p, m.Num, m.Den)
	} else {
		s = fmt.Sprintf("%s (%s of %s)", p, format.Money(budget.Money(m.Num)), format.Money(budget.Money(m.Den)))
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
