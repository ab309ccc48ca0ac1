package grid

import (
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/grb-toolkit/grb/budget"
)

type synonym struct {
	field  budget.Field
	phrase string // normalised
	rank   int    // position in the field's list; earlier is preferred
}

// synonyms are the header texts of budget.ColumnSynonyms, normalised, in
// field order.
var synonyms = sync.OnceValue(func() []synonym {
	syns := budget.ColumnSynonyms()
	var out []synonym
	for _, f := range budget.Fields() {
		for i, p := range syns[f] {
			out = append(out, synonym{field: f, phrase: budget.Normalize(p), rank: i})
		}
	}
	return out
})

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
	if !budget.ContainsWords(h, s.phrase) {
		return 0
	}
	if s.field.IsMoney() {
		for _, w := range notMoneyWords {
			if budget.ContainsWords(h, w) {
				return 0
			}
		}
	}
	return 10*len(s.phrase) - s.rank
}

var yearHeader = regexp.MustCompile(`^(?:fy ?)?((?:19|20)\d\d)(?: ?(?:[-/]|to) ?(\d\d|\d{4}))?$`)

// ParseYearHeader recognises fiscal-year column headers of a wide layout:
// "2015", "2014-15", "FY2016", "2015/2016".
func ParseYearHeader(h string) (int, bool) {
	m := yearHeader.FindStringSubmatch(strings.ReplaceAll(budget.Normalize(h), " ", "-"))
	if m == nil {
		m = yearHeader.FindStringSubmatch(budget.Normalize(h))
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
	field budget.Field
	col   int // 0-based
	score int
	how   string // "recognised", "mapping", "flag"
}

// mapColumns assigns fields to header columns: best score first, each field
// and each column at most once. lower holds the header row's texts, joined
// the texts with any group header above joined in.
func mapColumns(lower, joined []string) []assignment {
	type cand struct {
		field      budget.Field
		col, score int
	}
	var cands []cand
	syns := synonyms()
	for c := range lower {
		h := budget.Normalize(lower[c])
		j := ""
		if c < len(joined) {
			j = budget.Normalize(joined[c])
		}
		best := map[budget.Field]int{}
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
	usedF := map[budget.Field]bool{}
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
		h := budget.Normalize(c)
		if h == "" {
			continue
		}
		if _, ok := ParseYearHeader(c); ok {
			years++
			continue
		}
		for _, s := range syns {
			if match(h, s) >= 1000 || (len(h) < 60 && match(h, s) > 0) {
				n++
				if s.field.IsMoney() {
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

var yearCell = regexp.MustCompile(`^((?:19|20)\d\d)(?:\D|$)`)

// ParseYearCell reads the fiscal year a cell starts with: "2024",
// "2024-25" and "FY2024" are 2024. The cell is trimmed already.
func ParseYearCell(t string) (int, bool) {
	// A plain year ("2025") is by far the most common: no regexp.
	if len(t) == 4 && (t[0] == '1' && t[1] == '9' || t[0] == '2' && t[1] == '0') && isDigit(t[2]) && isDigit(t[3]) {
		return int(t[0]-'0')*1000 + int(t[1]-'0')*100 + int(t[2]-'0')*10 + int(t[3]-'0'), true
	}
	if m := yearCell.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y, true
	}
	if strings.HasPrefix(strings.ToUpper(t), "FY") {
		if m := yearCell.FindStringSubmatch(strings.TrimSpace(t[2:])); m != nil {
			y, _ := strconv.Atoi(m[1])
			return y, true
		}
	}
	return 0, false
}
