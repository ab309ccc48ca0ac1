package reports

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// tline is a line of fiscal year y in unit u with amount (in whole units)
// of phase p, marker level lv read in scheme, and GCM objective obj (0:
// none).
func tline(y int, u string, p budget.Phase, amount int64, lv budget.Level, scheme string, obj int) budget.Line {
	var l budget.Line
	l.Year = y
	l.Unit = budget.NewCode(u, "Ministry "+u)
	l.Amounts.Set(p, budget.FromCents(amount*100))
	l.Currency = "USD"
	raw := ""
	if lv != budget.NotScreened {
		raw = lv.String()
	}
	l.Gender = budget.NewMarker(lv, raw, scheme)
	if obj != 0 {
		l.Objectives = []budget.ObjectiveShare{{Objective: obj, Share: 10000}}
	}
	l.Description = "line " + u
	return l
}

func buildOf(t *testing.T, opt Options, lines ...budget.Line) *Report {
	t.Helper()
	b := &budget.Budget{Source: "budget.xlsx", Format: "xlsx", Lines: budget.LinesOf(lines...)}
	r, err := Build([]*budget.Budget{b}, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestFindingsTrueToData builds budgets that provoke each sentence the
// issue lists as claiming more than the data holds, and checks what the
// findings and the headline figures say, and never say.
func TestFindingsTrueToData(t *testing.T) {
	const (
		A  = budget.Approved
		P  = budget.Principal
		S  = budget.Significant
		NT = budget.NotTargeted
		NS = budget.NotScreened
	)
	for _, tc := range []struct {
		name    string
		opt     Options
		lines   []budget.Line
		want    []string // in the findings or the headline figures
		wantNot []string
	}{
		{
			name: "untagged",
			lines: []budget.Line{
				tline(2024, "A", A, 600, NS, "", 7), tline(2024, "B", A, 400, NS, "", 9),
			},
			want:    []string{"No line was screened for gender", "no share of gender-equality money can be given", "not screened"},
			wantNot: []string{"0.0% of it", "serves gender equality", "Blind spots", "Every line was screened"},
		},
		{
			name: "partly tagged",
			lines: []budget.Line{
				tline(2024, "A", A, 500, P, "oecd_dac", 7), tline(2024, "B", A, 300, NT, "oecd_dac", 9),
				tline(2024, "C", A, 200, NS, "", 4),
			},
			// 500 of 1,000 (50.0%) of all money; 500 of the 800 screened (62.5%).
			want: []string{"is marked with gender equality as a principal or significant objective", "50.0% of all the money", "62.5% of the screened money",
				"Blind spots among screened money: objectives 9 Counter smuggling",
				"20.0% of the money (USD 200) was not screened"},
			wantNot: []string{"serves gender equality", "4 Legal identity and documentation have budget"},
		},
		{
			name: "principal flag only",
			lines: []budget.Line{
				tline(2024, "A", A, 250, P, "boolean_principal", 7), tline(2024, "B", A, 750, NT, "boolean_principal", 9),
			},
			want:    []string{"at least 25.0%", "a yes/no flag", "says only that gender equality is not the principal objective"},
			wantNot: []string{"Every line was screened", "serves gender equality", "Blind spots"},
		},
		{
			name: "executed only",
			opt:  Options{Phase: budget.Executed, PhaseSet: true},
			lines: []budget.Line{
				tline(2024, "A", budget.Executed, 500, P, "oecd_dac", 7), tline(2024, "B", budget.Executed, 500, NT, "oecd_dac", 9),
			},
			want:    []string{"executed budget covered", "no line also gives an approved or revised amount"},
			wantNot: []string{"No executed amounts are given"},
		},
		{
			name: "multi-year aid file",
			lines: []budget.Line{
				// 2021 has the most screened money; 2023 is a near-empty tail.
				tline(2021, "A", A, 40_000_000, S, "oecd_dac", 7), tline(2021, "B", A, 60_000_000, NT, "oecd_dac", 9),
				tline(2022, "A", A, 3_000_000, S, "oecd_dac", 7),
				tline(2023, "A", A, 125_000, P, "oecd_dac", 7),
			},
			want:    []string{"In fiscal year 2021", "the latest year whose money screened for gender is at least half that of the year with the most", "USD 100 million", "3 fiscal years"},
			wantNot: []string{"In fiscal year 2023,"},
		},
		{
			name: "year tagged then not",
			lines: []budget.Line{
				tline(2024, "A", A, 100_000, P, "oecd_dac", 7), tline(2024, "B", A, 100_000, NT, "oecd_dac", 9),
				tline(2025, "A", A, 110_000, NS, "", 7), tline(2025, "B", A, 105_000, NS, "", 9),
			},
			opt:     Options{Year: 2025},
			want:    []string{"cannot be compared like for like", "no line was screened in both"},
			wantNot: []string{"-100", "fell by 100"},
		},
		{
			name: "like for like",
			lines: []budget.Line{
				tline(2024, "A", A, 100_000, P, "oecd_dac", 7), tline(2024, "B", A, 100_000, NT, "oecd_dac", 9),
				tline(2025, "A", A, 120_000, P, "oecd_dac", 7), tline(2025, "B", A, 105_000, NS, "", 9),
				tline(2025, "C", A, 50_000, S, "oecd_dac", 4),
			},
			opt: Options{Year: 2025},
			// Screened in both: line A only (B is not screened in 2025, C is new).
			want: []string{"screened for gender in both years", "rose by 20.0%"},
		},
		{
			name: "negative totals",
			lines: []budget.Line{
				tline(2024, "A", A, -500, P, "oecd_dac", 7), tline(2024, "B", A, 200, NT, "oecd_dac", 9),
			},
			want:    []string{"negative", "no share can be given"},
			wantNot: []string{"NaN", "%!"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := buildOf(t, tc.opt, tc.lines...)
			var all []string
			all = append(all, Findings(r)...)
			for _, h := range Headlines(r) {
				all = append(all, h.Label+": "+h.Figure+". "+h.Sentence)
			}
			text := strings.Join(all, "\n")
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(text, w) {
					t.Errorf("says %q:\n%s", w, text)
				}
			}
		})
	}
}

// TestRoundedMoney: amounts in prose are rounded to three significant
// digits with a word for the scale; exact figures stay in tables.
func TestRoundedMoney(t *testing.T) {
	c := budget.FromCents
	for _, tc := range []struct {
		m    budget.Money
		cur  string
		want string
	}{
		{c(212081711144600), "KES", "KES 2.12 trillion"},
		{c(29996920000), "USD", "USD 300 million"},
		{c(15091540000), "USD", "USD 151 million"},
		{c(99970000000), "USD", "USD 1 billion"},
		{c(10350000000), "GBP", "GBP 104 million"},
		{c(12500000), "GBP", "GBP 125,000"},
		{c(123456), "", "1,230"},
		{c(4250), "EUR", "EUR 42.50"},
		{c(0), "EUR", "EUR 0"},
		{c(-300000000000), "USD", "USD -3 billion"},
		{c(150000000), "USD", "USD 1.5 million"},
	} {
		if got := en.roundedMoney(tc.m, tc.cur); got != tc.want {
			t.Errorf("en.roundedMoney(%s, %q) = %q, want %q", tc.m, tc.cur, got, tc.want)
		}
	}
}

// TestSmallThings: the small wordings that told a reader the tool was
// careless.
func TestSmallThings(t *testing.T) {
	if got := en.mismatchSentence(39, 1); !strings.Contains(got, "1 does not match") {
		t.Errorf("one mismatch: %q", got)
	}
	if got := en.mismatchSentence(39, 2); !strings.Contains(got, "2 do not match") {
		t.Errorf("two mismatches: %q", got)
	}
	lines := make([]budget.Line, 2366)
	for i := range lines {
		lines[i] = tline(2024, "A", budget.Approved, 1, budget.Principal, "oecd_dac", 7)
	}
	r := buildOf(t, Options{}, lines...)
	if f := strings.Join(Findings(r), "\n"); !strings.Contains(f, "over 2,366 lines") {
		t.Errorf("no thousands separator in the line count:\n%s", f)
	}
}

// en is the English printer of the tests.
var en = newPrinter(English)
