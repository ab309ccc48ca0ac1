package budget

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse returns the canonical level of a marker cell under the scheme.
//
// Surrounding space (including no-break spaces) is ignored, and so are
// case and the spaces, hyphens and underscores inside a code ("gen 2",
// "GEN-2" and "GEN2" are the same). A whole number written with a zero
// fraction ("2.0", as some spreadsheets export numbers) reads as the
// number. A code may be followed by its label when the label agrees with
// the code: "2 - Principal" and "GEN2: significant" are accepted, but
// "2 - Principal" under un_gem (where 2 is significant) is an error.
//
// A blank cell is [NotScreened] with a nil error. Anything else is an
// error wrapping [ErrUnknownMarker] whose message names the scheme and
// lists its codes, or says why a plausible code is invalid (such as IATI
// significance 3 on a gender marker).
func (sc *Scheme) Parse(raw string) (Level, error) {
	s := TrimCell(raw)
	if s == "" {
		return NotScreened, nil
	}
	if l, ok := sc.parse(s); ok {
		return l, nil
	}
	k := ""
	if len(s) <= maxMarkerCode {
		k = schemeCodeKey(s)
		if t, ok := markerTrimZeroFraction(s); ok {
			k = schemeCodeKey(t)
		}
	}
	for _, rj := range sc.rejected {
		if k != "" && schemeCodeKey(rj.code) == k {
			return NotScreened, fmt.Errorf("budget: gender marker %s is not valid in scheme %s: %s: %w",
				refQuote(s), sc.ID, rj.reason, ErrUnknownMarker)
		}
	}
	if c, label := sc.codeWithLabel(s); c != nil {
		return NotScreened, fmt.Errorf("budget: gender marker %s does not agree with scheme %s, where %s means %s, not %s: %w",
			refQuote(s), sc.ID, c.Code, strings.ToLower(c.Level.Label()), refQuote(label), ErrUnknownMarker)
	}
	return NotScreened, fmt.Errorf("budget: gender marker %s is not a code of scheme %s (want %s): %w",
		refQuote(s), sc.ID, sc.CodeList(), ErrUnknownMarker)
}

// codeWithLabel finds a code of the scheme followed by a label, as in
// "2 - Principal", and returns the code and the label; nil when s does not
// start with a code.
func (sc *Scheme) codeWithLabel(s string) (*SchemeCode, string) {
	for i, r := range s {
		if i > maxMarkerCode {
			break
		}
		if !isMarkerLabelSep(r) || i == 0 {
			continue
		}
		if c := sc.code(strings.TrimRightFunc(s[:i], isMarkerLabelSep)); c != nil {
			if label := strings.TrimFunc(s[i:], isMarkerLabelSep); label != "" {
				return c, label
			}
		}
	}
	return nil, ""
}

// parse is Parse for a trimmed, non-blank cell, without building errors.
func (sc *Scheme) parse(s string) (Level, bool) {
	if c := sc.code(s); c != nil {
		return c.Level, true
	}
	if t, ok := markerTrimZeroFraction(s); ok {
		if c := sc.code(t); c != nil {
			return c.Level, true
		}
	}
	// A code followed by a label: try every separator as the end of the
	// code, and accept only a label that agrees with the code.
	for i, r := range s {
		if i > maxMarkerCode {
			break
		}
		if !isMarkerLabelSep(r) || i == 0 {
			continue
		}
		code := strings.TrimRightFunc(s[:i], isMarkerLabelSep)
		if code == "" {
			continue
		}
		if c := sc.code(code); c != nil && markerLabelAgrees(c, s[i:]) {
			return c.Level, true
		}
	}
	return 0, false
}

// maxMarkerCode bounds the length in bytes of a marker code, as defined in
// a schemes file and as written in a cell (before any label). It keeps
// Parse linear in the length of the cell.
const maxMarkerCode = 100

// code returns the scheme code matching s, or nil.
func (sc *Scheme) code(s string) *SchemeCode {
	if len(s) > maxMarkerCode {
		return nil
	}
	k := schemeCodeKey(s)
	if k == "" {
		return nil
	}
	for i := range sc.Codes {
		if schemeCodeKey(sc.Codes[i].Code) == k {
			return &sc.Codes[i]
		}
	}
	return nil
}

// CodeList lists the codes for an error message, from the lowest level
// up: "0, 1 or 2".
func (sc *Scheme) CodeList() string {
	codes := slices.Clone(sc.Codes)
	slices.SortStableFunc(codes, func(a, b SchemeCode) int { return int(a.Level) - int(b.Level) })
	var cs []string
	for _, c := range codes {
		cs = append(cs, c.Code)
	}
	switch len(cs) {
	case 0:
		return "no codes: the scheme defines none"
	case 1:
		return cs[0]
	}
	return strings.Join(cs[:len(cs)-1], ", ") + " or " + cs[len(cs)-1]
}

// isMarkerLabelSep reports whether r may separate a marker code from its
// label, as in "2 - Principal", "GEN2: significant" or "2 (principal)".
func isMarkerLabelSep(r rune) bool {
	switch r {
	case ':', '-', '–', '—', '(', ')', '=', ',', ';', '/':
		return true
	}
	return unicode.IsSpace(r)
}

// markerLabelAgrees reports whether label (the text after a code) names
// the code's own label or its level: "principal", "Principal objective",
// "(significant)", "gender mainstreaming".
func markerLabelAgrees(c *SchemeCode, label string) bool {
	if len(label) > 4*maxMarkerCode {
		return false // longer than any label
	}
	l := refNormWords(label)
	if l == "" {
		return false
	}
	for _, ok := range []string{refNormWords(c.Label), refNormWords(c.Level.Label()), refNormWords(c.Level.String())} {
		if ok != "" && (l == ok || l == ok+" objective") {
			return true
		}
	}
	return false
}

// markerTrimZeroFraction turns "2.0" or "2.00" into "2".
func markerTrimZeroFraction(s string) (string, bool) {
	i := strings.IndexByte(s, '.')
	if i <= 0 || i == len(s)-1 {
		return "", false
	}
	for _, r := range s[:i] {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	for _, r := range s[i+1:] {
		if r != '0' {
			return "", false
		}
	}
	return s[:i], true
}

// schemeCodeKey normalises a marker code for comparison: lower case,
// without the white space, hyphens or underscores inside it ("GEN 2" and
// "gen-2" are "gen2"). A code that starts or ends with one of those is
// kept whole, so that "-1" or "2 -" never read as 1 or 2.
func schemeCodeKey(s string) string {
	s = strings.ToLower(TrimCell(s))
	isSep := func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) }
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if s == "" || isSep(first) || isSep(last) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isSep(r) {
			return -1
		}
		return r
	}, s)
}
