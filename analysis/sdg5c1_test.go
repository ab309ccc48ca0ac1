package analysis

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

// questionnaire builds a questionnaire from 13 answers in order (1.1 …
// 3.3), written "y", "n" or "." (not answered).
func questionnaire(t *testing.T, answers string, year int) *sdg5c1.Questionnaire {
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

// TestScoreSDG5c1Cases scores the eight cases of the metadata, each
// criterion exactly on its threshold when met (2 of 3, 4 of 7, 2 of 3
// Yes) and one Yes short when not.
func TestScoreSDG5c1Cases(t *testing.T) {
	const (
		c1Met, c1Not = "yyn", "ynn"
		c2Met, c2Not = "yyyynnn", "yyynnnn"
		c3Met, c3Not = "nyy", "nny"
	)
	tests := []struct {
		c1, c2, c3 string
		wantCase   string
		want       Classification
	}{
		{c1Met, c2Met, c3Met, "A", FullyMeets},
		{c1Met, c2Not, c3Not, "B", Approaches},
		{c1Not, c2Met, c3Not, "C", Approaches},
		{c1Not, c2Not, c3Met, "D", Approaches},
		{c1Met, c2Met, c3Not, "E", Approaches},
		{c1Met, c2Not, c3Met, "F", Approaches},
		{c1Not, c2Met, c3Met, "G", Approaches},
		{c1Not, c2Not, c3Not, "H", DoesNotMeet},
	}
	for _, tt := range tests {
		t.Run(tt.wantCase, func(t *testing.T) {
			r, err := ScoreSDG5c1(questionnaire(t, tt.c1+tt.c2+tt.c3, 2024), SDG5c1Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Case != tt.wantCase || r.Classification != tt.want || !r.Final {
				t.Errorf("case %s, %s, final %v; want case %s, %s, final", r.Case, r.Classification, r.Final, tt.wantCase, tt.want)
			}
		})
	}
}

// TestScoreSDG5c1NotAnswered checks that a blank answer is reported as
// not answered, never counted as No, and that the classification says
// whether answering could change it.
func TestScoreSDG5c1NotAnswered(t *testing.T) {
	// Criterion 2: 3 Yes, 3 No and 2.7 not answered: not met (3 < 4),
	// but open (3 + 1 ≥ 4). Criteria 1 and 3 met: case F, approaches;
	// answering 2.7 Yes would make it case A, fully meets.
	r, err := ScoreSDG5c1(questionnaire(t, "yyn yyynnn. yyn", 2024), SDG5c1Options{})
	if err != nil {
		t.Fatal(err)
	}
	c2 := r.Criteria[1]
	if c2.Yes != 3 || c2.No != 3 || c2.NotAnswered != 1 || c2.Met || !c2.Open {
		t.Errorf("criterion 2 = %+v; want 3 yes, 3 no, 1 not answered, not met, open", c2)
	}
	if r.Case != "F" || r.Classification != Approaches || r.Final || r.Best != FullyMeets {
		t.Errorf("case %s %s final %v best %s; want F, approaches, not final, best fully meets", r.Case, r.Classification, r.Final, r.Best)
	}
	if diff := cmp.Diff([]string{"2.7"}, r.NotAnswered); diff != "" {
		t.Errorf("not answered mismatch (-want +got):\n%s", diff)
	}

	// Criterion 3 with 0 Yes and 1 blank cannot reach 2: the blank
	// cannot change the outcome, so the classification is final.
	r, _ = ScoreSDG5c1(questionnaire(t, "yyn yyyynnn nn.", 2024), SDG5c1Options{})
	if r.Case != "E" || !r.Final || r.Criteria[2].Open {
		t.Errorf("case %s final %v open %v; want E, final, criterion 3 not open", r.Case, r.Final, r.Criteria[2].Open)
	}
}

// sdgBudget builds a budget of fiscal year 2024 and one line of 2023:
//
//	shelters   600.00  principal   2024
//	clinics    200.00  significant 2024
//	borders    200.00  not screened 2024
//	old        999.00  principal   2023 (another year: never compared)
func sdgBudget() *budget.Budget {
	mk := func(desc string, amt budget.Money, lv budget.Level, year int) budget.Line {
		l := cl(desc, amt, lv)
		l.Year = year
		return l
	}
	return &budget.Budget{Source: "b.xlsx", Lines: budget.LinesOf([]budget.Line{
		mk("shelters", budget.FromCents(60000), budget.Principal, 2024),
		mk("clinics", budget.FromCents(20000), budget.Significant, 2024),
		mk("borders", budget.FromCents(20000), budget.NotScreened, 2024),
		mk("old", budget.FromCents(99900), budget.Principal, 2023),
	}...)}
}

func findings(r *SDG5c1Result) map[string]Finding {
	m := map[string]Finding{}
	for _, f := range r.Findings {
		m[f.Question] = f
	}
	return m
}

func TestSDG5c1Contradictions(t *testing.T) {
	b := sdgBudget()
	// 2.5 answered No, 1.1 answered No: the 2024 lines are tagged (2 of
	// 3 lines, 800.00 of 1,000.00 = 80 %), two of them at significant or
	// principal: two contradictions.
	q := questionnaire(t, "nyy yyyynnn yyn", 2024)
	q.Share = sdg5c1.ShareAnswer{Percent: 35, OK: true}
	r, err := ScoreSDG5c1(q, SDG5c1Options{Budget: b, WholeBudget: true})
	if err != nil {
		t.Fatal(err)
	}
	f := findings(r)
	if !f["2.5"].Contradiction || f["2.5"].Suggests != sdg5c1.Yes {
		t.Errorf("2.5 = %+v; want a contradiction suggesting Yes", f["2.5"])
	}
	if f["2.5"].Code != FindingTagged {
		t.Errorf("2.5 code = %q, want %q", f["2.5"].Code, FindingTagged)
	}
	if !f["1.1"].Contradiction {
		t.Errorf("1.1 = %+v; want a contradiction", f["1.1"])
	}
	// The optional share under each convention, 2024 lines only:
	// dac_headline 800/1000 = 80 %, principal_only 600/1000 = 60 %,
	// eu_100_40_0 (600 + 40 % of 200)/1000 = 68 %. A stated 35 % is
	// below the lowest (60 % less the 0.5 point tolerance).
	rg := f["optional"].Range
	if !f["optional"].Contradiction || f["optional"].Code != FindingShareOutside || rg == nil ||
		rg.Stated != 35 || rg.Low != 0.6 || rg.LowName != "principal_only" || rg.High != 0.8 || rg.HighName != "dac_headline" {
		t.Errorf("optional = %+v, range %+v; want a contradiction with 35 %% outside 60 %% (principal_only) to 80 %% (dac_headline)", f["optional"], rg)
	}
	var got []string
	for _, c := range r.Evidence.Shares {
		got = append(got, c.Weighting+" "+c.GEWE.String()+" / "+c.Share.Den.String())
	}
	wantShares := []string{"dac_headline 800.00 / 1000.00", "principal_only 600.00 / 1000.00", "eu_100_40_0 680.00 / 1000.00"}
	if diff := cmp.Diff(wantShares, got); diff != "" {
		t.Errorf("shares mismatch (-want +got):\n%s", diff)
	}
	if r.Contradictions() != 3 || r.Evidence.Lines != 3 || r.Evidence.Tagged != 2 || r.Evidence.Year != 2024 {
		t.Errorf("contradictions %d, evidence %+v; want 3, 3 lines of 2024, 2 tagged", r.Contradictions(), r.Evidence)
	}

	// The same file not said to cover the whole budget: the share outside
	// its range is no contradiction (a file of part of the budget has its
	// own share), and is still reported.
	r, _ = ScoreSDG5c1(q, SDG5c1Options{Budget: b})
	if f := findings(r)["optional"]; f.Contradiction || f.Code != FindingShareOutside || r.Evidence.WholeBudget {
		t.Errorf("part of the budget: optional = %+v; want share_outside without a contradiction", f)
	}
	if r.Contradictions() != 2 {
		t.Errorf("part of the budget: %d contradictions, want 2 (2.5 and 1.1)", r.Contradictions())
	}

	// Stated 60 % is within 60–80 %: no contradiction there; 2.5 Yes
	// agrees with the tags.
	q = questionnaire(t, "yyy yyyyynn yyn", 2024)
	q.Share = sdg5c1.ShareAnswer{Percent: 60, OK: true}
	r, _ = ScoreSDG5c1(q, SDG5c1Options{Budget: b})
	if r.Contradictions() != 0 {
		t.Errorf("consistent answers: %d contradictions: %+v", r.Contradictions(), r.Findings)
	}

	// 95 % is above dac_headline (80 %), but 20 % of the money is not
	// screened and might all serve gender equality: up to 100 % is
	// possible, so no contradiction.
	q.Share = sdg5c1.ShareAnswer{Percent: 95, OK: true}
	r, _ = ScoreSDG5c1(q, SDG5c1Options{Budget: b})
	if f := findings(r)["optional"]; f.Contradiction || f.Code != FindingShareWithin || f.Range.NotScreened != (Ratio{Num: budget.FromCents(20000), Den: budget.FromCents(100000)}) {
		t.Errorf("stated 95%%: %+v; want no contradiction and 200.00 of 1,000.00 not screened", f)
	}
}

func TestSDG5c1YesWithoutTags(t *testing.T) {
	b := &budget.Budget{Source: "b.csv", Lines: budget.LinesOf([]budget.Line{cl("a", budget.FromCents(100), budget.NotScreened), cl("b", budget.FromCents(100), budget.NotScreened)}...)}
	// 2.5 answered Yes, but no line is screened: a file without markers
	// is no evidence that the government does not tag its budget, even
	// one said to cover the whole budget (the markers may be kept
	// elsewhere), so no contradiction and no suggestion. The lines carry
	// no year: every line is compared, with a note.
	for _, whole := range []bool{false, true} {
		r, err := ScoreSDG5c1(questionnaire(t, "yyy yyyyynn yyn", 2024), SDG5c1Options{Budget: b, WholeBudget: whole})
		if err != nil {
			t.Fatal(err)
		}
		f := findings(r)["2.5"]
		if f.Contradiction || f.Code != FindingUntagged || f.Suggests != sdg5c1.Unanswered {
			t.Errorf("whole budget %v: 2.5 = %+v; want no contradiction and no suggestion: no line is tagged", whole, f)
		}
	}
	r, _ := ScoreSDG5c1(questionnaire(t, "yyy yyyyynn yyn", 2024), SDG5c1Options{Budget: b})
	if len(r.Evidence.Notes) == 0 || r.Evidence.Notes[0].Code != NoteNoLineYears {
		t.Errorf("notes = %+v; want one saying the lines carry no fiscal year", r.Evidence.Notes)
	}
	// Not answered: the budget suggests nothing, and nothing contradicts.
	r, _ = ScoreSDG5c1(questionnaire(t, "yyy yyyy.nn yyn", 2024), SDG5c1Options{Budget: b})
	if f := findings(r)["2.5"]; f.Contradiction || f.Suggests != sdg5c1.Unanswered || f.Answer != sdg5c1.Unanswered {
		t.Errorf("unanswered 2.5 = %+v", f)
	}
}

func TestSDG5c1RuleTagsAreNotTheGovernments(t *testing.T) {
	// A line tagged by grb's rules is an estimate, not the government's
	// tagging: with No to 2.5 it is no contradiction.
	l := cl("a", budget.FromCents(100), budget.Principal)
	l.GenderSource = budget.NewProvenance(budget.FromRule, "r1")
	b := &budget.Budget{Source: "b.csv", Lines: budget.LinesOf([]budget.Line{l}...)}
	r, _ := ScoreSDG5c1(questionnaire(t, "yyy yyyynnn yyn", 0), SDG5c1Options{Budget: b})
	f := findings(r)["2.5"]
	if f.Contradiction || r.Evidence.ByRules != 1 || f.Code != FindingUntagged {
		t.Errorf("2.5 = %+v, by rules %d", f, r.Evidence.ByRules)
	}
}

func TestSDG5c1OtherYear(t *testing.T) {
	r, _ := ScoreSDG5c1(questionnaire(t, "yyy yyyynnn yyn", 2022), SDG5c1Options{Budget: sdgBudget()})
	want := []Note{{Code: NoteNoLinesOfYear, Year: 2022, Years: []int{2023, 2024}}}
	if len(r.Findings) != 0 || r.Evidence.Lines != 0 || !cmp.Equal(r.Evidence.Notes, want) {
		t.Errorf("findings %v, evidence %+v; want none and a note on the missing year", r.Findings, r.Evidence)
	}
}

func TestTrackSDG5c1(t *testing.T) {
	score := func(answers string, year int, src string) *SDG5c1Result {
		q := questionnaire(t, answers, year)
		q.Source = src
		r, err := ScoreSDG5c1(q, SDG5c1Options{})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	tr := TrackSDG5c1([]*SDG5c1Result{
		score("yyy yyyyyyy yyy", 2024, "c.xlsx"),
		score("ynn nnnnnnn nnn", 2018, "a.xlsx"),
		score("yyn yyyynnn nny", 2021, "b.xlsx"),
		score("yyn yyyynnn nny", 0, "d.xlsx"),
	})
	var got []string
	for _, y := range tr.Years {
		got = append(got, y.Source+" "+y.Case)
	}
	if diff := cmp.Diff([]string{"a.xlsx H", "b.xlsx E", "c.xlsx A", "d.xlsx E"}, got); diff != "" {
		t.Errorf("tracking order mismatch (-want +got):\n%s", diff)
	}
	if tr.Years[1].Yes != [3]int{2, 4, 1} || tr.Years[1].Met != [3]bool{true, true, false} {
		t.Errorf("2021 = %+v; want yes 2,4,1 and met C1, C2", tr.Years[1])
	}
	if want := []Note{{Code: NoteNoYear, Sources: []string{"d.xlsx"}}}; !cmp.Equal(tr.Notes, want) {
		t.Errorf("notes = %+v, want %+v", tr.Notes, want)
	}
}
