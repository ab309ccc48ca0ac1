package reports

import (
	"regexp"
	"testing"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

// complianceReport is the sample's report in l with the mptf profile and
// one SDG 5.c.1 questionnaire, as grb demo --lang l --profile mptf builds it.
func complianceReport(t *testing.T, l Lang) *Report {
	t.Helper()
	p, err := analysis.LookupProfile("mptf")
	if err != nil {
		t.Fatal(err)
	}
	q := &sdg5c1.Questionnaire{Source: "5c1.xlsx", Year: 2024, YearLabel: "2024"}
	r, err := Build(sampleReport(t).Budgets, Options{Synthetic: true, Lang: l, Profile: &p, SDG5c1: []*sdg5c1.Questionnaire{q}})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestNoEnglishLeakCompliance: the Compliance and SDG 5.c.1 tables of the
// French and Spanish report (heading, caption, column heads, requirement,
// result, why, classification) hold no common English word, the
// profile's title and description included. Rule ids and file names are
// data.
func TestNoEnglishLeakCompliance(t *testing.T) {
	ids := regexp2()
	for _, l := range []Lang{French, Spanish} {
		r := complianceReport(t, l)
		if r.Compliance == nil || r.Track == nil {
			t.Fatalf("%s: no compliance or no tracking", l)
		}
		var texts []string
		for _, table := range []func(*Report, string) (htmlTable, bool){complianceTable, sdgTable} {
			tb, ok := table(r, "")
			if !ok {
				t.Fatalf("%s: table missing", l)
			}
			texts = append(texts, tb.Heading, tb.Caption)
			for _, h := range tb.Head {
				texts = append(texts, h.Text)
			}
			for _, row := range tb.Rows {
				for i, c := range row.Cells {
					if tb.ID == "compliance" && i == 0 || tb.ID == "sdg5c1" && i <= 1 {
						continue
					}
					texts = append(texts, c.Text)
				}
			}
		}
		for _, s := range texts {
			rest := citation.ReplaceAllString(ids.ReplaceAllString(s, ""), "")
			if m := englishWords.FindString(rest); m != "" {
				t.Errorf("%s: English word %q in %q", l, m, s)
			}
		}
	}
}

// regexp2 are the identifiers a compliance sentence may name: conventions.
func regexp2() *regexp.Regexp {
	return regexp.MustCompile(`dac_headline|principal_only|eu_100_40_0|attributed|GEWE`)
}
