package format

import (
	"testing"

	"golang.org/x/text/language"
)

func TestLocale(t *testing.T) {
	fr, es, en := LocaleFor(language.French), LocaleFor(language.Spanish), LocaleFor(language.English)
	// CLDR (v34 on) writes French thousands and the space before "%" with
	// a narrow no-break space, U+202F; Spanish puts a no-break space,
	// U+00A0, before "%".
	const nb, nn = "\u00a0", "\u202f"
	tests := []struct {
		name, got, want string
	}{
		{"fr thousands", fr.Thousands("-1234567.8"), "-1" + nn + "234" + nn + "567,8"},
		{"fr 4 digits", fr.Thousands("1234.5"), "1" + nn + "234,5"},
		{"es 4 digits: no grouping (CLDR minimumGroupingDigits 2)", es.Thousands("1234.5"), "1234,5"},
		{"es 5 digits", es.Thousands("12345.5"), "12.345,5"},
		{"es 7 digits", es.Thousands("1234567"), "1.234.567"},
		{"en", en.Thousands("1234.5"), "1,234.5"},
		{"fr percent", fr.Percent(50.34), "50,3" + nn + "%"},
		{"es percent", es.Percent(50.34), "50,3" + nb + "%"},
		{"en percent as Percent", en.Percent(50.34), Percent(50.34)},
		{"fr percent spaced", fr.PercentExactSpaced(40), "40" + nn + "%"},
		{"en spaced as before", en.PercentExactSpaced(40), "40 %"},
		{"fr basis points", fr.BasisPoints(1250), "12,5" + nn + "%"},
		{"fr share undefined", fr.Share(0, false), "n.d."},
		{"es share", es.Share(0.5, true), "50,0" + nb + "%"},
		{"en share undefined", en.Share(0, false), "n/a"},
		{"fr signed", fr.PercentSigned(-2.25), "-2,2" + nn + "%"},
		{"fr int", fr.Int(2366), "2" + nn + "366"},
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
	fr, es, en := LocaleFor(language.French), LocaleFor(language.Spanish), LocaleFor(language.English)
	// CLDR currency patterns: fr "#,##0.00 ¤" with U+202F between groups
	// and U+00A0 before the currency; es "#,##0.00 ¤" with "." between
	// groups (from five digits) and U+00A0 before the currency.
	tests := []struct{ name, got, want string }{
		{"fr", fr.MoneyIn(cents(12345678905), "EUR"), "123\u202f456\u202f789,05\u00a0EUR"},
		{"fr negative", fr.MoneyIn(cents(-123456), "XOF"), "-1\u202f234,56\u00a0XOF"},
		{"fr no currency", fr.MoneyIn(cents(123456), ""), "1\u202f234,56"},
		{"es", es.MoneyIn(cents(12345678905), "EUR"), "123.456.789,05\u00a0EUR"},
		{"es 4 digits", es.MoneyIn(cents(123450), "USD"), "1234,50\u00a0USD"},
		{"fr rounds to the cent, as Money", fr.Money(decimal("1234.565")), "1\u202f234,57"},
		{"es rounds to the cent", es.MoneyIn(decimal("-506.551191581"), "EUR"), "-506,55\u00a0EUR"},
		{"en", en.MoneyIn(cents(12345678905), "EUR"), MoneyIn(cents(12345678905), "EUR")},
		{"fr currency sep", fr.CurrencySep(), "\u00a0"},
		{"es currency sep", es.CurrencySep(), "\u00a0"},
		{"en currency sep", en.CurrencySep(), " "},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestLocalePlural(t *testing.T) {
	fr, en := LocaleFor(language.French), LocaleFor(language.English)
	if got := fr.CountOf(0, "ligne", "lignes"); got != "0 ligne" {
		t.Errorf("fr 0: %q", got)
	}
	if got := fr.CountOf(1234, "ligne", "lignes"); got != "1\u202f234 lignes" {
		t.Errorf("fr 1234: %q", got)
	}
	if got := en.CountOf(0, "line", "lines"); got != "0 lines" {
		t.Errorf("en 0: %q", got)
	}
}

// decimal is an amount written as a plain decimal, as budget.Money prints
// itself.
type decimal string

func (d decimal) String() string { return string(d) }
