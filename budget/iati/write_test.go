package iati

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
)

// exportLine builds a line for the writer tests.
func exportLine(year int, unit, prog, desc, cur string, g budget.Level, obj []budget.ObjectiveShare, amounts ...int64) budget.Line {
	l := budget.Line{Year: year, Unit: budget.NewCode("", unit), Programme: budget.NewCode(prog, ""), Description: desc, Currency: cur,
		Gender: budget.NewMarker(g, "", ""), Objectives: obj}
	for i, a := range amounts {
		if a != noAmount {
			l.Amounts.Set(budget.Phase(i), budget.FromCents(a))
		}
	}
	return l
}

const noAmount = -1 << 62

// handLines are the small hand-made cases: split objectives, not
// screened, negative amounts, several currencies, several years, a
// limited marker (exported as 0), a line with only a proposed amount
// (left out of IATI).
func handLines() []budget.Line {
	split := []budget.ObjectiveShare{{Objective: 7, Share: 6000}, {Objective: 16, Share: 4000}}
	three := []budget.ObjectiveShare{{Objective: 1, Share: 3334}, {Objective: 2, Share: 3333}, {Objective: 3, Share: 3333}}
	one := []budget.ObjectiveShare{{Objective: 0, Share: 10000}}
	return []budget.Line{
		exportLine(2022, "Ministry of Interior", "P1", "Migrant reception", "USD", budget.Principal, split, noAmount, 100000, 120000, 90050),
		exportLine(2023, "Ministry of Interior", "P1", "Migrant reception", "USD", budget.Principal, split, noAmount, 110000, noAmount, noAmount),
		exportLine(2022, "Ministry of Interior", "P1", "Border posts", "USD", budget.NotScreened, nil, noAmount, 50000, noAmount, -2500),
		exportLine(2022, "Ministry of Labour", "P2", "Skills & jobs <youth>", "EUR", budget.Significant, three, noAmount, -7000, noAmount, noAmount),
		exportLine(2022, "Ministry of Labour", "P2", "Skills & jobs <youth>", "XOF", budget.Significant, three, noAmount, 3000000, noAmount, noAmount),
		exportLine(2023, "Ministry of Labour", "P2", "Coordination", "EUR", budget.Limited, one, noAmount, 1, noAmount, 2),
		exportLine(2023, "Ministry of Labour", "P2", "Coordination", "EUR", budget.Limited, one, noAmount, 5, noAmount, noAmount), // the same line twice in a year
		exportLine(2024, "", "", "Draft only", "EUR", budget.NotTargeted, nil, 999, noAmount, noAmount, noAmount),
	}
}

// totalKey is a total of one phase, year, currency and exported marker
// (the DAC significance, or "none" when not screened).
type totalKey struct {
	Year     int
	Currency string
	Marker   string
	Phase    budget.Phase
}

// totals sums the approved, revised and executed amounts of lines.
func totals(t *testing.T, lines []budget.Line) map[totalKey]string {
	t.Helper()
	sums := map[totalKey]*budget.Sum{}
	for _, l := range lines {
		mk := "none"
		if s, ok := l.Gender.Level.DAC(); ok {
			mk = string(rune('0' + s))
		}
		for _, ph := range []budget.Phase{budget.Approved, budget.Revised, budget.Executed} {
			if m, ok := l.Amounts.Get(ph); ok {
				k := totalKey{l.Year, l.Currency, mk, ph}
				if sums[k] == nil {
					sums[k] = &budget.Sum{}
				}
				sums[k].Add(m)
			}
		}
	}
	out := map[totalKey]string{}
	for k, s := range sums {
		v, err := s.Value()
		if err != nil {
			t.Fatal(err)
		}
		out[k] = v.String()
	}
	return out
}

// schemaFile is the IATI 2.03 activity schema, or "" (and the test
// skipped) when it or xmllint is absent.
func schemaFile(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not installed (Debian: apt-get install libxml2-utils): the schema check is skipped")
	}
	p := filepath.Join("..", "..", "..", "shared", "reference", "iati", "schema-2.03", "iati-activities-schema.xsd")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("IATI 2.03 schema not available (%s): %v", p, err)
	}
	return p
}

// validate runs xmllint on the XML against the IATI 2.03 schema.
func validate(t *testing.T, xsd string, data []byte) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("xmllint", "--noout", "--schema", xsd, f).CombinedOutput()
	if err != nil {
		lines := strings.SplitN(string(out), "\n", 12)
		t.Fatalf("xmllint rejects the export: %v\n%s", err, strings.Join(lines[:min(len(lines), 11)], "\n"))
	}
}

