package iati

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
)

// TestParentNamedByFirstTitle: a parent named by a related-activity of type 1
// without a name takes the title of the first activity of its identifier in
// the file, whether that activity has money (lines) or not; a parent not in
// the file keeps no name.
func TestParentNamedByFirstTitle(t *testing.T) {
	act := func(id, title, parent, budgetValue string) string {
		s := `<iati-activity default-currency="EUR"><iati-identifier>` + id + `</iati-identifier><title><narrative>` + title + `</narrative></title>`
		if parent != "" {
			s += `<related-activity type="1" ref="` + parent + `"/>`
		}
		if budgetValue != "" {
			s += `<budget><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value>` + budgetValue + `</value></budget>`
		}
		return s + `</iati-activity>`
	}
	xml := `<iati-activities version="2.03">` +
		act("C1", "child one", "P-MONEY", "10") +
		act("P-MONEY", "parent with money", "", "5") +
		act("P-MONEY", "the same parent again", "", "") +
		act("C2", "child two", "P-BARE", "20") +
		act("P-BARE", "parent without money", "", "") +
		act("P-BARE", "a later title", "", "7") +
		act("C3", "child three", "P-ABSENT", "30") +
		`</iati-activities>`
	b, err := Read(strings.NewReader(xml), "t.xml", budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range b.Lines.All() {
		if !l.Parent.IsZero() {
			got[l.Programme.Code()] = l.Parent.Code() + " / " + l.Parent.Name()
		}
	}
	want := map[string]string{
		"C1": "P-MONEY / parent with money",
		"C2": "P-BARE / parent without money",
		"C3": "P-ABSENT / ",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("parents (-want +got):\n%s", d)
	}
}
