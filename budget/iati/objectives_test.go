package iati

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
)

// TestReadGCMObjectives: the GCM objectives of an activity are its
// sectors of vocabulary 98 with the A/RES/73/195 vocabulary-uri, split by
// their percentages; without such sectors, its tags of vocabulary 99 with
// that uri, split equally. Tags and sectors of other vocabularies or uris
// are not GCM objectives.
func TestReadGCMObjectives(t *testing.T) {
	act := func(id, classes string) string {
		return fmt.Sprintf(`<iati-activity default-currency="USD"><iati-identifier>XM-1-%s</iati-identifier><title><narrative>A</narrative></title>%s
<budget type="1"><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/><value value-date="2023-01-01">100</value></budget></iati-activity>`, id, classes)
	}
	uri := GCMVocabularyURI
	doc := iatiDoc(
		act("1", `<sector vocabulary="98" vocabulary-uri="`+uri+`" code="7" percentage="60.00"/><sector vocabulary="98" vocabulary-uri="`+uri+`" code="16" percentage="40.00"/><tag vocabulary="99" vocabulary-uri="`+uri+`" code="7"/><tag vocabulary="99" vocabulary-uri="`+uri+`" code="16"/>`),
		act("2", `<tag vocabulary="99" vocabulary-uri="`+uri+`" code="3"/><tag vocabulary="99" vocabulary-uri="`+uri+`" code="7"/>`),
		act("3", `<tag vocabulary="99" vocabulary-uri="https://example.org/own" code="7"/><sector vocabulary="1" code="15160" percentage="100"/>`),
		act("4", `<tag vocabulary="99" vocabulary-uri="`+uri+`" code="31"/>`),
	)
	b := readIATIText(t, doc, budget.Options{})
	want := [][]budget.ObjectiveShare{
		{{Objective: 7, Share: 6000}, {Objective: 16, Share: 4000}},
		{{Objective: 3, Share: 5000}, {Objective: 7, Share: 5000}},
		nil,
		nil,
	}
	if b.Lines.Len() != len(want) {
		t.Fatalf("%d lines", b.Lines.Len())
	}
	for i, w := range want {
		l := b.Lines.At(i)
		if !cmp.Equal(l.Objectives, w) {
			t.Errorf("activity %d: objectives %v, want %v", i+1, l.Objectives, w)
		}
		if w != nil && (l.ObjectiveSource.Source() != budget.FromColumn || !strings.Contains(l.ObjectiveSource.Detail(), "A/RES/73/195")) {
			t.Errorf("activity %d: objective source %q", i+1, l.ObjectiveSource)
		}
	}
	var codes []string
	for _, is := range b.Issues {
		codes = append(codes, is.Severity.String()+" "+is.Code)
	}
	if !cmp.Equal(codes, []string{"warning objective-invalid"}) {
		t.Errorf("issues %q, want one objective-invalid warning (activity 4's 31)", codes)
	}
}

// TestExportObjectivesReadBack: the GCM objectives grb exports read back
// as they were, shares included.
func TestExportObjectivesReadBack(t *testing.T) {
	lines := handLines()[:7]
	var buf bytes.Buffer
	if _, err := Write(&buf, lines, WriteOptions{ReportingOrg: "XM-TEST-1", FiscalStart: time.July}); err != nil {
		t.Fatal(err)
	}
	b, err := Read(bytes.NewReader(buf.Bytes()), "export.xml", budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// An exported line is an activity titled with its description.
	want, got := map[string][]budget.ObjectiveShare{}, map[string][]budget.ObjectiveShare{}
	for _, l := range lines {
		want[l.Description] = l.Objectives
	}
	for _, l := range b.Lines.All() {
		got[l.Programme.Name()] = l.Objectives
	}
	if len(got) != len(want) {
		t.Errorf("read back %d activities' titles, exported %d descriptions", len(got), len(want))
	}
	for d, w := range want {
		if !cmp.Equal(got[d], w) {
			t.Errorf("%s: read back %v, exported %v", d, got[d], w)
		}
	}
}
