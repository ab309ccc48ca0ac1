package reports

import (
	"strconv"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// TestCategoryLabelsWhole: a long ministry name is wrapped on the chart's
// category axis, never cut: every word of the name is drawn, no line is
// longer than maxLabelRunes, and no ellipsis hides a part of it.
func TestCategoryLabelsWhole(t *testing.T) {
	names := []string{
		"105 Ministry of Education",
		"103 Ministry of Foreign Affairs (consular services, diaspora)",
		"Ministère de l’Intérieur, de la Décentralisation et de la Sécurité publique",
		strings.Repeat("x", 95),
	}
	c := ChartData{Kind: ChartStackedBars, Horizontal: true, Categories: names}
	got := categoryLabels(c, chartAxesOf(c))
	for i, name := range names {
		l := got[len(names)-1-i] // horizontal: the first category at the top
		if strings.Contains(l, "…") {
			t.Errorf("%q drawn as %q: cut", name, l)
		}
		if joined := strings.ReplaceAll(strings.ReplaceAll(l, "-\n", ""), "\n", " "); joined != name {
			t.Errorf("%q drawn as %q", name, l)
		}
		for _, line := range strings.Split(l, "\n") {
			if n := len([]rune(line)); n > maxLabelRunes {
				t.Errorf("%q: line %q has %d characters, more than %d", name, line, n, maxLabelRunes)
			}
		}
	}
}

// TestTrendChartEveryYear: the trend's category axis has every fiscal
// year between the first and the last, a year with no money a gap in the
// lines, not a year left out.
func TestTrendChartEveryYear(t *testing.T) {
	r := buildOf(t, Options{},
		tline(2019, "A", budget.Approved, 100, budget.Principal, "oecd_dac", 7),
		tline(2020, "A", budget.Approved, 0, budget.Principal, "oecd_dac", 7),
		tline(2022, "A", budget.Approved, 100, budget.Significant, "oecd_dac", 7),
	)
	c := trendChart(r)
	if want := []string{"2019", "2020", "2021", "2022"}; strings.Join(c.Categories, ",") != strings.Join(want, ",") {
		t.Fatalf("categories %q, want %q", c.Categories, want)
	}
	if want := []int{1, 2}; len(c.Gaps) != 2 || c.Gaps[0] != want[0] || c.Gaps[1] != want[1] {
		t.Errorf("gaps %v, want %v", c.Gaps, want)
	}
	for _, s := range c.Series {
		if len(s.Values) != 4 {
			t.Errorf("series %s has %d values, want 4", s.Name, len(s.Values))
		}
	}
	if !strings.Contains(c.Caption, "2020 and 2021") || !strings.Contains(c.Caption, "gap") {
		t.Errorf("caption does not name the gap years: %q", c.Caption)
	}
	if _, err := PlotChart(c); err != nil {
		t.Errorf("PlotChart: %v", err)
	}
}

// TestDeltaPctZeroToZero: a change from zero to zero is no change, not
// "n/a".
func TestDeltaPctZeroToZero(t *testing.T) {
	d, _ := analysis.NewDelta(budget.FromCents(0), budget.FromCents(0))
	if got := deltaPct(d); got != "no change" {
		t.Errorf("0 → 0: %q, want %q", got, "no change")
	}
	if got := changeWords(d); strings.Contains(got, "n/a") || !strings.Contains(got, "no change") {
		t.Errorf("0 → 0 in words: %q", got)
	}
}

// TestWorkbookChangesWords: with one budget, the Changes sheet holds a
// sentence, not an empty table; with two, its kinds and marker levels are
// labels, not keys.
func TestWorkbookChangesWords(t *testing.T) {
	f, _ := writeAndOpen(t, sampleReport(t))
	rows, err := f.GetRows("Changes")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || len(rows[0]) != 1 || !strings.Contains(rows[0][0], "one budget") {
		t.Errorf("Changes of one budget: %q, want one sentence", rows)
	}
	r := buildTwo(t)
	f, _ = writeAndOpen(t, r)
	rows, err = f.GetRows("Changes")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for _, cell := range row {
			for _, raw := range []string{"not_targeted", "not_screened", "principal", "significant"} {
				if cell == raw || strings.Contains(cell, raw+"/") || strings.Contains(cell, "/"+raw) {
					t.Errorf("Changes cell %q is a raw key", cell)
				}
			}
		}
	}
}

