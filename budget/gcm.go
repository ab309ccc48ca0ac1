package budget

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Objective is one of the 23 objectives of the Global Compact for Migration
// (A/RES/73/195 para. 16), or objective 0, "General": grb's bucket, after
// the UN Network on Migration hub's, for money that serves the Compact as
// a whole (coordination, national implementation plans).
type Objective struct {
	Number int    // 1–23, or 0 for General
	Title  string // official title, such as "Address and reduce vulnerabilities in migration"
	Short  string // short label of the UN Network hub, such as "Reduce vulnerabilities"
}

// Principle is one of the 10 guiding principles of the GCM
// (A/RES/73/195 para. 15).
type Principle struct {
	Para string // letter of para. 15, "a" to "j"
	Name string // such as "Gender-responsive"
	Gist string // a one-sentence paraphrase
}

// ThematicArea is one of the five thematic areas of the Migration
// Multi-Partner Trust Fund, which group the GCM objectives (an objective
// may be in more than one area). The names and the mapping are
// provisional: they could not be checked against the Fund's documents.
type ThematicArea struct {
	Number      int
	Name        string
	Objectives  []int // GCM objective numbers
	Provisional bool  // names and mapping unverified
	Note        string
}

// gcmFile is the YAML shape of data/gcm.yaml.
type gcmFile struct {
	Objectives struct {
		Source string `yaml:"source"`
		Items  []struct {
			Number int    `yaml:"number"`
			Title  string `yaml:"title"`
			Short  string `yaml:"short"`
			Note   string `yaml:"note"`
		} `yaml:"items"`
	} `yaml:"objectives"`
	Principles struct {
		Source string      `yaml:"source"`
		Items  []Principle `yaml:"items"`
	} `yaml:"principles"`
	ThematicAreas struct {
		Source      string `yaml:"source"`
		Provisional bool   `yaml:"provisional"`
		Note        string `yaml:"note"`
		Items       []struct {
			Number     int    `yaml:"number"`
			Name       string `yaml:"name"`
			Objectives []int  `yaml:"objectives"`
			Note       string `yaml:"note"`
		} `yaml:"items"`
	} `yaml:"thematic_areas"`
}

// gcmRef is the parsed reference data.
type gcmRef struct {
	objectives []Objective // index = number
	principles []Principle
	areas      []ThematicArea
	byText     map[string]int // refNormWords(title or short label) → number
}

// numObjectives is the number of GCM objectives (General excluded).
const numObjectives = 23

// gcmData parses the embedded data/gcm.yaml once.
var gcmData = sync.OnceValue(func() *gcmRef {
	g, err := parseGCM(gcmYAML)
	if err != nil {
		panic("budget: embedded data/gcm.yaml is invalid (a bug in grb): " + err.Error())
	}
	return g
})

// parseGCM parses and checks the GCM reference data.
func parseGCM(b []byte) (*gcmRef, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var f gcmFile
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	g := &gcmRef{byText: map[string]int{}}
	for i, o := range f.Objectives.Items {
		if o.Number != i {
			return nil, fmt.Errorf("objective %d listed in place %d", o.Number, i)
		}
		if o.Title == "" || o.Short == "" {
			return nil, fmt.Errorf("objective %d has no title or short label", o.Number)
		}
		g.objectives = append(g.objectives, Objective{Number: o.Number, Title: o.Title, Short: o.Short})
		if o.Number > 0 {
			g.byText[refNormWords(o.Title)] = o.Number
			g.byText[refNormWords(o.Short)] = o.Number
		}
	}
	if len(g.objectives) != numObjectives+1 {
		return nil, fmt.Errorf("%d objectives, want General and 1–%d", len(g.objectives), numObjectives)
	}
	g.principles = f.Principles.Items
	if len(g.principles) != 10 {
		return nil, fmt.Errorf("%d guiding principles, want 10", len(g.principles))
	}
	for _, a := range f.ThematicAreas.Items {
		for _, n := range a.Objectives {
			if n < 1 || n > numObjectives {
				return nil, fmt.Errorf("thematic area %d: objective %d out of range", a.Number, n)
			}
		}
		note := strings.TrimSpace(f.ThematicAreas.Note)
		if a.Note != "" {
			note += " " + a.Note
		}
		g.areas = append(g.areas, ThematicArea{
			Number:      a.Number,
			Name:        a.Name,
			Objectives:  a.Objectives,
			Provisional: f.ThematicAreas.Provisional,
			Note:        note,
		})
	}
	return g, nil
}

