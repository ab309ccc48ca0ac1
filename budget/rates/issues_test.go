package rates

import (
	"errors"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// at returns l read from row of file f.
func at(l budget.Line, f string, row int) budget.Line {
	l.Pos = budget.At(f, "", row, 0)
	return l
}

// TestConvertIssues: every problem of a conversion is an issue with a
// stable code naming the file, the currency and the year, all of them at
// once, one per code, currency and year (the first line's position, the
// lines counted), never a bare error.
func TestConvertIssues(t *testing.T) {
	tab, _ := Embedded()
	b := &budget.Budget{Source: "aid.csv", Lines: budget.LinesOf([]budget.Line{
		at(line(2031, "2031", "XOF", "100"), "aid.csv", 2),
		at(line(2031, "2031", "XOF", "5"), "aid.csv", 3),
		at(line(2020, "2020", "XYZ", "100"), "aid.csv", 4),
		at(line(2020, "2020", "", "100"), "aid.csv", 5),
		at(line(0, "", "EUR", "100"), "aid.csv", 6),
		at(line(2020, "2020", "EUR", "100"), "aid.csv", 7),
	}...)}
	_, err := Convert(b, tab, Options{To: "USD"})
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v (%T), want a *rates.Error", err, err)
	}
	type want struct {
		code, cur string
		year, row int
		says      string
	}
	wants := []want{
		{CodeRateMissing, "XOF", 2031, 2, "2 lines"},
		{CodeCurrencyUnknown, "XYZ", 2020, 4, "XYZ"},
		{CodeCurrencyMissing, "", 2020, 5, "--currency"},
		{CodeYearMissing, "EUR", 0, 6, "no fiscal year"},
	}
	if len(ce.Issues) != len(wants) {
		t.Fatalf("%d issues, want %d: %v", len(ce.Issues), len(wants), ce.Issues)
	}
	for i, w := range wants {
		is := ce.Issues[i]
		if is.Code != w.code || is.Currency != w.cur || is.Year != w.year || is.Pos.Row != w.row || is.Pos.File() != "aid.csv" || is.Severity != budget.Error || !strings.Contains(is.Message, w.says) {
			t.Errorf("issue %d = %+v (%s), want %+v", i, is, is.Message, w)
		}
	}
	if !strings.Contains(err.Error(), "[rate-missing]") || !strings.Contains(err.Error(), "aid.csv:3") && !strings.Contains(err.Error(), "aid.csv:2") {
		t.Errorf("err text = %q", err)
	}
}

// TestDeflatorIssues: a price index missing for a year, or a currency
// whose country has no series, is the issue deflator-missing naming the
// currency and the year.
func TestDeflatorIssues(t *testing.T) {
	tab, _ := Embedded()
	b := &budget.Budget{Source: "b.csv", Lines: budget.LinesOf([]budget.Line{
		at(line(2035, "2035", "USD", "100"), "b.csv", 2),
		at(line(2020, "2020", "XDR", "100"), "b.csv", 3),
	}...)}
	_, err := Convert(b, tab, Options{Prices: 2023})
	var ce *Error
	if !errors.As(err, &ce) || len(ce.Issues) != 2 {
		t.Fatalf("err = %v", err)
	}
	for i, w := range []struct {
		cur  string
		year int
	}{{"USD", 2026}, {"XDR", 2021}} {
		is := ce.Issues[i]
		if is.Code != CodeDeflatorMissing || is.Currency != w.cur || is.Year != w.year {
			t.Errorf("issue %d = %+v, want deflator-missing %s %d", i, is, w.cur, w.year)
		}
	}
}

// TestRateSource: the embedded rates come from the IMF table, then the
// World Bank's for the years after it (imf+wb, the default); imf and wb
// take one table only, and the conversion's decision names the source
// and its vintage.
func TestRateSource(t *testing.T) {
	tab, _ := Embedded()
	if got := tab.RateSource(); got != DefaultRateSource {
		t.Errorf("default rate source %q, want %q", got, DefaultRateSource)
	}
	for _, tc := range []struct {
		source, cur string
		year        int
		from        string // "" when the source has no rate
	}{
		{"imf+wb", "EUR", 2020, SourceIMF},
		{"imf+wb", "EUR", 2025, SourceWB},
		{"imf", "EUR", 2020, SourceIMF},
		{"imf", "EUR", 2025, ""},
		{"wb", "EUR", 2020, SourceWB},
		{"wb", "EUR", 2025, SourceWB},
		{"wb", "KES", 1990, SourceWB},
		{"wb", "DEM", 1998, SourceWB},
		{"wb", "DEM", 1999, ""}, // Germany's World Bank row is in euros from 1999
		{"imf+wb", "CDF", 2025, SourceWB},
		{"imf+wb", "KES", 1990, SourceIMF},
	} {
		s, err := tab.WithRateSource(tc.source)
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.PerUSD(tc.cur, tc.year)
		if tc.from == "" && err == nil || tc.from != "" && v.Source != tc.from {
			t.Errorf("%s: %s %d = %+v, %v; want from %q", tc.source, tc.cur, tc.year, v, err, tc.from)
		}
	}
	if _, err := tab.WithRateSource("ecb"); err == nil || !strings.Contains(err.Error(), "imf+wb") {
		t.Errorf("unknown source: %v", err)
	}
	imf, _ := tab.WithRateSource("imf")
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{line(2020, "2020", "EUR", "100")}...)}
	out, err := Convert(b, imf, Options{To: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	var d budget.Decision
	for _, x := range out.Decisions {
		if x.Topic == "currency" {
			d = x
		}
	}
	if !strings.Contains(d.Choice, "rate source imf") || !strings.Contains(d.Choice, "November 2025 vintage") || strings.Contains(d.Choice, "World Bank") {
		t.Errorf("currency decision = %+v", d)
	}
}

// TestWorldBankEveryYear checks that the World Bank rate source gives
// the rates of wb_PA.NUS.FCRF.csv for every year it has, as the file
// writes them: EMU for the euro, KEN for the Kenyan shilling, DEU for the
// Deutsche Mark until 1998.
func TestWorldBankEveryYear(t *testing.T) {
	tab, _ := Embedded()
	wb, err := tab.WithRateSource("wb")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cur  string
		year int
		want string // the source file's Value
	}{
		{"EUR", 1999, "0.938283072395283"},    // Euro area,EMU,1999
		{"EUR", 2020, "0.875506396987998"},    // Euro area,EMU,2020
		{"EUR", 2025, "0.88496895841236"},     // Euro area,EMU,2025
		{"KES", 1990, "22.9147666666667"},     // Kenya,KEN,1990
		{"DEM", 1998, "1.7596676"},            // Germany,DEU,1998
		{"AOA", 1960, "2.86684433333333E-08"}, // Angola,AGO,1960
	} {
		v, err := wb.PerUSD(tc.cur, tc.year)
		if err != nil || v.Text != tc.want || v.Source != SourceWB {
			t.Errorf("wb: PerUSD(%s, %d) = %+v, %v; want %s from %s", tc.cur, tc.year, v, err, tc.want, SourceWB)
		}
	}
}
