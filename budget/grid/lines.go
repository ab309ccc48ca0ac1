package grid

import (
	"regexp"
	"strings"

	"golang.org/x/text/currency"

	"github.com/grb-toolkit/grb/budget"
)

// codeText is a code and name as split from a cell, before interning.
type codeText struct{ code, name string }

// lineMemo is what the lines of a sheet remember while they are made:
// the cell texts already parsed, and the values already interned.
type lineMemo struct {
	vals      []optMoney               // per-row buffer of parsed amounts
	objMemo   map[string]objMemo       // ParseObjectives results by cell text
	codeMemo  map[string]codeText      // splitCode results by cell text
	objSource budget.Provenance        // of the objectives read from the column
	codeMade  map[codeText]budget.Code // the codes made, shared by the lines that repeat them
	lastCodes [3]struct {              // the last unit, programme and parent
		t codeText
		c budget.Code
	}
}

// objMemo is a remembered result of budget.ParseObjectives.
type objMemo struct {
	o   []budget.ObjectiveShare
	err error
}

var codeName = regexp.MustCompile(`^([0-9][0-9A-Za-z.\-/]*)\s*[-–—:]?\s+(\S.*)$`)

// splitCode is the package's splitCode, remembered per text.
func (s *sheetReader) splitCode(v string) codeText {
	if c, ok := s.codeMemo[v]; ok {
		return c
	}
	var c codeText
	c.code, c.name = splitCode(v)
	if s.codeMemo == nil {
		s.codeMemo = map[string]codeText{}
	}
	if len(s.codeMemo) < 100000 {
		s.codeMemo[v] = c
	}
	return c
}

// code returns the Code of t, interned once for the lines that follow with
// the same texts (most lines repeat the unit and programme of the line
// above).
func (s *sheetReader) code(t codeText, k int) budget.Code {
	if m := &s.lastCodes[k]; m.t != t || m.c.IsZero() {
		c, ok := s.codeMade[t]
		if !ok {
			c = budget.NewCode(t.code, t.name)
			if s.codeMade == nil {
				s.codeMade = map[codeText]budget.Code{}
			}
			if len(s.codeMade) < 100000 {
				s.codeMade[t] = c
			}
		}
		m.t, m.c = t, c
	}
	return s.lastCodes[k].c
}

// splitCode splits "0702010 Management of Cabinet Affairs" into its code
// and name.
func splitCode(s string) (code, name string) {
	if m := codeName.FindStringSubmatch(s); m != nil {
		return m[1], strings.TrimSpace(m[2])
	}
	if codeOnly.MatchString(s) {
		return s, ""
	}
	return "", s
}

var codeOnly = regexp.MustCompile(`^[0-9][0-9A-Za-z.\-/]*$`)

func (s *sheetReader) lineYear(cells []string, n int) (int, string) {
	t, c := s.get(cells, budget.FieldYear)
	if c < 0 || t == "" {
		return s.year, s.yearLabel
	}
	if y, ok := ParseYearCell(t); ok {
		return y, t
	}
	s.b.AddIssue(budget.Warning, "year-invalid", s.pos(n, c+1), t, "a fiscal year such as 2024, 2024-25 or FY2024", "fiscal year not understood; the line has no year", nil)
	return 0, t
}

func (s *sheetReader) codes(cells []string) (unit, prog, parent budget.Code) {
	var u, p, pa codeText
	u.code, _ = s.get(cells, budget.FieldUnitCode)
	u.name, _ = s.get(cells, budget.FieldUnitName)
	if v, c := s.get(cells, budget.FieldUnit); c >= 0 && v != "" {
		t := s.splitCode(v)
		if u.code == "" {
			u.code = t.code
		}
		if u.name == "" {
			u.name = t.name
		}
	}
	p.code, _ = s.get(cells, budget.FieldProgrammeCode)
	p.name, _ = s.get(cells, budget.FieldProgrammeName)
	if _, c := s.get(cells, budget.FieldProgrammeCode); c < 0 && p.name != "" {
		p = s.splitCode(p.name)
	}
	if v, c := s.get(cells, budget.FieldParent); c >= 0 && v != "" {
		pa.code, pa.name = splitCode(v)
	}
	return s.code(u, 0), s.code(p, 1), s.code(pa, 2)
}

// addLinesAt makes the line items of a row; led is the row's ledger entry
// when it has one already (a promoted total), else -1.
func (s *sheetReader) addLinesAt(n int, cells []string, vals []optMoney, led int) {
	anyAmount := false
	for _, v := range vals {
		anyAmount = anyAmount || v.ok
	}
	var l budget.Line
	l.Pos = s.pos(n, 0)
	id, _ := s.get(cells, budget.FieldID)
	l.ID = id
	l.Year, l.YearLabel = s.lineYear(cells, n)
	l.Unit, l.Programme, l.Parent = s.codes(cells)
	desc, _ := s.get(cells, budget.FieldDescription)
	l.Description = desc
	l.Currency = s.lineCurrency(cells, n)
	s.lineGEWE(&l, cells, n)
	s.lineObjectives(&l, cells, n)
	s.lineMarker(&l, cells)
	s.lineOthers(&l, cells, n)
	if !anyAmount {
		s.b.AddIssue(budget.Warning, "line-no-amount", s.pos(n, 0), "", "an amount in at least one phase", "line has no amount in any column (blank, N/A or similar): it counts as absent, not zero", nil)
	}
	made := s.appendLines(&l, vals)
	if led < 0 {
		s.ledger(n, budget.RowLine, made, "")
		return
	}
	r := &s.b.Ledger[led]
	r.Class, r.Lines = budget.RowLine, made
	s.rep.Counts[budget.RowLine]++
}

