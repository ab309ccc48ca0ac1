package budget

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Scheme is a gender-marker coding scheme and its crosswalk to canonical
// levels (domain reference §3.6), such as the OECD DAC marker (0, 1, 2) or
// the UNDP Gender Marker (GEN0–GEN3).
//
// A Scheme returned by [Schemes.Lookup] or [Schemes.All] is a copy: changing
// it does not change the set it came from.
type Scheme struct {
	ID          string   // identifier, such as "oecd_dac"
	Name        string   // human name
	Description string   // what the codes mean, in a few sentences
	Source      string   // where the codes come from (domain reference section)
	Provisional bool     // the codes themselves are unverified
	Notes       []string // caveats, such as unverified facts
	Aliases     []string // other names accepted by [Schemes.Lookup]
	Codes       []SchemeCode
	HeaderHints []string // words that, in a column header, suggest this scheme

	rejected []schemeRejected // plausible codes that are errors, with the reason
}

// SchemeCode is one code of a [Scheme] and the canonical level it maps to.
type SchemeCode struct {
	Code  string // as written in the scheme, such as "GEN2"; matched case-insensitively
	Level Level
	Label string // short human label, such as "Significant objective"
}

// schemeRejected is a code that looks plausible in a scheme but is an
// error there, such as IATI significance 3 on a gender marker.
type schemeRejected struct {
	code, reason string
}

// Schemes is a set of schemes: the embedded ones ([DefaultSchemes]) plus
// any user additions ([ParseSchemes], [Schemes.With]). A Schemes value is
// never modified after it is built, so it is safe for concurrent use. A
// nil *Schemes is an empty set.
type Schemes struct {
	list     []*Scheme         // file order
	explicit []string          // inference_order as the file gave it
	order    []string          // complete inference order: every id once
	aliases  map[string]string // schemeKey(alias) → id
}

// maxSchemesFile bounds the size of a schemes file read by ParseSchemes.
const maxSchemesFile = 1 << 20

// defaultSchemes parses the embedded schemes file once.
var defaultSchemes = sync.OnceValue(func() *Schemes {
	s, err := ParseSchemes(bytes.NewReader(schemesYAML))
	if err != nil {
		panic("budget: embedded data/schemes.yaml is invalid (a bug in grb): " + err.Error())
	}
	return s
})

// DefaultSchemes returns the marker schemes embedded in grb (data/schemes.yaml):
// oecd_dac, iati, eu_budget, un_gem, un_gem_2ab, undp, pbf, eu_g, eu_cpr,
// mptf, boolean_principal and boolean_significant. The value is shared
// and immutable; use [Schemes.With] to add a user's schemes.
//
// It panics if the embedded file does not parse, which is a bug in grb
// caught by the package tests, never a property of user data.
func DefaultSchemes() *Schemes { return defaultSchemes() }

// schemesFile is the YAML shape of a schemes file.
type schemesFile struct {
	InferenceOrder []string     `yaml:"inference_order"`
	Schemes        []schemeYAML `yaml:"schemes"`
}

type schemeYAML struct {
	ID          string   `yaml:"id"`
	Aliases     []string `yaml:"aliases"`
	Name        string   `yaml:"name"`
	Description string   `yaml:"description"`
	Source      string   `yaml:"source"`
	Provisional bool     `yaml:"provisional"`
	Notes       []string `yaml:"notes"`
	HeaderHints []string `yaml:"header_hints"`
	Codes       []struct {
		Code  string `yaml:"code"`
		Level string `yaml:"level"`
		Label string `yaml:"label"`
	} `yaml:"codes"`
	Rejected []struct {
		Code   string `yaml:"code"`
		Reason string `yaml:"reason"`
	} `yaml:"rejected"`
}

