package budget

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

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

// amountNumber is a scanned amount: its value in 10^-18 units is mant × 10^k (before
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
	seps, last, end, p := scanAmountDigits(body, buf[:0])
	if !p.none() {
		return amountNumber{}, p
	}
	exp := 0
	hasExp := end < len(body)
	if hasExp {
		if exp, p = scanAmountExponent(body[end+1:]); !p.none() {
			return amountNumber{}, p
		}
	}
	dec, p := amountDecimalSep(body, seps, last, hasExp, mark)
	if !p.none() {
		return amountNumber{}, p
	}
	return finishAmountNumber(body[:end], seps, dec, last, exp)
}

// scanAmountDigits reads the digits and separators of body up to an
// exponent mark 'e' or 'E' at end (len(body) when there is none). It
// appends the separators to seps and returns them, with the count of
// digits after the last one.
func scanAmountDigits(body string, seps []amountSep) (_ []amountSep, last, end int, p amountProblem) {
	group, ndigits := 0, 0
	end = len(body)
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
			return nil, 0, 0, amountProblem{found: strconv.QuoteRune(r), expected: "digits, '.' or ',', a space or apostrophe between digit groups, a sign or a currency"}
		}
		seps = append(seps, amountSep{k, group})
		group = 0
		i += n
	}
	if ndigits == 0 {
		return nil, 0, 0, amountProblem{found: "no digits", expected: "a number"}
	}
	return seps, group, end, amountProblem{}
}

// scanAmountExponent reads the exponent e written after an 'e' or 'E': an
// optional sign and digits. The exponent stops growing once it passes a
// billion: the amount has overflowed or rounded to zero long before.
func scanAmountExponent(e string) (int, amountProblem) {
	exp := 0
	negExp := false
	if e != "" && (e[0] == '+' || e[0] == '-') {
		negExp = e[0] == '-'
		e = e[1:]
	}
	if e == "" {
		return 0, amountProblem{found: "an exponent without digits", expected: "scientific notation such as 5.25e+08"}
	}
	for i := 0; i < len(e); i++ {
		c := e[i] - '0'
		if c > 9 {
			return 0, amountProblem{found: strconv.Quote(e[i:i+1]) + " in the exponent", expected: "scientific notation such as 5.25e+08"}
		}
		if exp < 1e9 {
			exp = exp*10 + int(c)
		}
	}
	if negExp {
		exp = -exp
	}
	return exp, amountProblem{}
}

// amountSepCount counts the separators of a number by kind, with the
// index in seps of the last '.' and of the last ','.
type amountSepCount struct {
	points, commas, others int
	lastPoint, lastComma   int
}

func countAmountSeps(seps []amountSep) amountSepCount {
	var n amountSepCount
	for i, s := range seps {
		switch s.kind {
		case amountSepPoint:
			n.points++
			n.lastPoint = i
		case amountSepComma:
			n.commas++
			n.lastComma = i
		default:
			n.others++
		}
	}
	return n
}

// amountDecimalSep returns the index in seps of the decimal mark of the
// number body, or -1 when it has none; see ParseAmount for the rules.
// last is the count of digits after the last separator.
func amountDecimalSep(body string, seps []amountSep, last int, hasExp bool, mark DecimalMark) (int, amountProblem) {
	n := countAmountSeps(seps)
	switch {
	case hasExp:
		return amountExpDecimalSep(seps, n, mark)
	case mark == DecimalPoint || mark == DecimalComma:
		return amountForcedDecimalSep(n, mark)
	case n.points > 0 && n.commas > 0:
		return amountMixedDecimalSep(seps, n)
	case n.points+n.commas == 1:
		return amountSingleDecimalSep(body, seps, n, last), amountProblem{}
	}
	return -1, amountProblem{}
}

// amountExpDecimalSep is amountDecimalSep in scientific notation: no
// grouping, and a single '.' or ',' is the decimal mark.
func amountExpDecimalSep(seps []amountSep, n amountSepCount, mark DecimalMark) (int, amountProblem) {
	if n.others > 0 || n.points+n.commas > 1 {
		return -1, amountProblem{found: "digit grouping in scientific notation", expected: "a plain mantissa such as 5.25e+08"}
	}
	if n.points+n.commas == 0 {
		return -1, amountProblem{}
	}
	if (mark == DecimalPoint && n.commas == 1) || (mark == DecimalComma && n.points == 1) {
		return -1, amountProblem{found: amountSepName(seps[0].kind) + " as the decimal mark", expected: "the decimal mark " + mark.markName()}
	}
	return 0, amountProblem{}
}

// amountForcedDecimalSep is amountDecimalSep when mark says which
// character is the decimal mark.
func amountForcedDecimalSep(n amountSepCount, mark DecimalMark) (int, amountProblem) {
	cnt, i := n.points, n.lastPoint
	if mark == DecimalComma {
		cnt, i = n.commas, n.lastComma
	}
	if cnt > 1 {
		return -1, amountProblem{found: "more than one decimal mark " + mark.markName(), expected: "at most one"}
	}
	if cnt == 1 {
		return i, amountProblem{}
	}
	return -1, amountProblem{}
}

// amountMixedDecimalSep is amountDecimalSep for a number with both '.'
// and ',': the last of them is the decimal mark, and must appear once.
func amountMixedDecimalSep(seps []amountSep, n amountSepCount) (int, amountProblem) {
	cnt, dec := n.points, n.lastPoint
	if n.lastComma > n.lastPoint {
		dec, cnt = n.lastComma, n.commas
	}
	if cnt > 1 {
		return -1, amountProblem{found: "both '.' and ',' with more than one " + amountSepName(seps[dec].kind) + " last", expected: "grouping separators followed by one decimal mark, as in 1,234.56 or 1.234,56"}
	}
	return dec, amountProblem{}
}

// amountSingleDecimalSep is amountDecimalSep for a number with a single
// '.' or ',': it is grouping when it is the first separator, exactly three
// digits follow it, the digits before it could start a grouped number (one
// to three, not starting with 0), and no space or apostrophe groups the
// number; otherwise it is the decimal mark.
func amountSingleDecimalSep(body string, seps []amountSep, n amountSepCount, last int) int {
	j := n.lastPoint
	if n.commas == 1 {
		j = n.lastComma
	}
	after := last
	if j+1 < len(seps) {
		after = seps[j+1].before
	}
	first := seps[0].before
	if n.others > 0 || after != 3 || j != 0 || first == 0 || first > 3 || body[0] == '0' {
		return j
	}
	return -1
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

	n := amountNumber{body: body, k: exp - frac + MoneyDecimals}
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
