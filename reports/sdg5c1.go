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

// SDG5c1Options controls WriteSDG5c1Text and WriteSDG5c1Track.
type SDG5c1Options struct {
	// Lang is the language of the text: English (the zero value), French
	// or Spanish. Question ids, file names, evidence as answered and
	// convention names stay as written.
	Lang Lang
}

// WriteSDG5c1Text writes a scored questionnaire for people: the
// classification and its case, the criteria, every answer with its
// evidence, what a budget shows (contradictions first), and the
// questionnaire's issues.
func WriteSDG5c1Text(w io.Writer, r *analysis.SDG5c1Result, opt SDG5c1Options) error {
	p := newPrinter(opt.Lang)
	ew := &errWriter{w: w}
	head := p.F("%s: SDG 5.c.1 questionnaire", r.Source)
	if r.Country != "" {
		head += ", " + r.Country
	}
	if r.YearLabel != "" {
		head += p.F(", fiscal year %s", r.YearLabel)
	} else {
		head += p.S(", fiscal year not given")
	}
	ew.printf("%s\n\n", head)
	ew.printf("%s\n", p.F("Classification: %s (case %s: %s)", p.S(r.Classification.String()), r.Case, p.caseText(r.Criteria)))
	if n := len(r.NotAnswered); n > 0 {
		qs := p.count(int64(n), "question", "questions")
		ids := strings.Join(r.NotAnswered, ", ")
		switch {
		case r.Final && p.one(int64(n)):
			ew.printf("  %s\n", p.F("%s not answered (%s); answering it could not change the classification.", qs, ids))
		case r.Final:
			ew.printf("  %s\n", p.F("%s not answered (%s); answering them could not change the classification.", qs, ids))
		default:
			ew.printf("  %s\n", p.F("NOT FINAL: %s not answered (%s); answered Yes, the classification could be %s.", qs, ids, p.S(r.Best.String())))
		}
	}
	ew.printf("\n")
	p.writeSDG5c1Criteria(ew, r.Criteria)
	p.writeSDG5c1Answers(ew, r)
	if r.Evidence != nil {
		p.writeSDG5c1Evidence(ew, r)
	}
	if len(r.Issues) > 0 {
		ew.printf("\n%s\n", p.S("issues:"))
		for _, i := range r.Issues {
			ew.printf("  %s\n", i.Error())
		}
	}
	return ew.err
}

// writeSDG5c1Criteria writes the table of criteria: Yes, No and
// unanswered questions, how many Yes are needed, and whether it is met.
func (p printer) writeSDG5c1Criteria(ew *errWriter, cs []analysis.CriterionScore) {
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.S("criterion"), p.S("yes"), p.S("no"), p.S("not answered"), p.S("needed"), p.S("met"))
	for _, c := range cs {
		met := p.S("no")
		if c.Met {
			met = p.S("yes")
		} else if c.Open {
			met = p.S("no (open: unanswered questions could meet it)")
		}
		fmt.Fprintf(tw, "%d %s\t%d\t%d\t%d\t%s\t%s\n", c.Number, oneLine(p.S(c.Name), 50), c.Yes, c.No, c.NotAnswered, p.F("%d of %d", c.Need, c.Questions), met)
	}
	tw.Flush()
}