// ParseSchemes reads a YAML schemes file of the same shape as grb's
// embedded data/schemes.yaml. Unknown fields, duplicate ids, codes or
// aliases, unknown levels, the level not_screened (a blank cell, never a
// code) and inference_order entries naming schemes not in the file are
// errors. Errors reading r are wrapped.
func ParseSchemes(r io.Reader) (*Schemes, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxSchemesFile+1))
	if err != nil {
		return nil, fmt.Errorf("budget: read marker schemes: %w", err)
	}
	if len(b) > maxSchemesFile {
		return nil, fmt.Errorf("budget: marker schemes file larger than %d bytes: %w", maxSchemesFile, ErrLimit)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var f schemesFile
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("budget: marker schemes file is empty")
		}
		return nil, fmt.Errorf("budget: marker schemes: %v", err)
	}
	s := &Schemes{aliases: map[string]string{}}
	ids := map[string]bool{}
	for i, y := range f.Schemes {
		sc, err := y.scheme()
		if err != nil {
			return nil, fmt.Errorf("budget: marker schemes: scheme %d (%q): %v", i+1, y.ID, err)
		}
		if ids[sc.ID] {
			return nil, fmt.Errorf("budget: marker schemes: scheme %q defined twice", sc.ID)
		}
		ids[sc.ID] = true
		s.list = append(s.list, sc)
	}
	for _, sc := range s.list {
		for _, a := range sc.Aliases {
			k := schemeKey(a)
			if ids[k] {
				return nil, fmt.Errorf("budget: marker schemes: alias %q of scheme %q is the id of a scheme", a, sc.ID)
			}
			if other, dup := s.aliases[k]; dup {
				return nil, fmt.Errorf("budget: marker schemes: alias %q used by schemes %q and %q", a, other, sc.ID)
			}
			s.aliases[k] = sc.ID
		}
	}
	for _, id := range f.InferenceOrder {
		k := schemeKey(id)
		if !ids[k] {
			return nil, fmt.Errorf("budget: marker schemes: inference_order names %q, which is not a scheme of this file", id)
		}
		if slices.Contains(s.explicit, k) {
			return nil, fmt.Errorf("budget: marker schemes: inference_order lists %q twice", id)
		}
		s.explicit = append(s.explicit, k)
	}
	s.order = schemeOrder(s.explicit, nil, s.list)
	return s, nil
}

// scheme validates y and converts it to a Scheme.
func (y *schemeYAML) scheme() (*Scheme, error) {
	if y.ID == "" {
		return nil, errors.New("no id")
	}
	for _, r := range y.ID {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return nil, fmt.Errorf("id %q: want lower-case letters, digits and underscores", y.ID)
		}
	}
	if len(y.Codes) == 0 {
		return nil, errors.New("no codes")
	}
	sc := &Scheme{
		ID:          y.ID,
		Name:        y.Name,
		Description: strings.TrimSpace(y.Description),
		Source:      strings.TrimSpace(y.Source),
		Provisional: y.Provisional,
		Notes:       slices.Clone(y.Notes),
		HeaderHints: slices.Clone(y.HeaderHints),
	}
	if sc.Name == "" {
		sc.Name = sc.ID
	}
	for _, a := range y.Aliases {
		if schemeKey(a) == "" {
			return nil, errors.New("empty alias")
		}
		sc.Aliases = append(sc.Aliases, a)
	}
	seen := map[string]string{}
	for _, c := range y.Codes {
		k := schemeCodeKey(c.Code)
		if k == "" {
			return nil, errors.New("empty code (a blank cell always means not screened)")
		}
		if len(c.Code) > maxMarkerCode {
			return nil, fmt.Errorf("code %s is longer than %d bytes", refQuote(c.Code), maxMarkerCode)
		}
		if prev, dup := seen[k]; dup {
			return nil, fmt.Errorf("codes %q and %q are the same code", prev, c.Code)
		}
		seen[k] = c.Code
		l, err := ParseLevel(c.Level)
		if err != nil {
			return nil, fmt.Errorf("code %q: %v", c.Code, err)
		}
		if l == NotScreened {
			return nil, fmt.Errorf("code %q: level not_screened is for blank cells, not codes", c.Code)
		}
		sc.Codes = append(sc.Codes, SchemeCode{Code: strings.TrimSpace(c.Code), Level: l, Label: c.Label})
	}
	for _, rj := range y.Rejected {
		k := schemeCodeKey(rj.Code)
		if k == "" {
			return nil, errors.New("empty rejected code")
		}
		if prev, dup := seen[k]; dup {
			return nil, fmt.Errorf("rejected code %q is also code %q", rj.Code, prev)
		}
		seen[k] = rj.Code
		sc.rejected = append(sc.rejected, schemeRejected{code: strings.TrimSpace(rj.Code), reason: rj.Reason})
	}
	return sc, nil
}

