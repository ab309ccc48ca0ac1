package analysis

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/grb-toolkit/grb/budget"
)

// profileFS holds the built-in compliance profiles, one YAML file each.
//
//go:embed data/profiles/*.yaml
var profileFS embed.FS

// RuleKind is what a compliance rule measures.
type RuleKind string

// The kinds of rule.
const (
	// AmountShare: the share of the budget's money at or above a marker
	// level, counted under a weighting convention, is at least Min.
	AmountShare RuleKind = "amount_share"
	// CountShare: the share of lines at or above a marker level is at
	// least Min.
	CountShare RuleKind = "count_share"
	// EveryLine: every line is at or above a marker level.
	EveryLine RuleKind = "every_line"
	// Coverage: the share of lines (or money) screened for gender, at any
	// level, is at least Min.
	Coverage RuleKind = "coverage"
)

// Unit is what a rule counts: money or lines.
type Unit string

// The units.
const (
	UnitAmount Unit = "amount" // money of the phase checked, summed exactly
	UnitLines  Unit = "lines"  // number of lines
)

// Rule is one requirement of a compliance profile.
type Rule struct {
	ID string
	// Title is the requirement in words, as the profile gives it; empty
	// when it gives none, and package reports then words the rule from
	// its terms.
	Title string
	Kind  RuleKind
	// Level is the lowest marker level that counts ("at or above"), in
	// the order of budget.Levels. Coverage rules have none, and neither do
	// amount shares under an attributed weighting, which count each
	// line's declared GEWE amount.
	Level     budget.Level
	Weighting Weighting // amount shares only
	Measure   Unit      // UnitAmount or UnitLines
	// Per groups the lines (by objective, unit, …): every group must
	// pass. "" judges the whole budget.
	Per Dim
	// Min is the threshold in basis points (1500 = 15 %). A measured
	// value exactly on it passes. EveryLine rules have 10000.
	Min int
	// Unverified is set when the threshold, or what it counts, could not
	// be checked against the source; Note says why.
	Unverified bool
	// Advisory is set for an aim rather than a requirement (EU GAP III's
	// 5% of actions at G2): it is judged and reported, but its failure
	// does not fail the check.
	Advisory bool
	Note     string
	Source   string
}

// MarshalJSON writes the rule with its weighting by name and its
// threshold in per cent.
func (r Rule) MarshalJSON() ([]byte, error) {
	v := struct {
		ID         string   `json:"id"`
		Title      string   `json:"title"`
		Kind       RuleKind `json:"kind"`
		Level      string   `json:"level,omitempty"`
		Weighting  string   `json:"weighting,omitempty"`
		Measure    Unit     `json:"measure"`
		Per        Dim      `json:"per,omitempty"`
		MinPercent float64  `json:"min_percent"`
		Unverified bool     `json:"unverified"`
		Advisory   bool     `json:"advisory,omitempty"`
		Note       string   `json:"note,omitempty"`
		Source     string   `json:"source,omitempty"`
	}{ID: r.ID, Title: r.Title, Kind: r.Kind, Weighting: r.Weighting.Name, Measure: r.Measure, Per: r.Per,
		MinPercent: float64(r.Min) / 100, Unverified: r.Unverified, Advisory: r.Advisory, Note: r.Note, Source: r.Source}
	if r.hasLevel() {
		v.Level = r.Level.String()
	}
	return json.Marshal(v)
}

// hasLevel reports whether the rule counts lines at or above a level:
// every kind but coverage and the attributed weighting, which counts each
// line's declared GEWE amount.
func (r Rule) hasLevel() bool {
	return r.Kind != Coverage && !(r.Kind == AmountShare && r.Weighting.Attributed)
}

// Profile is a set of compliance rules, such as a funder's: the built-in
// ones (Profiles) or a user's (ParseProfile).
type Profile struct {
	Name        string
	Title       string
	Description string // what the rules are and the source they come from
	Source      string
	Phase       budget.Phase // phase checked unless CheckOptions says otherwise
	PhaseSet    bool         // Phase was given; else Approved
	Rules       []Rule
}

