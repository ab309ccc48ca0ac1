package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

// WriteSDG5c1Text writes a scored questionnaire for people: the
// classification and its case, the criteria, every answer with its
// evidence, what a budget shows (contradictions first), and the
// questionnaire's issues.
func WriteSDG5c1Text(w io.Writer, r *analysis.SDG5c1Result) error {
	ew := &errWriter{w: w}
	head := r.Source + ": SDG 5.c.1 questionnaire"
	if r.Country != "" {
		head += ", " + r.Country
	}
	if r.YearLabel != "" {
		head += ", fiscal year " + r.YearLabel
	} else {
		head += ", fiscal year not given"
	}
	ew.printf("%s\n\n", head)
	ew.printf("Classification: %s (case %s: %s)\n", r.Classification, r.Case, caseText(r.Criteria))
	if len(r.NotAnswered) > 0 {
		if r.Final {
			ew.printf("  %s not answered (%s); answering %s could not change the classification.\n",
				plural(len(r.NotAnswered), "question"), strings.Join(r.NotAnswered, ", "), itThem(len(r.NotAnswered)))
		} else {
			ew.printf("  NOT FINAL: %s not answered (%s); answered Yes, the classification could be %s.\n",
				plural(len(r.NotAnswered), "question"), strings.Join(r.NotAnswered, ", "), r.Best)
		}
	}
	ew.printf("\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "criterion\tyes\tno\tnot answered\tneeded\tmet\n")
	for _, c := range r.Criteria {
		met := "no"
		if c.Met {
			met = "yes"
		} else if c.Open {
			met = "no (open: unanswered questions could meet it)"
		}
		fmt.Fprintf(tw, "%d %s\t%d\t%d\t%d\t%d of %d\t%s\n", c.Number, oneLine(c.Name, 50), c.Yes, c.No, c.NotAnswered, c.Need, c.Questions, met)
	}
	tw.Flush()

	ew.printf("\nanswers:\n")
	tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  id\tanswer\tevidence\n")
	for _, a := range r.Answers {
		ans := a.Answer.String()
		if a.Answer == sdg5c1.Unanswered && a.Raw != "" {
			ans = fmt.Sprintf("not answered (%q is not Yes or No)", oneLine(a.Raw, 20))
		} else if !a.Found {
			ans = "not answered (no row)"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", a.ID, ans, orDash(oneLine(a.Evidence, 60)))
	}
	tw.Flush()
	switch {
	case r.Share.OK:
		ew.printf("  optional: share of the budget allocated to gender equality %s%% (stated)\n", strconv.FormatFloat(r.Share.Percent, 'f', -1, 64))
	case r.Share.Raw != "":
		ew.printf("  optional: share of the budget %q not understood\n", r.Share.Raw)
	default:
		ew.printf("  optional: share of the budget allocated to gender equality not answered\n")
	}

	if e := r.Evidence; e != nil {
		ew.printf("\nCompared with %s", e.Source)
		if e.Year != 0 {
			ew.printf(" (fiscal year %d", e.Year)
		} else {
			ew.printf(" (every line")
		}
		ew.printf(", %s amounts, %s):\n", e.Phase, plural(e.Lines, "line"))
		for _, f := range r.Findings {
			if f.Contradiction {
				ew.printf("  CONTRADICTION %s: %s\n", f.Question, f.Text)
			}
		}
		for _, f := range r.Findings {
			if !f.Contradiction {
				ew.printf("  %s: %s\n", f.Question, f.Text)
			}
		}
		if len(e.Shares) > 0 {
			ew.printf("  share of the budget allocated to gender equality, by convention:\n")
			tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
			for _, c := range e.Shares {
				fmt.Fprintf(tw, "    \t%s\t%s\t%s\t\n", c.Weighting, group(c.GEWE), pct(c.Share))
			}
			tw.Flush()
		}
		for _, n := range e.Notes {
			ew.printf("  note: %s\n", n)
		}
		if c := r.Contradictions(); c > 0 {
			ew.printf("  %s between the answers and the budget: check the answers or the budget's tagging.\n", plural(c, "contradiction"))
		}
	}
	if len(r.Issues) > 0 {
		ew.printf("\nissues:\n")
		for _, i := range r.Issues {
			ew.printf("  %s\n", i.Error())
		}
	}
	return ew.err
}

func itThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// caseText says which criteria are met: "criteria 1 and 2 met, 3 not met".
func caseText(cs []analysis.CriterionScore) string {
	var met, not []string
	for _, c := range cs {
		if c.Met {
			met = append(met, strconv.Itoa(c.Number))
		} else {
			not = append(not, strconv.Itoa(c.Number))
		}
	}
	list := func(v []string) string {
		if len(v) == 1 {
			return "criterion " + v[0]
		}
		return "criteria " + strings.Join(v[:len(v)-1], ", ") + " and " + v[len(v)-1]
	}
	switch {
	case len(not) == 0:
		return "all three criteria met"
	case len(met) == 0:
		return "no criterion met"
	}
	return list(met) + " met, " + strings.Join(not, " and ") + " not met"
}

// WriteSDG5c1Track writes the tracking table of several years of
// questionnaires: per year, the Yes answers by criterion (✓ met), the
// case and classification, unanswered questions, contradictions, and the
// share of the budget as stated and as computed under each convention.
func WriteSDG5c1Track(w io.Writer, t *analysis.SDG5c1Track) error {
	ew := &errWriter{w: w}
	ew.printf("SDG 5.c.1 tracking, %s:\n", plural(len(t.Years), "questionnaire"))
	var convs []string
	seen := map[string]bool{}
	for _, y := range t.Years {
		for _, c := range y.Shares {
			if !seen[c.Weighting] {
				seen[c.Weighting] = true
				convs = append(convs, c.Weighting)
			}
		}
	}
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  year\tsource\tC1 (2 of 3)\tC2 (4 of 7)\tC3 (2 of 3)\tcase\tclassification\tnot answered\tcontradictions\tstated share")
	for _, c := range convs {
		fmt.Fprintf(tw, "\t%s", c)
	}
	fmt.Fprintf(tw, "\n")
	for _, y := range t.Years {
		year := y.YearLabel
		if year == "" {
			year = "-"
		}
		cls := y.Classification.String()
		if !y.Final {
			cls += " (not final)"
		}
		stated := "-"
		if y.StatedShare != nil {
			stated = strconv.FormatFloat(*y.StatedShare, 'f', -1, 64) + "%"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s", year, y.Source, tick(y.Yes[0], y.Met[0]), tick(y.Yes[1], y.Met[1]), tick(y.Yes[2], y.Met[2]),
			y.Case, cls, y.NotAnswered, y.Contradictions, stated)
		for _, name := range convs {
			v := "-"
			for _, c := range y.Shares {
				if c.Weighting == name {
					v = pct(c.Share)
				}
			}
			fmt.Fprintf(tw, "\t%s", v)
		}
		fmt.Fprintf(tw, "\n")
	}
	tw.Flush()
	for _, wmsg := range t.Warnings {
		ew.printf("note: %s\n", wmsg)
	}
	return ew.err
}

func tick(yes int, met bool) string {
	if met {
		return strconv.Itoa(yes) + " ✓"
	}
	return strconv.Itoa(yes) + " ✗"
}

// sdg5c1JSON is the JSON shape of grb sdg5c1's output.
type sdg5c1JSON struct {
	Questionnaires []*analysis.SDG5c1Result `json:"questionnaires"`
	Tracking       *analysis.SDG5c1Track    `json:"tracking"`
}

// WriteSDG5c1JSON writes scored questionnaires and their tracking table
// as one JSON object: {"questionnaires": […], "tracking": {…}}.
func WriteSDG5c1JSON(w io.Writer, rs []*analysis.SDG5c1Result, t *analysis.SDG5c1Track) error {
	if rs == nil {
		rs = []*analysis.SDG5c1Result{}
	}
	return WriteJSON(w, sdg5c1JSON{Questionnaires: rs, Tracking: t})
}
