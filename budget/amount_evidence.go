package budget

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// EvidenceKind says what the text of one amount cell tells about the
// decimal mark of its column.
type EvidenceKind uint8

// The kinds of evidence an amount's text gives about the decimal mark.
const (
	// EvidenceNone: not a number (blank, N/A, text, a percentage).
	EvidenceNone EvidenceKind = iota
	// EvidenceDigits: no '.' or ',' in the number; it reads the same
	// whatever the mark (1234, 1 234, 1E6).
	EvidenceDigits
	// EvidencePoint: only a decimal point makes sense of it: one '.'
	// followed by 1–2 or 4+ digits (12.75, 46.843123), or after a leading
	// 0 or more than three digits (0.125, 1234.567), ',' grouping repeated
	// (1,234,567, 12,34,567) or followed by a '.' (1,234.56), a '.' in
	// scientific notation (5.25e+08), or a '.' after space grouping.
	EvidencePoint
	// EvidenceComma: the same for a decimal comma (12,75, 1.234.567,
	// 1.234,56, 0,125).
	EvidenceComma
	// EvidenceAmbiguousPoint: one '.' followed by exactly three digits,
	// after one to three digits not starting with 0 (46.843): a decimal
	// point, or a thousands separator.
	EvidenceAmbiguousPoint
	// EvidenceAmbiguousComma: the same with ',' (1,234).
	EvidenceAmbiguousComma
)

// String returns the kind in words, for messages and tests.
func (k EvidenceKind) String() string {
	switch k {
	case EvidenceNone:
		return "none"
	case EvidenceDigits:
		return "digits"
	case EvidencePoint:
		return "point"
	case EvidenceComma:
		return "comma"
	case EvidenceAmbiguousPoint:
		return "ambiguous '.'"
	case EvidenceAmbiguousComma:
		return "ambiguous ','"
	}
	return "EvidenceKind(" + strconv.Itoa(int(k)) + ")"
}

// Ambiguous reports whether the text reads as a different amount under
// each decimal mark.
func (k EvidenceKind) Ambiguous() bool {
	return k == EvidenceAmbiguousPoint || k == EvidenceAmbiguousComma
}

// DecimalEvidence is what one amount's text says about the decimal mark.
type DecimalEvidence struct {
	Kind EvidenceKind
	// Decimals is the count of digits after the decimal mark when Kind is
	// EvidencePoint or EvidenceComma and the number has a decimal part.
	Decimals int
	// Grouped says the number groups its digits with '.' or ','
	// (1,234,567 or 1.234,56).
	Grouped bool
}

// DecimalEvidenceOf classifies the text of an amount cell by what it says
// of the decimal mark, so that a reader can decide the mark of a whole
// column from all its values and then read every value of it with
// [ParseAmount] and that one mark. It looks only at the number: signs,
// parentheses and currencies around it are ignored. A value of kind
// EvidencePoint parses under [DecimalPoint], one of kind EvidenceComma
// under [DecimalComma]; an ambiguous one parses under both, to different
// amounts.
func DecimalEvidenceOf(s string) DecimalEvidence {
	if strings.IndexByte(s, '%') >= 0 {
		return DecimalEvidence{}
	}
	first, last := -1, -1
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return DecimalEvidence{}
	}
	lead := byte(0) // a '.' or ',' just before the first digit: .5
	if first > 0 && (s[first-1] == '.' || s[first-1] == ',') {
		lead = s[first-1]
	}
	core := s[first : last+1]
	if e := strings.IndexAny(core, "eE"); e >= 0 {
		return expEvidence(core, e, lead)
	}
	var buf [16]amountSep
	seps, after, ok := evidenceSeps(core, buf[:0])
	if !ok {
		return DecimalEvidence{}
	}
	if lead != 0 {
		if len(seps) > 0 && (seps[0].kind == amountSepPoint || seps[0].kind == amountSepComma) {
			return DecimalEvidence{} // .5.3
		}
		return markEvidence(lead == ',', len(core)-strings.Count(core, " "), false)
	}
	return sepEvidence(core, seps, after)
}

// evidenceSeps lists the separators of core (digits and separators
// only), with the count of digits after the last one.
func evidenceSeps(core string, seps []amountSep) ([]amountSep, int, bool) {
	group := 0
	for i := 0; i < len(core); {
		if c := core[i]; c >= '0' && c <= '9' {
			group++
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(core[i:])
		k := amountSepKind(r)
		if k == 0 || group == 0 {
			return nil, 0, false
		}
		seps = append(seps, amountSep{k, group})
		group = 0
		i += n
	}
	return seps, group, true
}

// sepEvidence classifies a number without exponent by its separators.
func sepEvidence(core string, seps []amountSep, after int) DecimalEvidence {
	n := countAmountSeps(seps)
	switch {
	case n.points+n.commas == 0:
		return DecimalEvidence{Kind: EvidenceDigits}
	case n.points > 0 && n.commas > 0:
		comma := n.lastComma > n.lastPoint
		dec := n.lastPoint
		if comma {
			dec = n.lastComma
		}
		return markEvidence(comma, digitsAfter(seps, dec, after), true)
	case n.points > 1:
		return markEvidence(true, 0, true)
	case n.commas > 1:
		return markEvidence(false, 0, true)
	}
	comma := n.commas == 1
	j := n.lastPoint
	if comma {
		j = n.lastComma
	}
	d := digitsAfter(seps, j, after)
	if n.others == 0 && j == 0 && d == 3 && seps[0].before <= 3 && core[0] != '0' {
		if comma {
			return DecimalEvidence{Kind: EvidenceAmbiguousComma}
		}
		return DecimalEvidence{Kind: EvidenceAmbiguousPoint}
	}
	return markEvidence(comma, d, false)
}

// digitsAfter returns the count of digits after separator j.
func digitsAfter(seps []amountSep, j, after int) int {
	if j+1 < len(seps) {
		return seps[j+1].before
	}
	return after
}

func markEvidence(comma bool, decimals int, grouped bool) DecimalEvidence {
	k := EvidencePoint
	if comma {
		k = EvidenceComma
	}
	return DecimalEvidence{Kind: k, Decimals: decimals, Grouped: grouped}
}

// expEvidence classifies a number in scientific notation, whose exponent
// mark is at core[e]: a single '.' or ',' in it is the decimal mark.
func expEvidence(core string, e int, lead byte) DecimalEvidence {
	exp := strings.TrimLeft(core[e+1:], "+-")
	if len(exp) == 0 || len(core[e+1:])-len(exp) > 1 || strings.Trim(exp, "0123456789") != "" {
		return DecimalEvidence{}
	}
	mant := core[:e]
	var buf [16]amountSep
	seps, after, ok := evidenceSeps(mant, buf[:0])
	if !ok || len(seps) > 1 || (lead != 0 && len(seps) > 0) {
		return DecimalEvidence{}
	}
	switch {
	case lead != 0:
		return markEvidence(lead == ',', len(mant), false)
	case len(seps) == 0:
		return DecimalEvidence{Kind: EvidenceDigits}
	case seps[0].kind == amountSepPoint || seps[0].kind == amountSepComma:
		return markEvidence(seps[0].kind == amountSepComma, after, false)
	}
	return DecimalEvidence{}
}
