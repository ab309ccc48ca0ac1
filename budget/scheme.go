package budget

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Scheme is a gender-marker coding scheme and its crosswalk to canonical
// levels, such as the OECD DAC marker (0, 1, 2) or
// the UNDP Gender Marker (GEN0–GEN3).
//
// A Scheme returned by [Schemes.Lookup] or [Schemes.All] is a copy: changing
// it does not change the set it came from.
type Scheme struct {
	ID          string   // identifier, such as "oecd_dac"
	Name        string   // human name
	Description string   // what the codes mean, in a few sentences
	Source      string   // the public documents the codes come from
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
	var f schemesFile
	if err := DecodeYAML(r, &f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("budget: marker schemes file is empty")
		}
		return nil, fmt.Errorf("budget: marker schemes: %w", err)
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
	if err := checkSchemeID(y.ID); err != nil {
		return nil, err
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
	seen := map[string]string{} // schemeCodeKey → code as written
	var err error
	if sc.Codes, err = y.codes(seen); err != nil {
		return nil, err
	}
	if sc.rejected, err = y.rejectedCodes(seen); err != nil {
		return nil, err
	}
	return sc, nil
}

// checkSchemeID reports whether id is a valid scheme id: lower-case
// letters, digits and underscores.
func checkSchemeID(id string) error {
	if id == "" {
		return errors.New("no id")
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return fmt.Errorf("id %q: want lower-case letters, digits and underscores", id)
		}
	}
	return nil
}

// codes validates and converts the codes of y, adding each to seen.
func (y *schemeYAML) codes(seen map[string]string) ([]SchemeCode, error) {
	var codes []SchemeCode
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
		codes = append(codes, SchemeCode{Code: strings.TrimSpace(c.Code), Level: l, Label: c.Label})
	}
	return codes, nil
}

// rejectedCodes validates and converts the rejected codes of y, which
// must differ from every code in seen.
func (y *schemeYAML) rejectedCodes(seen map[string]string) ([]schemeRejected, error) {
	var rejected []schemeRejected
	for _, rj := range y.Rejected {
		k := schemeCodeKey(rj.Code)
		if k == "" {
			return nil, errors.New("empty rejected code")
		}
		if prev, dup := seen[k]; dup {
			return nil, fmt.Errorf("rejected code %q is also code %q", rj.Code, prev)
		}
		seen[k] = rj.Code
		rejected = append(rejected, schemeRejected{code: strings.TrimSpace(rj.Code), reason: rj.Reason})
	}
	return rejected, nil
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

// schemeKey normalises a scheme id or alias: lower case, with spaces and
// hyphens as underscores.
func schemeKey(s string) string {
	s = strings.ToLower(TrimCell(s))
	return strings.Map(func(r rune) rune {
		if r == '-' || unicode.IsSpace(r) {
			return '_'
		}
		return r
	}, s)
}
