package main

import (
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// splitAid separates donor aid from government budgets when the inputs
// hold both: the IATI files are the aid, joined into one budget, and the
// others the government's budgets. With inputs of one kind only, every
// input is a budget and aid is nil.
func splitAid(names []string, budgets []*budget.Budget) (govNames []string, gov []*budget.Budget, aid *budget.Budget) {
	var aidNames []string
	var aidBudgets []*budget.Budget
	for i, b := range budgets {
		if b.Format == "iati" {
			aidNames, aidBudgets = append(aidNames, names[i]), append(aidBudgets, b)
		} else {
			govNames, gov = append(govNames, names[i]), append(gov, b)
		}
	}
	if len(aidBudgets) == 0 || len(gov) == 0 {
		return names, budgets, nil
	}
	if len(aidBudgets) == 1 {
		return govNames, gov, aidBudgets[0]
	}
	aid = &budget.Budget{Source: strings.Join(aidNames, ", "), Format: "iati"}
	for _, b := range aidBudgets {
		for _, l := range b.Lines.All() {
			aid.Lines.Append(l)
		}
		aid.Decisions = append(aid.Decisions, b.Decisions...)
		for id, items := range b.BudgetItems {
			if aid.BudgetItems == nil {
				aid.BudgetItems = map[string][]string{}
			}
			aid.BudgetItems[id] = append(aid.BudgetItems[id], items...)
		}
	}
	return govNames, gov, aid
}
