package iati

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/grb-toolkit/grb/budget"
)

// IATI 2.03 export. What a donor or UN reader of the XML gets, and why:
//
//   - One activity per budget line (the lines of one description,
//     programme, unit, gender marker and GCM objectives, one budget per
//     fiscal year and currency), under one parent activity per programme
//     (hierarchy 1, no money of its own, related-activity type 2 to each
//     child; each child names it with type 1). A line is where the gender
//     marker and the GCM objectives are set, so only a line-level activity
//     carries them faithfully; the parent gives the programme view, and
//     since it carries no money, nothing is counted twice (grb's reader
//     counts the children and says so). Two lines of the same key and
//     the same year and currency make two activities, never a budget
//     added up from two.
//   - The fiscal year Y of a line (the year it starts in) is the budget
//     period from the first day of WriteOptions.FiscalStart in Y to the
//     day before that month in Y+1 (January: Y-01-01 to Y-12-31).
//     Approved amounts are budgets of type 1 (original), revised amounts
//     of type 2 (revised), both of status 2 (committed: an enacted budget).
//     Executed amounts are one transaction of type 4 (expenditure), dated
//     the first day of the period: inside it, in the calendar year the
//     reader files a line under, and not in the future for a past year.
//     Proposed amounts have no IATI budget type: they are left out, and a
//     line with nothing else is not exported (WriteSummary.LeftOut).
//   - Every value has its currency (value/@currency, the line's; none
//     when the line has none) and a value-date, the period's first day.
//   - The gender marker is policy-marker vocabulary 1 code 1 with the
//     DAC significance of the line's level (budget.Level.DAC): principal
//     2, significant 1, not targeted, limited and potential 0, with a
//     narrative naming grb's level and the code read. A line not screened
//     carries no gender marker: IATI has no "not screened" code.
//   - GCM objectives are tags of vocabulary 99 (reporting organisation)
//     with vocabulary-uri GCMVocabularyURI, code the objective number (0
//     is the Compact as a whole) and the objective's title, and sectors of
//     vocabulary 98 with the same uri and the objective's share of the
//     line as percentage (100 for a single objective), so that sector
//     percentages split the money as grb does. IATI has no GCM vocabulary.
//   - SDG targets are tags of vocabulary 3: 5.c for a line marked
//     significant or principal, 10.7 for a line with GCM objectives.

// GCMVocabularyURI is the vocabulary-uri of the GCM objective tags and
// sectors: the General Assembly resolution that lists the objectives.
const GCMVocabularyURI = "https://undocs.org/A/RES/73/195"

// DefaultReportingOrg is the reporting organisation's identifier when
// none is given: a placeholder, to be replaced by the organisation's
// IATI organisation identifier before the file is published.
const DefaultReportingOrg = "XX-GRB"

// ErrNoYear reports lines with money but no fiscal year: IATI budgets
// need a period.
var ErrNoYear = errors.New("lines without a fiscal year")

// WriteOptions are the identifiers and calendar of an IATI export.
type WriteOptions struct {
	ReportingOrg string     // IATI organisation identifier; DefaultReportingOrg when empty
	OrgName      string     // the reporting organisation's name; its identifier when empty
	OrgType      string     // IATI OrganisationType code; "10" (government) when empty
	FiscalStart  time.Month // first month of the fiscal year; January when 0
	Language     string     // xml:lang of the narratives; "en" when empty
	Generated    time.Time  // generated-datetime of the file; left out when zero
}

// WriteSummary says what an export holds.
type WriteSummary struct {
	Activities int      // line activities (the ones with money)
	Parents    int      // programme activities
	Lines      int      // lines exported
	LeftOut    int      // lines with no approved, revised or executed amount
	Currencies []string // currencies of the exported lines ("" for none)
	Years      []int    // fiscal years of the exported lines
}

// Write writes lines as IATI 2.03 activities (see the comment above for
// the mapping). It returns an error wrapping ErrNoYear, and writes
// nothing, when a line with money has no fiscal year.
func Write(w io.Writer, lines []budget.Line, opt WriteOptions) (WriteSummary, error) {
	opt = opt.withDefaults()
	x := newExport(opt)
	noYear := 0
	for i := range lines {
		l := &lines[i]
		if !exported(l) {
			x.sum.LeftOut++
			continue
		}
		if l.Year == 0 {
			noYear++
			continue
		}
		x.add(l)
	}
	if noYear > 0 {
		return WriteSummary{}, fmt.Errorf("%w: %d with money; give the year with --year", ErrNoYear, noYear)
	}
	return x.sum, x.write(w)
}

func (o WriteOptions) withDefaults() WriteOptions {
	if o.ReportingOrg = strings.TrimSpace(o.ReportingOrg); o.ReportingOrg == "" {
		o.ReportingOrg = DefaultReportingOrg
	}
	if o.OrgName = strings.TrimSpace(o.OrgName); o.OrgName == "" {
		o.OrgName = o.ReportingOrg
	}
	if o.OrgType == "" {
		o.OrgType = "10"
	}
	if o.FiscalStart < time.January || o.FiscalStart > time.December {
		o.FiscalStart = time.January
	}
	if o.Language == "" {
		o.Language = "en"
	}
	return o
}