// Objectives returns objective 0 (General) and the 23 GCM objectives, in
// order, so that Objectives()[n].Number == n. It panics if grb's embedded
// data/gcm.yaml is invalid, a bug caught by the package tests.
func Objectives() []Objective { return slices.Clone(gcmData().objectives) }

// ObjectiveByNumber returns objective n (0 for General, 1–23) and whether
// there is one. Like [Objectives], it panics only if the embedded data is
// invalid.
func ObjectiveByNumber(n int) (Objective, bool) {
	objs := gcmData().objectives
	if n < 0 || n >= len(objs) {
		return Objective{}, false
	}
	return objs[n], true
}

// Principles returns the 10 guiding principles, (a) to (j). Like
// [Objectives], it panics only if the embedded data is invalid.
func Principles() []Principle { return slices.Clone(gcmData().principles) }

// ThematicAreas returns the five thematic areas of the Migration MPTF with
// their GCM objectives. They are marked provisional: the names and the
// mapping are unverified (see each area's Note). Like [Objectives], it
// panics only if the embedded data is invalid.
func ThematicAreas() []ThematicArea {
	areas := slices.Clone(gcmData().areas)
	for i := range areas {
		areas[i].Objectives = slices.Clone(areas[i].Objectives)
	}
	return areas
}

// ParseObjectives parses a cell that names one or more GCM objectives, with
// optional shares of the line's money:
//
//	7                              objective 7, 100 %
//	7 (60%), 16 (40%)              shares in per cent
//	7: 60 %; 16: 40 %
//	3; 7   3, 7   3/7   3 and 7    an equal split
//	Obj. 7   O7   GCM 7   Objective 7   Objetivo 7   Objectif 7
//	7 - Reduce vulnerabilities     a title after the number is ignored
//	Reduce vulnerabilities         a whole cell equal to a title or short label
//	General   general   0          objective 0, the Compact as a whole
//
// A blank cell returns nil, nil. Shares are in basis points and sum to
// exactly 10000, in the order the objectives are written:
//
//   - An equal split of n objectives gives the remainder to the first
//     ones: 3 objectives get 3334, 3333 and 3333.
//   - Objectives without a share share what the others leave equally:
//     "7 (60%), 16, 20" gives 6000, 2000, 2000.
//   - Shares are rounded to basis points ("33.333%" is 3333). When every
//     objective has a share, the sum may miss 100 % by rounding, at most
//     n−1 basis points for n objectives (33.33 % three times is 99.99 %);
//     the difference is then spread one basis point at a time over the
//     first objectives. A larger difference, a sum above 100 %, a share of
//     0 %, or shares that leave nothing for the objectives without one, is
//     an error wrapping [ErrShareSum] that names the sum found.
//   - A share needs a per cent sign: "7: 60" reads 60 as an objective.
//     Inside parentheses a decimal comma is allowed: "7 (33,33 %)".
//
// An objective outside 0–23, a repeated objective, a number that is not
// whole, an ambiguous "3-7" (a range, or 3 and 7?), text before the first
// objective, or a cell with no objective at all is an error wrapping
// [ErrInvalidObjective].
func ParseObjectives(s string) ([]ObjectiveShare, error) {
	cell := refTrim(s)
	if cell == "" {
		return nil, nil
	}
	fail := func(sentinel error, format string, args ...any) error {
		return fmt.Errorf("budget: GCM objectives %s: %s: %w", refQuote(cell), fmt.Sprintf(format, args...), sentinel)
	}
	toks, err := objTokens(cell)
	if err != nil {
		return nil, fail(ErrInvalidObjective, "%v", err)
	}

	type item struct {
		obj, bp int
		share   bool
	}
	var items []item
	pending := -1 // a share met before its objective
	var lead []string
	add := func(n int) error {
		if n < 0 || n > numObjectives {
			return fail(ErrInvalidObjective, "%d is not a GCM objective (want 1–%d, or 0 for General)", n, numObjectives)
		}
		for _, it := range items {
			if it.obj == n {
				return fail(ErrInvalidObjective, "objective %s is listed twice", objName(n))
			}
		}
		it := item{obj: n}
		if pending >= 0 {
			it.bp, it.share, pending = pending, true, -1
		}
		items = append(items, it)
		return nil
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case objNum:
			if i+1 < len(toks) && toks[i+1].kind == objPct {
				i++
				bp, ok := objPercentBP(t.text)
				if !ok || bp > 10000 {
					return nil, fail(ErrShareSum, "share %s%% is more than 100%%", t.text)
				}
				if bp == 0 {
					return nil, fail(ErrShareSum, "share %s%% rounds to 0%%", t.text)
				}
				switch {
				case len(items) > 0 && !items[len(items)-1].share:
					items[len(items)-1].bp, items[len(items)-1].share = bp, true
				case pending >= 0:
					return nil, fail(ErrShareSum, "two shares (%s and %s) for one objective", fmtBP(pending), fmtBP(bp))
				default:
					pending = bp
				}
				continue
			}
			if i >= 2 && toks[i-1].kind == objDash && toks[i-2].kind == objNum {
				return nil, fail(ErrInvalidObjective, "%q is ambiguous (a range, or two objectives?): list them as %s, %s",
					toks[i-2].text+"-"+t.text, toks[i-2].text, t.text)
			}
			n, ok := objWholeNumber(t.text)
			if !ok {
				return nil, fail(ErrInvalidObjective, "%s is not a whole number", t.text)
			}
			if n > numObjectives && i > 0 && (toks[i-1].text == ":" || toks[i-1].text == "(" || toks[i-1].text == "=") {
				return nil, fail(ErrInvalidObjective, "%s is not a GCM objective (if it is a share, write it with a %% sign: %s%%)", t.text, t.text)
			}
			if err := add(n); err != nil {
				return nil, err
			}
		case objPct:
			return nil, fail(ErrInvalidObjective, "a %% sign without a number")
		case objWord:
			switch {
			case objGeneralWords[t.text]:
				if len(items) > 0 && items[len(items)-1].obj == 0 {
					continue // "0 - General"
				}
				if err := add(0); err != nil {
					return nil, err
				}
			case len(items) == 0 && !objPrefixWords[t.text]:
				lead = append(lead, t.text)
			}
			// Other words after an objective are its title: ignored.
		}
	}
	if pending >= 0 {
		return nil, fail(ErrShareSum, "share %s has no objective", fmtBP(pending))
	}
	if len(items) == 0 {
		if n, ok := gcmData().byText[refNormWords(cell)]; ok {
			return []ObjectiveShare{{Objective: n, Share: 10000}}, nil
		}
		return nil, fail(ErrInvalidObjective, "no GCM objective number found")
	}
	if len(lead) > 0 {
		return nil, fail(ErrInvalidObjective, "unexpected text %s before the first objective", refQuote(strings.Join(lead, " ")))
	}

	out := make([]ObjectiveShare, len(items))
	given, sum := 0, 0
	for i, it := range items {
		out[i] = ObjectiveShare{Objective: it.obj, Share: it.bp}
		if it.share {
			given++
			sum += it.bp
		}
	}
	switch {
	case given == 0:
		objSplit(out, 10000, func(int) bool { return true })
	case given == len(out):
		diff := 10000 - sum
		if max(diff, -diff) > len(out)-1 {
			return nil, fail(ErrShareSum, "shares sum to %s", fmtBP(sum))
		}
		for i := 0; i < len(out) && diff != 0; i++ {
			if diff > 0 {
				out[i].Share++
				diff--
			} else {
				out[i].Share--
				diff++
			}
		}
	default:
		rest, missing := 10000-sum, len(out)-given
		if rest < missing {
			return nil, fail(ErrShareSum, "shares sum to %s, leaving nothing for the objectives without a share", fmtBP(sum))
		}
		objSplit(out, rest, func(i int) bool { return !items[i].share })
	}
	for _, o := range out {
		if o.Share <= 0 {
			return nil, fail(ErrShareSum, "objective %s gets no share", objName(o.Objective))
		}
	}
	return out, nil
}

