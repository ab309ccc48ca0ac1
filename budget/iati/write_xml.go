package iati

import (
	"fmt"
	"strings"
	"time"

	"github.com/grb-toolkit/grb/budget"
)

// The elements an export writes, in the order of the 2.03 schema.

type xActivity struct {
	XMLName         struct{}       `xml:"iati-activity"`
	LastUpdated     string         `xml:"last-updated-datetime,attr,omitempty"`
	Lang            string         `xml:"xml:lang,attr"`
	DefaultCurrency string         `xml:"default-currency,attr,omitempty"`
	Hierarchy       string         `xml:"hierarchy,attr"`
	Identifier      string         `xml:"iati-identifier"`
	ReportingOrg    xOrg           `xml:"reporting-org"`
	Title           xText          `xml:"title"`
	Description     []xText        `xml:"description"`
	Participating   []xOrg         `xml:"participating-org"`
	Status          xCode          `xml:"activity-status"`
	Dates           []xDate        `xml:"activity-date"`
	Sectors         []xClass       `xml:"sector"`
	Tags            []xClass       `xml:"tag"`
	Markers         []xMarker      `xml:"policy-marker"`
	Budgets         []xBudget      `xml:"budget"`
	Transactions    []xTransaction `xml:"transaction"`
	Related         []xRelated     `xml:"related-activity"`
}

type xText struct {
	Type       string   `xml:"type,attr,omitempty"`
	Narratives []string `xml:"narrative"`
}

type xOrg struct {
	Ref        string   `xml:"ref,attr,omitempty"`
	Type       string   `xml:"type,attr,omitempty"`
	Role       string   `xml:"role,attr,omitempty"`
	Narratives []string `xml:"narrative"`
}

type xCode struct {
	Code string `xml:"code,attr"`
}

type xDate struct {
	Type string `xml:"type,attr"`
	ISO  string `xml:"iso-date,attr"`
}

// xClass is a sector or a tag.
type xClass struct {
	Vocabulary    string   `xml:"vocabulary,attr"`
	VocabularyURI string   `xml:"vocabulary-uri,attr,omitempty"`
	Code          string   `xml:"code,attr"`
	Percentage    string   `xml:"percentage,attr,omitempty"`
	Narratives    []string `xml:"narrative,omitempty"`
}

type xMarker struct {
	Vocabulary   string   `xml:"vocabulary,attr"`
	Code         string   `xml:"code,attr"`
	Significance string   `xml:"significance,attr"`
	Narratives   []string `xml:"narrative,omitempty"`
}

type xValue struct {
	Currency  string `xml:"currency,attr,omitempty"`
	ValueDate string `xml:"value-date,attr"`
	Amount    string `xml:",chardata"`
}

type xBudget struct {
	Type   string `xml:"type,attr"`
	Status string `xml:"status,attr"`
	Start  xISO   `xml:"period-start"`
	End    xISO   `xml:"period-end"`
	Value  xValue `xml:"value"`
}

type xISO struct {
	ISO string `xml:"iso-date,attr"`
}

type xTransaction struct {
	Type  xCode  `xml:"transaction-type"`
	Date  xISO   `xml:"transaction-date"`
	Value xValue `xml:"value"`
}

type xRelated struct {
	Ref  string `xml:"ref,attr"`
	Type string `xml:"type,attr"`
}

const isoDate = "2006-01-02"

// common fills what every activity has.
func (x *export) common(id, hierarchy, title, desc string) xActivity {
	a := xActivity{Lang: x.opt.Language, Hierarchy: hierarchy, Identifier: id,
		ReportingOrg:  xOrg{Ref: x.opt.ReportingOrg, Type: x.opt.OrgType, Narratives: []string{x.opt.OrgName}},
		Title:         xText{Narratives: []string{nonEmpty(title, id)}},
		Description:   []xText{{Type: "1", Narratives: []string{nonEmpty(desc, title, id)}}},
		Participating: []xOrg{{Ref: x.opt.ReportingOrg, Type: x.opt.OrgType, Role: "1", Narratives: []string{x.opt.OrgName}}},
		Status:        xCode{"2"}, // implementation
	}
	if !x.opt.Generated.IsZero() {
		a.LastUpdated = x.opt.Generated.UTC().Format(time.RFC3339)
	}
	return a
}

func nonEmpty(s ...string) string {
	for _, t := range s {
		if t = strings.TrimSpace(t); t != "" {
			return t
		}
	}
	return "-"
}

