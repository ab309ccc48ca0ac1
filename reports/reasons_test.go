package reports

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

// reasonLine builds a line with an approved amount in cents, a marker
// level and optional objectives, in USD.
func reasonLine(desc string, approved budget.Money, lv budget.Level, objs ...budget.ObjectiveShare) budget.Line {
	var l budget.Line
	l.Description = desc
	l.Amounts.Set(budget.Approved, approved)
	l.Gender.Level = lv
	l.Objectives = objs
	l.Currency = "USD"
	return l
}

func mustCheck(t *testing.T, b *budget.Budget, p analysis.Profile) *analysis.CheckResult {
	t.Helper()
	r, err := analysis.Check(b, p, analysis.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func builtinProfile(t *testing.T, name string) analysis.Profile {
	t.Helper()
	p, err := analysis.LookupProfile(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRuleWhy checks the words of the reasons Check gives.
func TestRuleWhy(t *testing.T) {
	P, N := budget.Principal, budget.NotTargeted
	tests := []struct {
		name    string
		profile string
		lines   []budget.Line
		want    string
	}{
		{
			"exactly on", "un-15",
			[]budget.Line{reasonLine("p", budget.FromCents(15000), P), reasonLine("n", budget.FromCents(85000), N)},
			"principal money, counted under principal_only, is 15.0% of the approved budget (150.00 of 1,000.00); at least 15% required (exactly on the threshold, which passes)",
		},
		{
			// 14.999 % prints with enough decimals not to look like 15.0 %.
			"a cent short", "un-15",
			[]budget.Line{reasonLine("p", budget.FromCents(14999), P), reasonLine("n", budget.FromCents(85001), N)},
			"principal money, counted under principal_only, is 14.999% of the approved budget (149.99 of 1,000.00); at least 15% required: 0.01 short",
		},
		{
			"no money", "un-15",
			[]budget.Line{reasonLine("p", budget.FromCents(0), P)},
			"the approved amounts sum to 0 (or no line has one), so the share is undefined and the rule cannot pass",
		},
		{
			"no lines", "mptf",
			nil,
			"there are no lines, so the share is undefined and the rule cannot pass",
		},
		{
			"every line", "mptf",
			[]budget.Line{reasonLine("p", budget.FromCents(100), P), reasonLine("n", budget.FromCents(100), N), reasonLine("x", budget.FromCents(100), budget.NotScreened)},
			"2 of 3 lines are below significant (1 not targeted, 1 not screened)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustCheck(t, &budget.Budget{Lines: budget.LinesOf(tt.lines...)}, builtinProfile(t, tt.profile))
			if got := ruleWhy(r.Rules[0].Why); got != tt.want {
				t.Errorf("ruleWhy = %q\nwant      %q", got, tt.want)
			}
		})
	}
}

// TestRuleWhyPerGroup checks the words of a rule every group must pass.
func TestRuleWhyPerGroup(t *testing.T) {
	p, err := analysis.ParseProfile(strings.NewReader(`
name: per-objective
rules:
  - id: gewe-20
    kind: amount_share
    level: significant
    weighting: eu_100_40_0
    per: objective
    min: 20%
`))
	if err != nil {
		t.Fatal(err)
	}
	S, N := budget.Significant, budget.NotTargeted
	// Objective 7 has 20.00 of GEWE money in 100.00 (20 %, passes);
	// objective 16 20.00 in 200.00 (10 %, fails, 20.00 short).
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		reasonLine("split", budget.FromCents(10000), S, budget.ObjectiveShare{Objective: 7, Share: 5000}, budget.ObjectiveShare{Objective: 16, Share: 5000}),
		reasonLine("o7 other", budget.FromCents(5000), N, budget.ObjectiveShare{Objective: 7, Share: 10000}),
		reasonLine("o16 other", budget.FromCents(15000), N, budget.ObjectiveShare{Objective: 16, Share: 10000}),
	}...)}
	r := mustCheck(t, b, p)
	want := "1 of 2 objective groups pass; every group must. The lowest, objective 16 Inclusion and social cohesion: significant or principal money, counted under eu_100_40_0, is 10.0% of its approved money (20.00 of 200.00); at least 20% required: 20.00 short"
	if got := ruleWhy(r.Rules[0].Why); got != want {
		t.Errorf("ruleWhy = %q\nwant      %q", got, want)
	}
	if got, want := ruleTitle(r.Rules[0].Rule), "at least 20% of the budget at significant or principal"; got != want {
		t.Errorf("ruleTitle = %q, want %q", got, want)
	}
}