// buildTwo is a report of two versions of a budget whose line is
// re-marked from not targeted to principal.
func buildTwo(t *testing.T) *Report {
	t.Helper()
	a := tline(2024, "A", budget.Approved, 100, budget.NotTargeted, "oecd_dac", 7)
	b := tline(2024, "A", budget.Approved, 100, budget.Principal, "oecd_dac", 7)
	c := tline(2024, "B", budget.Approved, 50, budget.NotTargeted, "oecd_dac", 7)
	old := &budget.Budget{Source: "old.xlsx", Format: "xlsx", Lines: budget.LinesOf([]budget.Line{a, c}...)}
	nw := &budget.Budget{Source: "new.xlsx", Format: "xlsx", Lines: budget.LinesOf([]budget.Line{b}...)}
	r, err := Build([]*budget.Budget{old, nw}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Diff == nil {
		t.Fatal("no diff")
	}
	return r
}

// TestWorkbookGapPoints: the Execution sheet's gap is in percentage
// points, a number of points, not formatted as a per cent.
func TestWorkbookGapPoints(t *testing.T) {
	r := sampleReport(t)
	f, _ := writeAndOpen(t, r)
	last := len(r.Execution.Execution.Units) + 2
	cell := "V" + strconv.Itoa(last)
	head, _ := f.GetCellValue("Execution", "V1")
	if !strings.Contains(head, "points") {
		t.Fatalf("Execution!V1 = %q, not the gap", head)
	}
	want := r.Execution.Execution.Total.Gap
	if v := number(t, f, "Execution", cell); !closeTo(v, want.V) {
		t.Errorf("Execution!%s = %v, want %v points", cell, v, want.V)
	}
	shown, _ := f.GetCellValue("Execution", cell)
	if strings.Contains(shown, "%") {
		t.Errorf("Execution!%s shows %q: points formatted as a per cent", cell, shown)
	}
}

// TestFrenchTypography: French puts a no-break space before ":", ";",
// "?" and "!" (a narrow one before the last three), never a plain space
// that a line could break on.
func TestFrenchTypography(t *testing.T) {
	r := langReport(t, French)
	var buf strings.Builder
	if err := WriteHTML(&buf, r, stubCharts(r)); err != nil {
		t.Fatal(err)
	}
	texts := append(Findings(r), buf.String())
	for _, c := range Charts(r) {
		texts = append(texts, c.Title, c.Caption)
	}
	for _, s := range texts {
		for _, bad := range []string{" :", " ;", " ?", " !"} {
			if i := strings.Index(s, bad); i >= 0 {
				t.Errorf("plain space before %q in %q", bad[1:], s[max(0, i-60):min(len(s), i+20)])
			}
		}
	}
	if got := newPrinter(French).S("Source: %s"); got != "Source\u00a0: %s" {
		t.Errorf("French Source: %q", got)
	}
}

// TestCurrencyAfterAmount: French and Spanish write the currency after
// the amount ("300 millions USD"), English before it ("USD 300 million").
func TestCurrencyAfterAmount(t *testing.T) {
	m := budget.FromCents(29996920000)
	for l, want := range map[Lang]string{English: "USD 300 million", French: "300 millions\u00a0USD", Spanish: "300 millones\u00a0USD"} {
		if got := newPrinter(l).roundedMoney(m, "USD"); got != want {
			t.Errorf("%s: %q, want %q", l, got, want)
		}
	}
}

// TestMoneyHeader: the money column of the tables is headed by the
// amount's phase and currency as a header, not an adjective and a code.
func TestMoneyHeader(t *testing.T) {
	for l, want := range map[Lang]string{English: "Approved (USD)", French: "Montant approuvé (USD)", Spanish: "Importe aprobado (USD)"} {
		p := newPrinter(l)
		if got := p.yearHead(budget.Approved, "USD")[2]; got != want {
			t.Errorf("%s: year table header %q, want %q", l, got, want)
		}
		if got := p.moneyHead(budget.Executed, ""); got != p.S("Executed") {
			t.Errorf("%s: header without a currency %q", l, got)
		}
	}
}

// TestChartTicksLocal: the percent axis's ticks are written in the
// chart's language: "20 %" with a narrow no-break space (U+202F) in French,
// a no-break space (U+00A0) in Spanish, as CLDR says.
func TestChartTicksLocal(t *testing.T) {
	for l, want := range map[Lang]string{English: "20 %", French: "20\u202f%", Spanish: "20\u00a0%"} {
		ticks := percentTicks(newPrinter(l), 100)
		if ticks[1].Label != want {
			t.Errorf("%s: tick %q, want %q", l, ticks[1].Label, want)
		}
	}
}

// TestWorkbookComplianceLang: the Compliance and SDG 5.c.1 sheets of a
// French or Spanish report have their headers and results in the
// language.
func TestWorkbookComplianceLang(t *testing.T) {
	prof, err := analysis.LookupProfile("un-15")
	if err != nil {
		t.Fatal(err)
	}
	for l, want := range map[Lang][]string{
		French:  {"Profil", "Règle", "Exigence", "Mesuré", "Seuil", "Résultat"},
		Spanish: {"Perfil", "Regla", "Requisito", "Medido", "Umbral", "Resultado"},
	} {
		r := sampleReport(t)
		r, err := Build(r.Budgets, Options{Profile: &prof, Lang: l})
		if err != nil {
			t.Fatal(err)
		}
		f, _ := writeAndOpen(t, r)
		rows, err := f.GetRows("Compliance")
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s: Compliance rows %q (%v)", l, rows, err)
		}
		for i, w := range want {
			if rows[0][i] != w {
				t.Errorf("%s: Compliance header %d = %q, want %q", l, i, rows[0][i], w)
			}
		}
		if res := rows[1][5]; res == "pass" || res == "FAIL" {
			t.Errorf("%s: result %q in English", l, res)
		}
	}
}