// schemeOrder returns the inference order made of first, then the ids
// of then not already listed, then the ids of list not yet listed, in
// list order. Ids not in list are dropped.
func schemeOrder(first, then []string, list []*Scheme) []string {
	in := map[string]bool{}
	for _, sc := range list {
		in[sc.ID] = true
	}
	var out []string
	add := func(id string) {
		if in[id] && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	for _, id := range first {
		add(id)
	}
	for _, id := range then {
		add(id)
	}
	for _, sc := range list {
		add(sc.ID)
	}
	return out
}

// With returns a new set made of s plus the schemes of user: a user scheme
// whose id is in s replaces it (keeping its place in file and inference
// order), and a new one is added after s's schemes. User aliases take
// precedence over s's, and the user's inference_order, if any, is tried
// before s's. Neither s nor user is modified.
func (s *Schemes) With(user *Schemes) *Schemes {
	if s == nil {
		s = &Schemes{}
	}
	if user == nil {
		user = &Schemes{}
	}
	out := &Schemes{list: slices.Clone(s.list), aliases: map[string]string{}}
	for _, u := range user.list {
		if i := slices.IndexFunc(out.list, func(sc *Scheme) bool { return sc.ID == u.ID }); i >= 0 {
			out.list[i] = u
		} else {
			out.list = append(out.list, u)
		}
	}
	for k, id := range s.aliases {
		out.aliases[k] = id
	}
	for k, id := range user.aliases {
		out.aliases[k] = id
	}
	for _, id := range slices.Concat(user.explicit, s.explicit) {
		if !slices.Contains(out.explicit, id) {
			out.explicit = append(out.explicit, id)
		}
	}
	out.order = schemeOrder(user.explicit, s.order, out.list)
	return out
}

// Lookup returns a copy of the scheme with the given id or alias, and
// whether there is one. Case is ignored, and spaces and hyphens count as
// underscores: "OECD-DAC", "dac" and "oecd_dac" all find oecd_dac. Ids
// take precedence over aliases. The ambiguous "eu" is not an alias.
func (s *Schemes) Lookup(id string) (*Scheme, bool) {
	sc := s.find(id)
	if sc == nil {
		return nil, false
	}
	return sc.clone(), true
}

// find is Lookup without the copy.
func (s *Schemes) find(id string) *Scheme {
	if s == nil {
		return nil
	}
	k := schemeKey(id)
	if k == "" {
		return nil
	}
	if sc := s.byID(k); sc != nil {
		return sc
	}
	if target, ok := s.aliases[k]; ok {
		return s.byID(target)
	}
	return nil
}

func (s *Schemes) byID(id string) *Scheme {
	for _, sc := range s.list {
		if sc.ID == id {
			return sc
		}
	}
	return nil
}

// All returns copies of every scheme, in file order (the embedded schemes
// first, then user additions).
func (s *Schemes) All() []*Scheme {
	if s == nil {
		return nil
	}
	out := make([]*Scheme, len(s.list))
	for i, sc := range s.list {
		out[i] = sc.clone()
	}
	return out
}

// InferenceOrder returns the scheme ids in the order [Schemes.Infer]
// tries them.
func (s *Schemes) InferenceOrder() []string {
	if s == nil {
		return nil
	}
	return slices.Clone(s.order)
}

func (sc *Scheme) clone() *Scheme {
	c := *sc
	c.Notes = slices.Clone(sc.Notes)
	c.Aliases = slices.Clone(sc.Aliases)
	c.Codes = slices.Clone(sc.Codes)
	c.HeaderHints = slices.Clone(sc.HeaderHints)
	c.rejected = slices.Clone(sc.rejected)
	return &c
}

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
	s := refTrim(raw)
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
		refQuote(s), sc.ID, sc.codeList(), ErrUnknownMarker)
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

// codeList lists the codes for an error message, from the lowest level
// up: "0, 1 or 2".
func (sc *Scheme) codeList() string {
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

// refNormWords lower-cases s and reduces it to its letters and digits,
// words separated by single spaces.
func refNormWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// refTrim trims white space (including no-break spaces), zero-width
// spaces and byte-order marks from both ends of a cell.
func refTrim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
	})
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