// MarshalJSON writes the profile without its rules, which the results
// carry.
func (p Profile) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name        string `json:"name"`
		Title       string `json:"title"`
		Description string `json:"description"`
		Source      string `json:"source,omitempty"`
	}{p.Name, p.Title, p.Description, p.Source})
}

// profileYAML is the file shape of a profile.
type profileYAML struct {
	Name        string     `yaml:"name"`
	Title       string     `yaml:"title"`
	Description string     `yaml:"description"`
	Source      string     `yaml:"source"`
	Phase       string     `yaml:"phase"`
	Rules       []ruleYAML `yaml:"rules"`
}

// ruleYAML is the file shape of a rule.
type ruleYAML struct {
	ID         string `yaml:"id"`
	Title      string `yaml:"title"`
	Kind       string `yaml:"kind"`
	Level      string `yaml:"level"`
	Weighting  string `yaml:"weighting"`
	Measure    string `yaml:"measure"`
	Per        string `yaml:"per"`
	Min        string `yaml:"min"`
	Unverified bool   `yaml:"unverified"`
	Advisory   bool   `yaml:"advisory"`
	Note       string `yaml:"note"`
	Source     string `yaml:"source"`
}

// ParseProfile reads a compliance profile from YAML:
//
//	name: my-rules
//	title: Ministry of Finance targets
//	description: what the rules are, and their source
//	phase: approved                 # optional; default approved
//	rules:
//	  - id: gewe-20
//	    title: at least 20 % of each objective's money to gender equality
//	    kind: amount_share          # amount_share, count_share, every_line or coverage
//	    level: significant          # at or above this canonical level
//	    weighting: eu_100_40_0      # amount_share: a convention by name
//	    per: objective              # optional: every group must pass
//	    min: 20                     # per cent, up to two decimals ("20%" too)
//	    unverified: true            # the threshold could not be checked
//	    advisory: true              # an aim: reported, never failing the check
//	    note: why it is unverified
//	  - id: screened
//	    kind: coverage
//	    measure: count              # coverage: amount (default) or count
//	    min: 100
//
// Weighting names are looked up among the built-in conventions and
// weightings. A count_share or every_line rule counts lines, so it takes
// no weighting; an every_line rule takes no min (it is 100 %). A rule
// without a title keeps it empty; a profile without one is titled by its
// name.
func ParseProfile(r io.Reader, weightings ...Weighting) (Profile, error) {
	var y profileYAML
	if err := budget.DecodeYAML(r, &y); err != nil {
		if errors.Is(err, io.EOF) {
			return Profile{}, fmt.Errorf("analysis: profile: the file is empty")
		}
		return Profile{}, fmt.Errorf("analysis: profile: %w", err)
	}
	p := Profile{
		Name:        strings.TrimSpace(y.Name),
		Title:       strings.TrimSpace(y.Title),
		Description: strings.TrimSpace(y.Description),
		Source:      strings.TrimSpace(y.Source),
	}
	if p.Name == "" {
		return Profile{}, fmt.Errorf("analysis: profile: no name")
	}
	if y.Phase != "" {
		ph, err := budget.ParsePhase(y.Phase)
		if err != nil {
			return Profile{}, fmt.Errorf("analysis: profile %s: %v", p.Name, err)
		}
		p.Phase, p.PhaseSet = ph, true
	}
	if len(y.Rules) == 0 {
		return Profile{}, fmt.Errorf("analysis: profile %s: no rules", p.Name)
	}
	ids := map[string]bool{}
	for i, yr := range y.Rules {
		r, err := parseRule(yr, ids, weightings)
		if err != nil {
			id := strings.TrimSpace(yr.ID)
			if id == "" {
				id = "#" + strconv.Itoa(i+1)
			}
			return Profile{}, fmt.Errorf("analysis: profile %s: rule %s: %v", p.Name, id, err)
		}
		p.Rules = append(p.Rules, r)
	}
	if p.Title == "" {
		p.Title = p.Name
	}
	return p, nil
}