// lineCurrency returns the currency of the line of row n: its currency
// column's, else the sheet's.
func (s *sheetReader) lineCurrency(cells []string, n int) string {
	v, c := s.get(cells, budget.FieldCurrency)
	if c < 0 || v == "" {
		return s.currency
	}
	u := strings.ToUpper(v)
	if _, err := currency.ParseISO(u); err != nil {
		s.b.AddIssue(budget.Warning, "currency-invalid", s.pos(n, c+1), v, "an ISO 4217 code such as USD, EUR or MXN", "currency code not recognised", nil)
	}
	return u
}

// lineGEWE reads the GEWE amount of row n into l.
func (s *sheetReader) lineGEWE(l *budget.Line, cells []string, n int) {
	if s.gewe < 0 {
		return
	}
	t := cell(cells, s.gewe)
	if m, ok, err := s.parseAmount(t, s.geweScale, s.markOf(n, s.gewe), n, s.gewe, s.header[s.gewe]); err != nil {
		s.b.AddIssue(budget.Error, "amount-invalid", s.pos(n, s.gewe+1), t, "an amount", "GEWE amount: "+budget.IssueText(err), err)
	} else if ok {
		l.GEWE = new(budget.Amounts)
		l.GEWE.Set(s.opt.Phase, m)
	}
}

// lineObjectives reads the GCM objectives of row n into l; each text is
// parsed once.
func (s *sheetReader) lineObjectives(l *budget.Line, cells []string, n int) {
	v, c := s.get(cells, budget.FieldObjectives)
	if c < 0 || v == "" {
		return
	}
	m, ok := s.objMemo[v]
	if !ok {
		m.o, m.err = budget.ParseObjectives(v)
		if s.objMemo == nil {
			s.objMemo = map[string]objMemo{}
		}
		if len(s.objMemo) < 10000 {
			s.objMemo[v] = m
		}
	}
	if m.err != nil {
		s.b.AddIssue(budget.Error, "objective-invalid", s.pos(n, c+1), v, "GCM objectives 1–23, such as 7, \"3; 7\" or \"7 (60%), 16 (40%)\"", budget.IssueText(m.err), m.err)
		return
	}
	l.Objectives = m.o
	if s.objSource == (budget.Provenance{}) {
		s.objSource = budget.NewProvenance(budget.FromColumn, s.header[c]) // interned once per sheet
	}
	l.ObjectiveSource = s.objSource
}

// lineMarker keeps the gender-marker code of a row in l, as a marker not
// screened yet: the level and scheme come once the sheet is read
// (resolveMarkers).
func (s *sheetReader) lineMarker(l *budget.Line, cells []string) {
	v, c := s.get(cells, budget.FieldGenderMarker)
	if c < 0 || v == "" {
		return
	}
	m, ok := s.markerVals[v]
	if !ok {
		m = budget.NewMarker(budget.NotScreened, v, "")
		s.markerVals[strings.Clone(v)] = m // a copy: the map outlives the rows
	}
	l.Gender = m
}

// lineOthers reads the other markers and the beneficiaries of row n
// into l.
func (s *sheetReader) lineOthers(l *budget.Line, cells []string, n int) {
	hr, _ := s.get(cells, budget.FieldHumanRights)
	cs, _ := s.get(cells, budget.FieldChildSensitivity)
	if hr != "" || cs != "" {
		l.Other = &budget.OtherMarkers{HumanRights: hr, ChildSensitivity: cs}
	}
	if !s.counts {
		return
	}
	ben := budget.Beneficiaries{
		Women: s.count(cells, n, budget.FieldWomen), Men: s.count(cells, n, budget.FieldMen),
		Girls: s.count(cells, n, budget.FieldGirls), Boys: s.count(cells, n, budget.FieldBoys),
		Other: s.count(cells, n, budget.FieldOtherSex),
	}
	if ben.Any() {
		l.Beneficiaries = &ben
	}
}

// appendLines appends the lines of a row to the budget, with the amounts
// vals: one line, or in a wide layout one per fiscal year with an amount
// (at least one). It returns how many.
func (s *sheetReader) appendLines(l *budget.Line, vals []optMoney) int {
	if !s.rep.Wide {
		for i, a := range s.amts {
			if vals[i].ok {
				l.Amounts.Set(a.phase, vals[i].v)
			}
		}
		s.appendLine(*l)
		return 1
	}
	made := 0
	for i, a := range s.amts {
		if !vals[i].ok {
			continue
		}
		w := *l
		w.Year, w.YearLabel = a.year, a.yearLabel
		w.Amounts.Set(a.phase, vals[i].v)
		s.appendLine(w)
		made++
	}
	if made == 0 {
		s.appendLine(*l)
		made = 1
	}
	return made
}

func (s *sheetReader) appendLine(l budget.Line) {
	s.b.Lines.Append(l)
	s.isTotal = append(s.isTotal, false)
}

func (s *sheetReader) count(cells []string, n int, f budget.Field) budget.Count {
	v, c := s.get(cells, f)
	if c < 0 || v == "" {
		return budget.Count{}
	}
	m, ok, err := budget.ParseAmount(v, budget.Units, s.opt.Decimal)
	cents, fits := m.Cents()
	if err != nil || (ok && (m.Sign() < 0 || m.Decimals() > 0 || !fits)) {
		s.b.AddIssue(budget.Warning, "count-invalid", s.pos(n, c+1), v, "a whole number of people", "beneficiary count not understood; left blank", nil)
		return budget.Count{}
	}
	if !ok {
		return budget.Count{}
	}
	return budget.Count{N: cents / 100, OK: true}
}
