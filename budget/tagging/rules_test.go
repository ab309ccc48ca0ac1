package tagging

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/budget/xlsx"
	"github.com/grb-toolkit/grb/internal/readertest"
)

func mustRules(t *testing.T, text string) *Rules {
	t.Helper()
	rs, err := ParseRules(strings.NewReader(text))
	if err != nil {
		t.Fatalf("ParseRules: %v", err)
	}
	return rs
}

func objs(t *testing.T, s string) []budget.ObjectiveShare {
	t.Helper()
	o, err := budget.ParseObjectives(s)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestDefaultRulesCoverage checks that the default rule set assigns every
// objective (General and 1–23) in a rule with keywords in English, Spanish
// and French, and that it parses.
func TestDefaultRulesCoverage(t *testing.T) {
	rs := DefaultRules()
	var doc struct {
		Rules []struct {
			ID         string              `yaml:"id"`
			Keywords   map[string][]string `yaml:"keywords"`
			Objectives string              `yaml:"objectives"`
		} `yaml:"rules"`
	}
	if err := yaml.Unmarshal(DefaultRulesYAML(), &doc); err != nil {
		t.Fatalf("default rules are not grouped by language: %v", err)
	}
	if len(doc.Rules) != rs.Len() {
		t.Fatalf("%d rules in the YAML, %d parsed", len(doc.Rules), rs.Len())
	}
	covered := map[int]bool{}
	for _, r := range doc.Rules {
		for _, lang := range []string{"en", "es", "fr"} {
			if len(r.Keywords[lang]) == 0 {
				t.Errorf("rule %s has no %s keywords", r.ID, lang)
			}
		}
		if r.Objectives == "" {
			continue
		}
		for _, o := range objs(t, r.Objectives) {
			covered[o.Objective] = true
		}
	}
	for n := 0; n <= 23; n++ {
		if !covered[n] {
			t.Errorf("no default rule assigns objective %d", n)
		}
	}
}

func TestRulesApply(t *testing.T) {
	rules := `
rules:
  - id: refugees
    priority: 10
    keywords: {en: [refugee, refugees], es: [refugiados], fr: [réfugiés]}
    objectives: "7"
  - id: migration
    priority: 1
    keywords: [migration]
    exclude: [data migration]
    objectives: "0"
  - id: iom
    priority: 20
    keywords: [international organization for migration]
    objectives: "23"
  - id: border-code
    priority: 10
    programme_codes: ["0605"]
    keywords: [border]
    objectives: "11"
  - id: visa-pattern
    priority: 10
    patterns: ['\bvisas?\b']
    objectives: "5"
  - id: vote-1212
    priority: 10
    unit_codes: ["1212"]
    marker: principal
`
	rs := mustRules(t, rules)
	tests := []struct {
		name      string
		line      budget.Line
		objs      string // "" = none
		detail    string // ObjectiveSource.Detail()
		conflicts int
	}{
		{"whole word, case and accents", budget.Line{Description: "AIDE AUX RÉFUGIÉS"}, "7", `rule refugees: "réfugiés" in description`, 0},
		{"accents in the text only", budget.Line{Description: "Atención a refugiados"}, "7", `rule refugees: "refugiados" in description`, 0},
		{"not part of a word", budget.Line{Description: "Refugeeism studies"}, "", "", 0},
		{"programme name", budget.Line{Programme: budget.NewCode("0605030", "Refugee Affairs")}, "7", `rule refugees: "refugee" in programme`, 0},
		{"parent name", budget.Line{Parent: budget.NewCode("", "Refugee programme"), Description: "Administration"}, "7", `rule refugees: "refugee" in parent`, 0},
		{"unit name not looked at by default", budget.Line{Unit: budget.NewCode("", "Refugee Commission"), Description: "Salaries"}, "", "", 0},
		{"exclusion", budget.Line{Description: "Data migration to the cloud"}, "", "", 0},
		{"fallback", budget.Line{Description: "Migration statistics"}, "General", `rule migration: "migration" in description`, 0},
		{"higher priority outranks", budget.Line{Description: "International Organization for Migration: refugee programme"}, "23",
			`rule iom: "international organization for migration" in description (priority 20, outranks refugees, migration)`, 0},
		{"code and keyword both needed", budget.Line{Programme: budget.NewCode("0605020", ""), Description: "Border posts"}, "11", `rule border-code: "border" in description`, 0},
		{"keyword without the code", budget.Line{Programme: budget.NewCode("0702010", ""), Description: "Border posts"}, "", "", 0},
		{"pattern", budget.Line{Description: "Visa processing"}, "5", `rule visa-pattern: /\bvisas?\b/ in description`, 0},
		{"equal priorities disagree", budget.Line{Description: "Visas for refugees"}, "5 (50%), 7 (50%)", "rule conflict, for review: rules of priority 10 disagree: refugees (7), visa-pattern (5)", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := rs.Apply(&tt.line)
			if got := budget.FormatObjectives(res.Objectives); got != tt.objs {
				t.Errorf("objectives = %q, want %q (matches %v)", got, tt.objs, res.Matches)
			}
			if res.ObjectiveSource.Detail() != tt.detail {
				t.Errorf("detail = %q, want %q", res.ObjectiveSource.Detail(), tt.detail)
			}
			if tt.objs != "" && res.ObjectiveSource.Source() != budget.FromRule {
				t.Errorf("source = %v, want rule", res.ObjectiveSource.Source())
			}
			if len(res.Conflicts) != tt.conflicts {
				t.Errorf("conflicts = %v, want %d", res.Conflicts, tt.conflicts)
			}
		})
	}
	// A marker from a unit code.
	res := rs.Apply(&budget.Line{Unit: budget.NewCode("1212", "State Department for Gender")})
	if res.Marker != budget.Principal || res.MarkerSource.Detail() != `rule vote-1212: "1212" in unit code` {
		t.Errorf("marker %v (%q), want principal from vote-1212", res.Marker, res.MarkerSource.Detail())
	}
}

