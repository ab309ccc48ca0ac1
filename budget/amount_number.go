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
