package reports_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

func sdgTemplate(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := sdg5c1.WriteQuestionnaire(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sdgFill fills the template as a ministry would in Excel: the year, and
// the answers (y, n or . for blank, in question order 1.1 … 3.3), found
// by the question ids in column A.
func sdgFill(t *testing.T, template []byte, year, answers string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(template))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "Questionnaire"
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	answers = strings.ReplaceAll(answers, " ", "")
	i := 0
	for r, row := range rows {
		if len(row) == 0 {
			continue
		}
		switch {
		case row[0] == "Last completed fiscal year":
			f.SetCellStr(sheet, "B"+strconv.Itoa(r+1), year)
		case len(row[0]) == 3 && row[0][1] == '.':
			switch answers[i] {
			case 'y':
				f.SetCellStr(sheet, "D"+strconv.Itoa(r+1), "Yes")
				f.SetCellStr(sheet, "E"+strconv.Itoa(r+1), "evidence for "+row[0])
			case 'n':
				f.SetCellStr(sheet, "D"+strconv.Itoa(r+1), "No")
			}
			i++
		}
	}
	if i != 13 {
		t.Fatalf("the template has %d question rows, want 13", i)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSDG5c1TemplateCases fills grb's own template for each of the
// metadata's cases A–H, reads it back and scores it. Met criteria sit
// exactly on their thresholds (2 of 3, 4 of 7, 2 of 3 Yes); unmet ones
// are one Yes short.
func TestSDG5c1TemplateCases(t *testing.T) {
	tmpl := sdgTemplate(t)
	const (
		c1Met, c1Not = "yyn", "ynn"
		c2Met, c2Not = "yyyynnn", "yyynnnn"
		c3Met, c3Not = "yny", "nny"
	)
	tests := []struct {
		answers  string
		wantCase string
		want     analysis.Classification
	}{
		{c1Met + c2Met + c3Met, "A", analysis.FullyMeets},
		{c1Met + c2Not + c3Not, "B", analysis.Approaches},
		{c1Not + c2Met + c3Not, "C", analysis.Approaches},
		{c1Not + c2Not + c3Met, "D", analysis.Approaches},
		{c1Met + c2Met + c3Not, "E", analysis.Approaches},
		{c1Met + c2Not + c3Met, "F", analysis.Approaches},
		{c1Not + c2Met + c3Met, "G", analysis.Approaches},
		{c1Not + c2Not + c3Not, "H", analysis.DoesNotMeet},
	}
	for _, tt := range tests {
		t.Run(tt.wantCase, func(t *testing.T) {
			data := sdgFill(t, tmpl, "2024", tt.answers)
			q, err := sdg5c1.Read(bytes.NewReader(data), "5c1.xlsx", "")
			if err != nil {
				t.Fatal(err)
			}
			if len(q.Issues) != 0 || q.Year != 2024 {
				t.Errorf("issues %v, year %d; want none, 2024", q.Issues, q.Year)
			}
			r, err := analysis.ScoreSDG5c1(q, analysis.SDG5c1Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Case != tt.wantCase || r.Classification != tt.want || !r.Final || len(r.NotAnswered) != 0 {
				t.Errorf("%s: case %s, %s, final %v, not answered %v; want case %s, %s", tt.answers, r.Case, r.Classification, r.Final, r.NotAnswered, tt.wantCase, tt.want)
			}
		})
	}
}

func TestSDG5c1TemplateBlank(t *testing.T) {
	q, err := sdg5c1.Read(bytes.NewReader(sdgTemplate(t)), "5c1.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	// Every question is found and not answered; only the year is
	// missing. Blank is not No.
	for _, a := range q.Answers {
		if !a.Found || a.Answer != sdg5c1.Unanswered {
			t.Errorf("%s = %+v; want found, not answered", a.ID, a)
		}
	}
	if len(q.Issues) != 1 || q.Issues[0].Code != "year-missing" {
		t.Errorf("issues = %v; want only year-missing", q.Issues)
	}
	r, _ := analysis.ScoreSDG5c1(q, analysis.SDG5c1Options{})
	if r.Case != "H" || r.Final || r.Best != analysis.FullyMeets || len(r.NotAnswered) != 13 {
		t.Errorf("blank: case %s final %v best %s not answered %d", r.Case, r.Final, r.Best, len(r.NotAnswered))
	}
}
