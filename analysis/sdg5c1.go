package analysis

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

// The SDG 5.c.1 scoring, fixed by the indicator's metadata (SDG global
// metadata 5.c.1, 2023): criterion n is met with at least sdg5c1.Need(n) Yes
// answers among its sdg5c1Count[n] questions.
var sdg5c1Count = [4]int{0, 3, 7, 3}

// sdg5c1Cases are the metadata's cases A–H by which criteria are met
// (C1, C2, C3).
var sdg5c1Cases = map[[3]bool]string{
	{true, true, true}:    "A",
	{true, false, false}:  "B",
	{false, true, false}:  "C",
	{false, false, true}:  "D",
	{true, true, false}:   "E",
	{true, false, true}:   "F",
	{false, true, true}:   "G",
	{false, false, false}: "H",
}

// Classification is a country's SDG 5.c.1 classification.
type Classification uint8

// The classifications, from none to all three criteria met.
const (
	DoesNotMeet Classification = iota // no criterion met (case H)
	Approaches                        // one or two criteria met (cases B–G)
	FullyMeets                        // all three criteria met (case A)
)

func (c Classification) String() string {
	switch c {
	case FullyMeets:
		return "fully meets requirements"
	case Approaches:
		return "approaches requirements"
	}
	return "does not meet requirements"
}

// MarshalText implements encoding.TextMarshaler: "fully_meets",
// "approaches" or "does_not_meet".
func (c Classification) MarshalText() ([]byte, error) {
	switch c {
	case FullyMeets:
		return []byte("fully_meets"), nil
	case Approaches:
		return []byte("approaches"), nil
	}
	return []byte("does_not_meet"), nil
}

// CriterionScore is one criterion of a scored questionnaire.
type CriterionScore struct {
	Number      int    `json:"number"`
	Name        string `json:"name"`
	Questions   int    `json:"questions"`
	Need        int    `json:"need"` // Yes answers needed to meet it
	Yes         int    `json:"yes"`
	No          int    `json:"no"`
	NotAnswered int    `json:"not_answered"`
	Met         bool   `json:"met"`
	// Open reports whether the criterion is not met but would be if
	// enough unanswered questions were answered Yes.
	Open bool `json:"open"`
}

// SDG5c1Answer is one answer with its question.
type SDG5c1Answer struct {
	sdg5c1.QuestionAnswer
	Criterion int    `json:"criterion"`
	Question  string `json:"question"`
}

// Finding is what a budget shows about the answer to one question: a
// contradiction between the answer and the data, evidence that agrees
// with it, or, for an unanswered question, what the data suggest. Code
// says what it shows, with the numbers of the evidence it was found in
// and, for the optional question, Range; package reports writes it as
// "text", in words.
type Finding struct {
	Question      string       `json:"question"` // "2.5", "1.1", … or "optional"
	Answer        sdg5c1.YesNo `json:"answer"`
	Contradiction bool         `json:"contradiction"`
	Suggests      sdg5c1.YesNo `json:"suggests"` // what the data suggest; Unanswered when nothing
	Code          ReasonCode   `json:"-"`
	Range         *ShareRange  `json:"-"` // the optional question's
}

// ShareRange is what a budget allows for the share of its money that
// serves gender equality, compared with the share stated in answer to
// the optional question.
type ShareRange struct {
	Stated float64 // the share stated, in per cent
	// Low and High are the lowest and highest share under the weighting
	// conventions, as fractions, with the conventions' names; Top is
	// High plus the money not screened, which might all serve gender
	// equality.
	Low, High, Top    float64
	LowName, HighName string
	// NotScreened is the money not screened, of the whole: it counts in
	// no convention.
	NotScreened Ratio
}

// SDG5c1Evidence is what a budget shows for a questionnaire: the lines of
// its fiscal year, how many carry a gender marker, and the share of their
// money allocated to gender equality under each weighting convention (the
// optional question).
type SDG5c1Evidence struct {
	Source string       `json:"source"`
	Year   int          `json:"year,omitempty"` // 0: every line compared (the lines carry no year, or the questionnaire none)
	Phase  budget.Phase `json:"phase"`
	Lines  int          `json:"lines"`
	// Tagged counts the lines that carry a gender marker (screened, at
	// any level) other than one assigned by grb's tagging rules; ByRules
	// counts those tagged by the rules.
	Tagged  int   `json:"tagged"`
	ByRules int   `json:"tagged_by_rules"`
	GEWE    int   `json:"gewe_lines"` // tagged lines at significant or principal
	Tags    Ratio `json:"tagged_money"`
	SexData int   `json:"sex_data_lines"` // lines giving beneficiaries by sex
	// WholeBudget is SDG5c1Options.WholeBudget: the user states that the
	// file covers the whole budget.
	WholeBudget bool `json:"whole_budget"`
	// Shares is the share of the lines' money allocated to gender
	// equality under each built-in convention; empty when the money
	// cannot be added (several currencies) or there is none.
	Shares          []Convention `json:"shares"`
	AttributedLines int          `json:"attributed_lines"`
	// Notes say why some of the comparison could not be made; package
	// reports writes them as "notes", in words.
	Notes []Note `json:"-"`
}