// TestRuleTitle checks the titles made for rules a profile does not
// title.
func TestRuleTitle(t *testing.T) {
	ws, err := analysis.ParseWeightings(strings.NewReader("weightings:\n  - name: half\n    weights: {principal: 100, significant: 50}\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := analysis.ParseProfile(strings.NewReader(`
name: x
rules:
  - {id: a, kind: amount_share, level: significant, weighting: half, min: 12.5}
  - {id: b, kind: amount_share, weighting: attributed, min: 10}
  - {id: c, kind: count_share, level: principal, min: 50}
  - {id: d, kind: every_line, level: limited}
  - {id: e, kind: coverage, min: 100}
  - {id: f, title: as the funder says, kind: coverage, min: 100}
`), ws...)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range p.Rules {
		got = append(got, ruleTitle(r))
	}
	want := []string{
		"at least 12.5% of the budget at significant or principal",
		"at least 10% of the budget attributed to gender equality",
		"at least 50% of lines at principal",
		"every line at limited, significant or principal",
		"at least 100% screened",
		"as the funder says",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ruleTitle mismatch (-want +got):\n%s", diff)
	}
}

// TestNoteText checks the words of the notes on a compliance check.
func TestNoteText(t *testing.T) {
	usd := reasonLine("usd", budget.FromCents(10000), budget.Principal)
	eur := reasonLine("eur", budget.FromCents(10000), budget.NotTargeted)
	eur.Currency = "EUR"
	var none budget.Line
	none.Gender.Level = budget.Principal
	r := mustCheck(t, &budget.Budget{Lines: budget.LinesOf([]budget.Line{usd, eur, none}...)}, builtinProfile(t, "un-15"))
	want := []string{
		"the budget has 3 currencies: amount rules are judged within each currency, since money in different currencies cannot be added",
		"1 line has no approved amount: they count in line rules but add nothing to amount rules",
	}
	if diff := cmp.Diff(want, notesText(r.Notes)); diff != "" {
		t.Errorf("notes mismatch (-want +got):\n%s", diff)
	}
}

// sdgQuestionnaire builds a questionnaire from 13 answers in order (1.1
// … 3.3), written "y", "n" or "." (not answered).
func sdgQuestionnaire(t *testing.T, answers string, year int) *sdg5c1.Questionnaire {
	t.Helper()
	ids := []string{"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "3.1", "3.2", "3.3"}
	answers = strings.ReplaceAll(answers, " ", "")
	if len(answers) != len(ids) {
		t.Fatalf("questionnaire %q: want 13 answers", answers)
	}
	q := &sdg5c1.Questionnaire{Source: "q.xlsx", Year: year}
	for i, id := range ids {
		a := sdg5c1.QuestionAnswer{ID: id, Found: true}
		switch answers[i] {
		case 'y':
			a.Answer = sdg5c1.Yes
		case 'n':
			a.Answer = sdg5c1.No
		}
		q.Answers = append(q.Answers, a)
	}
	return q
}

// sdgFindings scores q against b and words its findings by question.
func sdgFindings(t *testing.T, q *sdg5c1.Questionnaire, b *budget.Budget) (map[string]string, *analysis.SDG5c1Result) {
	t.Helper()
	r, err := analysis.ScoreSDG5c1(q, analysis.SDG5c1Options{Budget: b})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, f := range r.Findings {
		m[f.Question] = findingText(f, r.Evidence)
	}
	return m, r
}

// TestFindingText checks the words of what a budget shows about SDG
// 5.c.1 answers.
func TestFindingText(t *testing.T) {
	mk := func(desc string, amt budget.Money, lv budget.Level, year int) budget.Line {
		l := reasonLine(desc, amt, lv)
		l.Year = year
		return l
	}
	// 2024: 600.00 principal, 200.00 significant, 200.00 not screened;
	// 2023 is never compared.
	b := &budget.Budget{Source: "b.xlsx", Lines: budget.LinesOf([]budget.Line{
		mk("shelters", budget.FromCents(60000), budget.Principal, 2024),
		mk("clinics", budget.FromCents(20000), budget.Significant, 2024),
		mk("borders", budget.FromCents(20000), budget.NotScreened, 2024),
		mk("old", budget.FromCents(99900), budget.Principal, 2023),
	}...)}
	q := sdgQuestionnaire(t, "nyy yyyynnn yyn", 2024)
	q.Share = sdg5c1.ShareAnswer{Percent: 35, OK: true}
	f, _ := sdgFindings(t, q, b)
	want := map[string]string{
		"2.5":      "answered No, but 2 of 3 lines of fiscal year 2024 in b.xlsx (80.0% of the approved money) carry a gender marker: the allocations are tagged",
		"1.1":      "answered No, but 2 lines of fiscal year 2024 in b.xlsx are marked with gender equality as a significant or the principal objective",
		"optional": "the stated share, 35%, lies outside what the budget's markers allow: 60.0% (principal_only) to 80.0% (dac_headline), or 100.0% if the 20.0% not screened were all marked for gender equality, of the approved money of fiscal year 2024 in b.xlsx; no contradiction: the share asked for is of the whole budget, and the file is not stated to cover it (--whole-budget states so)",
	}
	if diff := cmp.Diff(want, f); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}

	q = sdgQuestionnaire(t, "yyy yyyyynn yyn", 2024)
	q.Share = sdg5c1.ShareAnswer{Percent: 95, OK: true}
	f, _ = sdgFindings(t, q, b)
	if got, want := f["optional"], "the stated share, 95%, lies within what the budget allows: 80.0% dac_headline, 60.0% principal_only, 68.0% eu_100_40_0; 20.0% of that money is not screened and counts in none of these"; got != want {
		t.Errorf("optional = %q\nwant       %q", got, want)
	}

	// No line screened, no year on the lines: 2.5 Yes is not
	// contradicted, and unanswered it is no suggestion: a file without
	// markers is no evidence either way.
	b = &budget.Budget{Source: "b.csv", Lines: budget.LinesOf([]budget.Line{reasonLine("a", budget.FromCents(100), budget.NotScreened), reasonLine("b", budget.FromCents(100), budget.NotScreened)}...)}
	f, r := sdgFindings(t, sdgQuestionnaire(t, "yyy yyyyynn yyn", 2024), b)
	if got, want := f["2.5"], "none of the 2 lines in b.csv carries a gender marker (all are not screened): a file without gender markers is no evidence either way (the government may tag its budget elsewhere)"; got != want {
		t.Errorf("2.5 = %q\nwant  %q", got, want)
	}
	if got, want := notesText(r.Evidence.Notes), []string{"the budget's lines carry no fiscal year: every line is compared"}; !cmp.Equal(got, want) {
		t.Errorf("notes = %q, want %q", got, want)
	}
	f, _ = sdgFindings(t, sdgQuestionnaire(t, "yyy yyyy.nn yyn", 2024), b)
	if got := f["2.5"]; strings.Contains(got, "suggests") || strings.Contains(got, "answered") {
		t.Errorf("unanswered 2.5 = %q", got)
	}

	// A line tagged by grb's rules is not the government's tagging.
	l := reasonLine("a", budget.FromCents(100), budget.Principal)
	l.GenderSource = budget.NewProvenance(budget.FromRule, "r1")
	f, _ = sdgFindings(t, sdgQuestionnaire(t, "yyy yyyynnn yyn", 0), &budget.Budget{Source: "b.csv", Lines: budget.LinesOf([]budget.Line{l}...)})
	if got := f["2.5"]; !strings.Contains(got, "(1 line tagged by grb's rules is not counted: ") {
		t.Errorf("2.5 = %q; want it to say the line tagged by rules is not counted", got)
	}
}

// TestSDG5c1NoteText checks the words of the notes on an SDG 5.c.1
// comparison and tracking table.
func TestSDG5c1NoteText(t *testing.T) {
	for _, tt := range []struct {
		note analysis.Note
		want string
	}{
		{analysis.Note{Code: analysis.NoteNoLinesOfYear, Year: 2022, Years: []int{2023, 2024}}, "the budget has no lines of fiscal year 2022 (it has 2023, 2024): nothing to compare"},
		{analysis.Note{Code: analysis.NoteNoQuestionnaireYear}, "the questionnaire gives no fiscal year: every line of the budget is compared, whatever its year"},
		{analysis.Note{Code: analysis.NoteNoLines}, "the budget has no lines: nothing to compare"},
		{analysis.Note{Code: analysis.NoteShareCurrencies, N: 2}, "the lines are in 2 currencies: the share of the budget cannot be computed"},
		{analysis.Note{Code: analysis.NoteNoMoney, Phase: budget.Executed}, "no executed money: the share of the budget is undefined"},
		{analysis.Note{Code: analysis.NoteSameYear, Year: 2024, Sources: []string{"a.xlsx", "b.xlsx"}}, "a.xlsx and b.xlsx both answer for fiscal year 2024"},
		{analysis.Note{Code: analysis.NoteNoYear, Sources: []string{"d.xlsx"}}, "d.xlsx gives no fiscal year: it is listed last"},
	} {
		if got := noteText(tt.note); got != tt.want {
			t.Errorf("noteText(%s) = %q, want %q", tt.note.Code, got, tt.want)
		}
	}
}

// jsonNames lists the JSON names of t's fields in the order
// encoding/json writes them, without those tagged "-"; the fields of an
// embedded struct come in its place, unless an outer field has the name.
func jsonNames(t reflect.Type) []string {
	var names []string
	outer := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); !f.Anonymous {
			outer[jsonName(f)] = true
		}
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			for _, n := range jsonNames(f.Type) {
				if !outer[n] {
					names = append(names, n)
				}
			}
			continue
		}
		if n := jsonName(f); n != "-" {
			names = append(names, n)
		}
	}
	return names
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

// TestJSONShapes checks that the JSON shapes of the results whose words
// reports adds have the fields of the analysis types, in their order,
// with the words where they have always been.
func TestJSONShapes(t *testing.T) {
	insert := func(names []string, after, name string) []string {
		for i, n := range names {
			if n == after {
				return append(names[:i+1:i+1], append([]string{name}, names[i+1:]...)...)
			}
		}
		return append(names, name)
	}
	for _, tt := range []struct {
		mirror, of  any
		after, word string
	}{
		{checkResultJSON{}, analysis.CheckResult{}, "rules", "warnings"},
		{ruleResultJSON{}, analysis.RuleResult{}, "measured", "why"},
		{groupCheckJSON{}, analysis.GroupCheck{}, "measured", "why"},
		{sdg5c1ResultJSON{}, analysis.SDG5c1Result{}, "", ""},
		{sdg5c1EvidenceJSON{}, analysis.SDG5c1Evidence{}, "attributed_lines", "notes"},
		{findingJSON{}, analysis.Finding{}, "suggests", "text"},
		{sdg5c1TrackJSON{}, analysis.SDG5c1Track{}, "years", "warnings"},
	} {
		want := jsonNames(reflect.TypeOf(tt.of))
		if tt.word != "" {
			want = insert(want, tt.after, tt.word)
		}
		got := jsonNames(reflect.TypeOf(tt.mirror))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%T: JSON fields mismatch with %T (-want +got):\n%s", tt.mirror, tt.of, diff)
		}
	}
}

func TestMistakeSourceText(t *testing.T) {
	if got, want := mistakeSourceText(analysis.Mistake{Source: "rules a and b conflict", NoSuggestion: true}), "no suggestion: rules a and b conflict"; got != want {
		t.Errorf("mistakeSourceText = %q, want %q", got, want)
	}
	if got, want := mistakeSourceText(analysis.Mistake{Source: "rule a"}), "rule a"; got != want {
		t.Errorf("mistakeSourceText = %q, want %q", got, want)
	}
}
