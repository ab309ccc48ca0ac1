package budget

import (
	"fmt"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxAmountLen bounds the length of amount text, so that hostile input
// cannot make the exact arithmetic slow. Real cells are far shorter.
const maxAmountLen = 1024

// ParseAmount parses the text of an amount cell into exact money: the
// amount in currency units multiplied by scale, with every digit as
// written. The arithmetic is done on the decimal digits themselves (never
// through float64), so "1185.8814" in [Thousands] is exactly 1185881.4 and
// "46.843123456" in [Millions] is exactly 46843123.456. Only digits beyond
// [MoneyDecimals] (18) decimals once scaled are rounded, halves to even:
// "1e-19" is 0 and "5.5e-18" is 6e-18 ([ParseAmountExact] says when and by
// how much).
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
// [ErrInvalidAmount]; an amount too large for [Money] once scaled
// gives an error wrapping both [ErrInvalidAmount] and [ErrOverflow]. The
// error message quotes the text and says what was found and what was
// expected; the caller adds the position. A scale of zero is read as
// [Units]; a negative scale is an error.
func ParseAmount(s string, scale Scale, mark DecimalMark) (m Money, ok bool, err error) {
	m, ok, _, err = ParseAmountExact(s, scale, mark)
	return m, ok, err
}

// ParseAmountExact is [ParseAmount] that also says what rounding changed:
// residual is nil when m is the amount exactly as written (always, up to 18
// decimals after scale), and otherwise the exact amount minus m, in
// currency units (below half of 10^-18 in magnitude), so a reader can count
// the values rounded and their effect on a total.
func ParseAmountExact(s string, scale Scale, mark DecimalMark) (m Money, ok bool, residual *big.Rat, err error) {
	if scale <= 0 {
		if scale < 0 {
			return Money{}, false, nil, fmt.Errorf("budget: invalid scale %d (want a positive number such as 1000)", int64(scale))
		}
		scale = Units
	}
	// Fast path: plain digits, or digits with a decimal point as
	// spreadsheets export them; the overwhelming majority of cells.
	if v, k, neg, plain := parsePlainAmount(s, mark); plain {
		m, overflow, needBig := amountToMoney(v, k, uint64(scale), neg)
		if overflow {
			return Money{}, false, nil, amountOverflowError(s, scale)
		}
		if !needBig {
			return m, true, nil, nil
		}
	}
	return parseAmountText(s, scale, mark)
}

// parsePlainAmount reads an optional '-', then at most 19 ASCII digits with
// at most one '.' among them that can only be a decimal point under mark.
// The amount is v × 10^k in Money's unit (10^-18).
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
	k = MoneyDecimals
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
	return fmt.Errorf("amount %q: %w: found %s, expected %s", ClipText(s), ErrInvalidAmount, p.found, p.expected)
}

func amountOverflowError(s string, scale Scale) error {
	scaled := ""
	if scale != Units {
		scaled = " once multiplied by " + scale.String()
	}
	return fmt.Errorf("amount %q: %w: %w: found a value larger than 170141183460469231731.687303715884105727 in magnitude%s, expected an amount that fits in 128 bits with 18 decimals",
		ClipText(s), ErrInvalidAmount, ErrOverflow, scaled)
}

