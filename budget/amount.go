package budget

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
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

// DecimalMark says how to read a '.' or ',' in amount text.
type DecimalMark uint8

// The ways to read separators in amount text.
const (
	// AutoDecimal infers the decimal mark from the text itself; see
	// [ParseAmount] for the rules.
	AutoDecimal DecimalMark = iota
	// DecimalPoint reads '.' as the decimal mark and ',' as grouping: 1,234.56.
	DecimalPoint
	// DecimalComma reads ',' as the decimal mark and '.' as grouping: 1.234,56.
	DecimalComma
)

// String returns "auto", "point" or "comma".
func (d DecimalMark) String() string {
	switch d {
	case AutoDecimal:
		return "auto"
	case DecimalPoint:
		return "point"
	case DecimalComma:
		return "comma"
	}
	return "DecimalMark(" + strconv.Itoa(int(d)) + ")"
}

// maxAmountLen bounds the length of amount text, so that hostile input
// cannot make the exact arithmetic slow. Real cells are far shorter.
const maxAmountLen = 1024

// ParseAmount parses the text of an amount cell into exact money: the
// amount in currency units multiplied by scale, in cents. The arithmetic is
// done on the decimal digits themselves (never through float64), so
// "1185.8814" in [Thousands] is exactly 118588140 cents and "5.25e+08" is
// exactly 52500000000 cents. Digits beyond the cent are rounded half away
// from zero: "0.005" is 1 cent, "-0.005" is -1 cent, "0.0049" is 0.
//
// ok is false, and err nil, when the cell says the amount is absent: empty
// or blank text, a lone dash ("-", "–", "—", "−", "--", or a dash with a
// currency such as "$ -"), "N/A", "NA", "n.a.", "n.d.", "N/D", "ND", "N/R",
// "nfp", "np", "n.p.", "..", "...", "…", "s/d", "s.d.", "s.o.", "x" or
// "[not published]" (case-insensitive). Absent is not zero.
//
// Accepted forms:
//
//   - digits with an optional decimal part: 1234, 1234.56, .5, 1234.
//   - a sign: -12, +12, −12 (U+2212), –12 (en dash), a trailing minus
//     (1234-), or accounting parentheses ((1 234), (1,234.50)); at most one.
//   - grouping by ',', '.', an apostrophe (1'234.50, 1’234.50) or a space
//     (space, no-break space U+00A0, narrow no-break space U+202F, thin
//     space U+2009, figure space U+2007): groups of three digits after a
//     first group of one to three, or (with commas) the Indian lakh
//     grouping 12,34,567; one grouping character per number.
//   - currency symbols ($, €, £, ¥, ₦, ₹, …), letter symbols (US$, R$, S/.,
//     KSh, Rs, FCFA, …) and ISO 4217 codes (KES, MXN, USD) before or after
//     the number, at most two of them (MXN $27,158,570).
//   - scientific notation without grouping: 5.25e+08, 1.00E-05, 1E6.
//   - "12,-" and "12.–" for a whole amount with no cents.
//
// When mark is [AutoDecimal] the decimal mark is inferred:
//
//   - if both '.' and ',' appear, the last one is the decimal mark (and
//     must appear once), the other is grouping: 1,234.56 and 1.234,56;
//   - if only one of them appears, more than once, it is grouping:
//     1,234,567;
//   - if it appears once, it is grouping when exactly three digits follow
//     and the digits before it could start a grouped number (one to three
//     digits, not starting with 0): 1,234 and 1.234 are 1234; otherwise it
//     is the decimal mark: 1234,5, 12.75, 0.125, 1234.567 and .5;
//   - if the number is also grouped by spaces or apostrophes, the single
//     '.' or ',' is the decimal mark: 1 234,567 is 1234.567;
//   - in scientific notation, a single '.' or ',' is the decimal mark.
//
// [DecimalPoint] and [DecimalComma] force the reading instead.
//
// Percentages ("12%") are not amounts. Any other text that is not an amount
// ("12,5O0", "1,23,4", "--5", "0x10", "NaN", "()") gives an error wrapping
// [ErrInvalidAmount]; an amount too large for an int64 of cents once scaled
// gives an error wrapping both [ErrInvalidAmount] and [ErrOverflow]. The
// error message quotes the text and says what was found and what was
// expected; the caller adds the position. A scale of zero is read as
// [Units]; a negative scale is an error.
func ParseAmount(s string, scale Scale, mark DecimalMark) (m Money, ok bool, err error) {
	if scale <= 0 {
		if scale < 0 {
			return 0, false, fmt.Errorf("budget: invalid scale %d (want a positive number such as 1000)", int64(scale))
		}
		scale = Units
	}
	// Fast path: plain digits, or digits with a decimal point as
	// spreadsheets export them; the overwhelming majority of cells.
	if v, k, neg, plain := parsePlainAmount(s, mark); plain {
		m, overflow, needBig := amountToCents(v, k, uint64(scale), neg)
		if overflow {
			return 0, false, amountOverflowError(s, scale)
		}
		if !needBig {
			return m, true, nil
		}
	}
	return parseAmountText(s, scale, mark)
}