// schemeKey normalises a scheme id or alias: lower case, with spaces and
// hyphens as underscores.
func schemeKey(s string) string {
	s = strings.ToLower(refTrim(s))
	return strings.Map(func(r rune) rune {
		if r == '-' || unicode.IsSpace(r) {
			return '_'
		}
		return r
	}, s)
}

// schemeCodeKey normalises a marker code for comparison: lower case,
// without the white space, hyphens or underscores inside it ("GEN 2" and
// "gen-2" are "gen2"). A code that starts or ends with one of those is
// kept whole, so that "-1" or "2 -" never read as 1 or 2.
func schemeCodeKey(s string) string {
	s = strings.ToLower(refTrim(s))
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

// refQuote quotes s for an error message, shortened to 40 runes.
func refQuote(s string) string {
	const max = 40
	n := 0
	for i := range s {
		if n == max {
			return fmt.Sprintf("%q…", s[:i])
		}
		n++
	}
	return fmt.Sprintf("%q", s)
}

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
	var vals []string
	seen := map[string]bool{}
	for _, v := range values {
		v = refTrim(v)
		if v != "" && !seen[v] {
			seen[v] = true
			vals = append(vals, v)
		}
	}
	sort.Strings(vals)

	var inf Inference
	var cands []*Scheme
	if s != nil {
		for _, id := range s.order {
			sc := s.byID(id)
			if sc != nil && schemeFits(sc, vals) {
				cands = append(cands, sc)
				inf.Candidates = append(inf.Candidates, id)
			}
		}
	}
	col := fmt.Sprintf("column %s", refQuote(header))

	// Schemes the header suggests, in inference order.
	var hinted, hintedFit []*Scheme
	if s != nil {
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
	}

	if len(cands) == 0 {
		inf.Reason = noSchemeReason(s, col, vals)
		return inf
	}

	var note string
	switch {
	case len(hintedFit) > 0 && schemesAgree(hintedFit, vals):
		sc := hintedFit[0]
		inf.Scheme, inf.ByHeader = sc.ID, true
		if len(vals) == 0 {
			inf.Reason = fmt.Sprintf("scheme %q for %s chosen from its header; the column has no marker values", sc.ID, col)
		} else {
			inf.Reason = fmt.Sprintf("scheme %q for %s chosen from its header (%s %s it)", sc.ID, col,
				schemeValuesNoun(vals), schemeVerb(vals, "fits", "fit"))
		}
		return inf
	case len(hintedFit) > 1:
		note = fmt.Sprintf("the header suggests %s, which read the values differently; ", schemeJoinIDs(hintedFit))
	case len(hinted) > 0:
		note = fmt.Sprintf("the header suggests %s but the values do not fit it; ", schemeJoinIDs(hinted))
	}

	chosen := cands[0]
	inf.Scheme = chosen.ID
	if len(vals) == 0 {
		inf.Reason = fmt.Sprintf("assumed scheme %q for %s: %sthe column has no marker values", chosen.ID, col, note)
		return inf
	}
	var alts []string
	for _, sc := range cands[1:] {
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
	if len(alts) == 0 {
		inf.Reason = fmt.Sprintf("assumed scheme %q for %s: %s%s %s it", chosen.ID, col, note,
			schemeValuesNoun(vals), schemeVerb(vals, "fits", "fit"))
		return inf
	}
	inf.Reason = fmt.Sprintf("assumed scheme %q for %s: %s%s also %s %s; pass --scheme to choose",
		chosen.ID, col, note, schemeValuesNoun(vals), schemeVerb(vals, "fits", "fit"), schemeAnd(alts))
	return inf
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
		col, noun, refList(quoted), schemeVerb(odd, "is not a code", "are not codes"))
}

// schemeValuesNoun returns "value 2" or "values 0, 1, 2".
func schemeValuesNoun(vals []string) string {
	if len(vals) == 1 {
		return "value " + schemeListValues(vals)
	}
	return "values " + schemeListValues(vals)
}

// schemeVerb returns one when vals has one element, else many.
func schemeVerb(vals []string, one, many string) string {
	if len(vals) == 1 {
		return one
	}
	return many
}

// schemeAnd joins "a", "b" and "c" as "a, b and c".
func schemeAnd(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
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
	return schemeAnd(ids)
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
