package analysis

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// Weighting is a convention for counting money as gender-relevant:
// the share of a line's amount that counts, by
// marker level, in basis points (10000 = 100 %). A Weighting with
// Attributed set counts instead the GEWE amount each line declares.
//
// No single international rule exists, so grb never prints a gender
// share without the name of the convention that produced it.
type Weighting struct {
	Name        string
	Description string
	Source      string
	// Weights by canonical level, in basis points. Levels not listed
	// count 0. NotScreened always counts 0: unscreened money is reported
	// as such, never folded into the gender share.
	Weights    map[budget.Level]int
	Attributed bool // count each line's explicit GEWE amount (FieldGEWEAmount)
}

// Weight returns the basis points counted at level l.
func (w Weighting) Weight(l budget.Level) int {
	if l == budget.NotScreened {
		return 0
	}
	return w.Weights[l]
}

// The built-in conventions.
var (
	// DACHeadline counts principal and significant money at 100 %: the
	// OECD DAC "gender equality focused aid" total, an upper bound.
	DACHeadline = Weighting{
		Name:        "dac_headline",
		Description: "principal and significant at 100 % (upper bound; OECD DAC gender-equality-focused aid)",
		Source:      "OECD DAC gender equality policy marker, definition and minimum recommended criteria (GENDERNET, 2016), and Handbook on the OECD-DAC gender equality policy marker (2016), https://www.oecd.org/dac/gender-development/dac-gender-equality-marker.htm",
		Weights:     map[budget.Level]int{budget.Principal: 10000, budget.Significant: 10000},
	}
	// PrincipalOnly counts principal money only: the lower bound used by
	// the UN 15 % peacebuilding commitment and UNDP's GEN3 target.
	PrincipalOnly = Weighting{
		Name:        "principal_only",
		Description: "principal at 100 %, significant at 0 (lower bound)",
		Source:      "UN Women, gender marker implementation in the Peacebuilding Fund, https://gendercoordinationandmainstreaming.unwomen.org/gender-marker-implementation-peacebuilding-fund-pbf",
		Weights:     map[budget.Level]int{budget.Principal: 10000},
	}
	// EU100400 counts principal at 100 % and significant at 40 %: the
	// EU's Rio-marker coefficients (climate, biodiversity), which EIGE's
	// non-binding toolkit proposes for the gender dimension of cohesion
	// funds; no rule makes them a gender convention.
	EU100400 = Weighting{
		Name:        "eu_100_40_0",
		Description: "principal at 100 %, significant at 40 %, not targeted at 0: the EU's Rio-marker coefficients (climate, biodiversity), proposed for gender only in EIGE's non-binding gender-budgeting toolkit for EU cohesion funds",
		Source:      "European Commission, DG INTPA, Tracking EU support (Rio markers), https://wikis.ec.europa.eu/spaces/ExactExternalWiki/pages/143435530/1.2.4.+Tracking+EU+support; EIGE gender-budgeting toolkit, tracking system (Regulation (EU) 2021/1060, Annex I, Table 7), https://eige.europa.eu/gender-mainstreaming/toolkits/gender-budgeting/tracking-system",
		Weights:     map[budget.Level]int{budget.Principal: 10000, budget.Significant: 4000},
	}
	// Attributed counts the GEWE amount each line declares.
	Attributed = Weighting{
		Name:        "attributed",
		Description: "the GEWE amount or share declared on each line; lines declaring none count 0",
		Source:      "the GEWE amount the file declares on each line, as UN pooled funds' project budgets ask for it (UN Women, gender equality marker, module 3, https://gendercoordinationandmainstreaming.unwomen.org/building-block/module-3-elements-gender-equality-marker-system)",
		Attributed:  true,
	}
)

// Weightings returns the built-in conventions, headline first.
func Weightings() []Weighting {
	return []Weighting{DACHeadline, PrincipalOnly, EU100400, Attributed}
}

// LookupWeighting finds a convention by name among the built-in ones and
// extra.
func LookupWeighting(name string, extra ...Weighting) (Weighting, error) {
	all := append(Weightings(), extra...)
	for i := len(all) - 1; i >= 0; i-- { // user definitions win
		if strings.EqualFold(all[i].Name, name) {
			return all[i], nil
		}
	}
	names := make([]string, len(all))
	for i, w := range all {
		names[i] = w.Name
	}
	return Weighting{}, fmt.Errorf("analysis: unknown weighting %q (want one of %s)", name, strings.Join(names, ", "))
}

// ParseWeightings reads user-defined conventions:
//
//	weightings:
//	  - name: hgdg_graded
//	    description: Philippines HGDG bands (unverified)
//	    weights: {principal: 100, significant: 50, limited: 25}   # percent
func ParseWeightings(r io.Reader) ([]Weighting, error) {
	var doc struct {
		Weightings []struct {
			Name        string             `yaml:"name"`
			Description string             `yaml:"description"`
			Source      string             `yaml:"source"`
			Weights     map[string]float64 `yaml:"weights"`
			Attributed  bool               `yaml:"attributed"`
		} `yaml:"weightings"`
	}
	if err := budget.DecodeYAML(r, &doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("analysis: weightings: %w", err)
	}
	var out []Weighting
	names := map[string]bool{}
	for _, w := range Weightings() {
		names[strings.ToLower(w.Name)] = true
	}
	for i, y := range doc.Weightings {
		y.Name = strings.TrimSpace(y.Name)
		if y.Name == "" {
			return nil, fmt.Errorf("analysis: weighting %d has no name", i+1)
		}
		if _, err := LookupWeighting(y.Name); err == nil {
			return nil, fmt.Errorf("analysis: weighting %d: name %q is a built-in convention's; give yours another name", i+1, y.Name)
		}
		if names[strings.ToLower(y.Name)] {
			return nil, fmt.Errorf("analysis: two weightings named %q (weighting %d); names must differ", y.Name, i+1)
		}
		names[strings.ToLower(y.Name)] = true
		w := Weighting{Name: y.Name, Description: y.Description, Source: y.Source, Attributed: y.Attributed, Weights: map[budget.Level]int{}}
		keys := make([]string, 0, len(y.Weights))
		for k := range y.Weights {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			lv, err := budget.ParseLevel(k)
			if err != nil {
				return nil, fmt.Errorf("analysis: weighting %q: %v", y.Name, err)
			}
			pct := y.Weights[k]
			if !(pct >= 0 && pct <= 100) { // NaN too
				return nil, fmt.Errorf("analysis: weighting %q: %s weight %v%% is outside 0–100", y.Name, k, pct)
			}
			if lv == budget.NotScreened && pct != 0 {
				return nil, fmt.Errorf("analysis: weighting %q: not-screened money cannot count as gender-relevant", y.Name)
			}
			w.Weights[lv] = int(pct*100 + 0.5)
		}
		if w.Description == "" {
			w.Description = "user-defined"
		}
		out = append(out, w)
	}
	return out, nil
}

// ParseDeflators reads price indices by fiscal year, one "2024: 100.0"
// per line (YAML), for real changes in Gaps.
func ParseDeflators(r io.Reader) (map[int]float64, error) {
	var m map[int]float64
	if err := budget.DecodeYAML(r, &m); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("analysis: deflators: %w", err)
	}
	for y, v := range m {
		if !(v > 0) || math.IsInf(v, 0) { // NaN too
			return nil, fmt.Errorf("analysis: deflators: the index of %d is %v; indices must be positive numbers", y, v)
		}
	}
	return m, nil
}
