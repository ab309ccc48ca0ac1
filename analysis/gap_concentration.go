package analysis

import (
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"

	"github.com/grb-toolkit/grb/budget"
)

// ObjectiveGEWE is one objective's part of the GEWE money.
type ObjectiveGEWE struct {
	Objective int          `json:"objective"`
	Label     string       `json:"label"`
	GEWE      budget.Money `json:"gewe"`
	Share     float64      `json:"share"` // GEWE ÷ Concentration.GEWE
}

// Concentration measures how GEWE money is spread over the GCM
// objectives.
type Concentration struct {
	Weighting  string          `json:"weighting"`
	Objectives []ObjectiveGEWE `json:"objectives"` // objectives with positive GEWE money, by number
	GEWE       budget.Money    `json:"gewe"`       // their GEWE money
	N          int             `json:"n"`
	// Negative counts the objectives whose net GEWE money is negative;
	// they are left out, and NegativeGEWE is their sum.
	Negative     int          `json:"negative"`
	NegativeGEWE budget.Money `json:"negative_gewe"`
	// HHI is the Herfindahl–Hirschman index Σ p², from 1/N (even) to 1
	// (one objective); undefined when N is 0.
	HHI Float `json:"hhi"`
	// Entropy is the normalised Shannon entropy −Σ p ln p ÷ ln N, from 0
	// (one objective) to 1 (even); 0 when N is 1, undefined when N is 0.
	Entropy Float `json:"entropy"`
	// Effective is 1 ÷ HHI: the number of equally funded objectives
	// that would give the same HHI.
	Effective Float `json:"effective"`
}

func concentration(r *Result) (Concentration, error) {
	c := Concentration{Weighting: r.Weighting}
	var a adder
	byNum, _ := objectiveGroups(r)
	nums := make([]int, 0, len(byNum))
	for n := range byNum {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		g := byNum[n]
		switch {
		case g.GEWE.Sign() > 0:
			label := strconv.Itoa(n)
			if o, ok := budget.ObjectiveByNumber(n); ok {
				label = o.Short
			}
			c.Objectives = append(c.Objectives, ObjectiveGEWE{Objective: n, Label: label, GEWE: g.GEWE})
			c.GEWE = a.add(c.GEWE, g.GEWE)
		case g.GEWE.Sign() < 0:
			c.Negative++
			c.NegativeGEWE = a.add(c.NegativeGEWE, g.GEWE)
		}
	}
	c.N = len(c.Objectives)
	if c.N == 0 || a.overflow {
		return c, a.err()
	}
	p := make([]float64, c.N)
	for i := range c.Objectives {
		p[i] = quo(c.Objectives[i].GEWE, c.GEWE)
		c.Objectives[i].Share = p[i]
	}
	if c.N == 1 {
		c.HHI, c.Entropy, c.Effective = defined(1), defined(0), defined(1)
		return c, nil
	}
	c.HHI = defined(floats.Dot(p, p))
	c.Entropy = defined(stat.Entropy(p) / math.Log(float64(c.N)))
	c.Effective = defined(1 / c.HHI.V)
	return c, nil
}