// SDG5c1Result is a scored SDG 5.c.1 questionnaire.
type SDG5c1Result struct {
	Source    string           `json:"source"`
	Country   string           `json:"country,omitempty"`
	Year      int              `json:"year,omitempty"`
	YearLabel string           `json:"year_label,omitempty"`
	Answers   []SDG5c1Answer   `json:"answers"`
	Criteria  []CriterionScore `json:"criteria"`
	// Case is the metadata's case, "A" (all three criteria met) to "H"
	// (none), with unanswered questions counted as not Yes.
	Case           string         `json:"case"`
	Classification Classification `json:"classification"`
	// Final reports whether no answer to the unanswered questions could
	// change the classification; Best is the classification if every
	// unanswered question were answered Yes.
	Final       bool               `json:"final"`
	Best        Classification     `json:"best"`
	NotAnswered []string           `json:"not_answered"`
	Share       sdg5c1.ShareAnswer `json:"stated_share"`
	Evidence    *SDG5c1Evidence    `json:"evidence,omitempty"`
	Findings    []Finding          `json:"findings"`
	Issues      []budget.Issue     `json:"issues,omitempty"`
}

// Contradictions counts the findings that contradict an answer.
func (r *SDG5c1Result) Contradictions() int {
	n := 0
	for _, f := range r.Findings {
		if f.Contradiction {
			n++
		}
	}
	return n
}

// SDG5c1Options controls ScoreSDG5c1. The zero value scores the answers
// alone.
type SDG5c1Options struct {
	// Budget, when given, is compared with the answers: its lines of the
	// questionnaire's fiscal year (every line when they carry no year).
	Budget   *budget.Budget
	Phase    budget.Phase // phase of the budget compared; Approved unless PhaseSet
	PhaseSet bool
	// Tolerance is how far, in percentage points, a stated share may lie
	// outside the range the budget allows before it is a contradiction;
	// 0 means 0.5 (a share stated to the whole per cent). The range runs
	// from the lowest convention (principal_only) to the highest
	// (dac_headline) plus the money not screened, which might all serve
	// gender equality.
	Tolerance float64
	// WholeBudget says that the budget covers the government's whole
	// budget of the year, as the user states (grb cannot tell a file of
	// some ministries from the whole): only then can a stated share of
	// the whole budget that lies outside the file's range contradict it.
	WholeBudget bool
}

