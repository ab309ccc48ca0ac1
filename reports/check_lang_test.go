package reports

import (
	"regexp"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

// checkTextIDs are what a check's or questionnaire's text may name as
// written: profile names, rule ids, conventions, file names, flags,
// command names, question ids and the Fund's marker categories.
var checkTextIDs = regexp.MustCompile(`mptf|un-15|undp|eu-gap3|every-line-a-or-b|screened|principal-15|gen2-gen3-70|gen3-15|g1-g2-85|g2-5|dac_headline|principal_only|eu_100_40_0|attributed|GEWE|examplia-budget\.xlsx|q\.xlsx|grb (validate|check)|--[a-z-]+( [A-Z=0-9]+)?|--format json|year=\S+|https?://\S+|MPTF|SDG 5\.c\.1`)

// checkSource is the part of a line that cites a public source by its own
// title, left in its language.
var checkSource = regexp.MustCompile(`(Source of profile|Source du profil|Fuente del perfil)[^:]*:.*$`)

// leaks returns the lines of text that hold a common English word, ids
// and citations left out, and the rows that list a file's lines (their
// units and descriptions are the file's words).
func leaks(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, ".xlsx:FY") {
			continue
		}
		rest := checkTextIDs.ReplaceAllString(checkSource.ReplaceAllString(line, ""), "")
		if m := englishWords.FindString(rest); m != "" {
			out = append(out, m+": "+line)
		}
	}
	return out
}

// TestComplianceTextLang: grb check --lang fr|es writes its text in the
// language: the rule table, failures, lines, notes, the profile's title,
// unverified notes and the verdict, with CLDR numbers (U+202F groups in
// French); English stays as before.
func TestComplianceTextLang(t *testing.T) {
	b := sampleReport(t).Budgets[0]
	for _, name := range []string{"mptf", "un-15", "undp", "eu-gap3"} {
		p, err := analysis.LookupProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		res, err := analysis.CheckYears(b, p, analysis.CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range []Lang{French, Spanish} {
			var buf strings.Builder
			if err := WriteComplianceYearsText(&buf, res, ComplianceOptions{Lang: l}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, leak := range leaks(out) {
				t.Errorf("%s %s: English word in %q", name, l, leak)
			}
			if title := newPrinter(l).S(p.Title); title == p.Title || !strings.Contains(out, title) {
				t.Errorf("%s %s: profile title not in the language (%q)", name, l, title)
			}
			if l == French && regexp.MustCompile(`[0-9][ \x{00a0}][0-9]{3}\b`).MatchString(out) {
				t.Errorf("%s fr: digit groups not separated by U+202F:\n%s", name, out)
			}
		}
	}
}

// TestSDG5c1TextLang: grb sdg5c1 --lang fr|es writes the classification,
// criteria, answers, findings, contradictions, notes and the tracking
// table in the language.
func TestSDG5c1TextLang(t *testing.T) {
	b := sampleReport(t).Budgets[0]
	var results []*analysis.SDG5c1Result
	for _, q := range []*sdg5c1.Questionnaire{sdgQuestionnaire(t, "yyn yyyy yyy nnn", 2025), sdgQuestionnaire(t, "yyn ynnn yyy nyn", 2024), sdgQuestionnaire(t, "nnn nnnn nnn nnn", 2019)} {
		q.Share = sdg5c1.ShareAnswer{Raw: "12", Percent: 12, OK: true}
		r, err := analysis.ScoreSDG5c1(q, analysis.SDG5c1Options{Budget: b})
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	track := analysis.TrackSDG5c1(results)
	for _, l := range []Lang{French, Spanish} {
		var buf strings.Builder
		for _, r := range results {
			if err := WriteSDG5c1Text(&buf, r, SDG5c1Options{Lang: l}); err != nil {
				t.Fatal(err)
			}
		}
		if err := WriteSDG5c1Track(&buf, track, SDG5c1Options{Lang: l}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, leak := range leaks(out) {
			t.Errorf("%s: English word in %q", l, leak)
		}
		if !strings.Contains(out, newPrinter(l).S(analysis.FullyMeets.String())) && !strings.Contains(out, newPrinter(l).S(analysis.Approaches.String())) {
			t.Errorf("%s: classification not in the language:\n%s", l, out)
		}
	}
}

// TestWorkbookComplianceNote: the Compliance sheet of report.xlsx gives
// each rule's note (why a threshold is unverified, how actions are
// counted), in the report's language.
func TestWorkbookComplianceNote(t *testing.T) {
	prof, err := analysis.LookupProfile("un-15")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []Lang{English, French, Spanish} {
		r, err := Build(sampleReport(t).Budgets, Options{Profile: &prof, Lang: l})
		if err != nil {
			t.Fatal(err)
		}
		f, _ := writeAndOpen(t, r)
		rows, err := f.GetRows("Compliance")
		if err != nil || len(rows) < 2 || len(rows[0]) < 10 || len(rows[1]) < 10 {
			t.Fatalf("%s: Compliance rows %q (%v)", l, rows, err)
		}
		p := newPrinter(l)
		if got, want := rows[0][9], p.S("Note"); got != want {
			t.Errorf("%s: header %q, want %q", l, got, want)
		}
		if got, want := rows[1][9], p.S(prof.Rules[0].Note); got != want || (l != English && got == prof.Rules[0].Note) {
			t.Errorf("%s: note %q, want %q", l, got, want)
		}
	}
}
