package iati

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/readertest"
)

// readIATIText reads hand-made IATI XML and fails the test on an error.
func readIATIText(t *testing.T, text string, opt budget.Options) *budget.Budget {
	t.Helper()
	b, err := Read(strings.NewReader(text), "test.xml", opt)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if b.Format != "iati" {
		t.Fatalf("Format = %q, want iati", b.Format)
	}
	readertest.CheckLedger(t, b)
	return b
}

// iatiDoc wraps activities in an IATI 2.03 root.
func iatiDoc(activities ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n<iati-activities version=\"2.03\">\n" + strings.Join(activities, "\n") + "\n</iati-activities>\n"
}

// lineView is what the hand-made tests compare of a line.
type lineView struct {
	ID, YearLabel, Currency string
	Year                    int
	Approved, Revised, Exec string // "-" when absent
}

func viewLines(b *budget.Budget) []lineView {
	get := func(a budget.Amounts, p budget.Phase) string {
		if v, ok := a.Get(p); ok {
			return v.String()
		}
		return "-"
	}
	var out []lineView
	for _, l := range b.Lines.All() {
		out = append(out, lineView{l.ID, l.YearLabel, l.Currency, l.Year, get(l.Amounts, budget.Approved), get(l.Amounts, budget.Revised), get(l.Amounts, budget.Executed)})
	}
	return out
}

func iatiIssueCodes(b *budget.Budget) []string {
	var out []string
	for _, i := range b.Issues {
		out = append(out, i.Severity.String()+" "+i.Code)
	}
	return out
}

const iatiBudgets = `<iati-activity default-currency="USD">
  <iati-identifier>XM-1-A</iati-identifier>
  <reporting-org ref="XM-1" type="40"><narrative>Agency One</narrative></reporting-org>
  <title><narrative>Shelters</narrative></title>
  <description type="1"><narrative>Shelters for migrant women</narrative></description>
  <related-activity ref="XM-1-P" type="1"/>
  <policy-marker vocabulary="1" code="3" significance="2"/>
  <policy-marker vocabulary="1" code="1" significance="2"/>
  <budget type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value currency="USD" value-date="2020-01-01">1000.50</value></budget>
  <budget type="2"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value value-date="2020-06-01">1200</value></budget>
  <budget type="1"><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/><value currency="EUR" value-date="2021-01-01">-50</value></budget>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2020-03-01"/><value>100</value></transaction>
  <transaction><transaction-type code="4"/><transaction-date iso-date="2020-12-31"/><value>200.25</value></transaction>
  <transaction><transaction-type code="2"/><transaction-date iso-date="2020-03-01"/><value>9999</value></transaction>
  <transaction><transaction-type code="4"/><transaction-date iso-date="2022-05-01"/><value>7</value></transaction>
  <transaction><transaction-type code="4"/><transaction-date iso-date="2022-07-01"/><value>3</value></transaction>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2021-02-01"/><value>5</value></transaction>
</iati-activity>`