// ScoreSDG5c1 scores a questionnaire exactly as the indicator's metadata
// says: each question is Yes (1) or No (0); criterion 1 is met with at
// least 2 Yes of its 3 questions, criterion 2 with 4 of 7, criterion 3
// with 2 of 3; all three criteria met is case A, "fully meets
// requirements"; one or two, cases B–G, "approaches requirements"; none,
// case H, "does not meet requirements".
//
// An unanswered question (blank, missing or not Yes/No) is not a Yes, so
// it cannot help meet a criterion, but it is reported as not answered,
// never as No; Final says whether answering it could change the
// classification.
//
// With opt.Budget, the answers are compared with the budget: question 2.5
// (allocations tagged) and 1.1 (programmes with gender-equality goals)
// against the lines' gender markers, 2.3 against beneficiaries by sex,
// and the optional share of the budget against that share under every
// weighting convention.
func ScoreSDG5c1(q *sdg5c1.Questionnaire, opt SDG5c1Options) (*SDG5c1Result, error) {
	ref := sdg5c1.Default()
	if len(ref.Criteria) != 3 {
		return nil, fmt.Errorf("analysis: the SDG 5.c.1 reference has %d criteria, want 3", len(ref.Criteria))
	}
	for _, c := range ref.Criteria {
		if len(c.Questions) != sdg5c1Count[c.Number] {
			return nil, fmt.Errorf("analysis: SDG 5.c.1 criterion %d has %d questions, want %d", c.Number, len(c.Questions), sdg5c1Count[c.Number])
		}
	}
	res := &SDG5c1Result{
		Source: q.Source, Country: q.Country, Year: q.Year, YearLabel: q.YearLabel,
		Share: q.Share, Issues: q.Issues, NotAnswered: []string{}, Findings: []Finding{},
	}
	var met, best [3]bool
	for _, c := range ref.Criteria {
		cs := CriterionScore{Number: c.Number, Name: c.Name, Questions: len(c.Questions), Need: sdg5c1.Need(c.Number)}
		for _, qu := range c.Questions {
			a, ok := q.Answer(qu.ID)
			if !ok {
				a = sdg5c1.QuestionAnswer{ID: qu.ID}
			}
			res.Answers = append(res.Answers, SDG5c1Answer{QuestionAnswer: a, Criterion: c.Number, Question: qu.Text})
			switch a.Answer {
			case sdg5c1.Yes:
				cs.Yes++
			case sdg5c1.No:
				cs.No++
			default:
				cs.NotAnswered++
				res.NotAnswered = append(res.NotAnswered, qu.ID)
			}
		}
		cs.Met = cs.Yes >= cs.Need
		cs.Open = !cs.Met && cs.Yes+cs.NotAnswered >= cs.Need
		met[c.Number-1] = cs.Met
		best[c.Number-1] = cs.Met || cs.Open
		res.Criteria = append(res.Criteria, cs)
	}
	res.Case = sdg5c1Cases[met]
	res.Classification = classify(met)
	res.Best = classify(best)
	res.Final = res.Best == res.Classification
	if opt.Budget != nil {
		if err := compareSDG5c1(res, q, opt); err != nil {
			return nil, err
		}
	}
	return res, nil
}

func classify(met [3]bool) Classification {
	n := 0
	for _, m := range met {
		if m {
			n++
		}
	}
	switch n {
	case 3:
		return FullyMeets
	case 0:
		return DoesNotMeet
	}
	return Approaches
}

// compareSDG5c1 compares the answers with the budget. Its error is a sum
// of money that cannot be made.
func compareSDG5c1(res *SDG5c1Result, q *sdg5c1.Questionnaire, opt SDG5c1Options) error {
	b := opt.Budget
	phase := budget.Approved
	if opt.PhaseSet {
		phase = opt.Phase
	}
	tol := opt.Tolerance
	if tol == 0 {
		tol = 0.5
	}
	ev := &SDG5c1Evidence{Source: b.Source, Phase: phase, Shares: []Convention{}, WholeBudget: opt.WholeBudget}
	res.Evidence = ev
	sel, ok := linesOfYear(b, q.Year, ev)
	if !ok {
		return nil
	}
	ev.Lines = sel.Lines.Len()
	if ev.Lines == 0 {
		ev.Notes = append(ev.Notes, Note{Code: NoteNoLines})
		return nil
	}
	currencies, err := countEvidence(sel, ev)
	if err != nil {
		return err
	}
	res.Findings = append(res.Findings, markerFindings(q, ev)...)

	// The optional question: the share under each convention.
	if currencies > 1 {
		ev.Notes = append(ev.Notes, Note{Code: NoteShareCurrencies, N: currencies})
		return nil
	}
	f, ok, err := shareFinding(sel, q, ev, tol)
	if ok {
		res.Findings = append(res.Findings, f)
	}
	return err
}

// linesOfYear returns the lines of b of fiscal year year (every line when
// the lines carry no year or year is 0), noting on ev what it chose. It
// returns false when b has lines of other years only.
func linesOfYear(b *budget.Budget, year int, ev *SDG5c1Evidence) (*budget.Budget, bool) {
	years := map[int]bool{}
	for i := range b.Lines.Len() {
		if y := b.Lines.YearAt(i); y != 0 {
			years[y] = true
		}
	}
	sel := &budget.Budget{Source: b.Source}
	switch {
	case len(years) == 0:
		sel.Lines = b.Lines
		ev.Notes = append(ev.Notes, Note{Code: NoteNoLineYears})
	case year == 0:
		sel.Lines = b.Lines
		ev.Notes = append(ev.Notes, Note{Code: NoteNoQuestionnaireYear})
	default:
		ev.Year = year
		for i := range b.Lines.Len() {
			if b.Lines.YearAt(i) == year {
				sel.Lines.Append(b.Lines.At(i))
			}
		}
		if sel.Lines.Len() == 0 {
			ys := make([]int, 0, len(years))
			for y := range years {
				ys = append(ys, y)
			}
			sort.Ints(ys)
			ev.Notes = append(ev.Notes, Note{Code: NoteNoLinesOfYear, Year: year, Years: ys})
			return nil, false
		}
	}
	return sel, true
}

