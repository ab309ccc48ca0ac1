package tagging

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging/model"
	"github.com/grb-toolkit/grb/templates"
)

// TestSuggestOnCoresAsOneAtATime: the suggestions made on several cores
// are those made one row at a time, row for row, and so is the summary
// (rules, both models, and tags carried from the same budget).
func TestSuggestOnCoresAsOneAtATime(t *testing.T) {
	mdl, err := model.Default()
	if err != nil {
		t.Fatal(err)
	}
	mig, err := model.DefaultMigration()
	if err != nil {
		t.Fatal(err)
	}
	run := func(workers int) (*Tagging, SuggestSummary) {
		defer func(n, b int) { suggestWorkers, suggestBlock = n, b }(suggestWorkers, suggestBlock)
		suggestWorkers, suggestBlock = workers, 7 // many blocks, taken in any order
		tg, err := New(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{}, "")
		if err != nil {
			t.Fatal(err)
		}
		prev := NewCarryIndex(tg.Budget)
		sum := tg.Suggest(SuggestOptions{Rules: DefaultRules(), Previous: prev, Model: mdl, Migration: mig})
		return tg, sum
	}
	one, sum1 := run(1)
	for _, workers := range []int{2, 7} {
		many, sum := run(workers)
		if !reflect.DeepEqual(one.Rows, many.Rows) {
			t.Errorf("%d workers: the rows' suggestions differ from one worker's", workers)
		}
		if !reflect.DeepEqual(sum1, sum) {
			t.Errorf("%d workers: summary %+v, one worker %+v", workers, sum, sum1)
		}
	}
}