func TestReadIATIBudgetsAndTransactions(t *testing.T) {
	b := readIATIText(t, iatiDoc(iatiBudgets), budget.Options{})
	want := []lineView{
		// Both budget types of 2020 on one line; the disbursement (100) and
		// expenditure (200.25) dated in 2020 are its executed amount; the
		// commitment (type 2) is not spending.
		{"XM-1-A/2020-01-01/2020-12-31", "2020-01-01/2020-12-31", "USD", 2020, "1000.50", "1200.00", "300.25"},
		// A negative budget stays negative; its currency is the value's own.
		{"XM-1-A/2021-01-01/2021-12-31", "2021-01-01/2021-12-31", "EUR", 2021, "-50.00", "-", "-"},
		// The 2021 disbursement is in USD (the default currency), not in
		// the EUR budget's currency: an executed-only line of its own.
		{"XM-1-A/2021", "2021", "USD", 2021, "-", "-", "5.00"},
		// Spending outside every budget period: one line per year.
		{"XM-1-A/2022", "2022", "USD", 2022, "-", "-", "10.00"},
	}
	if diff := cmp.Diff(want, viewLines(b)); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	l := b.Lines.At(0)
	if got, want := l.Gender, budget.NewMarker(budget.Principal, "2", "iati"); got != want {
		t.Errorf("Gender = %+v, want %+v (code 3 is governance, not gender)", got, want)
	}
	if got, want := l.GenderSource, budget.NewProvenance(budget.FromColumn, "policy-marker"); got != want {
		t.Errorf("GenderSource = %+v, want %+v", got, want)
	}
	if got, want := l.Unit, budget.NewCode("XM-1", "Agency One"); got != want {
		t.Errorf("Unit = %+v, want %+v", got, want)
	}
	if got, want := l.Programme, budget.NewCode("XM-1-A", "Shelters"); got != want {
		t.Errorf("Programme = %+v, want %+v", got, want)
	}
	if l.Parent != budget.NewCode("XM-1-P", "") {
		t.Errorf("Parent = %+v, want XM-1-P", l.Parent)
	}
	if l.Description != "Shelters for migrant women" {
		t.Errorf("Description = %q", l.Description)
	}
	if got, want := l.Pos, (budget.At("test.xml", "activities", 1, 0)); got != want {
		t.Errorf("Pos = %+v, want %+v", got, want)
	}
	if want := []budget.RowRecord{{Sheet: "activities", Row: 1, Rows: 1, Class: budget.RowLine, Lines: 4}}; !cmp.Equal(b.Ledger, want) {
		t.Errorf("Ledger = %+v, want %+v", b.Ledger, want)
	}
	if len(b.Issues) != 0 {
		t.Errorf("Issues = %v, want none", b.Issues)
	}
}