// countEvidence counts on ev the lines of sel that carry a gender marker
// (apart from those tagged by grb's rules), those at significant or
// principal, those giving beneficiaries by sex, and the share of the
// money tagged. It returns the number of currencies of the lines, and an
// error when their amounts cannot be added.
func countEvidence(sel *budget.Budget, ev *SDG5c1Evidence) (int, error) {
	currencies := map[string]bool{}
	var tagged, total budget.Sum
	for i := range sel.Lines.Len() {
		lv := sel.Lines.At(i)
		l := &lv
		currencies[l.Currency] = true
		if l.Beneficiaries != nil && (l.Beneficiaries.Women.OK || l.Beneficiaries.Men.OK || l.Beneficiaries.Girls.OK || l.Beneficiaries.Boys.OK) {
			ev.SexData++
		}
		amt, _ := l.Amounts.Get(ev.Phase)
		total.Add(amt)
		if !l.Gender.Level.Screened() {
			continue
		}
		if l.GenderSource.Source() == budget.FromRule {
			ev.ByRules++
			continue
		}
		ev.Tagged++
		tagged.Add(amt)
		if l.Gender.Level >= budget.Significant {
			ev.GEWE++
		}
	}
	t, err1 := tagged.Value()
	all, err2 := total.Value()
	if err := errors.Join(err1, err2); err != nil {
		return 0, fmt.Errorf("analysis: SDG 5.c.1 evidence: the %s amounts of the lines compared pass ±1.7e20 currency units, the most grb can add: %w", ev.Phase, budget.ErrOverflow)
	}
	if len(currencies) <= 1 {
		ev.Tags = Ratio{Num: t, Den: all}
	}
	return len(currencies), nil
}

// markerFindings compares the answers to questions 2.5 (allocations
// tagged), 1.1 (programmes aimed at gender-equality goals) and 2.3
// (sex-disaggregated data) with the evidence.
func markerFindings(q *sdg5c1.Questionnaire, ev *SDG5c1Evidence) []Finding {
	a25, _ := q.Answer("2.5")
	// A file without markers is no evidence that the government does
	// not tag its budget (it may tag it elsewhere): it suggests nothing.
	f := Finding{Question: "2.5", Answer: a25.Answer, Code: FindingUntagged}
	if ev.Tagged > 0 {
		f = judge("2.5", a25.Answer, sdg5c1.Yes, FindingTagged)
	}
	out := []Finding{f}
	if ev.GEWE > 0 {
		a11, _ := q.Answer("1.1")
		out = append(out, judge("1.1", a11.Answer, sdg5c1.Yes, FindingGEWE))
	}
	// 2.3 is evidence only: holding counts by sex is not the same as
	// using them in budget decisions.
	if ev.SexData > 0 {
		a23, _ := q.Answer("2.3")
		out = append(out, Finding{Question: "2.3", Answer: a23.Answer, Suggests: sdg5c1.Yes, Code: FindingSexData})
	}
	return out
}

// judge compares an answer with what the budget suggests (Yes or No):
// consistent when they agree, a contradiction when they differ, and a
// suggestion when the question was not answered.
func judge(question string, answer, suggests sdg5c1.YesNo, code ReasonCode) Finding {
	f := Finding{Question: question, Answer: answer, Suggests: suggests, Code: code}
	f.Contradiction = answer != suggests && (answer == sdg5c1.Yes || answer == sdg5c1.No)
	return f
}

