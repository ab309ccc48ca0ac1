package reports

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
	"github.com/grb-toolkit/grb/internal/format"
)

// Lang is the language a report is written in: English (the default),
// French or Spanish.
type Lang string

// The languages grb writes.
const (
	English Lang = "en"
	French  Lang = "fr"
	Spanish Lang = "es"
)

// Langs are the languages grb writes, English first.
var Langs = []Lang{English, French, Spanish}

// ParseLang reads a language code: "en", "fr" or "es" ("" is English).
func ParseLang(s string) (Lang, error) {
	switch Lang(s) {
	case "", English:
		return English, nil
	case French, Spanish:
		return Lang(s), nil
	}
	return English, fmt.Errorf("unknown language %q: grb writes en, fr and es", s)
}

// translations are the catalog: for each language other than English,
// the translation of each English message (the key, a fmt format string
// as the code writes it). catalog_fr.go and catalog_es.go fill it.
var translations = map[Lang]map[string]string{}

// messageCatalog holds the translations for golang.org/x/text/message.
var messageCatalog = sync.OnceValue(func() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, l := range []Lang{French, Spanish} {
		tag := language.MustParse(string(l))
		keys := make([]string, 0, len(translations[l]))
		for k := range translations[l] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			// Counts reach x/text as strings that format.Locale wrote
			// (see F), so the catalog takes them with %s.
			if err := b.SetString(tag, k, countVerb.ReplaceAllString(translations[l][k], "%${1}s")); err != nil {
				panic("reports: catalog entry " + strconv.Quote(k) + ": " + err.Error())
			}
		}
	}
	return b
})

// countVerb is a %d verb of a translation, with its argument index if any.
var countVerb = regexp.MustCompile(`%(\[\d+\])?d`)

// frenchTypography puts a no-break space before ":" and inside « », and
// a narrow no-break space before ";", "?" and "!", as French typography
// wants, so that no line breaks between a word and its punctuation.
var frenchTypography = strings.NewReplacer(" :", "\u00a0:", " ;", "\u202f;", " ?", "\u202f?", " !", "\u202f!", "« ", "«\u00a0", " »", "\u00a0»")

// percentSpace is a number, a space and "%" in a translation's text
// ("40 %"), which takes CLDR's space before "%", as format.Locale writes
// the numbers: U+202F in French, U+00A0 in Spanish.
var percentSpace = regexp.MustCompile(`([0-9]) %`)

// addTranslations adds the messages m of language l to the catalog, in
// French with French typography, and CLDR's space before "%" in both. The
// catalog files call it from init.
func addTranslations(l Lang, m map[string]string) {
	if translations[l] == nil {
		translations[l] = map[string]string{}
	}
	pct := "${1}\u00a0%"
	if l == French {
		pct = "${1}\u202f%"
	}
	for k, v := range m {
		if l == French {
			v = frenchTypography.Replace(v)
		}
		translations[l][k] = percentSpace.ReplaceAllString(v, pct)
	}
}

// printer words the report's messages in one language. Every message
// function of reports is a method of printer; the zero printer writes
// English.
type printer struct {
	lang Lang
	f    format.Locale // numbers, per cents and plurals of the language
	mp   *message.Printer
}

// newPrinter returns the printer of l.
func newPrinter(l Lang) printer {
	if l == "" {
		l = English
	}
	tag := language.MustParse(string(l))
	p := printer{lang: l, f: format.LocaleFor(tag)}
	if l != English {
		p.mp = message.NewPrinter(tag, message.Catalog(messageCatalog()))
	}
	return p
}

// S is the text key (English, not a format) in p's language: the
// catalog's translation, or the key itself in English.
func (p printer) S(key string) string {
	if p.mp != nil {
		if t, ok := translations[p.lang][key]; ok {
			return t
		}
	}
	return key
}

// F words the message key (an English fmt format string) with args.
// English is the key itself formatted by fmt, so English output is the
// same as before the catalog; French and Spanish come from the catalog
// through x/text/message. Integer arguments (counts, %d) are written by
// the printer's format.Locale, with CLDR's group separator, as every
// other number of the page (x/text's own is CLDR 32's); pass years as
// strings, see y.
func (p printer) F(key string, args ...any) string {
	if p.mp == nil {
		return fmt.Sprintf(key, args...)
	}
	local := make([]any, len(args))
	for i, a := range args {
		if n, ok := integer(a); ok {
			local[i] = p.f.Int(n)
		} else {
			local[i] = a
		}
	}
	return p.mp.Sprintf(key, local...)
}

