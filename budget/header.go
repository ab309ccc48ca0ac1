package budget

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"
)

// Field is the role of a column in a budget table.
type Field string

// The fields grb recognises. A file needs at least one amount column
// (FieldAmount or a phase, or fiscal-year columns in a wide layout).
const (
	FieldID               Field = "id"
	FieldYear             Field = "year"
	FieldUnitCode         Field = "unit_code"
	FieldUnitName         Field = "unit_name"
	FieldUnit             Field = "unit" // code and name in one cell, such as "1011 Executive Office"
	FieldProgrammeCode    Field = "programme_code"
	FieldProgrammeName    Field = "programme_name"
	FieldParent           Field = "parent"
	FieldDescription      Field = "description"
	FieldProposed         Field = "proposed"
	FieldApproved         Field = "approved"
	FieldRevised          Field = "revised"
	FieldExecuted         Field = "executed"
	FieldAmount           Field = "amount" // an amount of unstated phase; read as Options.AmountPhase
	FieldCurrency         Field = "currency"
	FieldObjectives       Field = "objectives"
	FieldGenderMarker     Field = "gender_marker"
	FieldGEWEAmount       Field = "gewe_amount"
	FieldHumanRights      Field = "human_rights"
	FieldChildSensitivity Field = "child_sensitivity"
	FieldWomen            Field = "women"
	FieldMen              Field = "men"
	FieldGirls            Field = "girls"
	FieldBoys             Field = "boys"
	FieldOtherSex         Field = "other_sex"
)

// fieldOrder is the order fields are listed in reports.
var fieldOrder = []Field{
	FieldID, FieldYear, FieldUnitCode, FieldUnitName, FieldUnit, FieldProgrammeCode, FieldProgrammeName, FieldParent,
	FieldDescription, FieldProposed, FieldApproved, FieldRevised, FieldExecuted, FieldAmount, FieldCurrency,
	FieldObjectives, FieldGenderMarker, FieldGEWEAmount, FieldHumanRights, FieldChildSensitivity,
	FieldWomen, FieldMen, FieldGirls, FieldBoys, FieldOtherSex,
}

// Fields lists every field in report order.
func Fields() []Field { return append([]Field(nil), fieldOrder...) }

// ParseField checks a field name given by a user.
func ParseField(s string) (Field, error) {
	f := Field(strings.ToLower(strings.TrimSpace(s)))
	for _, g := range fieldOrder {
		if f == g {
			return f, nil
		}
	}
	names := make([]string, len(fieldOrder))
	for i, g := range fieldOrder {
		names[i] = string(g)
	}
	return "", fmt.Errorf("budget: unknown field %q (want one of %s)", s, strings.Join(names, ", "))
}

func (f Field) amountPhase() (Phase, bool) {
	switch f {
	case FieldProposed:
		return Proposed, true
	case FieldApproved:
		return Approved, true
	case FieldRevised:
		return Revised, true
	case FieldExecuted:
		return Executed, true
	}
	return 0, false
}

func (f Field) isMoney() bool {
	_, ok := f.amountPhase()
	return ok || f == FieldAmount || f == FieldGEWEAmount
}

type synonym struct {
	field  Field
	phrase string // normalised
	rank   int    // position in the field's list; earlier is preferred
}

var synonyms = sync.OnceValue(func() []synonym {
	var doc struct {
		Fields map[string][]string `yaml:"fields"`
	}
	if err := yaml.Unmarshal(columnsYAML, &doc); err != nil {
		panic("budget: embedded data/columns.yaml: " + err.Error())
	}
	var out []synonym
	for _, f := range fieldOrder {
		for i, p := range doc.Fields[string(f)] {
			out = append(out, synonym{field: f, phrase: normalize(p), rank: i})
		}
	}
	return out
})

var accentStripper = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// normalize lower-cases s, removes accents, splits camelCase and turns
// every run of non-letters-or-digits into one space.
func normalize(s string) string {
	t := accentStripper.Get().(transform.Transformer)
	t.Reset()
	if r, _, err := transform.String(t, s); err == nil {
		s = r
	}
	accentStripper.Put(t)
	var b strings.Builder
	var prev rune
	space := true
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && unicode.IsLower(prev) && !space {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
		prev = r
	}
	return strings.TrimSpace(b.String())
}

