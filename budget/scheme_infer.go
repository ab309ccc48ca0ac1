package budget

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/grb-toolkit/grb/internal/format"
)

// Inference is the outcome of [Schemes.Infer].
type Inference struct {
	// Scheme is the chosen scheme id, or "" when no scheme fits all values.
	Scheme string
	// Candidates are the ids of every scheme that reads all the values,
	// in inference order.
	Candidates []string
	// ByHeader reports whether the column header decided the scheme.
	ByHeader bool
	// Reason is a sentence for the warning shown to the user, such as
	// `assumed scheme "oecd_dac" for column "Gender marker": values 0, 1, 2
	// also fit un_gem (where 1 means limited, 2 means significant); pass
	// --scheme to choose`.
	Reason string
}

// Infer picks the scheme of a marker column from its header text and its
// distinct non-blank values (blanks and duplicates are ignored).
//
// A scheme fits when it reads every value (see [Scheme.Parse]). When a
// header hint (such as "dac" or "undp", matched as whole words) names a
// scheme that fits, that scheme wins, unless the header names several
// fitting schemes that read the values differently; otherwise the first
// fitting scheme in inference order wins (oecd_dac before un_gem, so a
// 0/1/2 column is read as DAC). When no scheme fits, Scheme is "" and
// Reason lists the unexpected values. Reason always explains the choice.
func (s *Schemes) Infer(header string, values []string) Inference {
	vals := distinctMarkerValues(values)
	cands := s.fitting(vals)
	var inf Inference
	for _, sc := range cands {
		inf.Candidates = append(inf.Candidates, sc.ID)
	}
	col := fmt.Sprintf("column %s", refQuote(header))
	if len(cands) == 0 {
		inf.Reason = noSchemeReason(s, col, vals)
		return inf
	}

	hinted, hintedFit := s.suggestedBy(header, cands)
	var note string
	switch {
	case len(hintedFit) > 0 && schemesAgree(hintedFit, vals):
		sc := hintedFit[0]
		inf.Scheme, inf.ByHeader = sc.ID, true
		inf.Reason = headerReason(sc, col, vals)
		return inf
	case len(hintedFit) > 1:
		note = fmt.Sprintf("the header suggests %s, which read the values differently; ", schemeJoinIDs(hintedFit))
	case len(hinted) > 0:
		note = fmt.Sprintf("the header suggests %s but the values do not fit it; ", schemeJoinIDs(hinted))
	}
	chosen := cands[0]
	inf.Scheme = chosen.ID
	inf.Reason = assumedReason(chosen, cands[1:], col, note, vals)
	return inf
}

// distinctMarkerValues returns the distinct non-blank values, trimmed and
// sorted.
func distinctMarkerValues(values []string) []string {
	var vals []string
	seen := map[string]bool{}
	for _, v := range values {
		v = TrimCell(v)
		if v != "" && !seen[v] {
			seen[v] = true
			vals = append(vals, v)
		}
	}
	sort.Strings(vals)
	return vals
}

// fitting returns the schemes that read every value, in inference order.
func (s *Schemes) fitting(vals []string) []*Scheme {
	if s == nil {
		return nil
	}
	var cands []*Scheme
	for _, id := range s.order {
		if sc := s.byID(id); sc != nil && schemeFits(sc, vals) {
			cands = append(cands, sc)
		}
	}
	return cands
}

// suggestedBy returns the schemes that the header suggests, in inference
// order, and those of them that are among cands.
func (s *Schemes) suggestedBy(header string, cands []*Scheme) (hinted, hintedFit []*Scheme) {
	if s == nil {
		return nil, nil
	}
	htoks := hintTokens(header)
	for _, id := range s.order {
		sc := s.byID(id)
		if sc == nil || !schemeHintMatches(sc.HeaderHints, htoks) {
			continue
		}
		hinted = append(hinted, sc)
		if slices.Contains(cands, sc) {
			hintedFit = append(hintedFit, sc)
		}
	}
	return hinted, hintedFit
}

// headerReason explains the choice of sc, suggested by the header of col.
func headerReason(sc *Scheme, col string, vals []string) string {
	if len(vals) == 0 {
		return fmt.Sprintf("scheme %q for %s chosen from its header; the column has no marker values", sc.ID, col)
	}
	return fmt.Sprintf("scheme %q for %s chosen from its header (%s %s it)", sc.ID, col,
		schemeValuesNoun(vals), format.Plural(len(vals), "fits", "fit"))
}