// parsePlainAmount reads an optional '-', then at most 19 ASCII digits with
// at most one '.' among them that can only be a decimal point under mark.
// The amount is v × 10^k cents.
func parsePlainAmount(s string, mark DecimalMark) (v uint64, k int, neg, ok bool) {
	if len(s) > 0 && s[0] == '-' {
		neg = true
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 20 {
		return 0, 0, false, false
	}
	point := -1
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			if s[i] != '.' || point >= 0 || mark == DecimalComma {
				return 0, 0, false, false
			}
			point = i
			continue
		}
		v = v*10 + uint64(c)
	}
	k = 2
	if point >= 0 {
		frac := len(s) - point - 1
		if point+frac == 0 || point+frac > 19 {
			return 0, 0, false, false
		}
		// With AutoDecimal, 1.234 is grouping: leave it to the full parser.
		if mark == AutoDecimal && frac == 3 && point >= 1 && point <= 3 && s[0] != '0' {
			return 0, 0, false, false
		}
		k -= frac
	} else if len(s) > 19 {
		return 0, 0, false, false
	}
	return v, k, neg, true
}

// amountProblem describes why text is not an amount, as what was found and what
// was expected. The zero amountProblem means no problem.
type amountProblem struct {
	found, expected string
	overflow        bool
}

func (p amountProblem) none() bool { return p.found == "" && !p.overflow }

func invalidAmountError(s string, p amountProblem) error {
	return fmt.Errorf("amount %q: %w: found %s, expected %s", clipAmountText(s), ErrInvalidAmount, p.found, p.expected)
}

func amountOverflowError(s string, scale Scale) error {
	scaled := ""
	if scale != Units {
		scaled = " once multiplied by " + scale.String()
	}
	return fmt.Errorf("amount %q: %w: %w: found a value larger than 92233720368547758.07 in magnitude%s, expected an amount that fits in 64-bit cents",
		clipAmountText(s), ErrInvalidAmount, ErrOverflow, scaled)
}

// clipAmountText shortens s for an error message.
func clipAmountText(s string) string {
	const n = 64
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

func isAmountSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b'
}

// amountAbsentMarkers are the cell texts that say an amount is not given.
var amountAbsentMarkers = [...]string{
	"-", "–", "—", "--",
	"n/a", "na", "n.a.",
	"n.d.", "n/d", "nd",
	"n/r", "nfp", "np", "n.p.",
	"..", "...", "…",
	"s/d", "s.d.", "s.o.",
	"x", "[not published]",
}

func isAmountAbsent(s string) bool {
	if s == "" || len(s) > len("[not published]") || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	for _, a := range amountAbsentMarkers {
		if strings.EqualFold(s, a) {
			return true
		}
	}
	return false
}