// objSplit shares total equally among the elements of o for which pick
// is true, giving the remainder one basis point at a time to the first.
func objSplit(o []ObjectiveShare, total int, pick func(int) bool) {
	n := 0
	for i := range o {
		if pick(i) {
			n++
		}
	}
	if n == 0 {
		return
	}
	each, rem := total/n, total%n
	for i := range o {
		if !pick(i) {
			continue
		}
		o[i].Share = each
		if rem > 0 {
			o[i].Share++
			rem--
		}
	}
}

// FormatObjectives is the inverse of [ParseObjectives]: "7" for a single
// objective at 100 %, otherwise "7 (60%), 16 (40%)" with shares to two
// decimals when needed ("3 (33.34%), 7 (33.33%), 16 (33.33%)"). Objective
// 0 is written "General". Nil gives "".
func FormatObjectives(o []ObjectiveShare) string {
	if len(o) == 1 && o[0].Share == 10000 {
		return objName(o[0].Objective)
	}
	parts := make([]string, len(o))
	for i, s := range o {
		parts[i] = objName(s.Objective) + " (" + fmtBP(s.Share) + ")"
	}
	return strings.Join(parts, ", ")
}

// objName writes an objective number, "General" for 0.
func objName(n int) string {
	if n == 0 {
		return "General"
	}
	return strconv.Itoa(n)
}

