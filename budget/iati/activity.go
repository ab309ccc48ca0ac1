package iati

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/grb-toolkit/grb/budget"
	"golang.org/x/text/currency"
)

// iatiPeriod is one budget period of an activity in one currency.
type iatiPeriod struct {
	start, end string // ISO dates as written (end may be empty)
	from, to   time.Time
	dated      bool // from is a valid date
	currency   string
	amounts    [budget.NumPhases]budget.Sum
	year       int
}

// activity reads one activity, the ord-th of the file, at XML line
// xmlLine: its lines, one ledger row and its issues.
func (r *iatiReader) activity(a *iatiActivity, ord, xmlLine int) {
	pos := budget.At(r.name, iatiSheet, ord, 0)
	id := strings.TrimSpace(a.Identifier)
	if id == "" {
		where := fmt.Sprintf("activity at XML line %d", xmlLine)
		r.reject(ord, "no iati-identifier")
		r.b.AddIssue(budget.Error, "activity-no-id", pos, "", "an <iati-identifier>", where+" has no iati-identifier; it is not read", nil)
		return
	}
	title := r.keep(a.Title.String(), pos)
	r.tree.note(id, a)
	ar := &activityReader{r: r, a: a, pos: pos, where: fmt.Sprintf("activity %s (XML line %d)", id, xmlLine),
		defCur: strings.ToUpper(strings.TrimSpace(a.DefaultCurrency)), byKey: map[[3]string]*iatiPeriod{}}
	if c := ar.defCur; c != "" {
		if _, err := currency.ParseISO(c); err != nil {
			r.b.AddIssue(budget.Warning, "currency-invalid", pos, budget.ClipText(c), "an ISO 4217 code such as USD, EUR or GBP", ar.where+": default-currency not recognised; amounts without their own currency are kept in it", nil)
		}
	}
	ar.budgets()
	ar.transactions()
	if ar.missingCur {
		r.b.AddIssue(budget.Warning, "currency-missing", pos, "", "value/@currency or the activity's default-currency", ar.where+": amounts without a currency (no value/@currency and no default-currency); they are kept with no currency", nil)
	}
	gender, gsrc := r.marker(a.Markers, pos, ar.where) // checked even when no line is made
	if len(ar.periods) == 0 {
		r.noteLineless(id, title, ord)
	}
	if len(ar.periods) == 0 && a.namesChildren(id) {
		// A parent whose children carry the money: nothing is missing.
		r.rep.Counts[budget.RowNote]++
		r.b.Record(budget.RowRecord{Sheet: iatiSheet, Row: ord, Class: budget.RowNote, Reason: "parent activity with no budget and no disbursement or expenditure: its child activities carry the money"})
		return
	}
	if len(ar.periods) == 0 {
		r.rep.Counts[budget.RowNote]++
		r.b.Record(budget.RowRecord{Sheet: iatiSheet, Row: ord, Class: budget.RowNote, Reason: "activity with no budget and no disbursement or expenditure"})
		r.b.AddIssue(budget.Warning, "activity-no-budget", pos, "", "", ar.where+" has no budget and no disbursement or expenditure; no line is made", nil)
		return
	}
	parent, parentName := a.parent()
	proto := budget.Line{
		Unit:      budget.NewCode(r.keep(strings.TrimSpace(a.ReportingOrg.Ref), pos), r.keep(a.ReportingOrg.String(), pos)),
		Programme: budget.NewCode(id, title), Parent: budget.NewCode(r.keep(parent, pos), r.keep(parentName, pos)),
		Description: r.keep(a.description(), pos), Gender: gender, GenderSource: gsrc, Pos: pos,
	}
	proto.Objectives, proto.ObjectiveSource = r.objectives(a, pos, ar.where)
	if items := a.budgetItems(); len(items) > 0 {
		if r.b.BudgetItems == nil {
			r.b.BudgetItems = map[string][]string{}
		}
		r.b.BudgetItems[id] = items
	}
	made := ar.lines(proto, id)
	if made == 0 {
		r.noteLineless(id, title, ord)
	}
	r.rep.Counts[budget.RowLine]++
	r.b.Record(budget.RowRecord{Sheet: iatiSheet, Row: ord, Class: budget.RowLine, Lines: made})
}

// parent returns the identifier and name of the activity's parent (a
// related activity of type 1), named later from its title when the file
// has it; "" when it has none.
func (a *iatiActivity) parent() (ref, name string) {
	for _, ra := range a.Related {
		if strings.TrimSpace(ra.Type) == "1" && strings.TrimSpace(ra.Ref) != "" {
			return strings.TrimSpace(ra.Ref), ra.String()
		}
	}
	return "", ""
}