// ClipText shortens s to at most 64 bytes (on a character boundary, with
// "…" added) for an error message or the Found of an issue.
func ClipText(s string) string {
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

func parseAmountText(s string, scale Scale, mark DecimalMark) (Money, bool, *big.Rat, error) {
	t := strings.TrimFunc(s, isAmountSpace)
	if t == "" || isAmountAbsent(t) {
		return Money{}, false, nil, nil
	}
	if len(t) > maxAmountLen {
		return Money{}, false, nil, invalidAmountError(s, amountProblem{
			found:    strconv.Itoa(len(t)) + " bytes of text",
			expected: "an amount of at most " + strconv.Itoa(maxAmountLen) + " bytes",
		})
	}
	if strings.IndexByte(t, '%') >= 0 || strings.Contains(t, "‰") {
		return Money{}, false, nil, invalidAmountError(s, amountProblem{found: "a percentage", expected: "an amount of money"})
	}
	body, a, p := stripAmountAffixes(t)
	if !p.none() {
		return Money{}, false, nil, invalidAmountError(s, p)
	}
	if body == "" {
		if a.signs == 1 && a.dash && !a.paren {
			return Money{}, false, nil, nil // "$ -", "- €": accounting dash
		}
		return Money{}, false, nil, invalidAmountError(s, amountProblem{found: "no digits", expected: "a number"})
	}
	if a.signs == 0 && a.currencies > 0 && isAmountAbsent(body) {
		return Money{}, false, nil, nil // "$ N/A"
	}
	n, p := scanAmountNumber(body, mark)
	if !p.none() {
		return Money{}, false, nil, invalidAmountError(s, p)
	}
	m, overflow, needBig := amountToMoney(n.mant, n.k, uint64(scale), a.neg)
	var residual *big.Rat
	if needBig || n.long {
		m, residual, overflow = amountToMoneyBig(n.digits(), n.k, int64(scale), a.neg)
	}
	if overflow {
		return Money{}, false, nil, amountOverflowError(s, scale)
	}
	return m, true, residual, nil
}

// amountToMoney returns mant × 10^k × scale in Money's unit, with sign neg.
// needBig asks for [amountToMoneyBig] when 128-bit arithmetic cannot
// decide, or digits must be rounded (k < 0).
func amountToMoney(mant uint64, k int, scale uint64, neg bool) (m Money, overflow, needBig bool) {
	if mant == 0 {
		return Money{}, false, false
	}
	if k < 0 || k > 38 {
		return Money{}, false, true
	}
	h, l := bits.Mul64(mant, moneyPow10[min(k, 19)])
	if k > 19 {
		if h, l, overflow = mul128(h, l, moneyPow10[k-19]); overflow {
			return Money{}, true, false
		}
	}
	if h, l, overflow = mul128(h, l, scale); overflow {
		return Money{}, true, false
	}
	m, ok := fromAbs(h, l, neg)
	return m, !ok, false
}

// mul128 returns the 128-bit (h, l) × f, and true if it overflows.
func mul128(h, l, f uint64) (hi, lo uint64, overflow bool) {
	h1, l1 := bits.Mul64(l, f)
	h2, l2 := bits.Mul64(h, f)
	if h2 != 0 {
		return 0, 0, true
	}
	hi, c := bits.Add64(h1, l2, 0)
	return hi, l1, c != 0
}

// amountResidualMaxExp bounds the exact residual computed for a value
// rounded away entirely: below 10^-4000 units, the residual is taken as 0.
const amountResidualMaxExp = 4096

// amountToMoneyBig is amountToMoney for long mantissas and extreme
// exponents, rounding digits beyond Money's unit halves to even; residual
// is the exact value minus m in currency units, nil when nothing was
// rounded.
func amountToMoneyBig(digits string, k int, scale int64, neg bool) (m Money, residual *big.Rat, overflow bool) {
	digits = strings.TrimLeft(digits, "0")
	nd := len(digits)
	if nd == 0 {
		return Money{}, nil, false
	}
	if nd-1+k >= 39 {
		return Money{}, nil, true // at least 10^39 units of 10^-18
	}
	n, _ := new(big.Int).SetString(digits, 10)
	n.Mul(n, big.NewInt(scale))
	if neg {
		n.Neg(n)
	}
	ten := big.NewInt(10)
	if k >= 0 {
		n.Mul(n, new(big.Int).Exp(ten, big.NewInt(int64(k)), nil))
		m, ok := FromBig(n)
		return m, nil, !ok
	}
	if -k > amountResidualMaxExp {
		return Money{}, new(big.Rat), false
	}
	d := new(big.Int).Exp(ten, big.NewInt(int64(-k)), nil)
	q, r := new(big.Int).QuoRem(n, d, new(big.Int))
	if r.Sign() == 0 {
		m, ok := FromBig(q)
		return m, nil, !ok
	}
	// half to even, on magnitudes
	twice := new(big.Int).Lsh(new(big.Int).Abs(r), 1)
	if c := twice.Cmp(d); c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(int64(n.Sign())))
	}
	m, ok := FromBig(q)
	if !ok {
		return Money{}, nil, true
	}
	// residual = n/d − q, in units of 10^-18, then in currency units
	res := new(big.Rat).SetFrac(new(big.Int).Sub(n, new(big.Int).Mul(q, d)), d)
	res.Quo(res, new(big.Rat).SetInt(new(big.Int).Exp(ten, big.NewInt(MoneyDecimals), nil)))
	return m, res, false
}
