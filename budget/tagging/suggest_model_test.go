package tagging

import (
	"bytes"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging/model"
)

func defaultModel(t *testing.T) *model.Model {
	t.Helper()
	m, err := model.Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// modelBudget: row 2 fires no rule; row 3 fires the gender-equality rule
// (principal); row 4 has no text the model knows.
const modelBudget = `Vote,Programme code,Programme,Description,Approved
1011,0702010,Cabinet Affairs,Cabinet office administration,2000
1212,0912010,Gender Mainstreaming,Gender mainstreaming in ministries,200
1300,0100000,,,50
`

func TestSuggestWithModel(t *testing.T) {
	m := defaultModel(t)
	tg := newTestTagging(t, modelBudget)
	sum := tg.Suggest(SuggestOptions{Rules: DefaultRules(), Model: m})
	if sum.None != 0 {
		t.Errorf("%d rows without a suggestion, want none", sum.None)
	}
	if sum.FromModel != 2 || sum.FromRules != 1 {
		t.Errorf("from model %d, from rules %d; want 2 and 1", sum.FromModel, sum.FromRules)
	}
	for i, r := range tg.Rows {
		s := r.Suggested
		if !s.Marker.Screened() {
			t.Errorf("row %d: no marker suggested", r.Row)
		}
		if s.MarkerConfidence <= 0 || s.MarkerConfidence > 1 {
			t.Errorf("row %d: confidence %v", r.Row, s.MarkerConfidence)
		}
		if s.ForReview != (s.MarkerConfidence < m.Threshold) {
			t.Errorf("row %d: for review %v at confidence %v, threshold %v", r.Row, s.ForReview, s.MarkerConfidence, m.Threshold)
		}
		want := budget.FromModel
		if i == 1 {
			want = budget.FromRule // rules win when they fire
		}
		if got := s.MarkerSource.Source(); got != want {
			t.Errorf("row %d: marker from %v, want %v", r.Row, got, want)
		}
	}
	if s := tg.Rows[1].Suggested; s.Marker != budget.Principal {
		t.Errorf("row 3: %v, want the rule's principal", s.Marker)
	}
	if s := tg.Rows[0].Suggested; len(s.MarkerReasons) == 0 || !strings.HasPrefix(s.MarkerSource.Detail(), "model") {
		t.Errorf("row 2: reasons %q, detail %q", s.MarkerReasons, s.MarkerSource.Detail())
	}
}

func TestSuggestLinesWithModelCoversEveryLine(t *testing.T) {
	lines := []budget.Line{
		{Description: "Women's economic empowerment and gender equality in rural cooperatives"},
		{Description: ""},
		{Description: "Procurement of office furniture"},
	}
	for i, s := range SuggestLines(lines, SuggestOptions{Model: defaultModel(t)}) {
		if !s.Marker.Screened() || s.MarkerSource.Source() != budget.FromModel {
			t.Errorf("line %d: %+v", i, s)
		}
	}
}

func TestModelSuggestionSurvivesWorkbook(t *testing.T) {
	tg := newTestTagging(t, modelBudget)
	tg.Suggest(SuggestOptions{Rules: DefaultRules(), Model: defaultModel(t)})
	var buf bytes.Buffer
	if err := Write(&buf, tg, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(buf.Bytes()), "t.xlsx", budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range tg.Rows {
		w, g := tg.Rows[i].Suggested, back.Rows[i].Suggested
		if g.Marker != w.Marker || g.ForReview != w.ForReview || strings.Join(g.MarkerReasons, "|") != strings.Join(w.MarkerReasons, "|") ||
			g.MarkerConfidence < w.MarkerConfidence-0.005 || g.MarkerConfidence > w.MarkerConfidence+0.005 {
			t.Errorf("row %d read back %+v, want %+v", tg.Rows[i].Row, g, w)
		}
	}
}

func TestRuleConflictKeptWhenModelFills(t *testing.T) {
	rs, err := ParseRules(strings.NewReader(`rules:
  - id: a
    priority: 10
    keywords: [perspectiva]
    marker: principal
  - id: b
    priority: 10
    keywords: [transversalidad]
    marker: significant
`))
	if err != nil {
		t.Fatal(err)
	}
	lines := []budget.Line{{Description: "Transversalidad de la perspectiva de genero"}}
	s := SuggestLines(lines, SuggestOptions{Rules: rs, Model: defaultModel(t)})[0]
	if !s.Marker.Screened() || s.MarkerSource.Source() != budget.FromModel {
		t.Errorf("marker %v from %v, want the model's", s.Marker, s.MarkerSource.Source())
	}
	if !strings.Contains(s.MarkerConflict, "a (principal)") || !strings.Contains(s.MarkerConflict, "b (significant)") || !s.ForReview {
		t.Errorf("conflict %q, for review %v: want both candidates and for review", s.MarkerConflict, s.ForReview)
	}
}