// fmtBP formats basis points as a percentage: 6000 → "60%", 3334 →
// "33.34%", 3350 → "33.5%".
func fmtBP(bp int) string {
	sign := ""
	if bp < 0 {
		sign, bp = "-", -bp
	}
	s := sign + strconv.Itoa(bp/100)
	if f := bp % 100; f != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%02d", f), "0")
	}
	return s + "%"
}

// objPercentBP converts a percentage written as digits with an optional
// '.' fraction to basis points, rounding half up; ok is false when it is
// too large to be a share.
func objPercentBP(s string) (bp int, ok bool) {
	whole, frac, _ := strings.Cut(s, ".")
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 3 {
		return 0, false
	}
	w := 0
	if whole != "" {
		w, _ = strconv.Atoi(whole)
	}
	frac += "000"
	bp = w*100 + int(frac[0]-'0')*10 + int(frac[1]-'0')
	if frac[2] >= '5' {
		bp++
	}
	return bp, true
}

// objWholeNumber reads an objective number: digits, optionally with a zero
// fraction ("7.0", as spreadsheets may export numbers). Numbers too large
// to be objectives return a large value, to be reported as out of range.
func objWholeNumber(s string) (int, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if strings.Trim(frac, "0") != "" {
		return 0, false
	}
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		return 0, true
	}
	if len(whole) > 4 {
		return 99999, true
	}
	n, _ := strconv.Atoi(whole)
	return n, true
}

// objPrefixWords may precede an objective number: "Obj. 7", "GCM 7",
// "Objetivo 7", "N° 7". PMM is the Spanish and French acronym of the GCM.
var objPrefixWords = map[string]bool{
	"gcm": true, "pmm": true,
	"o": true, "ob": true, "obj": true, "objs": true,
	"objective": true, "objectives": true,
	"objetivo": true, "objetivos": true,
	"objectif": true, "objectifs": true,
	"no": true, "n": true, "nº": true, "nr": true, "num": true,
	"number": true, "numero": true, "número": true, "numéro": true,
}

// objGeneralWords name objective 0.
var objGeneralWords = map[string]bool{"general": true, "général": true, "generale": true}

// The kinds of token in an objectives cell.
const (
	objPunct = iota
	objNum   // digits, with a '.' fraction when written
	objPct   // "%", "percent", "pct"
	objWord  // a run of letters, lower-cased
	objDash  // '-', '–' or '—'
)

type objTok struct {
	kind int
	text string
}

// objTokens splits an objectives cell into tokens, skipping white space.
// A decimal comma is read as a decimal point only inside parentheses and
// before a per cent sign: "(33,33 %)".
func objTokens(s string) ([]objTok, error) {
	var toks []objTok
	depth := 0
	isDigit := func(i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			j := i
			for isDigit(j) {
				j++
			}
			text := s[i:j]
			if j+1 < len(s) && s[j] == '.' && isDigit(j+1) {
				k := j + 1
				for isDigit(k) {
					k++
				}
				text, j = s[i:k], k
			} else if depth > 0 && j+1 < len(s) && s[j] == ',' && isDigit(j+1) {
				k := j + 1
				for isDigit(k) {
					k++
				}
				m := k
				for m < len(s) && s[m] == ' ' {
					m++
				}
				if m < len(s) && s[m] == '%' {
					text, j = s[i:j]+"."+s[j+1:k], k
				}
			}
			if len(text) > 40 {
				return nil, fmt.Errorf("number %s… is too long", text[:20])
			}
			toks = append(toks, objTok{objNum, text})
			i = j
			continue
		case r == '%' || r == '٪' || r == '％':
			toks = append(toks, objTok{objPct, "%"})
		case unicode.IsDigit(r):
			return nil, fmt.Errorf("unexpected digit %q: write objective numbers with 0–9", r)
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n
			}
			w := strings.ToLower(s[i:j])
			if w == "percent" || w == "pct" {
				toks = append(toks, objTok{objPct, "%"})
			} else {
				toks = append(toks, objTok{objWord, w})
			}
			i = j
			continue
		case r == '-' || r == '–' || r == '—':
			toks = append(toks, objTok{objDash, string(r)})
		case r == '(':
			depth++
			toks = append(toks, objTok{objPunct, "("})
		case r == ')':
			if depth > 0 {
				depth--
			}
			toks = append(toks, objTok{objPunct, ")"})
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
		case r == utf8.RuneError && size == 1:
			return nil, errors.New("invalid UTF-8")
		default:
			toks = append(toks, objTok{objPunct, string(r)})
		}
		i += size
	}
	return toks, nil
}
