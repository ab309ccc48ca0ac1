package format

import (
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Locale writes numbers as one language does: its group and decimal
// separators, the space before a per cent sign and its plural rule. The
// separators come from CLDR through golang.org/x/text (Spanish "12.345,5",
// "50,3 %" with a no-break space), corrected where x/text's CLDR is older
// than CLDR 34: French groups digits and spaces "%" with a narrow no-break
// space, U+202F ("1 234,5", "50,3 %"). Amounts take a no-break space,
// U+00A0, before their currency code in both ("1 234,50 EUR"), as CLDR's
// currency patterns do. They are applied to exact decimal strings so that
// money is never rounded through a float. English is the package's own
// formatters (Thousands, Percent, ...), unchanged.
type Locale struct {
	tag            language.Tag
	group, decimal string
	pctSep         string // between a number and "%"; "" in English
	currencySep    string // between an amount and its currency code
	minGroup       int    // CLDR minimumGroupingDigits: es has 2
	undefined      string // a share that is not defined
	foreign        bool   // not English; the zero Locale is English
}

// LocaleFor returns the Locale of tag's base language; English for a
// language grb has no words for.
func LocaleFor(tag language.Tag) Locale {
	base, _ := tag.Base()
	switch base.String() {
	case "fr", "es":
	default:
		return Locale{tag: language.English, group: ",", decimal: ".", minGroup: 1, undefined: "n/a"}
	}
	t := language.Make(base.String())
	p := message.NewPrinter(t)
	d := p.Sprint(number.Decimal(12345.5)) // "12 345,5", "12.345,5"
	l := Locale{tag: t, minGroup: 1, undefined: "n.d.", foreign: true, currencySep: "\u00a0"}
	l.group, l.decimal = d[2:len(d)-5], d[len(d)-2:len(d)-1]
	pct := p.Sprint(number.Percent(0.5)) // "50 %"
	l.pctSep = strings.TrimSuffix(strings.TrimPrefix(pct, "50"), "%")
	switch base.String() {
	case "es":
		l.minGroup = 2 // CLDR es: minimumGroupingDigits 2, which x/text does not apply
	case "fr":
		// CLDR 34 and later: group "\u202f", percent "#,##0\u202f%"; x/text
		// still has CLDR 32's U+00A0 for both.
		l.group, l.pctSep = "\u202f", "\u202f"
	}
	return l
}

// Tag is the locale's language.
func (l Locale) Tag() language.Tag { return l.tag }

// Thousands writes a decimal number written with a point ("-1234567.8")
// with the locale's separators: "-1 234 567,8" in French.
func (l Locale) Thousands(decimal string) string {
	if !l.foreign {
		return Thousands(decimal)
	}
	sign, s := "", decimal
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], l.decimal+s[i+1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	grouped := len(intPart) >= 3+l.minGroup
	for j, r := range intPart {
		if grouped && j > 0 && (len(intPart)-j)%3 == 0 {
			b.WriteString(l.group)
		}
		b.WriteRune(r)
	}
	b.WriteString(frac)
	return b.String()
}

// Int writes a count with the locale's group separator.
func (l Locale) Int(n int64) string { return l.Thousands(strconv.FormatInt(n, 10)) }

// Money formats an amount as the package's Money does, in the locale.
// Like Money, it rounds to the cent (display only).
func (l Locale) Money(a interface{ String() string }) string {
	return l.Thousands(RoundDecimal(a.String(), 2))
}

// MoneyIn is Money followed by the currency code when there is one.
func (l Locale) MoneyIn(a interface{ String() string }, currency string) string {
	if currency == "" {
		return l.Money(a)
	}
	return l.Money(a) + l.CurrencySep() + currency
}

// percent is the package's percent in the locale; sep is the English
// separator (the locale's own replaces it elsewhere).
func (l Locale) percent(p float64, dec int, sep string) string {
	if !l.foreign {
		return percent(p, dec, sep)
	}
	return l.Thousands(strconv.FormatFloat(p, 'f', dec, 64)) + l.pctSep + "%"
}

// Percent is the package's Percent in the locale: "50,3 %".
func (l Locale) Percent(p float64) string { return l.percent(p, 1, "") }

// PercentRounded is the package's PercentRounded in the locale.
func (l Locale) PercentRounded(p float64) string { return l.percent(p, 0, "") }

// PercentExact is the package's PercentExact in the locale.
func (l Locale) PercentExact(p float64) string { return l.percent(p, -1, "") }

// PercentExactSpaced is the package's PercentExactSpaced in the locale.
func (l Locale) PercentExactSpaced(p float64) string { return l.percent(p, -1, " ") }

// PercentSigned is the package's PercentSigned in the locale.
func (l Locale) PercentSigned(p float64) string {
	s := l.percent(p, 1, "")
	if s[0] == '-' {
		return s
	}
	return "+" + s
}

// BasisPoints is the package's BasisPoints in the locale.
func (l Locale) BasisPoints(bp int) string { return l.PercentExact(float64(bp) / 100) }

// BasisPointsSpaced is the package's BasisPointsSpaced in the locale.
func (l Locale) BasisPointsSpaced(bp int) string { return l.PercentExactSpaced(float64(bp) / 100) }

// Share is the package's Share in the locale ("n.d." when undefined in
// French and Spanish: non disponible, no disponible).
func (l Locale) Share(fraction float64, defined bool) string {
	if !defined {
		if !l.foreign {
			return "n/a"
		}
		return l.undefined
	}
	return l.Percent(100 * fraction)
}

// Float writes v with the decimals it takes (strconv's 'f', -1) in the
// locale.
func (l Locale) Float(v float64, dec int) string {
	return l.Thousands(strconv.FormatFloat(v, 'f', dec, 64))
}

// Plural returns one or many by the locale's plural rule for whole
// numbers (CLDR through x/text: French takes the singular for 0 and 1).
func (l Locale) Plural(n int64, one, many string) string {
	if !l.foreign {
		return Plural(n, one, many)
	}
	if plural.Cardinal.MatchPlural(l.tag, int(n), 0, 0, 0, 0) == plural.One {
		return one
	}
	return many
}

// CountOf writes n in the locale, with its group separator, and the
// noun's singular or plural: "2,366 lines", "2 366 lignes".
func (l Locale) CountOf(n int64, one, many string) string {
	return l.Int(n) + " " + l.Plural(n, one, many)
}

// CurrencySep is what goes between an amount and its currency code: a
// space in English (grb's own "1,234.50 USD"), CLDR's no-break space
// (U+00A0, from the "#,##0.00 ¤" pattern) in French and Spanish.
func (l Locale) CurrencySep() string {
	if !l.foreign {
		return " "
	}
	return l.currencySep
}
