package reports

import (
	"math"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// Headline is one of the figures of the report's first screen: a label,
// the figure in large type and one sentence that says what it is.
type Headline struct {
	Label, Figure, Sentence string
}

// Headlines returns the first screen's figures: the budget covered, the
// share marked for gender equality, the share screened, the share tagged
// to GCM objectives and, when the lines carry fiscal years, the change
// since the year before, like for like. Amounts are rounded for reading;
// the tables give them exactly.
func Headlines(r *Report) []Headline {
	t := r.Headline.Total
	cur := r.Currency()
	if t.Lines == 0 || r.Headline.Mixed() {
		return []Headline{{Label: r.p.headLabelBudget(), Figure: "–", Sentence: r.p.headNoBudget(r.Headline.Currencies)}}
	}
	out := []Headline{
		{Label: r.p.headLabelBudget(), Figure: r.p.roundedMoney(t.Amount, cur), Sentence: r.p.headBudget(r.Phase, r.Focus, t.Lines, r.Sources())},
		markedHeadline(r, cur),
		screenedHeadline(r, cur),
		gcmHeadline(r),
	}
	if r.Like != nil {
		out = append(out, changeHeadline(r.p, r.Like))
	}
	return out
}

// screenedMoney is the money of t that carries a gender marker.
func screenedMoney(t analysis.Group) budget.Money { return t.Coverage.Num }

// markedHeadline is the share of the money marked for gender equality, of
// all the money and of the screened money.
func markedHeadline(r *Report, cur string) Headline {
	t := r.Headline.Total
	h := Headline{Label: r.p.headLabelMarked(r.Weighting, r.flagOnly()), Figure: "–"}
	all, ok := t.GEWEShare.Value()
	switch {
	case screenedMoney(t).IsZero():
		h.Sentence = r.p.headNothingScreened()
	case !ok:
		h.Sentence = r.p.headNoShare(t.GEWEShare.Undefined())
	default:
		h.Figure = shareFigure(r.p, all, r.flagOnly())
		scr, _ := analysis.Ratio{Num: t.GEWE, Den: screenedMoney(t)}.Value()
		h.Sentence = r.p.headMarked(r.Weighting, r.p.roundedMoney(t.GEWE, cur), r.p.f.Percent(100*scr), r.flagOnly())
	}
	return h
}

// screenedHeadline is the share of the money screened for gender.
func screenedHeadline(r *Report, cur string) Headline {
	t := r.Headline.Total
	h := Headline{Label: r.p.headLabelScreened(), Figure: "–"}
	v, ok := t.Coverage.Value()
	if !ok {
		h.Sentence = r.p.headNoShare(t.Coverage.Undefined())
		return h
	}
	h.Figure = r.p.f.Percent(100 * v)
	ns, _ := t.NotScreened.Value()
	h.Sentence = r.p.headScreened(r.p.f.Percent(100*ns), r.p.roundedMoney(t.Level(budget.NotScreened), cur), t.Level(budget.NotScreened).IsZero(), r.flagOnly())
	return h
}

// gcmHeadline is the share of the money tagged with a GCM objective.
func gcmHeadline(r *Report) Headline {
	t := r.Headline.Total
	h := Headline{Label: r.p.headLabelGCM(), Figure: "–"}
	tagged := t.Amount
	if g := untagged(r.ByObjective); g != nil {
		tagged, _ = tagged.Sub(g.Amount)
	}
	v, ok := analysis.Ratio{Num: tagged, Den: t.Amount}.Value()
	if !ok {
		h.Sentence = r.p.headNoShare(t.Share.Undefined())
		return h
	}
	h.Figure = r.p.f.Percent(100 * v)
	h.Sentence = r.p.headGCM()
	return h
}

// changeHeadline is the change since the year before, like for like.
func changeHeadline(p printer, l *LikeForLike) Headline {
	h := Headline{Label: p.headLabelChange(l.From), Figure: "–", Sentence: p.likeWhyNot(l)}
	if l.Why != "" {
		return h
	}
	h.Sentence = p.headChange(l.Pairs, l.From, l.To)
	if l.GEWE.Rel.OK {
		h.Figure = p.f.PercentSigned(100 * l.GEWE.Rel.V)
	} else {
		h.Sentence = p.likeChange(l, "")
	}
	return h
}

// shareFigure is a share in large type: "50.3%", or "at least 25.0%"
// when the marker is a principal flag only.
func shareFigure(p printer, v float64, atLeast bool) string {
	if atLeast {
		return p.atLeastText(p.f.Percent(100 * v))
	}
	return p.f.Percent(100 * v)
}

// flagOnly reports whether every screened focus line was marked with a
// yes/no principal flag (scheme boolean_principal), whose "no" says only
// that gender equality is not the principal objective: a share it gives
// is a lower bound.
func (r *Report) flagOnly() bool {
	n := 0
	for i := range r.Lines.Lines.Len() {
		m := r.Lines.Lines.GenderAt(i)
		if m.Level == budget.NotScreened {
			continue
		}
		if m.Scheme() != "boolean_principal" {
			return false
		}
		n++
	}
	return n > 0
}

// Name is the budget's name for the report's title: the title row of the
// first sheet read with lines of the focus year (or any), else the file
// names.
func (r *Report) Name() string {
	for _, b := range r.Budgets {
		for _, s := range b.Sheets {
			if s.Title != "" && s.Skipped == "" && sheetHasYear(b, s.Name, r.Focus) {
				return s.Title
			}
		}
	}
	return strings.Join(r.Sources(), ", ")
}

// sheetHasYear reports whether sheet of b has a line of fiscal year y (any
// line when y is 0).
func sheetHasYear(b *budget.Budget, sheet string, y int) bool {
	for i := range b.Lines.Len() {
		if b.Lines.At(i).Pos.Sheet() == sheet && (y == 0 || b.Lines.YearAt(i) == y) {
			return true
		}
	}
	return false
}

// roundedMoney is an amount rounded for prose, to three significant
// digits with a word for the scale: "KES 2.12 trillion", "USD 300
// million", "GBP 125,000", "EUR 42.50". Tables give amounts exactly.
func (p printer) roundedMoney(m budget.Money, cur string) string {
	s := p.roundedNumber(m.Float())
	switch {
	case cur == "":
		return s
	case p.lang == French || p.lang == Spanish:
		return s + "\u00a0" + cur // the code after the amount, as both write a unit
	}
	return cur + " " + s
}

// scaleWords are the words of roundedNumber's scales, 10^6, 10^9 and
// 10^12, singular and plural: the long scale in French (milliard,
// billion) and Spanish (mil millones, billón).
var scaleWords = map[Lang][3][2]string{
	English: {{"million", "million"}, {"billion", "billion"}, {"trillion", "trillion"}},
	French:  {{"million", "millions"}, {"milliard", "milliards"}, {"billion", "billions"}},
	Spanish: {{"millón", "millones"}, {"mil millones", "mil millones"}, {"billón", "billones"}},
}

// scaleWord is the word of scale i for x of them: CLDR's plural rule for
// a decimal, "one" for x below 2 in French, for exactly 1 in Spanish.
func (p printer) scaleWord(i int, x float64) string {
	w := scaleWords[p.lang]
	if p.lang == "" {
		w = scaleWords[English]
	}
	if (p.lang == French && x < 2) || (p.lang == Spanish && x == 1) {
		return w[i][0]
	}
	return w[i][1]
}

// roundedNumber is roundedMoney's number.
func (p printer) roundedNumber(v float64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	switch {
	case v == 0:
		return "0"
	case v < 1000 && v == math.Trunc(v):
		return sign + strconv.FormatFloat(v, 'f', 0, 64)
	case v < 1000:
		return sign + p.f.Float(v, 2)
	case v < 1e6:
		return sign + p.f.Float(significant(v, 3), 0)
	}
	unit := 1e6
	for i := range 3 {
		x := significant(v/unit, 3)
		if x < 1000 || i == 2 {
			digits := max(0, 2-int(math.Floor(math.Log10(x))))
			s := strconv.FormatFloat(x, 'f', digits, 64)
			if strings.Contains(s, ".") {
				s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
			}
			return sign + p.f.Thousands(s) + " " + p.scaleWord(i, x)
		}
		unit *= 1000
	}
	return ""
}

// significant rounds v > 0 to n significant digits.
func significant(v float64, n int) float64 {
	p := math.Pow(10, float64(n-1)-math.Floor(math.Log10(v)))
	return math.Round(v*p) / p
}
