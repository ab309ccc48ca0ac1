package analysis

import (
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

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
	ID    string
	Title string // the requirement in words
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
	Note       string
	Source     string
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
		Note       string   `json:"note,omitempty"`
		Source     string   `json:"source,omitempty"`
	}{ID: r.ID, Title: r.Title, Kind: r.Kind, Weighting: r.Weighting.Name, Measure: r.Measure, Per: r.Per,
		MinPercent: float64(r.Min) / 100, Unverified: r.Unverified, Note: r.Note, Source: r.Source}
	if r.hasLevel() {
		v.Level = r.Level.String()
	}
	return json.Marshal(v)
}

// hasLevel reports whether the rule counts lines at or above a level.
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
	Name        string `yaml:"name"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Source      string `yaml:"source"`
	Phase       string `yaml:"phase"`
	Rules       []struct {
		ID         string `yaml:"id"`
		Title      string `yaml:"title"`
		Kind       string `yaml:"kind"`
		Level      string `yaml:"level"`
		Weighting  string `yaml:"weighting"`
		Measure    string `yaml:"measure"`
		Per        string `yaml:"per"`
		Min        string `yaml:"min"`
		Unverified bool   `yaml:"unverified"`
		Note       string `yaml:"note"`
		Source     string `yaml:"source"`
	} `yaml:"rules"`
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
//	    note: why it is unverified
//	  - id: screened
//	    kind: coverage
//	    measure: count              # coverage: amount (default) or count
//	    min: 100
//
// Weighting names are looked up among the built-in conventions and
// weightings. A count_share or every_line rule counts lines, so it takes
// no weighting; an every_line rule takes no min (it is 100 %).
func ParseProfile(r io.Reader, weightings ...Weighting) (Profile, error) {
	var y profileYAML
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&y); err != nil {
		if err == io.EOF {
			return Profile{}, fmt.Errorf("analysis: profile: the file is empty")
		}
		return Profile{}, fmt.Errorf("analysis: profile: %v", err)
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
		r := Rule{
			ID:         strings.TrimSpace(yr.ID),
			Title:      strings.TrimSpace(yr.Title),
			Kind:       RuleKind(strings.TrimSpace(yr.Kind)),
			Unverified: yr.Unverified,
			Note:       strings.TrimSpace(yr.Note),
			Source:     strings.TrimSpace(yr.Source),
		}
		fail := func(format string, args ...any) error {
			id := r.ID
			if id == "" {
				id = "#" + strconv.Itoa(i+1)
			}
			return fmt.Errorf("analysis: profile %s: rule %s: %s", p.Name, id, fmt.Sprintf(format, args...))
		}
		if r.ID == "" {
			return Profile{}, fail("no id")
		}
		if ids[r.ID] {
			return Profile{}, fail("id used twice")
		}
		ids[r.ID] = true
		switch r.Kind {
		case AmountShare, CountShare, EveryLine, Coverage:
		default:
			return Profile{}, fail("kind %q: want amount_share, count_share, every_line or coverage", yr.Kind)
		}
		if yr.Weighting != "" {
			if r.Kind != AmountShare {
				return Profile{}, fail("a weighting applies to amount_share rules only")
			}
			w, err := LookupWeighting(yr.Weighting, weightings...)
			if err != nil {
				return Profile{}, fail("%v", strings.TrimPrefix(err.Error(), "analysis: "))
			}
			r.Weighting = w
		} else if r.Kind == AmountShare {
			return Profile{}, fail("an amount_share rule needs a weighting (dac_headline, principal_only, eu_100_40_0, attributed, …): grb never measures a gender share without naming its convention")
		}
		if yr.Level != "" {
			lv, err := budget.ParseLevel(yr.Level)
			if err != nil {
				return Profile{}, fail("%v", strings.TrimPrefix(err.Error(), "budget: "))
			}
			r.Level = lv
		}
		switch r.Kind {
		case AmountShare:
			r.Measure = UnitAmount
		case CountShare, EveryLine:
			r.Measure = UnitLines
		case Coverage:
			switch strings.TrimSpace(yr.Measure) {
			case "", "amount":
				r.Measure = UnitAmount
			case "count", "lines":
				r.Measure = UnitLines
			default:
				return Profile{}, fail("measure %q: want amount or count", yr.Measure)
			}
		}
		if yr.Measure != "" && r.Kind != Coverage {
			return Profile{}, fail("measure applies to coverage rules only (amount_share counts money, count_share and every_line count lines)")
		}
		if yr.Per != "" {
			ds, err := ParseDims(yr.Per)
			if err != nil || len(ds) != 1 {
				return Profile{}, fail("per %q: want one of objective, area, unit (or ministry), programme, year, currency", yr.Per)
			}
			r.Per = ds[0]
		}
		if r.Kind == EveryLine {
			if yr.Min != "" {
				return Profile{}, fail("an every_line rule takes no min: every line must reach the level")
			}
			r.Min = 10000
		} else {
			if yr.Min == "" {
				return Profile{}, fail("no min (a per cent such as 15)")
			}
			bp, err := parseMinPercent(yr.Min)
			if err != nil {
				return Profile{}, fail("%v", err)
			}
			r.Min = bp
		}
		if err := r.check(); err != nil {
			return Profile{}, fail("%v", err)
		}
		if r.Title == "" {
			r.Title = r.defaultTitle()
		}
		p.Rules = append(p.Rules, r)
	}
	if p.Title == "" {
		p.Title = p.Name
	}
	return p, nil
}

// parseMinPercent reads "15", "12.5" or "15%" as basis points.
func parseMinPercent(s string) (int, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v < 0 || v > 100 {
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
	switch r.Kind {
	case AmountShare:
		if r.Weighting.Name == "" {
			return fmt.Errorf("an amount_share rule needs a weighting")
		}
		if r.Weighting.Attributed && r.Level != budget.NotScreened {
			return fmt.Errorf("the attributed weighting counts each line's declared GEWE amount, whatever its level: leave out the level")
		}
		if !r.Weighting.Attributed && r.Level == budget.NotScreened {
			return fmt.Errorf("no level (the lowest marker level that counts, such as significant)")
		}
	case CountShare, EveryLine:
		if r.Level == budget.NotScreened {
			return fmt.Errorf("no level (the lowest marker level that counts, such as significant)")
		}
	case Coverage:
		if r.Level != budget.NotScreened {
			return fmt.Errorf("a coverage rule counts every screened line, whatever its level: leave out the level")
		}
	default:
		return fmt.Errorf("unknown kind %q", r.Kind)
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

func (r Rule) defaultTitle() string {
	switch r.Kind {
	case EveryLine:
		return "every line at " + levelsText(r.Level)
	case Coverage:
		return "at least " + percentText(r.Min) + " screened"
	case CountShare:
		return "at least " + percentText(r.Min) + " of lines at " + levelsText(r.Level)
	}
	if r.Weighting.Attributed {
		return "at least " + percentText(r.Min) + " of the budget attributed to gender equality"
	}
	return "at least " + percentText(r.Min) + " of the budget at " + levelsText(r.Level)
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

// CheckOptions controls Check. The zero value checks the profile's phase,
// or the approved phase when the profile names none.
type CheckOptions struct {
	Phase    budget.Phase
	PhaseSet bool // Phase was given: it overrides the profile's
}

// Measured is a measured value with its numerator and denominator: money
// in cents (UnitAmount) or a number of lines (UnitLines).
type Measured struct {
	Unit     Unit
	Num, Den int64
}

// Value returns Num/Den, and false when Den is 0.
func (m Measured) Value() (float64, bool) {
	if m.Den == 0 {
		return 0, false
	}
	return float64(m.Num) / float64(m.Den), true
}

// MarshalJSON writes {"unit":…, "num":…, "den":…, "value":… or null},
// money as exact decimals.
func (m Measured) MarshalJSON() ([]byte, error) {
	num, den := strconv.FormatInt(m.Num, 10), strconv.FormatInt(m.Den, 10)
	if m.Unit == UnitAmount {
		num, den = budget.Money(m.Num).String(), budget.Money(m.Den).String()
	}
	val := "null"
	if v, ok := m.Value(); ok {
		val = strconv.FormatFloat(v, 'g', -1, 64)
	}
	return []byte(`{"unit":"` + string(m.Unit) + `","num":` + num + `,"den":` + den + `,"value":` + val + `}`), nil
}

// meets reports whether m is at least min basis points, exactly: a value
// on the threshold passes. An undefined value does not.
func (m Measured) meets(min int) bool {
	if m.Den == 0 {
		return false
	}
	// Num/Den ≥ min/10000  ⇔  Num·10000 ≥ min·Den (for Den > 0).
	l := new(big.Int).Mul(big.NewInt(m.Num), big.NewInt(10000))
	r := new(big.Int).Mul(big.NewInt(int64(min)), big.NewInt(m.Den))
	if m.Den < 0 {
		return l.Cmp(r) <= 0
	}
	return l.Cmp(r) >= 0
}

// shortfall returns how much Num must grow, Den unchanged, to meet min:
// ceil(min·Den/10000) − Num, or 0.
func (m Measured) shortfall(min int) int64 {
	if m.Den <= 0 {
		return 0
	}
	need := new(big.Int).Mul(big.NewInt(int64(min)), big.NewInt(m.Den))
	need.Add(need, big.NewInt(9999))
	need.Quo(need, big.NewInt(10000))
	need.Sub(need, big.NewInt(m.Num))
	if need.Sign() <= 0 || !need.IsInt64() {
		return 0
	}
	return need.Int64()
}

// LineRef is a budget line that drives a failure.
type LineRef struct {
	Index       int             `json:"index"` // in Budget.Lines
	Pos         budget.Position `json:"position"`
	Unit        string          `json:"unit,omitempty"` // administrative unit label
	Description string          `json:"description"`
	Amount      budget.Money    `json:"amount"` // in the phase checked; 0 when absent
	HasAmount   bool            `json:"has_amount"`
	Level       budget.Level    `json:"level"`
	Raw         string          `json:"marker,omitempty"` // the marker as written
}

// GroupCheck is a rule judged within one group of lines.
type GroupCheck struct {
	Keys     []Key    `json:"keys"`
	Pass     bool     `json:"pass"`
	Measured Measured `json:"measured"`
	Why      string   `json:"why"`
}

// RuleResult is the outcome of one rule.
type RuleResult struct {
	Rule Rule `json:"rule"`
	Pass bool `json:"pass"`
	// Measured is the measured value: for a rule with Per, that of the
	// lowest group (the one furthest below, or closest to, the
	// threshold).
	Measured Measured     `json:"measured"`
	Why      string       `json:"why"`
	Groups   []GroupCheck `json:"groups,omitempty"`
	// Lines are the lines that drive a failure, largest amount first:
	// the lines below the level (not screened, for coverage; without a
	// declared GEWE amount, for the attributed weighting), in the groups
	// that fail. Empty when the rule passes. Every such line is listed;
	// writers cap the listing.
	Lines []LineRef `json:"lines"`
}

// CheckResult is the outcome of Check.
type CheckResult struct {
	Source     string       `json:"source"` // the budget's file name
	Profile    Profile      `json:"profile"`
	Phase      budget.Phase `json:"phase"`
	Lines      int          `json:"lines"`
	Pass       bool         `json:"pass"`       // every rule passes
	Failed     int          `json:"failed"`     // rules that fail
	Unverified int          `json:"unverified"` // rules whose threshold is unverified
	Rules      []RuleResult `json:"rules"`
	Warnings   []string     `json:"warnings,omitempty"`
	// InputErrors counts the budget's issues of severity Error: rows or
	// values that could not be read and are not in the figures.
	InputErrors int `json:"input_errors"`
}

// Check evaluates every rule of profile p on the lines of b.
//
// Amount rules measure money of the phase checked (a line without an
// amount in that phase adds nothing; money not screened stays in the
// denominator); line rules count every line. A measured value exactly on
// the threshold passes; a share whose denominator is zero (no money, no
// lines) is undefined and fails. With Per, every group must pass; lines
// split between objectives count in each of their groups, their money
// apportioned as Shares does. When the lines are in several currencies,
// amount rules are judged within each currency, since such money cannot
// be added.
//
// It returns an error only when a rule of p is malformed.
func Check(b *budget.Budget, p Profile, opt CheckOptions) (*CheckResult, error) {
	phase := budget.Approved
	if p.PhaseSet {
		phase = p.Phase
	}
	if opt.PhaseSet {
		phase = opt.Phase
	}
	res := &CheckResult{Source: b.Source, Profile: p, Phase: phase, Lines: len(b.Lines), Rules: []RuleResult{}, InputErrors: b.Errors()}
	currencies := map[string]bool{}
	noAmount := 0
	for i := range b.Lines {
		currencies[b.Lines[i].Currency] = true
		if _, ok := b.Lines[i].Amounts.Get(phase); !ok {
			noAmount++
		}
	}
	multi := len(currencies) > 1
	for _, r := range p.Rules {
		if err := r.check(); err != nil {
			return nil, fmt.Errorf("analysis: profile %s: rule %s: %v", p.Name, r.ID, err)
		}
		rr, err := checkRule(b, r, phase, multi)
		if err != nil {
			return nil, err
		}
		if !rr.Pass {
			res.Failed++
		}
		if r.Unverified {
			res.Unverified++
		}
		res.Rules = append(res.Rules, *rr)
	}
	res.Pass = res.Failed == 0
	if multi {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the budget has %d currencies: amount rules are judged within each currency, since money in different currencies cannot be added", len(currencies)))
	}
	if noAmount > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s no %s amount: they count in line rules but add nothing to amount rules", linesHave(noAmount), phase))
	}
	return res, nil
}

func linesHave(n int) string {
	if n == 1 {
		return "1 line has"
	}
	return strconv.Itoa(n) + " lines have"
}

// checkGroup is one group of lines being judged.
type checkGroup struct {
	keys     [maxDims]string
	label    []Key
	measured Measured
	lines    []int // indices of the lines in the group
}

func checkRule(b *budget.Budget, r Rule, phase budget.Phase, multi bool) (*RuleResult, error) {
	var by []Dim
	if r.Measure == UnitAmount && multi && r.Per != ByCurrency {
		by = append(by, ByCurrency)
	}
	if r.Per != "" {
		by = append(by, r.Per)
	}
	areas := objectiveAreas()

	// Which lines fall in which group.
	groups := map[[maxDims]string]*checkGroup{}
	var order []*checkGroup
	var parts, scratch []part
	for i := range b.Lines {
		l := &b.Lines[i]
		parts, scratch = lineParts(parts[:0], scratch, l, by, areas)
		for _, p := range parts {
			g := groups[p.keys]
			if g == nil {
				g = &checkGroup{keys: p.keys, label: keysOf(p.keys, by, l, areas), measured: Measured{Unit: r.Measure}}
				groups[p.keys] = g
				order = append(order, g)
			}
			g.lines = append(g.lines, i)
		}
	}
	if len(b.Lines) == 0 { // one empty group: the whole (empty) budget
		g := &checkGroup{measured: Measured{Unit: r.Measure}}
		groups[g.keys] = g
		order = append(order, g)
	}

	// Measure each group.
	below := func(l *budget.Line) bool {
		switch {
		case r.Kind == Coverage:
			return !l.Gender.Level.Screened()
		case r.Kind == AmountShare && r.Weighting.Attributed:
			if l.GEWE == nil {
				return true
			}
			_, ok := l.GEWE.Get(phase)
			return !ok
		}
		return l.Gender.Level < r.Level
	}
	if r.Measure == UnitLines {
		for _, g := range order {
			for _, i := range g.lines {
				g.measured.Den++
				if !below(&b.Lines[i]) {
					g.measured.Num++
				}
			}
		}
	} else {
		counted := r.Weighting
		if r.Kind == Coverage {
			counted = Weighting{Name: "screened", Weights: map[budget.Level]int{}}
			for _, lv := range budget.Levels() {
				counted.Weights[lv] = 10000 // Weight() keeps NotScreened at 0
			}
		} else if !counted.Attributed {
			counted = atOrAbove(counted, r.Level)
		}
		sh, err := Shares(b, Options{By: by, Weighting: counted, Phase: phase, PhaseSet: true})
		if err != nil {
			return nil, err
		}
		measure := func(g *Group) Measured {
			return Measured{Unit: UnitAmount, Num: int64(g.GEWE), Den: int64(g.Amount)}
		}
		if len(by) == 0 {
			order[0].measured = measure(&sh.Total)
		} else {
			for i := range sh.Groups {
				var k [maxDims]string
				for d, key := range sh.Groups[i].Keys {
					k[d] = key.Value
				}
				if g := groups[k]; g != nil {
					g.measured = measure(&sh.Groups[i])
				}
			}
		}
	}

	// Judge.
	rr := &RuleResult{Rule: r, Pass: true, Lines: []LineRef{}}
	sortCheckGroups(order, by)
	var worst *checkGroup
	failing := map[int]bool{}
	passed := 0
	for _, g := range order {
		ok := g.measured.meets(r.Min)
		if ok {
			passed++
		} else {
			rr.Pass = false
			for _, i := range g.lines {
				if below(&b.Lines[i]) {
					failing[i] = true
				}
			}
		}
		if worst == nil || lower(g.measured, worst.measured) {
			worst = g
		}
		if len(by) > 0 {
			rr.Groups = append(rr.Groups, GroupCheck{Keys: g.label, Pass: ok, Measured: g.measured, Why: why(r, g.measured, phase, ok, "", true)})
		}
	}
	rr.Measured = worst.measured
	if len(by) == 0 {
		rr.Why = why(r, worst.measured, phase, rr.Pass, levelBreakdown(b, failing), false)
	} else {
		scope := "currency"
		if r.Per != "" {
			scope = string(r.Per)
			if len(by) > 1 {
				scope = "currency and " + scope
			}
		}
		worstLabel := keyText(worst.label)
		rr.Why = fmt.Sprintf("%d of %d %s groups pass; every group must. The lowest, %s: %s",
			passed, len(order), scope, worstLabel, why(r, worst.measured, phase, worst.measured.meets(r.Min), "", true))
	}
	for i := range failing {
		l := &b.Lines[i]
		amt, has := l.Amounts.Get(phase)
		rr.Lines = append(rr.Lines, LineRef{
			Index: i, Pos: l.Pos, Unit: l.Unit.Label(), Description: l.Description,
			Amount: amt, HasAmount: has, Level: l.Gender.Level, Raw: l.Gender.Raw(),
		})
	}
	sort.Slice(rr.Lines, func(i, j int) bool {
		a, c := rr.Lines[i], rr.Lines[j]
		if a.HasAmount != c.HasAmount {
			return a.HasAmount
		}
		if a.Amount != c.Amount {
			return a.Amount > c.Amount
		}
		return a.Index < c.Index
	})
	return rr, nil
}

// levelBreakdown counts the lines of set by level, highest level first:
// " (1 limited, 2 not screened)"; "" for none.
func levelBreakdown(b *budget.Budget, set map[int]bool) string {
	if len(set) == 0 {
		return ""
	}
	n := map[budget.Level]int{}
	for i := range set {
		n[b.Lines[i].Gender.Level]++
	}
	var parts []string
	levels := budget.Levels()
	for k := len(levels) - 1; k >= 0; k-- {
		if c := n[levels[k]]; c > 0 {
			parts = append(parts, strconv.Itoa(c)+" "+strings.ToLower(levels[k].Label()))
		}
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// atOrAbove returns w counting only the levels at or above min.
func atOrAbove(w Weighting, min budget.Level) Weighting {
	out := w
	out.Weights = map[budget.Level]int{}
	for lv, bp := range w.Weights {
		if lv >= min {
			out.Weights[lv] = bp
		}
	}
	return out
}

// lower reports whether a is a lower value than b; an undefined value is
// the lowest.
func lower(a, b Measured) bool {
	va, oka := a.Value()
	vb, okb := b.Value()
	if !oka || !okb {
		return !oka && okb
	}
	return va < vb
}

// sortCheckGroups orders groups as Shares orders its groups.
func sortCheckGroups(gs []*checkGroup, by []Dim) {
	if len(by) == 0 {
		return
	}
	tmp := make([]Group, len(gs))
	byKeys := map[[maxDims]string]*checkGroup{}
	for i, g := range gs {
		tmp[i].Keys = g.label
		byKeys[g.keys] = g
	}
	sortGroups(tmp, by)
	for i := range tmp {
		var k [maxDims]string
		for d, key := range tmp[i].Keys {
			k[d] = key.Value
		}
		gs[i] = byKeys[k]
	}
}

func keyText(keys []Key) string {
	s := make([]string, len(keys))
	for i, k := range keys {
		s[i] = string(k.Dim) + " " + k.Label
	}
	return strings.Join(s, ", ")
}

// why says in a sentence what a rule measured and how it compares.
//
// breakdown, for an EveryLine rule, says how many lines are at each level
// below the rule's: " (1 limited, 2 not screened)". group says that m
// is one group's, not the whole budget's.
func why(r Rule, m Measured, phase budget.Phase, pass bool, breakdown string, group bool) string {
	v, ok := m.Value()
	if !ok {
		if m.Unit == UnitLines {
			return "there are no lines, so the share is undefined and the rule cannot pass"
		}
		return fmt.Sprintf("the %s amounts sum to 0 (or no line has one), so the share is undefined and the rule cannot pass", phase)
	}
	val := valuePercent(v, r.Min, pass)
	budgetOf := "the " + phase.String() + " budget"
	if group {
		budgetOf = "its " + phase.String() + " money"
	}
	need := percentText(r.Min)
	onLine := ""
	if pass && r.Min > 0 && exactly(m, r.Min) {
		onLine = " (exactly on the threshold, which passes)"
	}
	switch r.Kind {
	case EveryLine:
		if pass {
			return fmt.Sprintf("all %s are at %s", linesText(m.Den), levelsText(r.Level))
		}
		return fmt.Sprintf("%d of %s %s below %s%s", m.Den-m.Num, linesText(m.Den), isAre(m.Den-m.Num), r.Level, breakdown)
	case CountShare:
		s := fmt.Sprintf("%d of %s (%s) are at %s; at least %s required%s", m.Num, linesText(m.Den), val, levelsText(r.Level), need, onLine)
		if !pass {
			s += fmt.Sprintf(": %s more needed", linesText(m.shortfall(r.Min)))
		}
		return s
	case Coverage:
		if m.Unit == UnitLines {
			s := fmt.Sprintf("%d of %s (%s) are screened for gender; at least %s required%s", m.Num, linesText(m.Den), val, need, onLine)
			if !pass {
				s += fmt.Sprintf(": %d not screened", m.Den-m.Num)
			}
			return s
		}
		s := fmt.Sprintf("%s of %s (%s of %s) is screened for gender; at least %s required%s", val, budgetOf, moneyText(m.Num), moneyText(m.Den), need, onLine)
		if !pass {
			s += fmt.Sprintf(": %s not screened", moneyText(m.Den-m.Num))
		}
		return s
	}
	what := levelsText(r.Level) + " money, counted under " + r.Weighting.Name + ","
	if r.Weighting.Attributed {
		what = "money attributed to gender equality on the lines (" + r.Weighting.Name + ")"
	}
	s := fmt.Sprintf("%s is %s of %s (%s of %s); at least %s required%s", what, val, budgetOf, moneyText(m.Num), moneyText(m.Den), need, onLine)
	if !pass {
		s += fmt.Sprintf(": %s short", moneyText(m.shortfall(r.Min)))
	}
	return s
}

// exactly reports whether m equals min basis points exactly.
func exactly(m Measured, min int) bool {
	return new(big.Int).Mul(big.NewInt(m.Num), big.NewInt(10000)).Cmp(new(big.Int).Mul(big.NewInt(int64(min)), big.NewInt(m.Den))) == 0
}

func isAre(n int64) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func linesText(n int64) string {
	if n == 1 {
		return "1 line"
	}
	return strconv.FormatInt(n, 10) + " lines"
}

// levelsText names the levels at or above l: "significant or principal".
func levelsText(l budget.Level) string {
	var names []string
	for _, lv := range budget.Levels() {
		if lv >= l && lv != budget.NotScreened {
			names = append(names, lv.String())
		}
	}
	switch len(names) {
	case 0:
		return "no level"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// percentText formats basis points: 1500 → "15%", 1250 → "12.5%".
func percentText(bp int) string {
	return strconv.FormatFloat(float64(bp)/100, 'f', -1, 64) + "%"
}

// valuePercent formats v (a fraction) in per cent with one decimal, or
// more when one decimal would print the threshold for a value that
// misses it (14.96% is not "15.0%").
func valuePercent(v float64, min int, pass bool) string {
	for dec := 1; dec <= 4; dec++ {
		s := strconv.FormatFloat(100*v, 'f', dec, 64)
		t := strconv.FormatFloat(float64(min)/100, 'f', dec, 64)
		if s != t || pass {
			return s + "%"
		}
	}
	return strconv.FormatFloat(100*v, 'f', 6, 64) + "%"
}

// moneyText formats cents with two decimals and thousands separators.
func moneyText(c int64) string {
	s := budget.Money(c).String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	i := strings.IndexByte(s, '.')
	var b strings.Builder
	for j, ch := range s[:i] {
		if j > 0 && (i-j)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(ch)
	}
	out := b.String() + s[i:]
	if neg {
		return "-" + out
	}
	return out
}