// parseRule reads one rule of a profile; ids are the rule IDs read so
// far, to which it adds the rule's.
func parseRule(yr ruleYAML, ids map[string]bool, weightings []Weighting) (Rule, error) {
	r := Rule{
		ID:         strings.TrimSpace(yr.ID),
		Title:      strings.TrimSpace(yr.Title),
		Kind:       RuleKind(strings.TrimSpace(yr.Kind)),
		Unverified: yr.Unverified,
		Advisory:   yr.Advisory,
		Note:       strings.TrimSpace(yr.Note),
		Source:     strings.TrimSpace(yr.Source),
	}
	if r.ID == "" {
		return Rule{}, fmt.Errorf("no id")
	}
	if ids[r.ID] {
		return Rule{}, fmt.Errorf("id used twice")
	}
	ids[r.ID] = true
	switch r.Kind {
	case AmountShare, CountShare, EveryLine, Coverage:
	default:
		return Rule{}, fmt.Errorf("kind %q: want amount_share, count_share, every_line or coverage", yr.Kind)
	}
	var err error
	if r.Weighting, err = parseRuleWeighting(r.Kind, yr.Weighting, weightings); err != nil {
		return Rule{}, err
	}
	if yr.Level != "" {
		if r.Level, err = budget.ParseLevel(yr.Level); err != nil {
			return Rule{}, fmt.Errorf("%v", strings.TrimPrefix(err.Error(), "budget: "))
		}
	}
	if r.Measure, err = parseRuleMeasure(r.Kind, yr.Measure); err != nil {
		return Rule{}, err
	}
	if yr.Per != "" {
		ds, err := ParseDims(yr.Per)
		if err != nil || len(ds) != 1 {
			return Rule{}, fmt.Errorf("per %q: want one of objective, area, unit (or ministry), programme, year, currency", yr.Per)
		}
		r.Per = ds[0]
	}
	if r.Min, err = parseRuleMin(r.Kind, yr.Min); err != nil {
		return Rule{}, err
	}
	if err := r.check(); err != nil {
		return Rule{}, err
	}
	return r, nil
}

// parseRuleWeighting looks up the weighting of a rule of kind k by name:
// amount shares need one, other kinds take none.
func parseRuleWeighting(k RuleKind, name string, weightings []Weighting) (Weighting, error) {
	if name == "" {
		if k == AmountShare {
			return Weighting{}, fmt.Errorf("an amount_share rule needs a weighting (dac_headline, principal_only, eu_100_40_0, attributed, …): grb never measures a gender share without naming its convention")
		}
		return Weighting{}, nil
	}
	if k != AmountShare {
		return Weighting{}, fmt.Errorf("a weighting applies to amount_share rules only")
	}
	w, err := LookupWeighting(name, weightings...)
	if err != nil {
		return Weighting{}, fmt.Errorf("%v", strings.TrimPrefix(err.Error(), "analysis: "))
	}
	return w, nil
}

// parseRuleMeasure returns what a rule of kind k counts: amount shares
// money, count shares and every_line rules lines, and coverage rules
// either, as measure says.
func parseRuleMeasure(k RuleKind, measure string) (Unit, error) {
	var u Unit
	switch k {
	case AmountShare:
		u = UnitAmount
	case CountShare, EveryLine:
		u = UnitLines
	case Coverage:
		switch strings.TrimSpace(measure) {
		case "", "amount":
			u = UnitAmount
		case "count", "lines":
			u = UnitLines
		default:
			return "", fmt.Errorf("measure %q: want amount or count", measure)
		}
	}
	if measure != "" && k != Coverage {
		return "", fmt.Errorf("measure applies to coverage rules only (amount_share counts money, count_share and every_line count lines)")
	}
	return u, nil
}

// parseRuleMin returns the threshold of a rule of kind k in basis points:
// every_line rules take none (they are 100 %), the others need one.
func parseRuleMin(k RuleKind, min string) (int, error) {
	if k == EveryLine {
		if min != "" {
			return 0, fmt.Errorf("an every_line rule takes no min: every line must reach the level")
		}
		return 10000, nil
	}
	if min == "" {
		return 0, fmt.Errorf("no min (a per cent such as 15)")
	}
	return parseMinPercent(min)
}

