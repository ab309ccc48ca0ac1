package tagging_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

// A rules file whose keyword lists by language are aliases of one long
// list is refused, not expanded: each list was once decoded with a
// decoder of its own, which reset yaml.v3's alias budget (1.5 MB → 9.6 GB).
func TestParseRulesAliasBomb(t *testing.T) {
	var s strings.Builder
	s.WriteString("rules:\n  - id: bomb\n    objectives: \"2\"\n    keywords:\n      en: &a [" + strings.Repeat("phrase,", 999) + "phrase]\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&s, "      l%d: *a\n", i)
	}
	_, err := tagging.ParseRules(strings.NewReader(s.String()))
	if !errors.Is(err, budget.ErrLimit) {
		t.Fatalf("ParseRules(alias bomb) = %v, want an error wrapping ErrLimit", err)
	}
}

// Keyword lists written with anchors, by language, are still read.
func TestParseRulesKeywordAliases(t *testing.T) {
	rs, err := tagging.ParseRules(strings.NewReader("rules:\n  - id: a\n    objectives: \"2\"\n    keywords:\n      en: &k [migrant worker]\n      fr: [travailleur migrant]\n  - id: b\n    objectives: \"3\"\n    keywords: *k\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rs.Len() != 2 {
		t.Errorf("Len = %d, want 2", rs.Len())
	}
}
