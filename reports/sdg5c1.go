package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
	"github.com/grb-toolkit/grb/internal/format"
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
				format.Count(len(r.NotAnswered), "question"), strings.Join(r.NotAnswered, ", "), format.Plural(len(r.NotAnswered), "it", "them"))
		} else {
			ew.printf("  NOT FINAL: %s not answered (%s); answered Yes, the classification could be %s.\n",
				format.Count(len(r.NotAnswered), "question"), strings.Join(r.NotAnswered, ", "), r.Best)
		}
	}
	ew.printf("\n")
	writeSDG5c1Criteria(ew, r.Criteria)
	writeSDG5c1Answers(ew, r)
	if r.Evidence != nil {
		writeSDG5c1Evidence(ew, r)
	}
	if len(r.Issues) > 0 {
		ew.printf("\nissues:\n")
		for _, i := range r.Issues {
			ew.printf("  %s\n", i.Error())
		}
	}
	return ew.err
}

// writeSDG5c1Criteria writes the table of criteria: Yes, No and
// unanswered questions, how many Yes are needed, and whether it is met.
func writeSDG5c1Criteria(ew *errWriter, cs []analysis.CriterionScore) {
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "criterion\tyes\tno\tnot answered\tneeded\tmet\n")
	for _, c := range cs {
		met := "no"
		if c.Met {
			met = "yes"
		} else if c.Open {
			met = "no (open: unanswered questions could meet it)"
		}
		fmt.Fprintf(tw, "%d %s\t%d\t%d\t%d\t%d of %d\t%s\n", c.Number, oneLine(c.Name, 50), c.Yes, c.No, c.NotAnswered, c.Need, c.Questions, met)
	}
	tw.Flush()
}

// writeSDG5c1Answers writes every answer with its evidence, then the
// optional share of the budget.
func writeSDG5c1Answers(ew *errWriter, r *analysis.SDG5c1Result) {
	ew.printf("\nanswers:\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
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
		ew.printf("  optional: share of the budget allocated to gender equality %s (stated)\n", format.PercentExact(r.Share.Percent))
	case r.Share.Raw != "":
		ew.printf("  optional: share of the budget %q not understood\n", r.Share.Raw)
	default:
		ew.printf("  optional: share of the budget allocated to gender equality not answered\n")
	}
}

// writeSDG5c1Evidence writes what the budget shows: the findings,
// contradictions first, the share under each convention, and the notes.
func writeSDG5c1Evidence(ew *errWriter, r *analysis.SDG5c1Result) {
	e := r.Evidence
	ew.printf("\nCompared with %s", e.Source)
	if e.Year != 0 {
		ew.printf(" (fiscal year %d", e.Year)
	} else {
		ew.printf(" (every line")
	}
	ew.printf(", %s amounts, %s):\n", e.Phase, format.Count(e.Lines, "line"))
	for _, f := range r.Findings {
		if f.Contradiction {
			ew.printf("  CONTRADICTION %s: %s\n", f.Question, findingText(f, e))
		}
	}
	for _, f := range r.Findings {
		if !f.Contradiction {
			ew.printf("  %s: %s\n", f.Question, findingText(f, e))
		}
	}
	if len(e.Shares) > 0 {
		ew.printf("  share of the budget allocated to gender equality, by convention:\n")
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
		for _, c := range e.Shares {
			fmt.Fprintf(tw, "    \t%s\t%s\t%s\t\n", c.Weighting, format.Money(c.GEWE), format.Share(c.Share.Value()))
		}
		tw.Flush()
	}
	for _, n := range e.Notes {
		ew.printf("  note: %s\n", noteText(n))
	}
	if c := r.Contradictions(); c > 0 {
		ew.printf("  %s between the answers and the budget: check the answers or the budget's tagging.\n", format.Count(c, "contradiction"))
	}
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
		return "criteria " + format.List(v, "and")
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
	ew.printf("SDG 5.c.1 tracking, %s:\n", format.Count(len(t.Years), "questionnaire"))
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
			stated = format.PercentExact(*y.StatedShare)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s", year, y.Source, tick(y.Yes[0], y.Met[0]), tick(y.Yes[1], y.Met[1]), tick(y.Yes[2], y.Met[2]),
			y.Case, cls, y.NotAnswered, y.Contradictions, stated)
		for _, name := range convs {
			v := "-"
			for _, c := range y.Shares {
				if c.Weighting == name {
					v = format.Share(c.Share.Value())
				}
			}
			fmt.Fprintf(tw, "\t%s", v)
		}
		fmt.Fprintf(tw, "\n")
	}
	tw.Flush()
	for _, n := range t.Notes {
		ew.printf("note: %s\n", noteText(n))
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
	Questionnaires []sdg5c1ResultJSON `json:"questionnaires"`
	Tracking       *sdg5c1TrackJSON   `json:"tracking"`
}