// TestRulesConflictNotByOrder checks that two rules of equal priority that
// disagree are reported whichever comes first in the file, and that both
// candidates' objectives are suggested, as split shares, for review.
func TestRulesConflictNotByOrder(t *testing.T) {
	a := "  - {id: consular, priority: 10, keywords: [consular], objectives: \"14\"}\n"
	b := "  - {id: diaspora, priority: 10, keywords: [diaspora], objectives: \"19\"}\n"
	line := budget.Line{Programme: budget.NewCode("0715050", "Management of Diaspora and Consular Affairs")}
	var got []string
	for _, order := range []string{a + b, b + a} {
		res := mustRules(t, "rules:\n"+order).Apply(&line)
		if o := budget.FormatObjectives(res.Objectives); o != "14 (50%), 19 (50%)" {
			t.Errorf("objectives = %q, want both candidates %q", o, "14 (50%), 19 (50%)")
		}
		if !res.ObjectivesForReview || res.ObjectiveSource.Source() != budget.FromRule {
			t.Errorf("for review = %v, source %v; want true, from rule", res.ObjectivesForReview, res.ObjectiveSource.Source())
		}
		wantDetail := "rule conflict, for review: rules of priority 10 disagree: consular (14), diaspora (19)"
		if d := res.ObjectiveSource.Detail(); d != wantDetail {
			t.Errorf("source = %q, want %q", d, wantDetail)
		}
		if len(res.Conflicts) != 1 {
			t.Fatalf("conflicts = %v, want 1", res.Conflicts)
		}
		got = append(got, res.Conflicts[0].String())
	}
	want := "objectives: rules of priority 10 disagree: consular (14), diaspora (19)"
	if got[0] != want || got[1] != want {
		t.Errorf("conflicts = %q, want %q in both orders", got, want)
	}
	// Rules that agree are not a conflict.
	res := mustRules(t, "rules:\n"+a+"  - {id: consulates, priority: 10, keywords: [diaspora], objectives: \"14\"}\n").Apply(&line)
	if len(res.Conflicts) != 0 || budget.FormatObjectives(res.Objectives) != "14" || res.ObjectivesForReview {
		t.Errorf("agreeing rules: objectives %v, conflicts %v", res.Objectives, res.Conflicts)
	}
	// Shares: each candidate counts for an equal part; a rule's own split
	// is kept inside its part, the odd basis point goes to the first.
	c := "  - {id: c, priority: 10, keywords: [consular], objectives: \"7 (60%), 14 (40%)\"}\n"
	d := "  - {id: d, priority: 10, keywords: [diaspora], objectives: \"14\"}\n"
	e := "  - {id: e, priority: 10, keywords: [management], objectives: \"19\"}\n"
	res = mustRules(t, "rules:\n"+c+d+e).Apply(&line)
	if o := budget.FormatObjectives(res.Objectives); o != "7 (20%), 14 (46.67%), 19 (33.33%)" {
		t.Errorf("three candidates: objectives = %q", o)
	}
}