func parseAmountText(s string, scale Scale, mark DecimalMark) (Money, bool, error) {
	t := strings.TrimFunc(s, isAmountSpace)
	if t == "" || isAmountAbsent(t) {
		return 0, false, nil
	}
	if len(t) > maxAmountLen {
		return 0, false, invalidAmountError(s, amountProblem{
			found:    strconv.Itoa(len(t)) + " bytes of text",
			expected: "an amount of at most " + strconv.Itoa(maxAmountLen) + " bytes",
		})
	}
	if strings.IndexByte(t, '%') >= 0 || strings.Contains(t, "‰") {
		return 0, false, invalidAmountError(s, amountProblem{found: "a percentage", expected: "an amount of money"})
	}
	body, a, p := stripAmountAffixes(t)
	if !p.none() {
		return 0, false, invalidAmountError(s, p)
	}
	if body == "" {
		if a.signs == 1 && a.dash && !a.paren {
			return 0, false, nil // "$ -", "- €": accounting dash
		}
		return 0, false, invalidAmountError(s, amountProblem{found: "no digits", expected: "a number"})
	}
	if a.signs == 0 && a.currencies > 0 && isAmountAbsent(body) {
		return 0, false, nil // "$ N/A"
	}
	n, p := scanAmountNumber(body, mark)
	if !p.none() {
		return 0, false, invalidAmountError(s, p)
	}
	m, overflow, needBig := amountToCents(n.mant, n.k, uint64(scale), a.neg)
	if needBig || n.long {
		m, overflow = amountToCentsBig(n.digits(), n.k, int64(scale), a.neg)
	}
	if overflow {
		return 0, false, amountOverflowError(s, scale)
	}
	return m, true, nil
}

// amountAffixes records what stripAmountAffixes removed around the number.
type amountAffixes struct {
	neg        bool
	dash       bool // the sign was a dash, not '+' or parentheses
	paren      bool
	signs      int
	currencies int
}

func isAmountMinus(r rune) bool {
	return r == '-' || r == '−' || r == '–' || r == '‒'
}

// stripAmountAffixes removes signs, accounting parentheses and currencies from
// both ends of t, and returns the number between them.
func stripAmountAffixes(t string) (string, amountAffixes, amountProblem) {
	var a amountAffixes
	for {
		t = strings.TrimFunc(t, isAmountSpace)
		if t == "" {
			break
		}
		if r, n := utf8.DecodeRuneInString(t); isAmountMinus(r) || r == '+' {
			a.signs++
			a.neg = r != '+'
			a.dash = r != '+'
			t = t[n:]
			continue
		}
		if n := amountCurrencyPrefix(t); n > 0 {
			a.currencies++
			t = t[n:]
			continue
		}
		if r, n := utf8.DecodeLastRuneInString(t); isAmountMinus(r) {
			t = t[:len(t)-n]
			if t != "" && (t[len(t)-1] == ',' || t[len(t)-1] == '.') {
				continue // "12,-": no cents
			}
			a.signs++
			a.neg = true
			a.dash = true
			continue
		}
		if n := amountCurrencySuffix(t); n > 0 {
			a.currencies++
			t = t[:len(t)-n]
			continue
		}
		if t[0] == '(' || t[len(t)-1] == ')' {
			if t[0] != '(' || t[len(t)-1] != ')' || len(t) < 2 {
				return "", a, amountProblem{found: "an unmatched parenthesis", expected: "a negative amount in parentheses such as (1,234)"}
			}
			t = t[1 : len(t)-1]
			if strings.TrimFunc(t, isAmountSpace) == "" {
				return "", a, amountProblem{found: "empty parentheses", expected: "an amount inside them"}
			}
			a.paren = true
			a.signs++
			a.neg = true
			continue
		}
		break
	}
	if a.signs > 1 {
		return "", a, amountProblem{found: "more than one sign", expected: "at most one of -, + or accounting parentheses"}
	}
	if a.currencies > 2 {
		return "", a, amountProblem{found: "more than two currency marks", expected: "a currency code, a symbol, or a code and a symbol"}
	}
	return t, a, amountProblem{}
}

// isAmountCurrencySymbol reports whether r is a currency sign that can stand
// before or after an amount. The cent sign is not one: 50¢ is half a unit.
func isAmountCurrencySymbol(r rune) bool {
	switch r {
	case '$', '€', '£', '¥', '₦', '₹', '₱', '₩', '₪', '₫', '₴', '₽', '₺', '₵', '₡', '₲', '₭', '₮', '₸', '₼', '₾', '৳', '₨', '฿', '﷼':
		return true
	}
	return false
}