// parseMinPercent reads "15", "12.5" or "15%" as basis points.
func parseMinPercent(s string) (int, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || !(v >= 0 && v <= 100) { // NaN too
		return 0, fmt.Errorf("min %q: want a per cent from 0 to 100", s)
	}
	bp := v * 100
	if r := bp - float64(int(bp+0.5)); r > 1e-6 || r < -1e-6 {
		return 0, fmt.Errorf("min %q: at most two decimals", s)
	}
	return int(bp + 0.5), nil
}

// check reports a rule that cannot be evaluated.
func (r Rule) check() error {
	if err := r.checkLevel(); err != nil {
		return err
	}
	if r.Measure != UnitAmount && r.Measure != UnitLines {
		return fmt.Errorf("measure %q: want amount or lines", r.Measure)
	}
	if r.Min < 0 || r.Min > 10000 {
		return fmt.Errorf("min %d basis points is outside 0–10000", r.Min)
	}
	if r.Per == ByMarker {
		return fmt.Errorf("per marker would judge each level against itself: group by objective, area, unit, programme, year or currency")
	}
	if r.Kind == EveryLine && r.Per != "" {
		return fmt.Errorf("an every_line rule judges every line: per does not apply")
	}
	return nil
}

// checkLevel reports a rule whose kind and weighting disagree with its
// level, or that has none where it needs one.
func (r Rule) checkLevel() error {
	noLevel := fmt.Errorf("no level (the lowest marker level that counts, such as significant)")
	switch r.Kind {
	case AmountShare:
		if r.Weighting.Name == "" {
			return fmt.Errorf("an amount_share rule needs a weighting")
		}
		if r.Weighting.Attributed && r.Level != budget.NotScreened {
			return fmt.Errorf("the attributed weighting counts each line's declared GEWE amount, whatever its level: leave out the level")
		}
		if !r.Weighting.Attributed && r.Level == budget.NotScreened {
			return noLevel
		}
	case CountShare, EveryLine:
		if r.Level == budget.NotScreened {
			return noLevel
		}
	case Coverage:
		if r.Level != budget.NotScreened {
			return fmt.Errorf("a coverage rule counts every screened line, whatever its level: leave out the level")
		}
	default:
		return fmt.Errorf("unknown kind %q", r.Kind)
	}
	return nil
}

var builtinProfiles = sync.OnceValue(func() []Profile {
	names, err := fs.Glob(profileFS, "data/profiles/*.yaml")
	if err != nil {
		panic("analysis: embedded profiles: " + err.Error())
	}
	var out []Profile
	for _, n := range names {
		f, err := profileFS.Open(n)
		if err != nil {
			panic("analysis: embedded profile " + n + ": " + err.Error())
		}
		p, err := ParseProfile(f)
		f.Close()
		if err != nil {
			panic("analysis: embedded profile " + n + " is invalid (a bug in grb): " + err.Error())
		}
		if want := strings.TrimSuffix(path.Base(n), ".yaml"); p.Name != want {
			panic("analysis: embedded profile " + n + " is named " + p.Name)
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
})

// Profiles returns the built-in compliance profiles, sorted by name:
// eu-gap3, mptf, un-15 and undp. Each cites its source in its
// description; thresholds that could not be verified are marked so. It
// panics if the embedded profiles are invalid, a bug caught by the
// package tests.
func Profiles() []Profile {
	ps := builtinProfiles()
	out := make([]Profile, len(ps))
	for i, p := range ps {
		out[i] = p
		out[i].Rules = append([]Rule(nil), p.Rules...)
	}
	return out
}

// LookupProfile returns the built-in profile called name.
func LookupProfile(name string) (Profile, error) {
	var names []string
	for _, p := range Profiles() {
		if strings.EqualFold(p.Name, name) {
			return p, nil
		}
		names = append(names, p.Name)
	}
	return Profile{}, fmt.Errorf("analysis: unknown profile %q (built in: %s; or a YAML file)", name, strings.Join(names, ", "))
}