// TestSuggestObjectiveConflictForReview checks that a line whose rules
// disagree on objectives gets both candidates, the conflict naming both,
// marked for review, and that the workbook's cells say so.
func TestSuggestObjectiveConflictForReview(t *testing.T) {
	rs := mustRules(t, "rules:\n  - {id: consular, priority: 10, keywords: [consular], objectives: \"14\"}\n  - {id: diaspora, priority: 10, keywords: [diaspora], objectives: \"19\"}\n")
	lines := []budget.Line{{Programme: budget.NewCode("0715050", "Management of Diaspora and Consular Affairs")}}
	s := SuggestLines(lines, SuggestOptions{Rules: rs})[0]
	if budget.FormatObjectives(s.Objectives) != "14 (50%), 19 (50%)" || !s.ForReview {
		t.Errorf("suggestion = %+v, want both objectives, for review", s)
	}
	if want := "rules of priority 10 disagree: consular (14), diaspora (19)"; s.ObjectiveConflict != want {
		t.Errorf("conflict = %q, want %q", s.ObjectiveConflict, want)
	}
	sc, err := tagScheme(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	cells := suggestionCells(s, sc)
	if cells[0] != "14 (50%), 19 (50%)" || cells[ColReview-ColSuggestedObj] != reviewFor {
		t.Errorf("cells = %q", cells)
	}
	var all [NumTagColumns]string
	copy(all[ColSuggestedObj:], cells[:])
	if back := parseSuggestion(all, sc); back.ObjectiveConflict != s.ObjectiveConflict || !back.ForReview || back.ObjectiveSource != s.ObjectiveSource {
		t.Errorf("read back %+v, want %+v", back, s)
	}
}

func TestParseRulesErrors(t *testing.T) {
	tests := map[string]string{
		"empty":                      "",
		"no rules":                   "rules: []\n",
		"unknown field":              "rules:\n  - {id: a, keywords: [x], objectives: \"7\", colour: red}\n",
		"no id":                      "rules:\n  - {keywords: [x], objectives: \"7\"}\n",
		"matches nothing":            "rules:\n  - {id: a, objectives: \"7\"}\n",
		"assigns nothing":            "rules:\n  - {id: a, keywords: [x]}\n",
		"bad objective":              "rules:\n  - {id: a, keywords: [x], objectives: \"24\"}\n",
		"bad shares":                 "rules:\n  - {id: a, keywords: [x], objectives: \"7 (60%), 16 (60%)\"}\n",
		"bad marker":                 "rules:\n  - {id: a, keywords: [x], marker: major}\n",
		"not screened":               "rules:\n  - {id: a, keywords: [x], marker: not_screened}\n",
		"bad pattern":                "rules:\n  - {id: a, patterns: ['(x'], objectives: \"7\"}\n",
		"pattern matches everything": "rules:\n  - {id: a, patterns: ['x*'], objectives: \"7\"}\n",
		"duplicate id":               "rules:\n  - {id: a, keywords: [x], objectives: \"7\"}\n  - {id: a, keywords: [y], objectives: \"8\"}\n",
		"bad field":                  "rules:\n  - {id: a, keywords: [x], fields: [title], objectives: \"7\"}\n",
		"punctuation only":           "rules:\n  - {id: a, keywords: ['--'], objectives: \"7\"}\n",
	}
	for name, text := range tests {
		if _, err := ParseRules(strings.NewReader(text)); !errors.Is(err, ErrInvalidRules) {
			t.Errorf("%s: ParseRules error = %v, want ErrInvalidRules", name, err)
		}
	}
}

// TestDefaultRulesReal runs the default rules on the real budgets and
// checks that the migration- and gender-related lines named in their
// SOURCE.md files land under plausible objectives.
func TestDefaultRulesReal(t *testing.T) {
	type want struct {
		objectives string // as FormatObjectives writes them
		marker     budget.Level
	}
	tests := []struct {
		file  string
		opt   budget.Options
		match func(l *budget.Line) bool
		label string
		want  want
	}{
		// Kenya: immigration services (visas, permits, border posts) and refugees.
		{"kenya-programme-budget-2018-2022/kenya_budget.csv", budget.Options{},
			func(l *budget.Line) bool { return l.Programme.Code() == "0605020" }, "0605020 Immigration Services", want{"5 (50%), 11 (50%)", budget.NotScreened}},
		{"kenya-programme-budget-2018-2022/kenya_budget.csv", budget.Options{},
			func(l *budget.Line) bool { return l.Programme.Code() == "0605030" }, "0605030 Refugee Affairs", want{"7", budget.NotScreened}},
		{"kenya-programme-budget-2018-2022/kenya_budget.csv", budget.Options{},
			func(l *budget.Line) bool { return l.Programme.Code() == "0912010" }, "0912010 Gender Mainstreaming", want{"", budget.Principal}},
		// Puebla: the fund for returning migrants, and violence against women.
		{"mexico-puebla-gasto-federalizado-xlsx/Gasto_Federalizado_Avance_Financiero_Puebla_Q1_2016.xlsx", budget.Options{},
			func(l *budget.Line) bool { return l.Programme.Code() == "U033" }, "U033 FONDO DE APOYO A MIGRANTES", want{"21", budget.NotScreened}},
		{"mexico-puebla-gasto-federalizado-xlsx/Gasto_Federalizado_Avance_Financiero_Puebla_Q1_2016.xlsx", budget.Options{},
			func(l *budget.Line) bool { return l.Programme.Code() == "E015" }, "E015 … VIOLENCIA CONTRA LAS MUJERES", want{"7", budget.Principal}},
		// Australia: migration programme, refugees, IOM, workplace gender equality.
		{"au-budget-2015-16-fdp/data/201505181230budget1516.csv", budget.Options{Scale: budget.Thousands},
			func(l *budget.Line) bool {
				return l.Programme.Name() == "Programme 2.2: Migration" && (l.Description == "Economic Migration" || l.Description == "Family Migration")
			}, "Programme 2.2: Migration (economic and family migration)", want{"5", budget.NotScreened}},
		{"au-budget-2015-16-fdp/data/201505181230budget1516.csv", budget.Options{Scale: budget.Thousands},
			func(l *budget.Line) bool {
				return l.Programme.Name() == "Programme 2.4: Refugee and Humanitarian Assistance" &&
					(l.Description == "Refugee and Humanitarian Assistance" || strings.HasPrefix(l.Description, "Payments for the Asylum Seeker"))
			}, "Programme 2.4: Refugee and Humanitarian Assistance", want{"7", budget.NotScreened}},
		{"au-budget-2015-16-fdp/data/201505181230budget1516.csv", budget.Options{Scale: budget.Thousands},
			func(l *budget.Line) bool {
				return strings.HasPrefix(l.Description, "International Organization for Migration")
			}, "2.4 IOM contribution", want{"23", budget.NotScreened}},
		{"au-budget-2015-16-fdp/data/201505181230budget1516.csv", budget.Options{Scale: budget.Thousands},
			func(l *budget.Line) bool { return l.Programme.Name() == "Programme 1.1: Workplace Gender Equality" }, "Programme 1.1: Workplace Gender Equality", want{"6", budget.Principal}},
	}
	budgets := map[string]*budget.Budget{}
	rs := DefaultRules()
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			b := budgets[tt.file]
			if b == nil {
				var err error
				read := csv.ReadFile
				if strings.HasSuffix(tt.file, ".xlsx") {
					read = xlsx.ReadFile
				}
				if b, err = read(readertest.RealFile(t, tt.file), tt.opt); err != nil {
					t.Fatal(err)
				}
				budgets[tt.file] = b
			}
			n := 0
			for i := range b.Lines.Len() {
				lv := b.Lines.At(i)
				l := &lv
				if !tt.match(l) {
					continue
				}
				n++
				res := rs.Apply(l)
				got := want{budget.FormatObjectives(res.Objectives), res.Marker}
				if got != tt.want {
					t.Errorf("%s row %d (%s / %s): objectives %q, marker %v; want %q, %v (matches %v, conflicts %v)",
						tt.file, l.Pos.Row, l.Programme.Label(), l.Description, got.objectives, got.marker, tt.want.objectives, tt.want.marker, res.Matches, res.Conflicts)
				}
			}
			if n == 0 {
				t.Errorf("no line matched %s", tt.label)
			}
		})
	}
	// Conflicts are reported, not resolved: Kenya's diaspora and consular
	// programme matches two objective rules of equal priority.
	t.Run("conflict", func(t *testing.T) {
		b := budgets["kenya-programme-budget-2018-2022/kenya_budget.csv"]
		if b == nil {
			t.Skip("Kenya not read")
		}
		for i := range b.Lines.Len() {
			lv := b.Lines.At(i)
			l := &lv
			if l.Programme.Code() != "0715050" {
				continue
			}
			res := rs.Apply(l)
			ids := []string{}
			if len(res.Conflicts) == 1 {
				for _, m := range res.Conflicts[0].Matches {
					ids = append(ids, m.Rule)
				}
			}
			if budget.FormatObjectives(res.Objectives) != "14 (50%), 19 (50%)" || !res.ObjectivesForReview || !slices.Equal(ids, []string{"consular", "diaspora"}) {
				t.Errorf("row %d: objectives %v, conflicts %v; want both, for review, and consular vs diaspora", l.Pos.Row, res.Objectives, res.Conflicts)
			}
			return
		}
		t.Errorf("no 0715050 line")
	})
}

func TestKeywordListForms(t *testing.T) {
	a := mustRules(t, "rules:\n  - {id: a, keywords: [x, y], objectives: \"7\"}\n").All()[0].Keywords
	b := mustRules(t, "rules:\n  - {id: a, keywords: {en: [x], es: [y]}, objectives: \"7\"}\n").All()[0].Keywords
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("keywords as a list and by language differ (-list +by language):\n%s", diff)
	}
}
