package analysis_test

import (
	"fmt"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

// A budget of two lines checked against the UN 15% floor: the principal
// line is exactly 15% of the money, and a value on the threshold passes.
func ExampleCheck() {
	var shelters, borders budget.Line
	shelters.Description = "Shelters for migrant women"
	shelters.Amounts.Set(budget.Approved, budget.FromCents(15000)) // 150.00, in cents
	shelters.Gender.Level = budget.Principal
	borders.Description = "Border posts"
	borders.Amounts.Set(budget.Approved, budget.FromCents(85000))
	borders.Gender.Level = budget.NotTargeted
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{shelters, borders}...)}

	p, err := analysis.LookupProfile("un-15")
	if err != nil {
		panic(err)
	}
	r, err := analysis.Check(b, p, analysis.CheckOptions{})
	if err != nil {
		panic(err)
	}
	for _, rr := range r.Rules {
		why := rr.Why
		fmt.Printf("%s pass=%v unverified=%v\n", rr.Rule.ID, rr.Pass, rr.Rule.Unverified)
		fmt.Printf("%s: %s of %s under %s, threshold %d basis points, on it: %v\n",
			why.Code, why.Measured.Num, why.Measured.Den, why.Weighting, why.Min, why.OnThreshold)
	}
	// Output:
	// principal-15 pass=true unverified=true
	// money_share: 150.00 of 1000.00 under principal_only, threshold 1500 basis points, on it: true
}

// Scoring an SDG 5.c.1 questionnaire: criteria 1 and 3 are met, criterion
// 2 has 3 Yes of the 4 it needs and one question unanswered, so the
// classification (case F) is not final.
func ExampleScoreSDG5c1() {
	q := &sdg5c1.Questionnaire{Source: "5c1.xlsx", Year: 2024}
	answers := map[string]sdg5c1.YesNo{
		"1.1": sdg5c1.Yes, "1.2": sdg5c1.Yes, "1.3": sdg5c1.No,
		"2.1": sdg5c1.Yes, "2.2": sdg5c1.Yes, "2.3": sdg5c1.Yes, "2.4": sdg5c1.No, "2.5": sdg5c1.No, "2.6": sdg5c1.No,
		"3.1": sdg5c1.Yes, "3.2": sdg5c1.Yes, "3.3": sdg5c1.No,
	} // 2.7 not answered
	for _, qu := range sdg5c1.Default().Questions() {
		q.Answers = append(q.Answers, sdg5c1.QuestionAnswer{ID: qu.ID, Answer: answers[qu.ID], Found: true})
	}
	r, err := analysis.ScoreSDG5c1(q, analysis.SDG5c1Options{})
	if err != nil {
		panic(err)
	}
	for _, c := range r.Criteria {
		fmt.Printf("criterion %d: %d yes of %d needed, met=%v\n", c.Number, c.Yes, c.Need, c.Met)
	}
	fmt.Printf("case %s: %s (final=%v; could be %s; not answered %v)\n", r.Case, r.Classification, r.Final, r.Best, r.NotAnswered)
	// Output:
	// criterion 1: 2 yes of 2 needed, met=true
	// criterion 2: 3 yes of 4 needed, met=false
	// criterion 3: 2 yes of 2 needed, met=true
	// case F: approaches requirements (final=false; could be fully meets requirements; not answered [2.7])
}
