package budget_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/grb-toolkit/grb/budget"
)

// Issues of one code are capped: the first MaxIssuesPerCode are listed,
// the rest are counted on one more issue, so 9 million identical warnings
// take the memory of a thousand and still say how many there were.
func TestAddIssueCapped(t *testing.T) {
	const n = 2_000_000
	b := &budget.Budget{}
	for i := 0; i < n; i++ {
		b.AddIssue(budget.Warning, "budget-duplicate", budget.At("f.xml", "activities", i+1, 0), "", "", "twice", nil)
	}
	b.AddIssue(budget.Error, "amount-invalid", budget.At("f.xml", "activities", 1, 0), "x", "", "bad", nil)
	if got, want := len(b.Issues), budget.MaxIssuesPerCode+2; got != want {
		t.Fatalf("len(Issues) = %d, want %d", got, want)
	}
	more := b.Issues[budget.MaxIssuesPerCode]
	if more.Code != "budget-duplicate" || more.More != n-budget.MaxIssuesPerCode {
		t.Errorf("summary issue = %+v, want code budget-duplicate and More %d", more, n-budget.MaxIssuesPerCode)
	}
	if !strings.Contains(more.Message, "and 1,999,000 more") {
		t.Errorf("summary message %q does not say how many more", more.Message)
	}
	if got := b.Errors(); got != 1 {
		t.Errorf("Errors() = %d, want 1", got)
	}
	if got := b.Warnings(); got != n {
		t.Errorf("Warnings() = %d, want %d", got, n)
	}
}

// Errors counts the errors that were not listed too.
func TestAppendIssuesCapped(t *testing.T) {
	b := &budget.Budget{}
	var is []budget.Issue
	for i := 0; i < 3*budget.MaxIssuesPerCode; i++ {
		is = append(is, budget.Issue{Code: "amount-invalid", Severity: budget.Error, Message: "bad"})
	}
	b.AppendIssues(is...)
	if got, want := len(b.Issues), budget.MaxIssuesPerCode+1; got != want {
		t.Errorf("len(Issues) = %d, want %d", got, want)
	}
	if got, want := b.Errors(), 3*budget.MaxIssuesPerCode; got != want {
		t.Errorf("Errors() = %d, want %d", got, want)
	}
}

// yamlBomb is a mapping file whose one anchor is expanded keys×items
// times by aliases.
func yamlBomb(keys, items int) string {
	var s strings.Builder
	s.WriteString("columns:\n  a: &a [" + strings.Repeat("xxxxxxxx,", items-1) + "x]\n")
	for i := 0; i < keys; i++ {
		fmt.Fprintf(&s, "  k%d: *a\n", i)
	}
	return s.String()
}

func TestDecodeYAMLBounded(t *testing.T) {
	var big strings.Builder
	big.WriteString("columns:\n")
	for i := 0; big.Len() <= budget.MaxYAMLBytes; i++ {
		fmt.Fprintf(&big, "  column%d: amount\n", i)
	}
	var keys strings.Builder
	keys.WriteString("columns:\n")
	for i := 0; i < 60_000; i++ {
		fmt.Fprintf(&keys, "  c%d: amount\n", i)
	}
	for _, tc := range []struct {
		name, doc string
		want      error
		wantText  string
	}{
		{"larger than the limit", big.String(), budget.ErrLimit, "bytes"},
		{"alias bomb", yamlBomb(4000, 1000), budget.ErrLimit, "aliases"},
		{"60,000 keys", keys.String(), budget.ErrLimit, "keys"},
		{"two documents", "sheet: a\n---\nsheet: b\n", nil, "more than one YAML document"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := budget.ParseMapping(strings.NewReader(tc.doc))
			if err == nil {
				t.Fatalf("ParseMapping: no error, want one saying %q", tc.wantText)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v does not wrap %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.wantText) {
				t.Errorf("error %q does not say %q", err, tc.wantText)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// Anchors and aliases a person writes are still read.
func TestDecodeYAMLSmallAliases(t *testing.T) {
	m, err := budget.ParseMapping(strings.NewReader("sheet: &s Budget\ncolumns:\n  *s : description\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Sheet != "Budget" || m.Columns["Budget"] != "description" {
		t.Errorf("mapping = %+v", m)
	}
}
