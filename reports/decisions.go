package reports

import (
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// decisionWhere names a decision's sheet and column: "Sheet1, column
// Approved".
func decisionWhere(in budget.Decision) string {
	var parts []string
	if in.Sheet != "" {
		parts = append(parts, "sheet "+in.Sheet)
	}
	if in.Column != "" {
		parts = append(parts, "column "+in.Column)
	}
	return strings.Join(parts, ", ")
}

// decisionText writes a decision for people: what was decided, on what
// evidence, and how to decide otherwise.
func decisionText(in budget.Decision) string {
	s := in.Choice
	if in.Evidence != "" {
		s += ": " + in.Evidence
	}
	if in.Ambiguous {
		s += " (ambiguous)"
	}
	if in.Override != "" {
		s += "; otherwise " + in.Override
	}
	return s
}

// inspectDecisions lists what was decided on evidence while reading.
func inspectDecisions(ew *errWriter, ins []budget.Decision) {
	if len(ins) == 0 {
		return
	}
	ew.printf("\nDecided on evidence:\n")
	for _, in := range ins {
		where := decisionWhere(in)
		if where != "" {
			where = " (" + where + ")"
		}
		ew.printf("  %s%s: %s\n", in.Topic, where, decisionText(in))
	}
}

// reportDecisions returns every budget's inferences as term and
// definition, for the report's methodology.
func reportDecisions(r *Report) []htmlDef {
	var out []htmlDef
	for _, b := range r.Budgets {
		for _, in := range b.Decisions {
			term := "Read " + fileName(b.Source) + ": " + in.Topic
			if w := decisionWhere(in); w != "" {
				term += " (" + w + ")"
			}
			out = append(out, htmlDef{term, decisionText(in)})
		}
	}
	return out
}