// exported reports whether a line has an amount IATI can carry.
func exported(l *budget.Line) bool {
	for _, ph := range []budget.Phase{budget.Approved, budget.Revised, budget.Executed} {
		if _, ok := l.Amounts.Get(ph); ok {
			return true
		}
	}
	return false
}

// Period returns the first and last day of fiscal year y starting in
// month start.
func Period(y int, start time.Month) (from, to time.Time) {
	from = time.Date(y, start, 1, 0, 0, 0, 0, time.UTC)
	return from, from.AddDate(1, 0, -1)
}

// export gathers the activities before they are written.
type export struct {
	opt      WriteOptions
	parents  []*parentAct
	byParent map[[2]budget.Code]*parentAct
	orphans  *parentAct // lines with no unit and no programme: no parent activity
	ids      map[string]bool
	sum      WriteSummary
	years    map[int]bool
	curs     map[string]bool
}

// parentAct is a programme and its line activities.
type parentAct struct {
	id, title, unit string
	children        []*lineAct
	byKey           map[string][]*lineAct
}

// lineAct is one line activity: lines of one key, at most one per year
// and currency.
type lineAct struct {
	id    string
	lines []*budget.Line
	seen  map[[2]string]bool // year, currency
}

func newExport(opt WriteOptions) *export {
	return &export{opt: opt, byParent: map[[2]budget.Code]*parentAct{}, ids: map[string]bool{},
		orphans: &parentAct{byKey: map[string][]*lineAct{}}, years: map[int]bool{}, curs: map[string]bool{}}
}

// add files line l under its programme and line activity.
func (x *export) add(l *budget.Line) {
	p := x.parent(l)
	k := lineKey(l)
	yc := [2]string{strconv.Itoa(l.Year), l.Currency}
	var a *lineAct
	for _, c := range p.byKey[k] {
		if !c.seen[yc] {
			a = c
			break
		}
	}
	if a == nil {
		base := p.id
		if base == "" {
			base = x.opt.ReportingOrg + "-L"
		} else {
			base += "-"
		}
		a = &lineAct{id: x.unique(base + strconv.Itoa(len(p.children)+1)), seen: map[[2]string]bool{}}
		p.children = append(p.children, a)
		p.byKey[k] = append(p.byKey[k], a)
	}
	a.seen[yc] = true
	a.lines = append(a.lines, l)
	x.sum.Lines++
	x.years[l.Year] = true
	x.curs[l.Currency] = true
}

// parent returns the programme activity of line l, made on first use.
func (x *export) parent(l *budget.Line) *parentAct {
	k := [2]budget.Code{l.Unit, l.Programme}
	if l.Unit.IsZero() && l.Programme.IsZero() {
		return x.orphans
	}
	if p := x.byParent[k]; p != nil {
		return p
	}
	name := l.Programme.Code()
	if name == "" {
		name = strings.TrimSpace(l.Unit.Code() + " " + l.Programme.Label())
	}
	if name == "" {
		name = l.Unit.Label()
	}
	title := l.Programme.Label()
	if title == "" {
		title = l.Unit.Label()
	}
	p := &parentAct{id: x.unique(x.opt.ReportingOrg + "-" + slug(name)), title: title, unit: l.Unit.Label(), byKey: map[string][]*lineAct{}}
	x.byParent[k] = p
	x.parents = append(x.parents, p)
	return p
}

// lineKey is what makes lines one activity: description, marker and
// objectives (unit and programme are the parent's).
func lineKey(l *budget.Line) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\x00%s\x00%d", l.Description, l.ID, l.Gender.Level)
	if l.Description != "" {
		b.Reset()
		fmt.Fprintf(&b, "%s\x00%d", l.Description, l.Gender.Level)
	}
	for _, o := range l.Objectives {
		fmt.Fprintf(&b, "\x00%d:%d", o.Objective, o.Share)
	}
	return b.String()
}

// unique returns id, or id with a suffix -2, -3, … not used yet.
func (x *export) unique(id string) string {
	u := id
	for n := 2; x.ids[u]; n++ {
		u = id + "-" + strconv.Itoa(n)
	}
	x.ids[u] = true
	return u
}

// slug keeps the letters, digits, '.', '_' and '-' of s (others become
// '-'), at most 40 of them, for an identifier.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		ok := r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_')
		switch {
		case ok:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if out == "" {
		return "X"
	}
	return out
}

// write writes the file: the parents, each followed by its children,
// then the line activities with no parent.
func (x *export) write(w io.Writer) error {
	x.sum.Years = sortedKeys(x.years)
	x.sum.Currencies = sortedKeys(x.curs)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	root := `<iati-activities version="2.03"`
	if !x.opt.Generated.IsZero() {
		root += ` generated-datetime="` + x.opt.Generated.UTC().Format(time.RFC3339) + `"`
	}
	if _, err := io.WriteString(w, root+">\n"); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("  ", "  ")
	for _, p := range append(x.parents, x.orphans) {
		if p.id != "" {
			x.sum.Parents++
			if err := enc.Encode(x.parentXML(p)); err != nil {
				return err
			}
		}
		for _, a := range p.children {
			x.sum.Activities++
			if err := enc.Encode(x.lineXML(p, a)); err != nil {
				return err
			}
		}
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n</iati-activities>\n")
	return err
}

func sortedKeys[K int | string](m map[K]bool) []K {
	var ks []K
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