// assumedReason explains the choice of chosen, the first scheme in
// inference order that fits the values of col, over the other fitting
// schemes; note says what the header suggested.
func assumedReason(chosen *Scheme, others []*Scheme, col, note string, vals []string) string {
	if len(vals) == 0 {
		return fmt.Sprintf("assumed scheme %q for %s: %sthe column has no marker values", chosen.ID, col, note)
	}
	alts := schemeAlternatives(chosen, others, vals)
	if len(alts) == 0 {
		return fmt.Sprintf("assumed scheme %q for %s: %s%s %s it", chosen.ID, col, note,
			schemeValuesNoun(vals), format.Plural(len(vals), "fits", "fit"))
	}
	return fmt.Sprintf("assumed scheme %q for %s: %s%s also %s %s; pass --scheme to choose",
		chosen.ID, col, note, schemeValuesNoun(vals), format.Plural(len(vals), "fits", "fit"), format.List(alts, "and"))
}

// schemeAlternatives describes each of others that reads some of vals
// differently from chosen: "un_gem (where 1 means limited, 2 means
// significant)".
func schemeAlternatives(chosen *Scheme, others []*Scheme, vals []string) []string {
	var alts []string
	for _, sc := range others {
		var diffs []string
		for _, v := range vals {
			a, _ := chosen.parse(v)
			b, _ := sc.parse(v)
			if a != b {
				diffs = append(diffs, fmt.Sprintf("%s means %s", v, strings.ToLower(b.Label())))
			}
		}
		if len(diffs) > 0 {
			alts = append(alts, fmt.Sprintf("%s (where %s)", sc.ID, strings.Join(diffs, ", ")))
		}
	}
	return alts
}

// noSchemeReason explains why no scheme fits vals.
func noSchemeReason(s *Schemes, col string, vals []string) string {
	var odd []string
	for _, v := range vals {
		fits := false
		if s != nil {
			for _, sc := range s.list {
				if _, ok := sc.parse(v); ok {
					fits = true
					break
				}
			}
		}
		if !fits {
			odd = append(odd, v)
		}
	}
	if len(odd) == 0 {
		return fmt.Sprintf("no marker scheme fits %s: no single scheme reads all of its values %s; pass --scheme or add a scheme",
			col, schemeListValues(vals))
	}
	quoted := make([]string, len(odd))
	for i, v := range odd {
		quoted[i] = refQuote(v)
	}
	noun := "value"
	if len(odd) > 1 {
		noun = "values"
	}
	return fmt.Sprintf("no marker scheme fits %s: %s %s %s of any scheme; pass --scheme or add a scheme",
		col, noun, refList(quoted), format.Plural(len(odd), "is not a code", "are not codes"))
}

// schemeValuesNoun returns "value 2" or "values 0, 1, 2".
func schemeValuesNoun(vals []string) string {
	return format.Plural(len(vals), "value", "values") + " " + schemeListValues(vals)
}

// schemeFits reports whether sc reads every value.
func schemeFits(sc *Scheme, vals []string) bool {
	for _, v := range vals {
		if _, ok := sc.parse(v); !ok {
			return false
		}
	}
	return true
}

// schemesAgree reports whether every scheme reads every value at the same
// level as the first.
func schemesAgree(scs []*Scheme, vals []string) bool {
	for _, v := range vals {
		want, _ := scs[0].parse(v)
		for _, sc := range scs[1:] {
			if got, _ := sc.parse(v); got != want {
				return false
			}
		}
	}
	return true
}

func schemeJoinIDs(scs []*Scheme) string {
	ids := make([]string, len(scs))
	for i, sc := range scs {
		ids[i] = sc.ID
	}
	return format.List(ids, "and")
}

// schemeListValues lists values for a message, at most 10 of them.
func schemeListValues(vals []string) string {
	short := make([]string, len(vals))
	for i, v := range vals {
		if utf8.RuneCountInString(v) > 40 {
			v = refQuote(v)
		}
		short[i] = v
	}
	return refList(short)
}

func refList(vs []string) string {
	const max = 10
	if len(vs) > max {
		return strings.Join(vs[:max], ", ") + fmt.Sprintf(" and %d more", len(vs)-max)
	}
	return strings.Join(vs, ", ")
}

// hintTokens splits a header into lower-case words of letters and
// digits, also splitting camelCase: "genderPrincipal" → gender, principal.
func hintTokens(h string) []string {
	var toks []string
	var cur []rune
	var prev rune
	flush := func() {
		if len(cur) > 0 {
			toks = append(toks, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for _, r := range h {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && unicode.IsLower(prev) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
		prev = r
	}
	flush()
	return toks
}

// schemeHintMatches reports whether any hint's words occur, in sequence, among
// the header's words.
func schemeHintMatches(hints, htoks []string) bool {
	for _, h := range hints {
		ht := hintTokens(h)
		if len(ht) == 0 || len(ht) > len(htoks) {
			continue
		}
		for i := 0; i+len(ht) <= len(htoks); i++ {
			if slices.Equal(htoks[i:i+len(ht)], ht) {
				return true
			}
		}
	}
	return false
}
