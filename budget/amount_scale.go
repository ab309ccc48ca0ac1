package budget

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scale is the unit a file writes its amounts in: 1 (units), 1000
// (thousands), 1e6 (millions), 1e9 (billions). An amount cell reading
// "1185.8814" in a table stated "in thousands" is 1,185,881.40 currency
// units. Any positive whole number is a valid scale (100000 for an Indian
// lakh, for instance); the zero Scale is read as [Units] by [ParseAmount].
type Scale int64

// The common scales.
const (
	Units     Scale = 1
	Thousands Scale = 1_000
	Millions  Scale = 1_000_000
	Billions  Scale = 1_000_000_000 // short scale: a thousand millions
	Trillions Scale = 1_000_000_000_000
)

var scaleNames = [...]struct {
	s    Scale
	name string
}{
	{Units, "units"},
	{Thousands, "thousands"},
	{Millions, "millions"},
	{Billions, "billions"},
	{Trillions, "trillions"},
}

// String returns "units", "thousands", "millions", "billions" or
// "trillions", or the number itself for any other positive scale ("100000"),
// so that the result can be read back by [ParseScaleName].
func (s Scale) String() string {
	for _, n := range scaleNames {
		if n.s == s {
			return n.name
		}
	}
	if s > 0 {
		return strconv.FormatInt(int64(s), 10)
	}
	return "Scale(" + strconv.FormatInt(int64(s), 10) + ")"
}