// containsWords reports whether phrase occurs in s on word boundaries.
func containsWords(s, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(phrase)
		if (j == 0 || s[j-1] == ' ') && (end == len(s) || s[end] == ' ') {
			return true
		}
		i = j + 1
	}
}

// notMoneyWords disqualify a header from being an amount column:
// "Appropriation type" is a classification, not an appropriation.
var notMoneyWords = []string{"type", "code", "source", "date", "id", "note", "notes", "url", "comments", "tipo", "clave", "codigo", "fuente", "fecha", "share", "percent", "porcentaje"}

// match scores how well a normalised header names a field: 0 for no
// match; exact phrases beat contained ones, longer phrases beat shorter.
func match(h string, s synonym) int {
	if h == "" {
		return 0
	}
	if h == s.phrase {
		return 2000 - s.rank
	}
	if !containsWords(h, s.phrase) {
		return 0
	}
	if s.field.isMoney() {
		for _, w := range notMoneyWords {
			if containsWords(h, w) {
				return 0
			}
		}
	}
	return 10*len(s.phrase) - s.rank
}

var yearHeader = regexp.MustCompile(`^(?:fy ?)?((?:19|20)\d\d)(?: ?(?:[-/]|to) ?(\d\d|\d{4}))?$`)

// parseYearHeader recognises fiscal-year column headers of a wide layout:
// "2015", "2014-15", "FY2016", "2015/2016".
func parseYearHeader(h string) (int, bool) {
	m := yearHeader.FindStringSubmatch(strings.ReplaceAll(normalize(h), " ", "-"))
	if m == nil {
		m = yearHeader.FindStringSubmatch(normalize(h))
		if m == nil {
			return 0, false
		}
	}
	y := 0
	fmt.Sscan(m[1], &y)
	return y, true
}

// assignment is a column chosen for a field, and why.
type assignment struct {
	field Field
	col   int // 0-based
	score int
	how   string // "recognised", "mapping", "flag"
}

// mapColumns assigns fields to header columns: best score first, each field
// and each column at most once. lower holds the header row's texts, joined
// the texts with any group header above joined in.
func mapColumns(lower, joined []string) []assignment {
	type cand struct {
		field      Field
		col, score int
	}
	var cands []cand
	syns := synonyms()
	for c := range lower {
		h := normalize(lower[c])
		j := ""
		if c < len(joined) {
			j = normalize(joined[c])
		}
		best := map[Field]int{}
		for _, s := range syns {
			sc := match(h, s)
			if j != h {
				if sj := match(j, s) / 2; sj > sc {
					sc = sj
				}
			}
			if sc > best[s.field] {
				best[s.field] = sc
			}
		}
		for f, sc := range best {
			if sc > 0 {
				cands = append(cands, cand{f, c, sc})
			}
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		if cands[a].score != cands[b].score {
			return cands[a].score > cands[b].score
		}
		if cands[a].col != cands[b].col {
			return cands[a].col < cands[b].col
		}
		return cands[a].field < cands[b].field
	})
	usedF := map[Field]bool{}
	usedC := map[int]bool{}
	var out []assignment
	for _, c := range cands {
		if usedF[c.field] || usedC[c.col] {
			continue
		}
		usedF[c.field], usedC[c.col] = true, true
		out = append(out, assignment{field: c.field, col: c.col, score: c.score, how: "recognised"})
	}
	return out
}

// headerScore counts the cells of a row that name a field.
func headerScore(cells []string) (n int, money bool) {
	syns := synonyms()
	years := 0
	for _, c := range cells {
		h := normalize(c)
		if h == "" {
			continue
		}
		if _, ok := parseYearHeader(c); ok {
			years++
			continue
		}
		for _, s := range syns {
			if match(h, s) >= 1000 || (len(h) < 60 && match(h, s) > 0) {
				n++
				if s.field.isMoney() {
					money = true
				}
				break
			}
		}
	}
	if years > 0 && n > 0 {
		n += years
		money = true
	}
	return n, money
}