// shareFinding compares the stated share of the budget serving gender
// equality with its share under each convention, filling ev.Shares. It
// returns false, with a note, when the budget has no money.
func shareFinding(sel *budget.Budget, q *sdg5c1.Questionnaire, ev *SDG5c1Evidence, tol float64) (Finding, bool, error) {
	sh, err := Shares(sel, Options{Phase: ev.Phase, PhaseSet: true})
	if errors.Is(err, budget.ErrOverflow) {
		return Finding{}, false, fmt.Errorf("analysis: SDG 5.c.1 evidence: %w", err)
	}
	if err != nil || sh.Total.Amount.IsZero() {
		ev.Notes = append(ev.Notes, Note{Code: NoteNoMoney, Phase: ev.Phase})
		return Finding{}, false, nil
	}
	ev.AttributedLines = sh.AttributedLines
	lo, hi := math.Inf(1), math.Inf(-1)
	rg := &ShareRange{Stated: q.Share.Percent, NotScreened: sh.Total.NotScreened}
	for _, c := range sh.Conventions {
		if c.Weighting == Attributed.Name && sh.AttributedLines == 0 {
			continue
		}
		ev.Shares = append(ev.Shares, c)
		v, _ := c.Share.Value()
		p := 100 * v
		if p < lo {
			lo, rg.LowName = p, c.Weighting
		}
		if p > hi {
			hi, rg.HighName = p, c.Weighting
		}
	}
	// Money not screened counts in no convention; it might all serve
	// gender equality, so the highest plausible share adds it.
	top := hi
	if v, ok := sh.Total.NotScreened.Value(); ok && !sh.Total.NotScreened.Num.IsZero() {
		top = hi + 100*v
	}
	rg.Low, rg.High, rg.Top = lo/100, hi/100, top/100
	f := Finding{Question: "optional", Range: rg}
	switch {
	case !q.Share.OK:
		f.Code = FindingShareNotAnswered
	case q.Share.Percent < lo-tol || q.Share.Percent > top+tol:
		// A share of the whole budget is contradicted only by a file of
		// the whole budget.
		f.Code, f.Contradiction = FindingShareOutside, ev.WholeBudget
	default:
		f.Code = FindingShareWithin
	}
	return f, true, nil
}

// SDG5c1Year is one questionnaire in a tracking table.
type SDG5c1Year struct {
	Year           int            `json:"year"`
	YearLabel      string         `json:"year_label,omitempty"`
	Source         string         `json:"source"`
	Yes            [3]int         `json:"yes"` // Yes answers by criterion
	Met            [3]bool        `json:"met"`
	Case           string         `json:"case"`
	Classification Classification `json:"classification"`
	Final          bool           `json:"final"`
	NotAnswered    int            `json:"not_answered"`
	Contradictions int            `json:"contradictions"`
	// StatedShare is the optional answer in per cent; Shares the share
	// computed from the budget under each convention, when one was given.
	StatedShare *float64     `json:"stated_share"`
	Shares      []Convention `json:"shares,omitempty"`
}

// SDG5c1Track is several years of questionnaires, for a tracking table
// or chart.
type SDG5c1Track struct {
	Years []SDG5c1Year `json:"years"`
	// Notes are NoteSameYear and NoteNoYear, when they apply; package
	// reports writes them as "warnings", in words.
	Notes []Note `json:"-"`
}

// TrackSDG5c1 orders scored questionnaires by fiscal year (those without
// one last, by source) into a tracking table, warning when two give the
// same year.
func TrackSDG5c1(rs []*SDG5c1Result) *SDG5c1Track {
	t := &SDG5c1Track{Years: []SDG5c1Year{}}
	for _, r := range rs {
		y := SDG5c1Year{Year: r.Year, YearLabel: r.YearLabel, Source: r.Source, Case: r.Case,
			Classification: r.Classification, Final: r.Final, NotAnswered: len(r.NotAnswered), Contradictions: r.Contradictions()}
		for i, c := range r.Criteria {
			if i < 3 {
				y.Yes[i], y.Met[i] = c.Yes, c.Met
			}
		}
		if r.Share.OK {
			v := r.Share.Percent
			y.StatedShare = &v
		}
		if r.Evidence != nil {
			y.Shares = r.Evidence.Shares
		}
		t.Years = append(t.Years, y)
	}
	sort.SliceStable(t.Years, func(i, j int) bool {
		a, b := t.Years[i], t.Years[j]
		if (a.Year == 0) != (b.Year == 0) {
			return b.Year == 0
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.Source < b.Source
	})
	for i := 1; i < len(t.Years); i++ {
		if y := t.Years[i].Year; y != 0 && y == t.Years[i-1].Year {
			t.Notes = append(t.Notes, Note{Code: NoteSameYear, Year: y, Sources: []string{t.Years[i-1].Source, t.Years[i].Source}})
		}
	}
	for _, y := range t.Years {
		if y.Year == 0 {
			t.Notes = append(t.Notes, Note{Code: NoteNoYear, Sources: []string{y.Source}})
		}
	}
	return t
}
