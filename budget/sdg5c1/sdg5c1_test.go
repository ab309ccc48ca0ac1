package sdg5c1

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
)

// qWorkbook builds a questionnaire workbook from rows of cells on a sheet
// named "Questionnaire". A cell that is a float64 is written as a number.
func qWorkbook(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Questionnaire"); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil || v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Questionnaire", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// qRows is a filled questionnaire in the template's layout: every
// question answered from answers (y, n, or . for blank), with evidence
// for each Yes.
func qRows(answers string) [][]any {
	rows := [][]any{
		{"SDG indicator 5.c.1 questionnaire"},
		{},
		{"Country", "Examplia"},
		{"Last completed fiscal year", "2024-25"},
		{},
		{"ID", "Criterion", "Question", "Answer (Yes/No)", "Evidence"},
	}
	answers = strings.ReplaceAll(answers, " ", "")
	i := 0
	for _, c := range Default().Criteria {
		rows = append(rows, []any{"", "Criterion " + string(rune('0'+c.Number))})
		for _, q := range c.Questions {
			var ans, ev any
			switch answers[i] {
			case 'y':
				ans, ev = "Yes", "doc "+q.ID
			case 'n':
				ans = "No"
			}
			rows = append(rows, []any{q.ID, c.Number, q.Text, ans, ev})
			i++
		}
	}
	return rows
}

func TestSDG5c1Reference(t *testing.T) {
	ref := Default()
	var ids []string
	var counts []int
	for _, c := range ref.Criteria {
		counts = append(counts, len(c.Questions))
		for _, q := range c.Questions {
			ids = append(ids, q.ID)
		}
	}
	// domain reference §4.2: 13 questions, 3, 7 and 3 by criterion.
	if diff := cmp.Diff([]int{3, 7, 3}, counts); diff != "" {
		t.Errorf("questions by criterion mismatch (-want +got):\n%s", diff)
	}
	if len(ref.Questions()) != 13 || ids[7] != "2.5" || ref.Optional.ID != "optional" || len(ref.Definitions) == 0 || len(ref.Instructions) == 0 {
		t.Errorf("reference = %+v", ref)
	}
	// A caller's copy does not change grb's.
	ref.Criteria[0].Questions[0].Text = "changed"
	if Default().Criteria[0].Questions[0].Text == "changed" {
		t.Errorf("SDG5c1 returns shared data")
	}
}

func TestReadQuestionnaire(t *testing.T) {
	rows := qRows("yyn yyyynnn n.y")
	rows = append(rows, []any{}, []any{"optional", "", "share?", 0.125, "budget statement"})
	q, err := Read(bytes.NewReader(qWorkbook(t, rows)), "5c1.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	if q.Country != "Examplia" || q.Year != 2024 || q.YearLabel != "2024-25" || q.Sheet != "Questionnaire" {
		t.Errorf("country %q year %d %q sheet %q", q.Country, q.Year, q.YearLabel, q.Sheet)
	}
	var got []string
	for _, a := range q.Answers {
		got = append(got, a.ID+"="+a.Answer.String())
	}
	want := []string{"1.1=yes", "1.2=yes", "1.3=no", "2.1=yes", "2.2=yes", "2.3=yes", "2.4=yes", "2.5=no", "2.6=no", "2.7=no", "3.1=no", "3.2=not answered", "3.3=yes"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("answers mismatch (-want +got):\n%s", diff)
	}
	a, _ := q.Answer("1.1")
	if a.Evidence != "doc 1.1" || a.Pos.String() != "5c1.xlsx:Questionnaire!D8" {
		t.Errorf("1.1 = %+v at %s", a, a.Pos)
	}
	// 0.125 in a percentage cell is 12.5 %.
	if !q.Share.OK || q.Share.Percent != 12.5 || q.Share.Evidence != "budget statement" {
		t.Errorf("share = %+v, want 12.5 %%", q.Share)
	}
	if len(q.Issues) != 0 {
		t.Errorf("issues = %v, want none", q.Issues)
	}
}

func TestReadQuestionnaireIssues(t *testing.T) {
	rows := qRows("yyn yyyynnn nny")
	rows[3] = []any{"Last completed fiscal year"} // no year
	rows[8][3] = "Maybe"                          // 1.2
	rows[9][4] = nil                              // 1.3 is No: no evidence needed
	rows[7][4] = nil                              // 1.1 Yes without evidence
	rows = append(rows, []any{"2.5", 2, "again", "Yes", "x"}, []any{"4.1", 4, "?", "Yes"})
	rows = append(rows, []any{"optional", "", "", "lots"})
	// Remove 3.3: it is missing.
	for i, r := range rows {
		if len(r) > 0 && r[0] == "3.3" {
			rows[i] = []any{}
		}
	}
	q, err := Read(bytes.NewReader(qWorkbook(t, rows)), "q.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, i := range q.Issues {
		codes = append(codes, i.Severity.String()+" "+i.Code+" "+i.Pos.String())
	}
	want := []string{
		"warning evidence-missing q.xlsx:Questionnaire!E8",
		"error answer-invalid q.xlsx:Questionnaire!D9",
		"error question-duplicate q.xlsx:Questionnaire!A23",
		"warning question-unknown q.xlsx:Questionnaire!A24",
		"error share-invalid q.xlsx:Questionnaire!D25",
		"warning question-missing q.xlsx:Questionnaire",
		"warning year-missing q.xlsx:Questionnaire",
	}
	if diff := cmp.Diff(want, codes); diff != "" {
		t.Errorf("issues mismatch (-want +got):\n%s", diff)
	}
	if q.Errors() != 3 {
		t.Errorf("Errors() = %d, want 3", q.Errors())
	}
	a, _ := q.Answer("1.2")
	if a.Answer != Unanswered || a.Raw != "Maybe" || !errors.Is(q.Issues[1], ErrInvalidAnswer) {
		t.Errorf("1.2 = %+v; want not answered, raw Maybe, ErrInvalidAnswer", a)
	}
	if a, _ := q.Answer("3.3"); a.Found || a.Answer != Unanswered {
		t.Errorf("3.3 = %+v; want not found, not answered", a)
	}
}

func TestReadQuestionnaireCSV(t *testing.T) {
	csv := "Last completed fiscal year,FY2023\nID,Answer,Evidence\n1.1,yes,law 5\n2.5,0,\n3.1,1,site\n"
	q, err := Read(strings.NewReader(csv), "q.csv", "")
	if err != nil {
		t.Fatal(err)
	}
	a11, _ := q.Answer("1.1")
	a25, _ := q.Answer("2.5")
	a31, _ := q.Answer("3.1")
	if q.Year != 2023 || a11.Answer != Yes || a25.Answer != No || a31.Answer != Yes {
		t.Errorf("year %d, 1.1 %v, 2.5 %v, 3.1 %v; want 2023, yes, no, yes", q.Year, a11.Answer, a25.Answer, a31.Answer)
	}
}

func TestReadQuestionnaireNotOne(t *testing.T) {
	data := qWorkbook(t, [][]any{{"Vote", "Description", "Approved"}, {"101", "Border posts", 1200.0}})
	_, err := Read(bytes.NewReader(data), "budget.xlsx", "")
	if !errors.Is(err, ErrNoQuestionnaire) {
		t.Errorf("error = %v, want ErrNoQuestionnaire", err)
	}
	var pe *budget.ParseError
	if !errors.As(err, &pe) || pe.File != "budget.xlsx" {
		t.Errorf("error = %#v, want a ParseError naming budget.xlsx", err)
	}
}

func TestParseYesNo(t *testing.T) {
	for in, want := range map[string]YesNo{"": Unanswered, " Yes ": Yes, "Y": Yes, "1": Yes, "TRUE": Yes, "Sí": Yes, "oui": Yes, "no": No, "0": No, "False": No, "Non": No} {
		got, err := ParseYesNo(in)
		if err != nil || got != want {
			t.Errorf("ParseYesNo(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseYesNo("maybe"); err == nil {
		t.Errorf("ParseYesNo(maybe) error = nil")
	}
}

func TestParseSharePercent(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		note bool
		bad  bool
	}{
		{"12.5%", 12.5, false, false},
		{"12,5 %", 12.5, false, false},
		{"0.125", 12.5, false, false}, // a percentage cell stores a fraction
		{"1", 100, false, false},
		{"12.5", 12.5, true, false}, // above 1: per cent, with a note
		{"150%", 0, false, true},
		{"150", 0, false, true},
		{"-1", 0, false, true},
		{"n/a", 0, false, true},
	}
	for _, tt := range tests {
		got, note, err := parseSharePercent(tt.in)
		if (err != nil) != tt.bad || got != tt.want || (note != "") != tt.note {
			t.Errorf("parseSharePercent(%q) = %v, %q, %v; want %v, note %v, error %v", tt.in, got, note, err, tt.want, tt.note, tt.bad)
		}
	}
}