// ParseScaleName parses a scale as written in flags and configuration
// files: "units", "thousands", "millions", "billions" or "trillions"
// (case-insensitive, singular accepted), or a positive whole number such as
// "1", "1000" or "100000".
func ParseScaleName(s string) (Scale, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for _, n := range scaleNames {
		if k == n.name || k == n.name[:len(n.name)-1] {
			return n.s, nil
		}
	}
	if v, err := strconv.ParseInt(k, 10, 64); err == nil && v > 0 {
		return Scale(v), nil
	}
	return 0, fmt.Errorf("budget: unknown scale %q (want units, thousands, millions, billions, trillions or a positive whole number such as 1000)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Scale) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler, for flags and YAML.
func (s *Scale) UnmarshalText(b []byte) error {
	v, err := ParseScaleName(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ScaleFromText finds a statement of scale in header or title text, in
// English, Spanish, French (and Portuguese), ignoring case and accents, and
// reports false when the text states none.
//
// Scale words are matched as whole words only, so "Millennium" never
// matches "million". Because the same words also occur in programme names
// ("Thousand Islands programme", "One Million Women"), a scale word
// (thousand(s), million(s), billion(s), trillion(s), miles, milliers,
// millones, millions, milliards, millardos, billones, milhares, milhões,
// …) counts only when it is stated as a scale:
//
//   - after "in", "en" or "em", possibly with a currency between: "in
//     thousands", "en miles", "in USD millions" (but not "in thousands of
//     schools");
//   - followed by "of", "de" or "d'" and a currency within three words:
//     "thousands of dollars", "miles de pesos", "millions d'euros",
//     "millions of current US dollars";
//   - next to a currency symbol, code or name: "USD million", "$ millions",
//     "millions USD", "€ millions";
//   - standing alone, in brackets or between punctuation, with only
//     currencies and "in/of/de" beside it: "(thousands)", "Millions",
//     "Approved, millions" ("miles" excepted, since it is also the English
//     unit of distance).
//
// Abbreviations count only next to a currency: "US$ m", "£m", "$MM",
// "k€", "$K", "USD b". A few are unambiguous anywhere: "bn", "mln", "MDP"
// and "MDD" (millones de pesos / dólares), "kUSD", "MUSD", and the
// thousands marks "'000" ("$'000", "KES '000", "('000)") and "000s"
// ("(000s)"); a bare "000" counts in brackets or next to a currency:
// "(000)", "USD 000". Spanish "miles de millones", "mil millones" and
// "millardos" are billions; Spanish "billones" are trillions, while
// "billion" is read in the English short scale (10^9), as is usual in
// budget documents. When the text states several scales, the first wins.
func ScaleFromText(s string) (Scale, bool) {
	toks := scaleTokens(s)
	for i := 0; i < len(toks); i++ {
		sc, class, n := scalePhraseAt(toks, i)
		if n == 0 {
			continue
		}
		if scaleContext(toks, i, i+n, class) {
			return sc, true
		}
		i += n - 1
	}
	return 0, false
}

type scaleTokKind uint8

const (
	scaleTokWord scaleTokKind = iota
	scaleTokSym               // a currency symbol
	scaleTokOpen
	scaleTokClose
	scaleTokPunct
)

type scaleTok struct {
	text string // lower case, without accents
	kind scaleTokKind
}

func isScaleApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '´' || r == '`'
}

// foldScaleRune lower-cases r and removes the accent of a Latin letter.
func foldScaleRune(r rune) rune {
	r = unicode.ToLower(r)
	switch {
	case r < 0xe0:
		return r
	case r <= 0xe5:
		return 'a'
	case r == 'ç':
		return 'c'
	case r >= 0xe8 && r <= 0xeb:
		return 'e'
	case r >= 0xec && r <= 0xef:
		return 'i'
	case r == 'ñ':
		return 'n'
	case r >= 0xf2 && r <= 0xf6, r == 'ø':
		return 'o'
	case r >= 0xf9 && r <= 0xfc:
		return 'u'
	case r == 'ý', r == 'ÿ':
		return 'y'
	}
	return r
}

// scaleTokens splits s into words (folded), currency symbols, brackets and
// punctuation. An apostrophe followed by "000" (and not preceded by a
// digit, as in 1'000) starts a word: "'000".
func scaleTokens(s string) []scaleTok {
	var toks []scaleTok
	var w []byte
	flush := func() {
		if len(w) > 0 {
			toks = append(toks, scaleTok{text: string(w)})
			w = w[:0]
		}
	}
	prev := rune(0)
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w = utf8.AppendRune(w, foldScaleRune(r))
		case unicode.Is(unicode.Mn, r):
			// combining accent: dropped
		case isScaleApostrophe(r) && strings.HasPrefix(s[i+utf8.RuneLen(r):], "000") && !unicode.IsDigit(prev):
			flush()
			w = append(w, '\'')
		case isAmountCurrencySymbol(r):
			flush()
			toks = append(toks, scaleTok{text: string(r), kind: scaleTokSym})
		case r == '(' || r == '[' || r == '{':
			flush()
			toks = append(toks, scaleTok{kind: scaleTokOpen})
		case r == ')' || r == ']' || r == '}':
			flush()
			toks = append(toks, scaleTok{kind: scaleTokClose})
		case strings.ContainsRune(",;:/|-–—•=", r):
			flush()
			toks = append(toks, scaleTok{kind: scaleTokPunct})
		default:
			flush()
		}
		prev = r
	}
	flush()
	return toks
}

type scaleClass uint8

const (
	scaleStrong   scaleClass = 1 + iota // a scale wherever it stands
	scaleFull                           // a full word: needs context
	scaleMiles                          // "miles": as classFull, but never alone
	scaleWeak                           // an abbreviation: only next to a currency
	scaleBareZero                       // "000": in brackets or next to a currency
)

type scaleWordInfo struct {
	scale Scale
	class scaleClass
}

var scaleWords = map[string]scaleWordInfo{
	"thousand": {Thousands, scaleFull}, "thousands": {Thousands, scaleFull},
	"milliers": {Thousands, scaleFull}, "millier": {Thousands, scaleFull},
	"milhares": {Thousands, scaleFull}, "miles": {Thousands, scaleMiles},
	"mil": {Thousands, scaleWeak}, "k": {Thousands, scaleWeak},
	"'000": {Thousands, scaleStrong}, "'000s": {Thousands, scaleStrong}, "000s": {Thousands, scaleStrong},
	"000": {Thousands, scaleBareZero}, "kusd": {Thousands, scaleStrong}, "keur": {Thousands, scaleStrong},

	"million": {Millions, scaleFull}, "millions": {Millions, scaleFull},
	"millones": {Millions, scaleFull}, "millon": {Millions, scaleFull},
	"milhoes": {Millions, scaleFull}, "milhao": {Millions, scaleFull},
	"mln": {Millions, scaleStrong}, "mdp": {Millions, scaleStrong}, "mdd": {Millions, scaleStrong},
	"musd": {Millions, scaleStrong}, "meur": {Millions, scaleStrong},
	"m": {Millions, scaleWeak}, "mm": {Millions, scaleWeak}, "mn": {Millions, scaleWeak}, "mio": {Millions, scaleWeak},

	"billion": {Billions, scaleFull}, "billions": {Billions, scaleFull},
	"milliards": {Billions, scaleFull}, "milliard": {Billions, scaleFull},
	"millardos": {Billions, scaleFull}, "millardo": {Billions, scaleFull},
	"bilhoes": {Billions, scaleFull}, "bilhao": {Billions, scaleFull},
	"bn": {Billions, scaleStrong}, "b": {Billions, scaleWeak}, "md": {Billions, scaleWeak}, "mds": {Billions, scaleWeak}, "mrd": {Billions, scaleWeak},

	"trillion": {Trillions, scaleFull}, "trillions": {Trillions, scaleFull},
	"billones": {Trillions, scaleFull}, "billon": {Trillions, scaleFull},
	"trilhoes": {Trillions, scaleFull}, "trilhao": {Trillions, scaleFull},
}

// scaleCurrencyWords are currency names and marks, folded, that state what a
// scale word counts. Three-letter codes come from amountCurrencyCodes.
var scaleCurrencyWords = map[string]bool{
	"us": true, "dollar": true, "dollars": true, "dolar": true, "dolares": true, "peso": true, "pesos": true,
	"euro": true, "euros": true, "sol": true, "soles": true, "franc": true, "francs": true, "franco": true, "francos": true,
	"pound": true, "pounds": true, "sterling": true, "libra": true, "libras": true, "shilling": true, "shillings": true,
	"chelin": true, "chelines": true, "rupee": true, "rupees": true, "rupia": true, "rupias": true, "roupies": true,
	"naira": true, "cedi": true, "cedis": true, "rand": true, "quetzal": true, "quetzales": true, "lempira": true, "lempiras": true,
	"colon": true, "colones": true, "cordoba": true, "cordobas": true, "boliviano": true, "bolivianos": true,
	"guarani": true, "guaranies": true, "real": true, "reais": true, "reales": true, "dirham": true, "dirhams": true,
	"dinar": true, "dinars": true, "dinares": true, "birr": true, "kwacha": true, "leone": true, "leones": true,
	"dalasi": true, "ariary": true, "riel": true, "riels": true, "kip": true, "kyat": true, "taka": true, "baht": true,
	"ringgit": true, "rupiah": true, "yen": true, "yuan": true, "renminbi": true, "won": true, "lira": true, "liras": true,
	"hryvnia": true, "rouble": true, "roubles": true, "ruble": true, "rubles": true, "tenge": true, "lari": true,
	"gourde": true, "gourdes": true, "balboa": true, "balboas": true, "bolivar": true, "bolivares": true,
	"fcfa": true, "cfa": true, "cfaf": true, "ksh": true, "kshs": true, "rs": true,
	"currency": true, "moneda": true, "monnaie": true, "lcu": true,
}

func (t scaleTok) isCurrency() bool {
	return t.kind == scaleTokSym || (t.kind == scaleTokWord && (scaleCurrencyWords[t.text] || amountCurrencyCodes[t.text]))
}

func (t scaleTok) is(words ...string) bool {
	if t.kind != scaleTokWord {
		return false
	}
	for _, w := range words {
		if t.text == w {
			return true
		}
	}
	return false
}

func (t scaleTok) isConnector() bool {
	return t.is("in", "en", "em", "of", "de", "d", "des", "du", "del", "la", "los", "las", "the")
}

// scalePhraseAt returns the scale word or phrase starting at toks[i] and
// its length in tokens, or 0.
func scalePhraseAt(toks []scaleTok, i int) (Scale, scaleClass, int) {
	t := toks[i]
	if t.kind != scaleTokWord {
		return 0, 0, 0
	}
	at := func(j int) scaleTok {
		if j < len(toks) {
			return toks[j]
		}
		return scaleTok{kind: scaleTokPunct}
	}
	switch {
	case t.text == "miles" && at(i+1).is("de") && at(i+2).is("millones", "millon"):
		return Billions, scaleFull, 3
	case t.text == "mil" && at(i+1).is("millones", "millon"):
		return Billions, scaleFull, 2
	}
	if w, ok := scaleWords[t.text]; ok {
		return w.scale, w.class, 1
	}
	return 0, 0, 0
}

// scaleContext reports whether the scale phrase toks[i:j] of class c is
// stated as a scale; see ScaleFromText.
func scaleContext(toks []scaleTok, i, j int, c scaleClass) bool {
	if c == scaleStrong {
		return true
	}
	if (i > 0 && toks[i-1].isCurrency()) || (j < len(toks) && toks[j].isCurrency()) {
		return true
	}
	switch c {
	case scaleWeak:
		return false
	case scaleBareZero:
		return scaleInBrackets(toks, i, j)
	}
	of, ofCurrency := scaleOfAt(toks, j)
	if ofCurrency {
		return true
	}
	if !of && scaleAfterIn(toks, i) {
		return true
	}
	if c == scaleMiles {
		return false
	}
	return scaleStandsAlone(toks, i, j)
}

// scaleInBrackets reports whether the phrase toks[i:j] is all there is
// between an opening and a closing bracket: "(000)".
func scaleInBrackets(toks []scaleTok, i, j int) bool {
	l, r := i-1, j
	return l >= 0 && toks[l].kind == scaleTokOpen && r < len(toks) && toks[r].kind == scaleTokClose
}

// scaleOfAt reports whether toks[j] is "of", "de" or the like, and whether
// a currency follows it within three words: "thousands of US dollars".
func scaleOfAt(toks []scaleTok, j int) (of, currency bool) {
	if j >= len(toks) || !toks[j].is("of", "de", "d", "des", "du", "del") {
		return false, false
	}
	for m := j + 1; m < len(toks) && m <= j+3; m++ {
		if toks[m].kind != scaleTokWord && toks[m].kind != scaleTokSym {
			break
		}
		if toks[m].isCurrency() {
			return true, true
		}
	}
	return true, false
}

// scaleAfterIn reports whether "in", "en" or "em" comes before toks[i],
// possibly with currencies between: "in USD millions".
func scaleAfterIn(toks []scaleTok, i int) bool {
	l := i - 1
	for l >= 0 && i-l <= 3 && toks[l].isCurrency() {
		l--
	}
	return l >= 0 && toks[l].is("in", "en", "em")
}

// scaleStandsAlone reports whether the phrase toks[i:j] stands between
// boundaries (the ends of the text, brackets or punctuation) with only
// currencies and connectors such as "in" or "of" beside it: "(thousands)",
// "Approved, millions".
func scaleStandsAlone(toks []scaleTok, i, j int) bool {
	l := i - 1
	for l >= 0 && (toks[l].isCurrency() || toks[l].isConnector()) {
		l--
	}
	r := j
	for r < len(toks) && (toks[r].isCurrency() || toks[r].isConnector()) {
		r++
	}
	return (l < 0 || toks[l].kind == scaleTokOpen || toks[l].kind == scaleTokPunct) &&
		(r == len(toks) || toks[r].kind == scaleTokClose || toks[r].kind == scaleTokPunct)
}