// writeSDG5c1Answers writes every answer with its evidence, then the
// optional share of the budget.
func (p printer) writeSDG5c1Answers(ew *errWriter, r *analysis.SDG5c1Result) {
	ew.printf("\n%s\n", p.S("answers:"))
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  %s\t%s\t%s\n", p.S("id"), p.S("answer"), p.S("evidence"))
	for _, a := range r.Answers {
		ans := p.S(a.Answer.String())
		if a.Answer == sdg5c1.Unanswered && a.Raw != "" {
			ans = p.F("not answered (%q is not Yes or No)", oneLine(a.Raw, 20))
		} else if !a.Found {
			ans = p.S("not answered (no row)")
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", a.ID, ans, orDash(oneLine(a.Evidence, 60)))
	}
	tw.Flush()
	switch {
	case r.Share.OK:
		ew.printf("  %s\n", p.F("optional: share of the budget allocated to gender equality %s (stated)", p.pctExact(r.Share.Percent)))
	case r.Share.Raw != "":
		ew.printf("  %s\n", p.F("optional: share of the budget %q not understood", r.Share.Raw))
	default:
		ew.printf("  %s\n", p.S("optional: share of the budget allocated to gender equality not answered"))
	}
}

// writeSDG5c1Evidence writes what the budget shows: the findings,
// contradictions first, the share under each convention, and the notes.
func (p printer) writeSDG5c1Evidence(ew *errWriter, r *analysis.SDG5c1Result) {
	e := r.Evidence
	if e.Year != 0 {
		ew.printf("\n%s\n", p.F("Compared with %s (fiscal year %s, %s amounts, %s):", e.Source, y(e.Year), p.phase(e.Phase), p.lines(int64(e.Lines))))
	} else {
		ew.printf("\n%s\n", p.F("Compared with %s (every line, %s amounts, %s):", e.Source, p.phase(e.Phase), p.lines(int64(e.Lines))))
	}
	for _, f := range r.Findings {
		if f.Contradiction {
			ew.printf("  %s\n", p.F("CONTRADICTION %s: %s", p.questionID(f.Question), p.findingText(f, e)))
		}
	}
	for _, f := range r.Findings {
		if !f.Contradiction {
			ew.printf("  %s\n", p.F("%s: %s", p.questionID(f.Question), p.findingText(f, e)))
		}
	}
	if len(e.Shares) > 0 {
		ew.printf("  %s\n", p.S("share of the budget allocated to gender equality, by convention:"))
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
		for _, c := range e.Shares {
			fmt.Fprintf(tw, "    \t%s\t%s\t%s\t\n", c.Weighting, p.money(c.GEWE), p.share(c.Share.Value()))
		}
		tw.Flush()
	}
	for _, n := range e.Notes {
		ew.printf("  %s\n", p.F("note: %s", p.noteText(n)))
	}
	if c := int64(r.Contradictions()); c > 0 {
		ew.printf("  %s\n", p.F("%s between the answers and the budget: check the answers or the budget's tagging.", p.count(c, "contradiction", "contradictions")))
	}
}

// questionID is a question's id as the text shows it: "2.5", or
// "optional" in p's language for the optional share.
func (p printer) questionID(id string) string {
	if id == "optional" {
		return p.S("optional")
	}
	return id
}

// share is a share of a whole in p's language ("n/a" when undefined).
func (p printer) share(fraction float64, defined bool) string {
	if p.mp == nil {
		return format.Share(fraction, defined)
	}
	return p.f.Share(fraction, defined)
}

// caseText says which criteria are met: "criteria 1 and 2 met, 3 not met".
func (p printer) caseText(cs []analysis.CriterionScore) string {
	var met, not []string
	for _, c := range cs {
		if c.Met {
			met = append(met, strconv.Itoa(c.Number))
		} else {
			not = append(not, strconv.Itoa(c.Number))
		}
	}
	switch {
	case len(not) == 0:
		return p.S("all three criteria met")
	case len(met) == 0:
		return p.S("no criterion met")
	case len(met) == 1:
		return p.F("criterion %s met, %s not met", met[0], p.list(not))
	}
	return p.F("criteria %s met, %s not met", p.list(met), p.list(not))
}

// WriteSDG5c1Track writes the tracking table of several years of
// questionnaires: per year, the Yes answers by criterion (✓ met), the
// case and classification, unanswered questions, contradictions, and the
// share of the budget as stated and as computed under each convention.
func WriteSDG5c1Track(w io.Writer, t *analysis.SDG5c1Track, opt SDG5c1Options) error {
	p := newPrinter(opt.Lang)
	ew := &errWriter{w: w}
	ew.printf("%s\n", p.F("SDG 5.c.1 tracking, %s:", p.count(int64(len(t.Years)), "questionnaire", "questionnaires")))
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
	fmt.Fprintf(tw, "  %s", strings.Join([]string{p.S("year"), p.S("source"), p.S("C1 (2 of 3)"), p.S("C2 (4 of 7)"), p.S("C3 (2 of 3)"), p.S("case"),
		p.S("classification"), p.S("not answered"), p.S("contradictions"), p.S("stated share")}, "\t"))
	for _, c := range convs {
		fmt.Fprintf(tw, "\t%s", c)
	}
	fmt.Fprintf(tw, "\n")
	for _, y := range t.Years {
		year := y.YearLabel
		if year == "" {
			year = "-"
		}
		cls := p.S(y.Classification.String())
		if !y.Final {
			cls += p.S(" (not final)")
		}
		stated := "-"
		if y.StatedShare != nil {
			stated = p.pctExact(*y.StatedShare)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s", year, y.Source, tick(y.Yes[0], y.Met[0]), tick(y.Yes[1], y.Met[1]), tick(y.Yes[2], y.Met[2]),
			y.Case, cls, y.NotAnswered, y.Contradictions, stated)
		for _, name := range convs {
			v := "-"
			for _, c := range y.Shares {
				if c.Weighting == name {
					v = p.share(c.Share.Value())
				}
			}
			fmt.Fprintf(tw, "\t%s", v)
		}
		fmt.Fprintf(tw, "\n")
	}
	tw.Flush()
	for _, n := range t.Notes {
		ew.printf("%s\n", p.F("note: %s", p.noteText(n)))
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