// amountLetterCurrencies are currency marks written with letters, longest first
// so that "Ksh." wins over "Ksh".
var amountLetterCurrencies = sortAmountLongestFirst([]string{
	"US$", "U$S", "USD$", "A$", "AU$", "C$", "CA$", "NZ$", "HK$", "S$", "NT$", "MX$", "Mex$", "RD$", "J$", "TT$", "BZ$", "EC$", "Z$", "R$", "N$", "B$", "US",
	"GH₵", "S/.", "S/", "B/.", "Bs.", "Bs", "Ksh.", "Ksh", "KSh", "Kshs.", "Kshs", "KShs", "Shs", "USh", "TSh",
	"Rs.", "Rs", "Rp", "RM", "kr", "kr.", "Kr", "Fr.", "Fr", "SFr.", "FCFA", "F CFA", "CFAF",
	"Le", "Br", "Nu.", "Tk", "MK", "ZK", "DH", "Dh", "Dhs", "DA", "DT", "zł", "Kč", "Ft", "lei", "R", "Q",
})

func sortAmountLongestFirst(s []string) []string {
	for i := 1; i < len(s); i++ { // insertion sort, stable
		for j := i; j > 0 && len(s[j]) > len(s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

// amountCurrencyCodes are common ISO 4217 codes, lower case, recognised in any
// letter case (codes that are also English words, such as ALL and TRY, are
// left out: they are recognised in capitals in amount text only).
var amountCurrencyCodes = map[string]bool{
	"usd": true, "eur": true, "gbp": true, "chf": true, "jpy": true, "cny": true, "cad": true, "aud": true, "nzd": true,
	"mxn": true, "cop": true, "pen": true, "clp": true, "ars": true, "brl": true, "bob": true, "pyg": true, "uyu": true,
	"gtq": true, "hnl": true, "nio": true, "crc": true, "pab": true, "dop": true, "htg": true, "jmd": true, "ttd": true,
	"xof": true, "xaf": true, "kes": true, "ugx": true, "tzs": true, "rwf": true, "etb": true, "ngn": true, "ghs": true,
	"zar": true, "zmw": true, "mwk": true, "mzn": true, "aoa": true, "egp": true, "mad": true, "tnd": true, "dzd": true,
	"inr": true, "pkr": true, "bdt": true, "lkr": true, "npr": true, "idr": true, "php": true, "thb": true, "vnd": true,
	"myr": true, "khr": true, "mmk": true, "lak": true, "uah": true, "rub": true, "kzt": true, "gel": true,
	"amd": true, "azn": true, "sek": true, "nok": true, "dkk": true, "pln": true, "czk": true, "huf": true, "ron": true,
	"krw": true, "sgd": true, "hkd": true, "twd": true, "ils": true, "jod": true, "lbp": true, "sar": true, "aed": true,
	"afn": true, "sdg": true, "ssp": true, "sos": true, "djf": true, "gnf": true, "sll": true, "sle": true, "lrd": true,
	"cdf": true, "bif": true, "mga": true, "mur": true, "nad": true, "bwp": true, "lsl": true, "szl": true, "ves": true,
}

func isAmountASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// amountISOCodes lists the ISO 4217 codes, current and recently
// withdrawn, recognised in capitals in amount text.
const amountISOCodes = "" +
	"AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BYR BZD " +
	"CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL " +
	"GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD " +
	"KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRO MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO " +
	"NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD " +
	"SSP STD STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VEF VES VND " +
	"VUV WST XAF XCD XDR XOF XPF YER ZAR ZMK ZMW ZWG ZWL"

// isAmountCurrencyCode reports whether the three bytes c are a currency code in
// amount text: an ISO 4217 code in capitals, or a common code in any case.
func isAmountCurrencyCode(c string) bool {
	if len(c) != 3 || !isAmountASCIILetter(c[0]) || !isAmountASCIILetter(c[1]) || !isAmountASCIILetter(c[2]) {
		return false
	}
	if c[0] <= 'Z' && c[1] <= 'Z' && c[2] <= 'Z' {
		for i := 0; i+3 <= len(amountISOCodes); i += 4 {
			if amountISOCodes[i:i+3] == c {
				return true
			}
		}
	}
	var k [3]byte
	for i := range k {
		k[i] = c[i] | 0x20
	}
	return amountCurrencyCodes[string(k[:])]
}

func amountLetterAt(t string, i int) bool {
	if i >= len(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsLetter(r)
}

func amountLetterBefore(t string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return unicode.IsLetter(r)
}

// amountCurrencyPrefix returns the length of the currency mark t starts with, or 0.
func amountCurrencyPrefix(t string) int {
	r, n := utf8.DecodeRuneInString(t)
	if r < utf8.RuneSelf && !isAmountASCIILetter(byte(r)) && r != '$' {
		return 0
	}
	if isAmountCurrencySymbol(r) {
		return n
	}
	for _, c := range amountLetterCurrencies {
		if strings.HasPrefix(t, c) && !(amountLetterBefore(c, len(c)) && amountLetterAt(t, len(c))) {
			return len(c)
		}
	}
	if len(t) >= 3 && isAmountCurrencyCode(t[:3]) && !amountLetterAt(t, 3) {
		return 3
	}
	return 0
}

// amountCurrencySuffix returns the length of the currency mark t ends with, or 0.
func amountCurrencySuffix(t string) int {
	r, n := utf8.DecodeLastRuneInString(t)
	if r < utf8.RuneSelf && !isAmountASCIILetter(byte(r)) && r != '$' && r != '.' {
		return 0
	}
	if isAmountCurrencySymbol(r) {
		return n
	}
	for _, c := range amountLetterCurrencies {
		if strings.HasSuffix(t, c) && !(amountLetterAt(c, 0) && amountLetterBefore(t, len(t)-len(c))) {
			return len(c)
		}
	}
	if len(t) >= 3 && isAmountCurrencyCode(t[len(t)-3:]) && !amountLetterBefore(t, len(t)-3) {
		return 3
	}
	return 0
}

// Separator kinds.
const (
	amountSepPoint uint8 = 1 + iota
	amountSepComma
	amountSepSpace
	amountSepApos
)

func amountSepKind(r rune) uint8 {
	switch r {
	case '.':
		return amountSepPoint
	case ',':
		return amountSepComma
	case ' ', '\u00a0', '\u202f', '\u2009', '\u2007':
		return amountSepSpace
	case '\'', '\u2019', '\u02bc':
		return amountSepApos
	}
	return 0
}

func amountSepName(k uint8) string {
	switch k {
	case amountSepPoint:
		return "'.'"
	case amountSepComma:
		return "','"
	case amountSepSpace:
		return "a space"
	}
	return "an apostrophe"
}

// amountSep is a separator in a number and the count of digits just before it.
type amountSep struct {
	kind   uint8
	before int
}

// amountNumber is a scanned amount: its value in cents is mant × 10^k (before
// scaling), or, when long is set, the digits of body × 10^k.
type amountNumber struct {
	body string // mantissa text: digits and separators
	mant uint64
	long bool // mant overflowed uint64
	k    int
}

// digits returns the mantissa digits of n without separators.
func (n amountNumber) digits() string {
	if !n.long {
		return strconv.FormatUint(n.mant, 10)
	}
	var b strings.Builder
	b.Grow(len(n.body))
	for i := 0; i < len(n.body); i++ {
		if c := n.body[i]; c >= '0' && c <= '9' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// scanAmountNumber reads a number with separators and an optional exponent.
func scanAmountNumber(body string, mark DecimalMark) (amountNumber, amountProblem) {
	var buf [16]amountSep
	seps := buf[:0]
	group, ndigits := 0, 0
	end := len(body)
	for i := 0; i < len(body); {
		c := body[i]
		if c >= '0' && c <= '9' {
			group++
			ndigits++
			i++
			continue
		}
		if c == 'e' || c == 'E' {
			end = i
			break
		}
		r, n := utf8.DecodeRuneInString(body[i:])
		k := amountSepKind(r)
		if k == 0 {
			return amountNumber{}, amountProblem{found: strconv.QuoteRune(r), expected: "digits, '.' or ',', a space or apostrophe between digit groups, a sign or a currency"}
		}
		seps = append(seps, amountSep{k, group})
		group = 0
		i += n
	}
	last := group
	if ndigits == 0 {
		return amountNumber{}, amountProblem{found: "no digits", expected: "a number"}
	}

	// Exponent.
	exp := 0
	hasExp := end < len(body)
	if hasExp {
		e := body[end+1:]
		negExp := false
		if e != "" && (e[0] == '+' || e[0] == '-') {
			negExp = e[0] == '-'
			e = e[1:]
		}
		if e == "" {
			return amountNumber{}, amountProblem{found: "an exponent without digits", expected: "scientific notation such as 5.25e+08"}
		}
		for i := 0; i < len(e); i++ {
			c := e[i] - '0'
			if c > 9 {
				return amountNumber{}, amountProblem{found: strconv.Quote(e[i:i+1]) + " in the exponent", expected: "scientific notation such as 5.25e+08"}
			}
			if exp < 1e9 {
				exp = exp*10 + int(c)
			}
		}
		if negExp {
			exp = -exp
		}
	}

	// Which separator, if any, is the decimal mark?
	var np, nc, nother, ip, ic int
	for i, s := range seps {
		switch s.kind {
		case amountSepPoint:
			np++
			ip = i
		case amountSepComma:
			nc++
			ic = i
		default:
			nother++
		}
	}
	dec := -1
	switch {
	case hasExp:
		if nother > 0 || np+nc > 1 {
			return amountNumber{}, amountProblem{found: "digit grouping in scientific notation", expected: "a plain mantissa such as 5.25e+08"}
		}
		if np+nc == 1 {
			if (mark == DecimalPoint && nc == 1) || (mark == DecimalComma && np == 1) {
				return amountNumber{}, amountProblem{found: amountSepName(seps[0].kind) + " as the decimal mark", expected: "the decimal mark " + mark.markName()}
			}
			dec = 0
		}
	case mark == DecimalPoint || mark == DecimalComma:
		cnt, i := np, ip
		if mark == DecimalComma {
			cnt, i = nc, ic
		}
		if cnt > 1 {
			return amountNumber{}, amountProblem{found: "more than one decimal mark " + mark.markName(), expected: "at most one"}
		}
		if cnt == 1 {
			dec = i
		}
	case np > 0 && nc > 0:
		cnt := np
		dec = ip
		if ic > ip {
			dec, cnt = ic, nc
		}
		if cnt > 1 {
			return amountNumber{}, amountProblem{found: "both '.' and ',' with more than one " + amountSepName(seps[dec].kind) + " last", expected: "grouping separators followed by one decimal mark, as in 1,234.56 or 1.234,56"}
		}
	case np+nc == 1:
		j := ip
		if nc == 1 {
			j = ic
		}
		after := last
		if j+1 < len(seps) {
			after = seps[j+1].before
		}
		first := seps[0].before
		if nother > 0 || after != 3 || j != 0 || first == 0 || first > 3 || body[0] == '0' {
			dec = j
		}
	}
	return finishAmountNumber(body[:end], seps, dec, last, exp)
}

func (d DecimalMark) markName() string {
	if d == DecimalComma {
		return "','"
	}
	return "'.'"
}

// finishAmountNumber checks the grouping of a number whose decimal separator is
// seps[dec] (none when dec < 0) and computes its mantissa.
func finishAmountNumber(body string, seps []amountSep, dec, last, exp int) (amountNumber, amountProblem) {
	groupSeps := seps
	intLast := last // digits in the last group of the integer part
	frac := 0
	if dec >= 0 {
		if dec != len(seps)-1 {
			return amountNumber{}, amountProblem{found: amountSepName(seps[dec+1].kind) + " after the decimal mark " + amountSepName(seps[dec].kind), expected: "grouping separators before the decimal mark only"}
		}
		groupSeps = seps[:dec]
		intLast = seps[dec].before
		frac = last
	}
	if len(groupSeps) > 0 {
		kind := groupSeps[0].kind
		for _, s := range groupSeps[1:] {
			if s.kind != kind {
				return amountNumber{}, amountProblem{found: "both " + amountSepName(kind) + " and " + amountSepName(s.kind) + " as grouping separators", expected: "one grouping separator"}
			}
		}
		if !validAmountGrouping(groupSeps, intLast) {
			return amountNumber{}, amountProblem{found: "digit groups " + strconv.Quote(body) + " that are not groups of three", expected: "grouping such as 1,234,567 (or the lakh grouping 12,34,567)"}
		}
	}

	n := amountNumber{body: body, k: exp - frac + 2}
	for i := 0; i < len(body); i++ {
		c := body[i] - '0'
		if c > 9 {
			continue
		}
		if n.mant > (math.MaxUint64-9)/10 {
			n.long = true
			break
		}
		n.mant = n.mant*10 + uint64(c)
	}
	return n, amountProblem{}
}

// validAmountGrouping reports whether the integer part's groups are 1-3 digits
// followed by groups of 3, or the lakh grouping 1-2 digits, groups of 2, and
// a final group of 3 (with ',' only).
func validAmountGrouping(g []amountSep, last int) bool {
	if g[0].before < 1 {
		return false
	}
	if g[0].before <= 3 && last == 3 {
		ok := true
		for _, s := range g[1:] {
			if s.before != 3 {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	if g[0].kind != amountSepComma || len(g) < 2 || g[0].before > 2 || last != 3 {
		return false
	}
	for _, s := range g[1:] {
		if s.before != 2 {
			return false
		}
	}
	return true
}

var amountPow10 = [...]uint64{
	1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// amountToCents returns mant × 10^k × scale, rounded half away from zero, with
// sign neg. needBig asks for [amountToCentsBig] when 64-bit arithmetic cannot
// decide.
func amountToCents(mant uint64, k int, scale uint64, neg bool) (m Money, overflow, needBig bool) {
	if mant == 0 {
		return 0, false, false
	}
	var v uint64
	if k >= 0 {
		if k >= len(amountPow10) {
			return 0, true, false
		}
		hi, lo := bits.Mul64(mant, amountPow10[k])
		if hi != 0 {
			return 0, true, false
		}
		hi, v = bits.Mul64(lo, scale)
		if hi != 0 {
			return 0, true, false
		}
	} else {
		d := -k
		if d >= len(amountPow10) {
			return 0, false, true
		}
		div := amountPow10[d]
		hi, lo := bits.Mul64(mant, scale)
		if hi >= div {
			return 0, true, false
		}
		q, r := bits.Div64(hi, lo, div)
		if r >= div-r { // half away from zero
			q++
			if q == 0 {
				return 0, true, false
			}
		}
		v = q
	}
	m, ok := signedCents(v, neg)
	return m, !ok, false
}

// signedCents returns the magnitude v with sign neg, and false if it does not
// fit in Money.
func signedCents(v uint64, neg bool) (Money, bool) {
	if neg {
		if v > 1<<63 {
			return 0, false
		}
		return Money(-int64(v)), true // -int64(1<<63) wraps to MinInt64, as wanted
	}
	if v > math.MaxInt64 {
		return 0, false
	}
	return Money(v), true
}

// amountToCentsBig is amountToCents for long mantissas and extreme exponents.
func amountToCentsBig(digits string, k int, scale int64, neg bool) (Money, bool) {
	digits = strings.TrimLeft(digits, "0")
	nd := len(digits)
	if nd == 0 || nd+k <= -20 {
		// |value| < 10^(nd+k) × scale < 10^(nd+k+19) <= 0.1 cent.
		return 0, false
	}
	if nd-1+k >= 19 {
		return 0, true // at least 10^19 cents
	}
	n, _ := new(big.Int).SetString(digits, 10)
	n.Mul(n, big.NewInt(scale))
	ten := big.NewInt(10)
	if k >= 0 {
		n.Mul(n, new(big.Int).Exp(ten, big.NewInt(int64(k)), nil))
	} else {
		d := new(big.Int).Exp(ten, big.NewInt(int64(-k)), nil)
		r := new(big.Int)
		n.QuoRem(n, d, r)
		if r.Lsh(r, 1).Cmp(d) >= 0 {
			n.Add(n, big.NewInt(1))
		}
	}
	if !n.IsUint64() {
		return 0, true
	}
	m, ok := signedCents(n.Uint64(), neg)
	return m, !ok
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
		l, r := i-1, j
		return l >= 0 && toks[l].kind == scaleTokOpen && r < len(toks) && toks[r].kind == scaleTokClose
	}
	// "of"/"de" + a currency within three tokens.
	ofCurrency, ofOther := false, false
	if j < len(toks) && toks[j].is("of", "de", "d", "des", "du", "del") {
		ofOther = true
		for m := j + 1; m < len(toks) && m <= j+3; m++ {
			if toks[m].kind != scaleTokWord && toks[m].kind != scaleTokSym {
				break
			}
			if toks[m].isCurrency() {
				ofCurrency, ofOther = true, false
				break
			}
		}
	}
	if ofCurrency {
		return true
	}
	// "in"/"en"/"em", possibly with currency between.
	l := i - 1
	for l >= 0 && i-l <= 3 && toks[l].isCurrency() {
		l--
	}
	if l >= 0 && toks[l].is("in", "en", "em") && !ofOther {
		return true
	}
	if c == scaleMiles {
		return false
	}
	// Alone between boundaries.
	l = i - 1
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
