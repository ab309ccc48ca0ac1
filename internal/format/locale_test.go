package format

import (
	"testing"

	"golang.org/x/text/language"
)

func TestLocale(t *testing.T) {
	fr, es, en := LocaleFor(language.French), LocaleFor(language.Spanish), LocaleFor(language.English)
	const nb = "\u00a0" // CLDR's fr group separator and percent space, as x/text has them
	tests := []struct {
		name, got, want string
	}{
		{"fr thousands", fr.Thousands("-1234567.8"), "-1" + nb + "234" + nb + "567,8"},
		{"fr 4 digits", fr.Thousands("1234.5"), "1" + nb + "234,5"},
		{"es 4 digits: no grouping (CLDR minimumGroupingDigits 2)", es.Thousands("1234.5"), "1234,5"},
		{"es 5 digits", es.Thousands("12345.5"), "12.345,5"},
		{"es 7 digits", es.Thousands("1234567"), "1.234.567"},
		{"en", en.Thousands("1234.5"), "1,234.5"},
		{"fr percent", fr.Percent(50.34), "50,3" + nb + "%"},
		{"es percent", es.Percent(50.34), "50,3" + nb + "%"},
		{"en percent as Percent", en.Percent(50.34), Percent(50.34)},
		{"fr percent spaced", fr.PercentExactSpaced(40), "40" + nb + "%"},
		{"en spaced as before", en.PercentExactSpaced(40), "40 %"},
		{"fr basis points", fr.BasisPoints(1250), "12,5" + nb + "%"},
		{"fr share undefined", fr.Share(0, false), "n.d."},
		{"es share", es.Share(0.5, true), "50,0" + nb + "%"},
		{"en share undefined", en.Share(0, false), "n/a"},
		{"fr signed", fr.PercentSigned(-2.25), "-2,2" + nb + "%"},
		{"fr int", fr.Int(2366), "2" + nb + "366"},
		{"es int", es.Int(2366), "2366"},
		{"en int", en.Int(2366), "2,366"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestLocaleMoney(t *testing.T) {
	fr := LocaleFor(language.French)
	if got, want := fr.MoneyIn(cents(12345678905), "EUR"), "123\u00a0456\u00a0789,05 EUR"; got != want {
		t.Errorf("fr.MoneyIn = %q, want %q", got, want)
	}
	en := LocaleFor(language.English)
	if got, want := en.MoneyIn(cents(12345678905), "EUR"), MoneyIn(cents(12345678905), "EUR"); got != want {
		t.Errorf("en.MoneyIn = %q, want %q", got, want)
	}
}

func TestLocalePlural(t *testing.T) {
	fr, en := LocaleFor(language.French), LocaleFor(language.English)
	if got := fr.CountOf(0, "ligne", "lignes"); got != "0 ligne" {
		t.Errorf("fr 0: %q", got)
	}
	if got := fr.CountOf(1234, "ligne", "lignes"); got != "1\u00a0234 lignes" {
		t.Errorf("fr 1234: %q", got)
	}
	if got := en.CountOf(0, "line", "lines"); got != "0 lines" {
		t.Errorf("en 0: %q", got)
	}
}
