package budget

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