func TestWriteHandMade(t *testing.T) {
	lines := handLines()
	var buf bytes.Buffer
	sum, err := Write(&buf, lines, WriteOptions{ReportingOrg: "XM-TEST-1", OrgName: "Test ministry", FiscalStart: time.July})
	if err != nil {
		t.Fatal(err)
	}
	xml := regexp.MustCompile(`>\s+<`).ReplaceAllString(buf.String(), "><")
	validate(t, schemaFile(t), buf.Bytes())
	// 7 lines of money in 5 line activities (the Coordination line twice
	// in 2023 makes a second activity), under 2 programme parents; the
	// draft line is left out.
	if want := (WriteSummary{Activities: 5, Parents: 2, Lines: 7, LeftOut: 1, Currencies: []string{"EUR", "USD", "XOF"}, Years: []int{2022, 2023}}); !cmp.Equal(sum, want) {
		t.Errorf("summary: %s", cmp.Diff(want, sum))
	}
	for _, want := range []string{
		`<iati-activities version="2.03"`,
		`<reporting-org ref="XM-TEST-1" type="10">`,
		`<iati-identifier>XM-TEST-1-P1-1</iati-identifier>`,
		// A fiscal year starting in July: 2022 is 2022-07-01 to 2023-06-30.
		`<budget type="1" status="2"><period-start iso-date="2022-07-01"></period-start><period-end iso-date="2023-06-30"></period-end><value currency="USD" value-date="2022-07-01">1000.00</value></budget>`,
		`<budget type="2" status="2"><period-start iso-date="2022-07-01"></period-start><period-end iso-date="2023-06-30"></period-end><value currency="USD" value-date="2022-07-01">1200.00</value></budget>`,
		`<transaction><transaction-type code="4"></transaction-type><transaction-date iso-date="2022-07-01"></transaction-date><value currency="USD" value-date="2022-07-01">-25.00</value></transaction>`,
		`<policy-marker vocabulary="1" code="1" significance="2">`,
		`<policy-marker vocabulary="1" code="1" significance="0"><narrative>Gender equality marker: grb level limited</narrative></policy-marker>`,
		`<tag vocabulary="99" vocabulary-uri="` + GCMVocabularyURI + `" code="7"><narrative>GCM objective 7: Address and reduce vulnerabilities in migration</narrative></tag>`,
		`<sector vocabulary="98" vocabulary-uri="` + GCMVocabularyURI + `" code="7" percentage="60.00">`,
		`<sector vocabulary="98" vocabulary-uri="` + GCMVocabularyURI + `" code="1" percentage="33.34">`,
		`<tag vocabulary="3" code="5.c">`,
		`<tag vocabulary="3" code="10.7">`,
		`Skills &amp; jobs &lt;youth&gt;`,
		`<related-activity ref="XM-TEST-1-P1" type="1"></related-activity>`,
		`<related-activity ref="XM-TEST-1-P1-1" type="2"></related-activity>`,
	} {
		if !strings.Contains(xml, want) {
			t.Errorf("the export lacks %s", want)
		}
	}
	// Border posts is not screened: no gender marker, no 5.c tag.
	border := xml[strings.Index(xml, "Border posts"):]
	border = border[:strings.Index(border, "</iati-activity>")]
	if strings.Contains(border, "policy-marker") || strings.Contains(border, `"5.c"`) || strings.Contains(border, `"10.7"`) {
		t.Errorf("a line not screened and untagged carries a marker or tag:\n%s", border)
	}
	if strings.Contains(xml, "9.99") || strings.Contains(xml, "Draft only") {
		t.Error("the proposed-only line was exported")
	}
	b, err := Read(bytes.NewReader(buf.Bytes()), "export.xml", budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want, got := totals(t, lines[:7]), totals(t, b.Lines.Slice()); !cmp.Equal(want, got) {
		t.Errorf("read back, totals by year, currency, marker and phase differ (-export +read):\n%s", cmp.Diff(want, got))
	}
	for _, i := range b.Issues {
		t.Errorf("read back: %s %s", i.Code, i.Message)
	}
}

func TestWriteNoYear(t *testing.T) {
	l := exportLine(0, "U", "P", "d", "USD", budget.NotScreened, nil, noAmount, 100)
	_, err := Write(&bytes.Buffer{}, []budget.Line{l}, WriteOptions{})
	if err == nil || !strings.Contains(err.Error(), "--year") {
		t.Errorf("a line without a fiscal year: err %v, want one naming --year", err)
	}
}

func TestWriteDefaults(t *testing.T) {
	var buf bytes.Buffer
	l := exportLine(2020, "U", "P", "d", "", budget.NotScreened, nil, noAmount, 100)
	if _, err := Write(&buf, []budget.Line{l}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<reporting-org ref="` + DefaultReportingOrg + `" type="10">`,
		`<period-start iso-date="2020-01-01"></period-start><period-end iso-date="2020-12-31"></period-end><value value-date="2020-01-01">1.00</value>`,
	} {
		if !strings.Contains(regexp.MustCompile(`>\s+<`).ReplaceAllString(buf.String(), "><"), want) {
			t.Errorf("the export lacks %s", want)
		}
	}
}