// integer returns a's value when a is a signed integer, the counts F
// writes with %d.
func integer(a any) (int64, bool) {
	switch n := a.(type) {
	case int:
		return int64(n), true
	case int8:
		return int64(n), true
	case int16:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	}
	return 0, false
}

// y is a fiscal year as a message argument: a string, so that no language
// groups its digits.
func y(year int) string { return strconv.Itoa(year) }

// phase names an amount's phase (approved, revised, executed).
func (p printer) phase(ph budget.Phase) string { return p.S(ph.String()) }

// level names a marker level as its Label does ("Principal").
func (p printer) level(lv budget.Level) string { return p.S(lv.Label()) }

// langOr is the printer's language, English for the zero printer.
func (p printer) langOr() Lang {
	if p.lang == "" {
		return English
	}
	return p.lang
}

// conventionDescription says what a weighting convention counts: its
// Description in English, the catalog's words in French and Spanish (by
// the convention's name, so that a reworded English description does not
// lose its translation).
func (p printer) conventionDescription(w analysis.Weighting) string {
	if p.mp == nil {
		return w.Description
	}
	if d, ok := translations[p.lang]["convention:"+w.Name]; ok {
		return d
	}
	return w.Description
}

// groupLabel is the label of a group's key in p's language: a GCM
// objective's number and short label from the reference data, "No GCM
// objective"; other labels as analysis gives them (names read from the
// files).
func (p printer) groupLabel(k analysis.Key) string {
	if p.mp == nil {
		return k.Label
	}
	if k.Label == "No GCM objective" {
		return p.S(k.Label)
	}
	if k.Dim == analysis.ByObjective {
		if n, err := strconv.Atoi(k.Value); err == nil {
			if o, ok := budget.ObjectiveByNumber(n); ok {
				return k.Value + " " + o.ShortIn(string(p.lang))
			}
		}
	}
	return k.Label
}

// execText is an execution rate with its band and lines: "92.0% A (12)".
func (p printer) execText(e analysis.Execution) string {
	if p.mp == nil {
		return execText(e)
	}
	v, ok := e.Rate.Value()
	if !ok {
		return "-"
	}
	return p.f.Percent(100*v) + " " + e.Band + " (" + p.f.Int(int64(e.Lines)) + ")"
}

// points is a gap in percentage points with its sign: "+2.5".
func (p printer) points(f analysis.Float) string {
	if p.mp == nil {
		return points(f)
	}
	if !f.OK {
		return p.f.Share(0, false)
	}
	s := p.f.Float(f.V, 1)
	if f.V >= 0 {
		s = "+" + s
	}
	return s
}

// dynamicKeys are the catalog keys the code builds at run time rather
// than writes as literals: phase names, marker level labels, the reasons
// of baseText, the label of money with no objective.
func dynamicKeys() []string {
	keys := []string{"No GCM objective"}
	for _, d := range []analysis.Dim{analysis.ByObjective, analysis.ByArea, analysis.ByUnit, analysis.ByProgramme, analysis.ByYear, analysis.ByMarker, analysis.ByCurrency} {
		keys = append(keys, string(d))
	}
	for ph := budget.Phase(0); ph < budget.NumPhases; ph++ {
		keys = append(keys, ph.String())
	}
	for _, lv := range []budget.Level{budget.Principal, budget.Significant, budget.Limited, budget.Potential, budget.NotTargeted, budget.NotScreened} {
		keys = append(keys, lv.Label())
	}
	for _, w := range analysis.Weightings() {
		keys = append(keys, "convention:"+w.Name)
	}
	for _, c := range []analysis.Classification{analysis.FullyMeets, analysis.Approaches, analysis.DoesNotMeet} {
		keys = append(keys, c.String())
	}
	keys = append(keys, profileRuleIDs()...)
	keys = append(keys, profileTexts()...)
	for _, c := range sdg5c1.Default().Criteria {
		keys = append(keys, c.Name)
	}
	// the nouns of printer.count
	keys = append(keys, "error", "errors", "question", "questions", "contradiction", "contradictions", "questionnaire", "questionnaires")
	return append(keys, baseText(analysis.ReasonBaseZero), baseText(analysis.ReasonBaseNegative))
}