// namesChildren reports whether the activity id names a child activity
// (a related-activity of type 2).
func (a *iatiActivity) namesChildren(id string) bool {
	for _, ra := range a.Related {
		if ref := strings.TrimSpace(ra.Ref); strings.TrimSpace(ra.Type) == "2" && ref != "" && ref != id {
			return true
		}
	}
	return false
}

// description returns the activity's first description that is not empty.
func (a *iatiActivity) description() string {
	desc := ""
	for _, d := range a.Description {
		if desc = d.String(); desc != "" {
			break
		}
	}
	return desc
}

// activityReader reads the budget periods and transactions of one
// activity into periods, one per period and currency.
type activityReader struct {
	r          *iatiReader
	a          *iatiActivity
	pos        budget.Position
	where      string // the activity, for messages
	defCur     string // the activity's default currency
	missingCur bool   // an amount has no currency
	periods    []*iatiPeriod
	byKey      map[[3]string]*iatiPeriod // start, end, currency → budget period
	nBudget    int                       // periods[:nBudget] are budget periods
}

// currency returns the currency of a value: its own, else the activity's
// default, else the option's; "" (noted) when none is given.
func (ar *activityReader) currency(v iatiValue) string {
	if c := strings.ToUpper(strings.TrimSpace(v.Currency)); c != "" {
		return c
	}
	if ar.defCur != "" {
		return ar.defCur
	}
	if c := strings.ToUpper(strings.TrimSpace(ar.r.opt.Currency)); c != "" {
		return c
	}
	ar.missingCur = true
	return ""
}

// budgets reads the activity's budgets into periods, dated ones first in
// start order.
func (ar *activityReader) budgets() {
	r, pos, where := ar.r, ar.pos, ar.where
	for i, bg := range ar.a.Budgets {
		var ph budget.Phase
		switch t := strings.ToLower(strings.TrimSpace(bg.Type)); t {
		case "", "1", "original":
			ph = budget.Approved
		case "2", "revised":
			ph = budget.Revised
		default:
			r.b.AddIssue(budget.Error, "budget-type-invalid", pos, bg.Type, "1 (original) or 2 (revised)", fmt.Sprintf("%s: budget %d has type %q; it is not read", where, i+1, bg.Type), nil)
			continue
		}
		m, ok := r.amount(bg.Value, pos, fmt.Sprintf("%s: budget %d", where, i+1))
		if !ok {
			continue
		}
		p := ar.period(bg, i)
		k := [3]string{p.start, p.end, p.currency}
		same := ar.byKey[k]
		if same == nil {
			ar.periods = append(ar.periods, p)
			ar.byKey[k] = p
			same = p
		} else if same.amounts[ph].Count() > 0 {
			r.b.AddIssue(budget.Warning, "budget-duplicate", pos, "", "", fmt.Sprintf("%s: more than one %s budget for %s; they are added up", where, iatiTypeName(ph), iatiLabel(p)), nil)
		}
		same.amounts[ph].Add(m)
	}
	sort.SliceStable(ar.periods, func(i, j int) bool {
		if ar.periods[i].dated != ar.periods[j].dated {
			return ar.periods[i].dated
		}
		return ar.periods[i].from.Before(ar.periods[j].from)
	})
	ar.nBudget = len(ar.periods)
}

// period returns the period of the i-th budget bg; its end is a year
// after its start when not given.
func (ar *activityReader) period(bg iatiBudget, i int) *iatiPeriod {
	p := &iatiPeriod{start: bg.Start.value(), end: bg.End.value(), currency: ar.currency(bg.Value)}
	p.from, p.dated = iatiParseDate(p.start)
	if !p.dated {
		ar.r.b.AddIssue(budget.Warning, "year-missing", ar.pos, p.start, "period-start iso-date YYYY-MM-DD", fmt.Sprintf("%s: budget %d has no valid period-start; its line has no year", ar.where, i+1), nil)
		return p
	}
	p.year = p.from.Year()
	p.to = p.from.AddDate(1, 0, -1)
	if to, ok := iatiParseDate(p.end); ok {
		p.to = to
	}
	return p
}

