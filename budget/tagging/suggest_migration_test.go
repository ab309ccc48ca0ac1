package tagging

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging/model"
)

// TestSuggestMigrationRelevance checks that every line's suggestion
// carries the migration model's score (to two decimals) and words, that
// a line scoring MigrationReviewScore or more without objectives is for
// review, that one
// with objectives or a low score is not, and that the workbook cells read
// back to the same suggestion.
func TestSuggestMigrationRelevance(t *testing.T) {
	mm, err := model.DefaultMigration()
	if err != nil {
		t.Fatal(err)
	}
	lines := []budget.Line{
		{Description: "Mobility partnership with Horn of Africa countries"},    // high, no rule fires
		{Description: "Road maintenance and bridge repairs"},                   // not related
		{Description: "Reception of refugees and asylum seekers and migrants"}, // related, a rule gives objectives
	}
	sc, err := tagScheme(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	got := SuggestLines(lines, SuggestOptions{Rules: DefaultRules(), Migration: mm})
	for i, s := range got {
		want := mm.Score(LineText(&lines[i]))
		if s.Migration == nil {
			t.Fatalf("line %d: no migration relevance", i)
		}
		if d := s.Migration.Score - want.Score; d < -0.005 || d > 0.005 || s.Migration.Score != roundScore(want.Score) {
			t.Errorf("line %d: score %v, want %v to two decimals", i, s.Migration.Score, want.Score)
		}
		if !cmp.Equal(s.Migration.Words, want.Reasons) {
			t.Errorf("line %d: words %q, want %q", i, s.Migration.Words, want.Reasons)
		}
		var all [NumTagColumns]string
		cells := suggestionCells(s, sc)
		copy(all[ColSuggestedObj:], cells[:])
		if back := parseSuggestion(all, sc); !cmp.Equal(back.Migration, s.Migration) || back.ForReview != s.ForReview || !cmp.Equal(back.MarkerReasons, s.MarkerReasons) {
			t.Errorf("line %d: read back %+v, want %+v", i, back.Migration, s.Migration)
		}
	}
	if got[0].Migration.Score < MigrationReviewScore || !got[0].ForReview || got[0].Objectives != nil {
		t.Errorf("line 0: %+v, want migration-related, no objectives, for review", got[0])
	}
	if got[1].Migration.Score >= MigrationReviewScore || got[1].ForReview {
		t.Errorf("line 1: %+v, want not related, not for review", got[1])
	}
	if got[2].Objectives == nil || got[2].ForReview {
		t.Errorf("line 2: %+v, want objectives from a rule, not for review", got[2])
	}
	// Without the migration model, nothing is scored.
	if s := SuggestLines(lines[:1], SuggestOptions{Rules: DefaultRules()})[0]; s.Migration != nil || s.ForReview {
		t.Errorf("no migration model: %+v", s)
	}
	// The summary counts the migration-related rows without objectives.
	tg := newTestTagging(t, "Vote,Programme code,Programme,Description,Approved\n1011,0702010,Regional mobility,Mobility partnership with Horn of Africa countries,2000\n1012,0702020,Roads,Road maintenance and bridge repairs,100\n")
	if sum := tg.Suggest(SuggestOptions{Rules: DefaultRules(), Migration: mm}); sum.MigrationForReview != 1 || sum.ForReview != 1 {
		t.Errorf("summary: migration for review %d, for review %d; want 1, 1", sum.MigrationForReview, sum.ForReview)
	}
}