// TestReadIATIVersion1 reads IATI 1.0x syntax: text budget types, letter
// transaction codes, plain-text narratives and vocabulary "DAC".
func TestReadIATIVersion1(t *testing.T) {
	doc := `<iati-activities version="1.01">
<iati-activity default-currency="GBP" hierarchy="1">
  <reporting-org ref="GB-1" type="10">DFID</reporting-org>
  <iati-identifier>GB-1-1</iati-identifier>
  <title>Programme</title>
  <related-activity ref="GB-1-1-101" type="2">Component</related-activity>
</iati-activity>
<iati-activity default-currency="GBP" hierarchy="2">
  <reporting-org ref="GB-1" type="10">DFID</reporting-org>
  <iati-identifier>GB-1-1-101</iati-identifier>
  <title>Component</title>
  <policy-marker code="1" vocabulary="DAC" significance="1">Gender Equality</policy-marker>
  <budget type="Original"><period-start iso-date="2010-04-01"/><period-end iso-date="2011-03-31"/><value value-date="2010-04-01" currency="GBP">500</value></budget>
  <budget type="Revised"><period-start iso-date="2010-04-01"/><period-end iso-date="2011-03-31"/><value value-date="2010-04-01" currency="GBP">400</value></budget>
  <transaction><value value-date="2010-05-01">60</value><transaction-type code="D">Disbursement</transaction-type><transaction-date iso-date="2010-05-01"/></transaction>
  <transaction><value value-date="2011-02-01">40</value><transaction-type code="E">Expenditure</transaction-type><transaction-date iso-date="2011-02-01"/></transaction>
  <transaction><value value-date="2010-05-01">900</value><transaction-type code="C">Commitment</transaction-type><transaction-date iso-date="2010-05-01"/></transaction>
  <related-activity ref="GB-1-1" type="1">Programme</related-activity>
</iati-activity>
</iati-activities>`
	b := readIATIText(t, doc, budget.Options{})
	want := []lineView{{"GB-1-1-101/2010-04-01/2011-03-31", "2010-04-01/2011-03-31", "GBP", 2010, "500.00", "400.00", "100.00"}}
	if diff := cmp.Diff(want, viewLines(b)); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	l := b.Lines.At(0)
	if got, want := l.Gender, budget.NewMarker(budget.Significant, "1", "iati"); got != want {
		t.Errorf("Gender = %+v, want %+v", got, want)
	}
	if l.Parent != budget.NewCode("GB-1-1", "Programme") {
		t.Errorf("Parent = %+v, want GB-1-1 Programme", l.Parent)
	}
	if got, want := l.Unit, budget.NewCode("GB-1", "DFID"); got != want {
		t.Errorf("Unit = %+v, want %+v", got, want)
	}
	// The parent has no money, and names its child: a ledger note, no
	// line and no warning (its children carry the money).
	wantLedger := []budget.RowRecord{
		{Sheet: "activities", Row: 1, Rows: 1, Class: budget.RowNote, Reason: "parent activity with no budget and no disbursement or expenditure: its child activities carry the money"},
		{Sheet: "activities", Row: 2, Rows: 1, Class: budget.RowLine, Lines: 1},
	}
	if diff := cmp.Diff(wantLedger, b.Ledger); diff != "" {
		t.Errorf("Ledger (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string(nil), iatiIssueCodes(b)); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
	if got := b.Sheets[0]; got.Rows != 2 || got.Count(budget.RowLine) != 1 || got.Count(budget.RowNote) != 1 || got.Name != "activities" {
		t.Errorf("Sheets[0] = %+v, want activities with 2 rows: 1 line, 1 note", got)
	}
}

func TestReadIATIMarkers(t *testing.T) {
	act := func(id, markers string) string {
		return `<iati-activity default-currency="USD"><iati-identifier>` + id + `</iati-identifier>` + markers +
			`<budget><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value>1</value></budget></iati-activity>`
	}
	tests := []struct {
		name    string
		markers string
		want    budget.Marker
		issues  []string
		errIs   error
	}{
		{"principal", `<policy-marker vocabulary="1" code="1" significance="2"/>`, budget.NewMarker(budget.Principal, "2", "iati"), nil, nil},
		{"not targeted is screened", `<policy-marker vocabulary="1" code="1" significance="0"/>`, budget.NewMarker(budget.NotTargeted, "0", "iati"), nil, nil},
		{"no vocabulary is DAC", `<policy-marker code="1" significance="1"/>`, budget.NewMarker(budget.Significant, "1", "iati"), nil, nil},
		{"vocabulary DAC (1.0x)", `<policy-marker vocabulary="DAC" code="1" significance="1"/>`, budget.NewMarker(budget.Significant, "1", "iati"), nil, nil},
		{"no marker is not screened", ``, budget.Marker{}, nil, nil},
		{"other markers are not gender", `<policy-marker vocabulary="1" code="3" significance="2"/><policy-marker vocabulary="1" code="11" significance="1"/>`, budget.Marker{}, nil, nil},
		{"reporting-org vocabulary is not DAC, and is said", `<policy-marker vocabulary="99" code="1" significance="2"/>`, budget.Marker{}, []string{"warning marker-other-vocabulary"}, nil},
		{"significance 3 is an error", `<policy-marker vocabulary="1" code="1" significance="3"/>`, budget.NewMarker(budget.NotScreened, "3", ""), []string{"error marker-invalid"}, budget.ErrUnknownMarker},
		{"significance 4 is an error", `<policy-marker vocabulary="1" code="1" significance="4"/>`, budget.NewMarker(budget.NotScreened, "4", ""), []string{"error marker-invalid"}, budget.ErrUnknownMarker},
		{"no significance is not screened, with a warning", `<policy-marker vocabulary="1" code="1"/>`, budget.Marker{}, []string{"warning marker-no-significance"}, nil},
		{"empty significance is not screened, with a warning", `<policy-marker vocabulary="1" code="1" significance=""/>`, budget.Marker{}, []string{"warning marker-no-significance"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := readIATIText(t, iatiDoc(act("A", tt.markers)), budget.Options{})
			if got := b.Lines.GenderAt(0); got != tt.want {
				t.Errorf("Gender = %+v, want %+v", got, tt.want)
			}
			if diff := cmp.Diff(tt.issues, iatiIssueCodes(b)); diff != "" {
				t.Errorf("issues (-want +got):\n%s", diff)
			}
			if tt.errIs != nil && !errors.Is(b.Issues[0], tt.errIs) {
				t.Errorf("issue %v does not wrap %v", b.Issues[0], tt.errIs)
			}
		})
	}
}

func TestReadIATICurrency(t *testing.T) {
	doc := iatiDoc(`<iati-activity><iati-identifier>A</iati-identifier>
  <budget type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value>10</value></budget>
  <budget type="1"><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/><value currency="XDR">20</value></budget>
</iati-activity>`)
	b := readIATIText(t, doc, budget.Options{})
	want := []lineView{
		{"A/2020-01-01/2020-12-31", "2020-01-01/2020-12-31", "", 2020, "10.00", "-", "-"}, // never guessed
		{"A/2021-01-01/2021-12-31", "2021-01-01/2021-12-31", "XDR", 2021, "20.00", "-", "-"},
	}
	if diff := cmp.Diff(want, viewLines(b)); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"warning currency-missing"}, iatiIssueCodes(b)); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
	// --currency is the user's statement, used when the file states none.
	b = readIATIText(t, doc, budget.Options{Currency: "chf"})
	if got := b.Lines.CurrencyAt(0); got != "CHF" {
		t.Errorf("with Options.Currency: Currency = %q, want CHF", got)
	}
	if len(b.Issues) != 0 {
		t.Errorf("with Options.Currency: Issues = %v, want none", b.Issues)
	}
}