// transactions adds the activity's disbursements and expenditure to the
// executed amount of the budget period of their date and currency, or of
// a period of their calendar year made for them.
func (ar *activityReader) transactions() {
	r, pos := ar.r, ar.pos
	index := map[string]*iatiPeriodIndex{}
	for _, p := range ar.periods {
		if !p.dated {
			continue
		}
		x := index[p.currency]
		if x == nil {
			x = &iatiPeriodIndex{}
			index[p.currency] = x
		}
		x.add(p)
	}
	extra := map[[2]string]*iatiPeriod{} // year, currency → executed-only line
	for i, tx := range ar.a.Transactions {
		switch strings.ToUpper(strings.TrimSpace(tx.Type.Code)) {
		case "3", "4", "D", "E":
		default:
			continue
		}
		what := fmt.Sprintf("%s: transaction %d", ar.where, i+1)
		m, ok := r.amount(tx.Value, pos, what)
		if !ok {
			continue
		}
		c := ar.currency(tx.Value)
		d, ok := transactionDate(tx)
		if !ok {
			r.b.AddIssue(budget.Warning, "year-missing", pos, tx.Date.value(), "transaction-date iso-date YYYY-MM-DD", what+" has no valid date; it is not counted", nil)
			continue
		}
		into := index[c].find(d)
		if into == nil {
			k := [2]string{strconv.Itoa(d.Year()), c}
			if into = extra[k]; into == nil {
				into = &iatiPeriod{start: k[0], currency: c, year: d.Year()}
				extra[k] = into
				ar.periods = append(ar.periods, into)
			}
		}
		into.amounts[budget.Executed].Add(m)
	}
	extras := ar.periods[ar.nBudget:]
	sort.SliceStable(extras, func(i, j int) bool {
		p, q := extras[i], extras[j]
		if p.year != q.year {
			return p.year < q.year
		}
		return p.currency < q.currency
	})
}

// transactionDate returns the date of a transaction: its
// transaction-date, else its value's value-date.
func transactionDate(tx iatiTransaction) (time.Time, bool) {
	if d, ok := iatiParseDate(tx.Date.value()); ok {
		return d, true
	}
	return iatiParseDate(tx.Value.ValueDate)
}

// lines appends one line per period, made from proto, with the id
// "ID/period" (and "/currency" when a period has several); it returns how
// many.
func (ar *activityReader) lines(proto budget.Line, id string) int {
	ids := map[string]bool{}
	made := 0
	for _, p := range ar.periods {
		l := proto
		l.Year, l.YearLabel, l.Currency = p.year, ar.r.shared(iatiLabel(p)), ar.r.shared(p.currency)
		l.ID = id + "/" + l.YearLabel
		if ids[l.ID] {
			l.ID += "/" + p.currency
		}
		ids[l.ID] = true
		for ph := range budget.NumPhases {
			if p.amounts[ph].Count() == 0 {
				continue
			}
			v, err := p.amounts[ph].Value()
			if err != nil {
				ar.r.b.AddIssue(budget.Error, "amount-invalid", ar.pos, "", "", fmt.Sprintf("%s: %s amounts for %s: %v", ar.where, ph, l.YearLabel, err), budget.ErrOverflow)
				continue
			}
			l.Amounts.Set(ph, v)
		}
		ar.r.b.Lines.Append(l)
		made++
	}
	return made
}

// iatiPeriodIndex finds the budget period of a transaction date among
// the dated periods of one currency, in O(log n): periods are added in
// ascending start order, and maxTo[i] is the latest end among the first
// i+1 of them.
type iatiPeriodIndex struct {
	periods []*iatiPeriod
	maxTo   []time.Time
}

func (x *iatiPeriodIndex) add(p *iatiPeriod) {
	m := p.to
	if n := len(x.maxTo); n > 0 && x.maxTo[n-1].After(m) {
		m = x.maxTo[n-1]
	}
	x.periods = append(x.periods, p)
	x.maxTo = append(x.maxTo, m)
}

// find returns the earliest-starting period that contains d, or nil. The
// first period whose maxTo reaches d is the only candidate: every period
// before it ends before d, and every later one starts no earlier than it.
func (x *iatiPeriodIndex) find(d time.Time) *iatiPeriod {
	if x == nil {
		return nil
	}
	i := sort.Search(len(x.maxTo), func(i int) bool { return !x.maxTo[i].Before(d) })
	if i == len(x.periods) || x.periods[i].from.After(d) {
		return nil
	}
	return x.periods[i]
}

// iatiParseDate reads the date part of an ISO date or date-time.
func iatiParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	return t, err == nil && t.Year() >= 1 // year 0000 is no year
}

// iatiLabel is the YearLabel of a line: "start/end" for a budget period,
// the start alone when there is no end, and the year for executed-only
// lines.
func iatiLabel(p *iatiPeriod) string {
	if p.end != "" && p.start != "" {
		return p.start + "/" + p.end
	}
	return p.start
}

func iatiTypeName(p budget.Phase) string {
	if p == budget.Revised {
		return "revised"
	}
	return "original"
}

// maxShared bounds the texts shared.
const maxShared = 4096

// shared returns s, or an equal string returned before: the period labels
// and currencies that a file's lines repeat are then held once, not once
// per line (a million activities: 50 MB).
func (r *iatiReader) shared(s string) string {
	if t, ok := r.texts[s]; ok {
		return t
	}
	if r.texts == nil {
		r.texts = map[string]string{}
	}
	if len(r.texts) < maxShared {
		r.texts[s] = s
	}
	return s
}
