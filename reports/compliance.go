package reports

import (
	"io"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

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
