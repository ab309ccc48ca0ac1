package budget

import (
	"fmt"
	"strconv"
	"strings"
)

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
	cell := TrimCell(s)
	if cell == "" {
		return nil, nil
	}
	p := &objParser{cell: cell, pending: -1}
	toks, err := objTokens(cell)
	if err != nil {
		return nil, p.fail(ErrInvalidObjective, "%v", err)
	}
	for i := 0; i < len(toks); i++ {
		var err error
		switch t := toks[i]; {
		case t.kind == objNum && i+1 < len(toks) && toks[i+1].kind == objPct:
			err = p.share(t.text)
			i++
		case t.kind == objNum:
			err = p.number(toks, i)
		case t.kind == objPct:
			err = p.fail(ErrInvalidObjective, "a %% sign without a number")
		case t.kind == objWord:
			err = p.word(t.text)
		}
		if err != nil {
			return nil, err
		}
	}
	if p.pending >= 0 {
		return nil, p.fail(ErrShareSum, "share %s has no objective", fmtBP(p.pending))
	}
	if len(p.items) == 0 {
		if n, ok := gcmData().byText[refNormWords(cell)]; ok {
			return []ObjectiveShare{{Objective: n, Share: 10000}}, nil
		}
		return nil, p.fail(ErrInvalidObjective, "no GCM objective number found")
	}
	if len(p.lead) > 0 {
		return nil, p.fail(ErrInvalidObjective, "unexpected text %s before the first objective", refQuote(strings.Join(p.lead, " ")))
	}
	return p.shares()
}

// objParser reads the tokens of an objectives cell, one method per kind
// of token, into the objectives it lists and the shares written for them.
type objParser struct {
	cell    string // the trimmed cell, for error messages
	items   []objItem
	pending int      // a share met before its objective, or -1
	lead    []string // words before the first objective
}

// objItem is an objective of the cell, with its share when one is written.
type objItem struct {
	obj, bp int
	share   bool
}

// fail returns the error for the cell: format and args say what is wrong,
// sentinel is ErrInvalidObjective or ErrShareSum.
func (p *objParser) fail(sentinel error, format string, args ...any) error {
	return fmt.Errorf("budget: GCM objectives %s: %s: %w", refQuote(p.cell), fmt.Sprintf(format, args...), sentinel)
}

// add lists objective n, with the pending share if there is one.
func (p *objParser) add(n int) error {
	if n < 0 || n > NumObjectives {
		return p.fail(ErrInvalidObjective, "%d is not a GCM objective (want 1–%d, or 0 for General)", n, NumObjectives)
	}
	for _, it := range p.items {
		if it.obj == n {
			return p.fail(ErrInvalidObjective, "objective %s is listed twice", objName(n))
		}
	}
	it := objItem{obj: n}
	if p.pending >= 0 {
		it.bp, it.share, p.pending = p.pending, true, -1
	}
	p.items = append(p.items, it)
	return nil
}

// share reads a number followed by a per cent sign: the share of the
// objective before it, or else of the next one.
func (p *objParser) share(text string) error {
	bp, ok := objPercentBP(text)
	if !ok || bp > 10000 {
		return p.fail(ErrShareSum, "share %s%% is more than 100%%", text)
	}
	if bp == 0 {
		return p.fail(ErrShareSum, "share %s%% rounds to 0%%", text)
	}
	last := len(p.items) - 1
	switch {
	case last >= 0 && !p.items[last].share:
		p.items[last].bp, p.items[last].share = bp, true
	case p.pending >= 0:
		return p.fail(ErrShareSum, "two shares (%s and %s) for one objective", fmtBP(p.pending), fmtBP(bp))
	default:
		p.pending = bp
	}
	return nil
}

// number reads toks[i], a number without a per cent sign: an objective.
func (p *objParser) number(toks []objTok, i int) error {
	t := toks[i]
	if i >= 2 && toks[i-1].kind == objDash && toks[i-2].kind == objNum {
		return p.fail(ErrInvalidObjective, "%q is ambiguous (a range, or two objectives?): list them as %s, %s",
			toks[i-2].text+"-"+t.text, toks[i-2].text, t.text)
	}
	n, ok := objWholeNumber(t.text)
	if !ok {
		return p.fail(ErrInvalidObjective, "%s is not a whole number", t.text)
	}
	if n > NumObjectives && i > 0 && (toks[i-1].text == ":" || toks[i-1].text == "(" || toks[i-1].text == "=") {
		return p.fail(ErrInvalidObjective, "%s is not a GCM objective (if it is a share, write it with a %% sign: %s%%)", t.text, t.text)
	}
	return p.add(n)
}

// word reads a word: General (objective 0), a prefix such as "Obj.", text
// before the first objective (an error, reported at the end unless the
// whole cell is a title), or an objective's title (ignored).
func (p *objParser) word(w string) error {
	switch {
	case objGeneralWords[w]:
		if len(p.items) > 0 && p.items[len(p.items)-1].obj == 0 {
			return nil // "0 - General"
		}
		return p.add(0)
	case len(p.items) == 0 && !objPrefixWords[w]:
		p.lead = append(p.lead, w)
	}
	// Other words after an objective are its title: ignored.
	return nil
}

// shares returns the objectives with their shares, summing to 10000 basis
// points; see ParseObjectives for the rules.
func (p *objParser) shares() ([]ObjectiveShare, error) {
	out := make([]ObjectiveShare, len(p.items))
	given, sum := 0, 0
	for i, it := range p.items {
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
		if !objSpreadRounding(out, sum) {
			return nil, p.fail(ErrShareSum, "shares sum to %s", fmtBP(sum))
		}
	default:
		rest, missing := 10000-sum, len(out)-given
		if rest < missing {
			return nil, p.fail(ErrShareSum, "shares sum to %s, leaving nothing for the objectives without a share", fmtBP(sum))
		}
		objSplit(out, rest, func(i int) bool { return !p.items[i].share })
	}
	for _, o := range out {
		if o.Share <= 0 {
			return nil, p.fail(ErrShareSum, "objective %s gets no share", objName(o.Objective))
		}
	}
	return out, nil
}

// objSpreadRounding makes shares that sum to sum sum to 10000, one basis
// point at a time from the first, when they miss it by rounding: by at
// most n−1 basis points for n shares. It reports false, leaving o
// unchanged, when they miss it by more.
func objSpreadRounding(o []ObjectiveShare, sum int) bool {
	diff := 10000 - sum
	if max(diff, -diff) > len(o)-1 {
		return false
	}
	for i := 0; i < len(o) && diff != 0; i++ {
		if diff > 0 {
			o[i].Share++
			diff--
		} else {
			o[i].Share--
			diff++
		}
	}
	return true
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