// WriteSDG5c1JSON writes scored questionnaires and their tracking table
// as one JSON object: {"questionnaires": […], "tracking": {…}}, with the
// findings and notes in words.
func WriteSDG5c1JSON(w io.Writer, rs []*analysis.SDG5c1Result, t *analysis.SDG5c1Track) error {
	v := sdg5c1JSON{Questionnaires: make([]sdg5c1ResultJSON, len(rs))}
	for i, r := range rs {
		v.Questionnaires[i] = sdg5c1ResultOf(r)
	}
	if t != nil {
		v.Tracking = &sdg5c1TrackJSON{SDG5c1Track: *t, Warnings: notesText(t.Notes)}
	}
	return WriteJSON(w, v)
}

// sdg5c1ResultJSON is the JSON shape of an analysis.SDG5c1Result: its
// fields in their order, with the findings and notes in words.
type sdg5c1ResultJSON struct {
	Source         string                    `json:"source"`
	Country        string                    `json:"country,omitempty"`
	Year           int                       `json:"year,omitempty"`
	YearLabel      string                    `json:"year_label,omitempty"`
	Answers        []analysis.SDG5c1Answer   `json:"answers"`
	Criteria       []analysis.CriterionScore `json:"criteria"`
	Case           string                    `json:"case"`
	Classification analysis.Classification   `json:"classification"`
	Final          bool                      `json:"final"`
	Best           analysis.Classification   `json:"best"`
	NotAnswered    []string                  `json:"not_answered"`
	Share          sdg5c1.ShareAnswer        `json:"stated_share"`
	Evidence       *sdg5c1EvidenceJSON       `json:"evidence,omitempty"`
	Findings       []findingJSON             `json:"findings"`
	Issues         []budget.Issue            `json:"issues,omitempty"`
}

// sdg5c1EvidenceJSON is the JSON shape of an analysis.SDG5c1Evidence,
// its notes in words.
type sdg5c1EvidenceJSON struct {
	analysis.SDG5c1Evidence
	Notes []string `json:"notes,omitempty"`
}

// findingJSON is the JSON shape of an analysis.Finding, in words.
type findingJSON struct {
	analysis.Finding
	Text string `json:"text"`
}

// sdg5c1TrackJSON is the JSON shape of an analysis.SDG5c1Track, its notes
// in words.
type sdg5c1TrackJSON struct {
	analysis.SDG5c1Track
	Warnings []string `json:"warnings,omitempty"`
}

func sdg5c1ResultOf(r *analysis.SDG5c1Result) sdg5c1ResultJSON {
	v := sdg5c1ResultJSON{Source: r.Source, Country: r.Country, Year: r.Year, YearLabel: r.YearLabel, Answers: r.Answers, Criteria: r.Criteria,
		Case: r.Case, Classification: r.Classification, Final: r.Final, Best: r.Best, NotAnswered: r.NotAnswered, Share: r.Share,
		Findings: make([]findingJSON, len(r.Findings)), Issues: r.Issues}
	if r.Evidence != nil {
		v.Evidence = &sdg5c1EvidenceJSON{SDG5c1Evidence: *r.Evidence, Notes: notesText(r.Evidence.Notes)}
	}
	for i, f := range r.Findings {
		v.Findings[i] = findingJSON{Finding: f, Text: findingText(f, r.Evidence)}
	}
	return v
}
