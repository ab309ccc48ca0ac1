package reports

import (
	"regexp"
	"strings"
	"testing"
)

// TestPrinterCountsCLDR: a count passed to a message (%d) is written as
// CLDR says, like every other number of the page: French groups digits
// with a narrow no-break space (U+202F), Spanish with "." from five digits
// on (minimumGroupingDigits 2), never x/text's older U+00A0 or "1.234".
func TestPrinterCountsCLDR(t *testing.T) {
	const key = "%s of the files were checked against their lines; %d do not match (see the workbook's Reconciliation sheet)."
	tests := []struct {
		l    Lang
		n    int
		want string
	}{
		{French, 1234, "; 1\u202f234 ne concordent pas"},
		{Spanish, 1234, "; 1234 no coinciden"},
		{Spanish, 12345, "; 12.345 no coinciden"},
		{English, 1234, "; 1234 do not match"},
	}
	for _, tt := range tests {
		if got := newPrinter(tt.l).F(key, "x", tt.n); !strings.Contains(got, tt.want) {
			t.Errorf("%s F(%d) = %q, want it to hold %q", tt.l, tt.n, got, tt.want)
		}
	}
}

// plainBeforeCurrency is a digit, a plain space and a currency code: CLDR
// puts a no-break space there in French and Spanish.
var plainBeforeCurrency = regexp.MustCompile(`[0-9] [A-Z]{3}\b`)

// oldFrenchGroup is a French thousands group separated by U+00A0, CLDR
// 32's separator (CLDR 34 on: U+202F).
var oldFrenchGroup = regexp.MustCompile(`[0-9]\x{00a0}[0-9]{3}`)

// TestCLDRSpacesInOutputs: report.html and the text cells of report.xlsx
// in French and Spanish write exact amounts with CLDR's separators and a
// no-break space before the currency code: "299 969 200,00 USD" with
// U+202F groups and U+00A0 before USD in French, "299.969.200,00 USD"
// with U+00A0 in Spanish.
func TestCLDRSpacesInOutputs(t *testing.T) {
	want := map[Lang]string{French: "299\u202f969\u202f200,00\u00a0USD", Spanish: "299.969.200,00\u00a0USD"}
	for _, l := range []Lang{French, Spanish} {
		r := langReport(t, l)
		var buf strings.Builder
		if err := WriteHTML(&buf, r, stubCharts(r)); err != nil {
			t.Fatal(err)
		}
		texts := map[string]string{"report.html": buf.String()}
		f, _ := writeAndOpen(t, r)
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range rows {
				texts[sheet] += strings.Join(row, "\n") + "\n"
			}
		}
		if !strings.Contains(texts["report.html"], want[l]) {
			t.Errorf("%s: report.html lacks %q", l, want[l])
		}
		for where, s := range texts {
			if m := plainBeforeCurrency.FindStringIndex(s); m != nil {
				t.Errorf("%s %s: plain space before a currency code in %q", l, where, s[max(0, m[0]-40):min(len(s), m[1]+10)])
			}
			if m := oldFrenchGroup.FindStringIndex(s); l == French && m != nil {
				t.Errorf("%s %s: U+00A0 between digit groups in %q", l, where, s[max(0, m[0]-40):min(len(s), m[1]+10)])
			}
		}
	}
}

// TestCatalogPercentSpace: a per cent written in a translation ("40 %")
// takes the space CLDR puts before "%": U+202F in French, U+00A0 in
// Spanish, as the numbers format.Locale writes.
func TestCatalogPercentSpace(t *testing.T) {
	want := map[Lang]string{French: "\u202f%", Spanish: "\u00a0%"}
	plain := regexp.MustCompile(`[0-9][ \x{00a0}\x{202f}]%`)
	for _, l := range []Lang{French, Spanish} {
		for k, v := range translations[l] {
			for _, m := range plain.FindAllString(v, -1) {
				if !strings.HasSuffix(m, want[l]) {
					t.Errorf("%s %q: %q, want the space before %% to be %q", l, k, m, want[l])
				}
			}
		}
	}
}

// TestPrinterCountTypes: a count of any signed integer type reaches the
// message as a number, not as a formatting error.
func TestPrinterCountTypes(t *testing.T) {
	const key = "%d of %d"
	p := newPrinter(French)
	for _, args := range [][]any{{int(2), int(12345)}, {int32(2), int64(12345)}, {int8(2), int16(12345)}} {
		if got, want := p.F(key, args...), "2 sur 12\u202f345"; got != want {
			t.Errorf("F(%T, %T) = %q, want %q", args[0], args[1], got, want)
		}
	}
}