// parentXML is the programme activity p: no money, its children named.
func (x *export) parentXML(p *parentAct) xActivity {
	desc := fmt.Sprintf("Programme %s: %d budget lines, one child activity each (exported by grb).", p.title, len(p.children))
	if p.unit != "" && p.unit != p.title {
		desc = fmt.Sprintf("Programme %s of %s: %d budget lines, one child activity each (exported by grb).", p.title, p.unit, len(p.children))
	}
	a := x.common(p.id, "1", p.title, desc)
	if p.unit != "" {
		a.Participating = append(a.Participating, xOrg{Role: "4", Narratives: []string{p.unit}})
	}
	var from, to time.Time
	for _, c := range p.children {
		for _, l := range c.lines {
			f, t := Period(l.Year, x.opt.FiscalStart)
			if from.IsZero() || f.Before(from) {
				from = f
			}
			if t.After(to) {
				to = t
			}
		}
		a.Related = append(a.Related, xRelated{Ref: c.id, Type: "2"})
	}
	a.Dates = []xDate{{Type: "1", ISO: from.Format(isoDate)}, {Type: "3", ISO: to.Format(isoDate)}}
	return a
}

// lineXML is the line activity c of programme p.
func (x *export) lineXML(p *parentAct, c *lineAct) xActivity {
	l := c.lines[0]
	title := nonEmpty(l.Description, l.ID, p.title+" (budget line)")
	desc := title
	if p.title != "" {
		desc = fmt.Sprintf("Budget line of programme %s", p.title)
		if p.unit != "" && p.unit != p.title {
			desc += " of " + p.unit
		}
		desc += ": " + title + "."
	}
	if l.ID != "" {
		desc += " Line id " + l.ID + "."
	}
	a := x.common(c.id, "2", title, desc)
	if p.unit != "" {
		a.Participating = append(a.Participating, xOrg{Role: "4", Narratives: []string{p.unit}})
	}
	a.DefaultCurrency = l.Currency
	a.Sectors, a.Tags = objectives(l)
	if s, ok := l.Gender.Level.DAC(); ok {
		a.Markers = []xMarker{{Vocabulary: "1", Code: "1", Significance: fmt.Sprint(s), Narratives: []string{"Gender equality marker: grb level " + l.Gender.String()}}}
		if s > 0 {
			a.Tags = append(a.Tags, xClass{Vocabulary: "3", Code: "5.c"})
		}
	}
	if len(l.Objectives) > 0 {
		a.Tags = append(a.Tags, xClass{Vocabulary: "3", Code: "10.7"})
	}
	var from, to time.Time
	for _, l := range c.lines {
		f, t := Period(l.Year, x.opt.FiscalStart)
		if from.IsZero() || f.Before(from) {
			from = f
		}
		if t.After(to) {
			to = t
		}
		a.Budgets, a.Transactions = appendMoney(a.Budgets, a.Transactions, l, f, t)
	}
	a.Dates = []xDate{{Type: "1", ISO: from.Format(isoDate)}, {Type: "3", ISO: to.Format(isoDate)}}
	if p.id != "" {
		a.Related = []xRelated{{Ref: p.id, Type: "1"}}
	}
	return a
}

// appendMoney appends line l's budgets (approved: type 1, revised: type
// 2) and its expenditure transaction, for the period from..to.
func appendMoney(bs []xBudget, ts []xTransaction, l *budget.Line, from, to time.Time) ([]xBudget, []xTransaction) {
	day := from.Format(isoDate)
	for _, ph := range []budget.Phase{budget.Approved, budget.Revised} {
		if m, ok := l.Amounts.Get(ph); ok {
			t := "1"
			if ph == budget.Revised {
				t = "2"
			}
			bs = append(bs, xBudget{Type: t, Status: "2", Start: xISO{day}, End: xISO{to.Format(isoDate)},
				Value: xValue{Currency: l.Currency, ValueDate: day, Amount: m.String()}})
		}
	}
	if m, ok := l.Amounts.Get(budget.Executed); ok {
		ts = append(ts, xTransaction{Type: xCode{"4"}, Date: xISO{day}, Value: xValue{Currency: l.Currency, ValueDate: day, Amount: m.String()}})
	}
	return bs, ts
}

// objectives returns the GCM sectors (vocabulary 98, with percentages)
// and tags (vocabulary 99) of line l.
func objectives(l *budget.Line) (sectors, tags []xClass) {
	for _, o := range l.Objectives {
		code := fmt.Sprint(o.Objective)
		name := "GCM objective " + code
		if obj, ok := budget.ObjectiveByNumber(o.Objective); ok {
			name += ": " + obj.Title
		}
		pct := fmt.Sprintf("%d.%02d", o.Share/100, o.Share%100)
		sectors = append(sectors, xClass{Vocabulary: "98", VocabularyURI: GCMVocabularyURI, Code: code, Percentage: pct, Narratives: []string{name}})
		tags = append(tags, xClass{Vocabulary: "99", VocabularyURI: GCMVocabularyURI, Code: code, Narratives: []string{name}})
	}
	return sectors, tags
}