func TestReadIATIActivityWithoutBudget(t *testing.T) {
	doc := iatiDoc(
		`<iati-activity default-currency="EUR"><iati-identifier>A</iati-identifier>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2019-02-01"/><value>1.5</value></transaction>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2019-09-01"/><value>2</value></transaction>
  <transaction><transaction-type code="4"/><value value-date="2018-01-01">4</value></transaction>
</iati-activity>`,
		`<iati-activity default-currency="EUR"><iati-identifier>B</iati-identifier>
  <transaction><transaction-type code="2"/><transaction-date iso-date="2019-02-01"/><value>100</value></transaction>
</iati-activity>`,
		`<iati-activity default-currency="EUR"><title>No id</title>
  <budget><period-start iso-date="2019-01-01"/><value>1</value></budget>
</iati-activity>`,
	)
	b := readIATIText(t, doc, budget.Options{})
	want := []lineView{
		// No budget: executed-only lines by year; a transaction without a
		// transaction-date is dated by its value-date.
		{"A/2018", "2018", "EUR", 2018, "-", "-", "4.00"},
		{"A/2019", "2019", "EUR", 2019, "-", "-", "3.50"},
	}
	if diff := cmp.Diff(want, viewLines(b)); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	wantLedger := []budget.RowRecord{
		{Sheet: "activities", Row: 1, Rows: 1, Class: budget.RowLine, Lines: 2},
		{Sheet: "activities", Row: 2, Rows: 1, Class: budget.RowNote, Reason: "activity with no budget and no disbursement or expenditure"},
		{Sheet: "activities", Row: 3, Rows: 1, Class: budget.RowRejected, Reason: "no iati-identifier"},
	}
	if diff := cmp.Diff(wantLedger, b.Ledger); diff != "" {
		t.Errorf("Ledger (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"warning activity-no-budget", "error activity-no-id"}, iatiIssueCodes(b)); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
}

func TestReadIATIBadValues(t *testing.T) {
	doc := iatiDoc(`<iati-activity default-currency="USD"><iati-identifier>A</iati-identifier>
  <budget type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value>12,5O0</value></budget>
  <budget type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value></value></budget>
  <budget type="7"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value>1</value></budget>
  <budget type="2"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value currency="ZZZ">1</value></budget>
</iati-activity>`)
	b := readIATIText(t, doc, budget.Options{})
	want := []string{"error amount-invalid", "error amount-invalid", "error budget-type-invalid", "warning currency-invalid"}
	if diff := cmp.Diff(want, iatiIssueCodes(b)); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
	if !errors.Is(b.Issues[0], budget.ErrInvalidAmount) {
		t.Errorf("issue %v does not wrap ErrInvalidAmount", b.Issues[0])
	}
}

func TestReadIATIErrors(t *testing.T) {
	tests := []struct {
		name, text string
		opt        budget.Options
		errIs      error
		line       string // XML line named in the message
	}{
		{"unclosed element", "<?xml version=\"1.0\"?>\n<iati-activities>\n<iati-activity><iati-identifier>A</iati-identifier>\n<budget></iati-activity>\n</iati-activities>", budget.Options{}, ErrInvalidXML, "XML line 4"},
		{"truncated", "<iati-activities>\n<iati-activity><iati-identifier>A</iati-identifier>", budget.Options{}, ErrInvalidXML, "XML line 2"},
		{"not xml", "<?xml version=\"1.0\"?>\n<iati-activities>&nbsp;</iati-activities>", budget.Options{}, ErrInvalidXML, "XML line 2"},
		{"empty", "", budget.Options{Format: "xml"}, ErrInvalidXML, "XML"},
		{"other xml", "<?xml version=\"1.0\"?><workbook/>", budget.Options{}, budget.ErrUnknownFormat, ""},
		{"limit", iatiDoc(iatiBudgets), budget.Options{MaxBytes: 100}, budget.ErrLimit, ""},
		{"activity limit", iatiDoc(iatiBudgets, iatiBudgets), budget.Options{MaxRows: 1}, budget.ErrLimit, ""},
		{"sheet", iatiDoc(iatiBudgets), budget.Options{Sheet: "Sheet1"}, budget.ErrNoSuchSheet, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Read(strings.NewReader(tt.text), "bad.xml", tt.opt)
			if !errors.Is(err, tt.errIs) {
				t.Fatalf("Read = %v, %v; want an error wrapping %v", b, err, tt.errIs)
			}
			var pe *budget.ParseError
			if !errors.As(err, &pe) || pe.File != "bad.xml" {
				t.Errorf("Read error %#v is not a *ParseError for bad.xml", err)
			}
			// The position is in the message: Position has no XML lines.
			if !strings.Contains(err.Error(), tt.line) {
				t.Errorf("Read error %q does not name %q", err, tt.line)
			}
		})
	}
	// A file of exactly MaxBytes is read.
	doc := iatiDoc(iatiBudgets)
	if _, err := Read(strings.NewReader(doc), "ok.xml", budget.Options{MaxBytes: int64(len(doc))}); err != nil {
		t.Errorf("Read with MaxBytes = len(file): %v", err)
	}
}

func TestReadIATIEncoding(t *testing.T) {
	doc := "\ufeff  <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<iati-activities><iati-activity default-currency=\"EUR\"><iati-identifier>A</iati-identifier><title>Caf\xe9</title>" +
		"<budget><period-start iso-date=\"2020-01-01\"/><value>1</value></budget></iati-activity></iati-activities>"
	b := readIATIText(t, doc, budget.Options{})
	if got := b.Lines.At(0).Programme.Name(); got != "Café" {
		t.Errorf("Programme.Name = %q, want Café", got)
	}
	// No period-end: the period is the year from period-start.
	if got := b.Lines.YearLabelAt(0); got != "2020-01-01" {
		t.Errorf("YearLabel = %q, want 2020-01-01", got)
	}
}

// iatiFigures are the expected figures of a real IATI file.
type iatiFigures struct {
	file       string
	activities int
	lineRows   int            // activities with money
	notes      int            // activities without budget or spending
	lines      int            // lines made
	negative   int            // lines with a negative approved or revised amount
	markers    map[string]int // activities with lines, by significance ("" = no gender marker)
	totals     map[string]string
}

// The activity, marker and negative-budget counts come from each file's
// SOURCE.md. Where SOURCE.md gives none (line counts, sums by currency and
// phase, markers restricted to activities with money) they come from an
// independent pass over the file with Python's xml.etree and decimal
// modules (each value rounded half away from zero to the cent, as grb
// does; totals per currency are the sums of all budget values by type
// and of all type 3/4/D/E transaction values, whichever line they land on).
var iatiReal = []iatiFigures{
	{
		// 8 activities: 3 parents without money, 5 children. Significance 0
		// on every child, so every marked line is not targeted.
		file: "iati-dfid-albania-hierarchy/dfid-albania-activities.xml", activities: 8, lineRows: 5, notes: 3, lines: 30, negative: 1,
		markers: map[string]int{"0": 5},
		totals:  map[string]string{"GBP approved": "2078398.00", "GBP revised": "64018.00", "GBP executed": "2142416.00"},
	},
	{
		// 205 activities, 67 parents; SOURCE.md's 138 marked components are
		// 55 × 0, 79 × 1, 4 × 2, but 4 components (GB-1-202732-101,
		// GB-1-203164-103 and GB-1-203458-101 at 1, GB-1-203230-101 at 0)
		// have no budget and no transactions and make no line.
		file: "iati-dfid-drc-v1-01/CD.xml", activities: 205, lineRows: 134, notes: 71, lines: 445, negative: 23,
		markers: map[string]int{"0": 54, "1": 76, "2": 4},
		totals:  map[string]string{"GBP approved": "103229499.00", "GBP revised": "889761191.00", "GBP executed": "460542312.00"},
	},
	{
		// 100 activities; 33 carry the gender marker (15 × 0, 10 × 1, 8 × 2),
		// all of them with money; 7 activities have neither budget nor spending.
		file: "iati-dportal-ebola-multipublisher/activities.xml", activities: 100, lineRows: 93, notes: 7, lines: 292, negative: 0,
		markers: map[string]int{"": 60, "0": 15, "1": 10, "2": 8},
		totals: map[string]string{
			"AUD executed": "4387695.00",
			"CHF executed": "189380.68",
			"DKK approved": "30000000.00", "DKK executed": "30000000.00",
			"EUR approved": "24824.97", "EUR executed": "3322477.57",
			"GBP approved": "23277591.70", "GBP revised": "41618454.00", "GBP executed": "86605306.66",
			"NOK executed": "4945560.80",
			"USD approved": "16371054.001315", "USD revised": "124549252.00", "USD executed": "214924515.0988946",
			"XDR approved": "9999999.80", "XDR executed": "10000000.00",
			"XOF executed": "65775000.00",
		},
	},
}

func TestReadIATIReal(t *testing.T) {
	for _, want := range iatiReal {
		t.Run(want.file, func(t *testing.T) {
			b, err := ReadFile(readertest.RealFile(t, want.file), budget.Options{})
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			readertest.CheckLedger(t, b)
			if b.Format != "iati" {
				t.Errorf("Format = %q, want iati", b.Format)
			}
			s := b.Sheets[0]
			if s.Rows != want.activities || s.Count(budget.RowLine) != want.lineRows || s.Count(budget.RowNote) != want.notes || s.Count(budget.RowRejected) != 0 {
				t.Errorf("activities: %d read, %d line, %d note, %d rejected; want %d, %d, %d, 0",
					s.Rows, s.Count(budget.RowLine), s.Count(budget.RowNote), s.Count(budget.RowRejected), want.activities, want.lineRows, want.notes)
			}
			if b.Lines.Len() != want.lines {
				t.Errorf("%d lines, want %d", b.Lines.Len(), want.lines)
			}
			if n := b.Errors(); n != 0 {
				t.Errorf("%d errors, want 0: %v", n, b.Issues)
			}

			markers := map[string]int{}
			seen := map[string]bool{}
			sums := map[string]*budget.Sum{}
			neg := 0
			for _, l := range b.Lines.All() {
				if l.Gender.Raw() != "" && l.Gender.Scheme() != "iati" {
					t.Errorf("%s: marker %+v not read with the iati scheme", l.ID, l.Gender)
				}
				if l.Gender.Raw() == "" && l.Gender.Level != budget.NotScreened {
					t.Errorf("%s: no marker but level %v", l.ID, l.Gender.Level)
				}
				if !seen[l.Programme.Code()] {
					seen[l.Programme.Code()] = true
					markers[l.Gender.Raw()]++
				}
				for _, p := range budget.Phases() {
					if v, ok := l.Amounts.Get(p); ok {
						k := l.Currency + " " + p.String()
						if sums[k] == nil {
							sums[k] = &budget.Sum{}
						}
						sums[k].Add(v)
					}
				}
				a, okA := l.Amounts.Get(budget.Approved)
				r, okR := l.Amounts.Get(budget.Revised)
				if (okA && a.Sign() < 0) || (okR && r.Sign() < 0) {
					neg++
				}
			}
			if diff := cmp.Diff(want.markers, markers); diff != "" {
				t.Errorf("activities by gender significance (-want +got):\n%s", diff)
			}
			got := map[string]string{}
			for k, s := range sums {
				v, err := s.Value()
				if err != nil {
					t.Fatalf("%s: %v", k, err)
				}
				got[k] = v.String()
			}
			if diff := cmp.Diff(want.totals, got); diff != "" {
				t.Errorf("totals by currency and phase (-want +got):\n%s", diff)
			}
			if neg != want.negative {
				t.Errorf("%d lines with a negative budget, want %d", neg, want.negative)
			}
		})
	}
}

func TestReadIATIRealAlbania(t *testing.T) {
	b, err := ReadFile(readertest.RealFile(t, "iati-dfid-albania-hierarchy/dfid-albania-activities.xml"), budget.Options{})
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	// Significance 0 everywhere: no line is significant or principal, so
	// the GEWE share is 0 under every weighting.
	for _, l := range b.Lines.All() {
		if l.Gender.Level != budget.NotTargeted {
			t.Errorf("%s: Gender = %+v, want not targeted", l.ID, l.Gender)
		}
		if l.Parent.IsZero() || l.Parent.Code() == "" || l.Parent.Name() == "" {
			t.Errorf("%s: Parent = %+v, want the parent activity with its title", l.ID, l.Parent)
		}
	}
	// SOURCE.md: one negative budget, -7826.00 GBP for 2009-04-01..2009-06-30 on GB-1-109635-101.
	var found []string
	for _, l := range b.Lines.All() {
		for _, p := range []budget.Phase{budget.Approved, budget.Revised} {
			if v, ok := l.Amounts.Get(p); ok && v.Sign() < 0 {
				found = append(found, l.Programme.Code()+" "+l.YearLabel+" "+p.String()+" "+v.String()+" "+l.Currency)
			}
		}
	}
	if diff := cmp.Diff([]string{"GB-1-109635-101 2009-04-01/2009-06-30 revised -7826.00 GBP"}, found); diff != "" {
		t.Errorf("negative budgets (-want +got):\n%s", diff)
	}
}

func TestReadIATIRealDRC(t *testing.T) {
	b, err := ReadFile(readertest.RealFile(t, "iati-dfid-drc-v1-01/CD.xml"), budget.Options{})
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	// vocabulary="DAC" (IATI 1.01) is read as the OECD DAC marker, and
	// the parents named by related-activity type 1 get their titles.
	var l *budget.Line
	for i := range b.Lines.Len() {
		if b.Lines.At(i).Programme.Code() == "GB-1-105838-101" {
			lv := b.Lines.At(i)
			l = &lv
			break
		}
	}
	if l == nil {
		t.Fatal("no line for GB-1-105838-101")
	}
	if got, want := l.Gender, budget.NewMarker(budget.Significant, "1", "iati"); got != want {
		t.Errorf("Gender = %+v, want %+v", got, want)
	}
	if want := budget.NewCode("GB-1-105838", "Support to the Poverty Reduction Strategy Process"); l.Parent != want {
		t.Errorf("Parent = %+v, want %+v", l.Parent, want)
	}
	// SOURCE.md: all amounts in GBP.
	curs := map[string]bool{}
	for _, l := range b.Lines.All() {
		curs[l.Currency] = true
	}
	if got := iatiSortedKeys(curs); !cmp.Equal(got, []string{"GBP"}) {
		t.Errorf("currencies %v, want [GBP]", got)
	}
}

func iatiSortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestReadIATIOtherVocabularies checks that markers of vocabularies other
// than the OECD DAC's are counted and said once per vocabulary and code,
// not dropped without a word.
func TestReadIATIOtherVocabularies(t *testing.T) {
	act := func(id, markers string) string {
		return `<iati-activity default-currency="USD"><iati-identifier>` + id + `</iati-identifier>` + markers +
			`<budget><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value>1</value></budget></iati-activity>`
	}
	doc := iatiDoc(act("A", `<policy-marker vocabulary="99" code="1" significance="2"/>`) +
		act("B", `<policy-marker vocabulary="99" code="1" significance="1"/><policy-marker vocabulary="1" code="1" significance="1"/>`) +
		act("C", `<policy-marker vocabulary="99" code="GEN2" significance="1"/>`))
	b := readIATIText(t, doc, budget.Options{})
	var got []string
	for _, is := range b.Issues {
		got = append(got, is.Code+": "+is.Message)
	}
	want := []string{
		"marker-other-vocabulary: 2 activities have a policy marker of vocabulary 99 (the reporting organisation's own), code 1: not read as the gender marker, which is the OECD DAC policy marker (vocabulary 1, code 1)",
		"marker-other-vocabulary: 1 activity has a policy marker of vocabulary 99 (the reporting organisation's own), code GEN2: not read as the gender marker, which is the OECD DAC policy marker (vocabulary 1, code 1)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
	if g := b.Lines.GenderAt(1).Level; g != budget.Significant {
		t.Errorf("B's gender = %v, want significant (its DAC marker)", g)
	}
}

// TestReadIATIScheme checks that --scheme is refused for an IATI file
// unless it names the scheme IATI's gender marker is read with.
func TestReadIATIScheme(t *testing.T) {
	doc := iatiDoc(`<iati-activity default-currency="USD"><iati-identifier>A</iati-identifier><budget><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value>1</value></budget></iati-activity>`)
	if _, err := Read(strings.NewReader(doc), "a.xml", budget.Options{Scheme: "iati"}); err != nil {
		t.Errorf("--scheme iati: %v", err)
	}
	_, err := Read(strings.NewReader(doc), "a.xml", budget.Options{Scheme: "dac"})
	if err == nil || !strings.Contains(err.Error(), "does not apply to an IATI file") {
		t.Errorf("--scheme dac: err = %v, want a refusal", err)
	}
}

// A value with more than 18 decimals is rounded (halves to even) and
// counted in one precision-lost warning with the exact effect on the total;
// 18 decimals are kept as written.
func TestReadIATIPrecisionLost(t *testing.T) {
	act := func(id, v string) string {
		return `<iati-activity default-currency="USD"><iati-identifier>` + id + `</iati-identifier><title><narrative>x</narrative></title>
  <budget type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value value-date="2020-01-01">` + v + `</value></budget></iati-activity>`
	}
	b := readIATIText(t, iatiDoc(act("A", "0.1234567890123456789"), act("B", "0.123456789012345678"), act("C", "2.00000000000000000049")), budget.Options{})
	var got []string
	for _, is := range b.Issues {
		if is.Code == "precision-lost" {
			got = append(got, is.Message)
		}
	}
	want := "2 values have more than 18 decimals: rounded to 18 decimals (halves to even), which changes their total by -0.00000000000000000039 (the total as read minus the exact sum of the values as written)"
	if len(got) != 1 || got[0] != want {
		t.Errorf("precision-lost warnings %q, want [%q]", got, want)
	}
	if v := viewLines(b); len(v) != 3 || v[0].Approved != "0.123456789012345679" || v[1].Approved != "0.123456789012345678" || v[2].Approved != "2.00" {
		t.Errorf("lines %+v", v)
	}
}
