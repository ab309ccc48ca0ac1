package tagging

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/grb-toolkit/grb/budget"
)

// rulesYAML is grb's default rule set, documented in the file itself.
//
//go:embed data/rules.yaml
var rulesYAML []byte

// DefaultRulesYAML returns the text of grb's default tagging rules
// (data/rules.yaml), for users to copy and adapt.
func DefaultRulesYAML() []byte { return slices.Clone(rulesYAML) }

// ErrInvalidRules is wrapped by the errors of [ParseRules].
var ErrInvalidRules = errors.New("invalid tagging rules")

// RuleField is a part of a line that keywords and patterns are tried on.
type RuleField string

// The fields a rule can look in.
const (
	RuleDescription RuleField = "description"
	RuleProgramme   RuleField = "programme" // programme name
	RuleParent      RuleField = "parent"    // name of the programme above
	RuleUnit        RuleField = "unit"      // ministry, vote or agency name
)

var defaultRuleFields = []RuleField{RuleDescription, RuleProgramme, RuleParent}

// Rule is one tagging rule: what it matches and what it assigns. See
// data/rules.yaml for the file format.
type Rule struct {
	ID       string
	Note     string
	Priority int

	Keywords       []string    // as written in the file
	Patterns       []string    // regular expressions, as written
	Exclude        []string    // phrases that stop the rule
	ProgrammeCodes []string    // programme code prefixes
	UnitCodes      []string    // administrative code prefixes
	Fields         []RuleField // where keywords and patterns look

	Objectives []budget.ObjectiveShare // nil when the rule assigns none
	Marker     budget.Level            // NotScreened when the rule assigns none

	keywords []string // normalised
	exclude  []string // normalised
	patterns []*regexp.Regexp
}

// Rules is a set of tagging rules. A Rules value is not modified after
// [ParseRules] returns it, so it is safe for concurrent use.
type Rules struct {
	list []*Rule
}

// Len returns the number of rules.
func (rs *Rules) Len() int { return len(rs.list) }

// All returns copies of the rules, in file order.
func (rs *Rules) All() []Rule {
	out := make([]Rule, len(rs.list))
	for i, r := range rs.list {
		out[i] = *r
	}
	return out
}

var defaultRules = sync.OnceValue(func() *Rules {
	rs, err := ParseRules(bytes.NewReader(rulesYAML))
	if err != nil {
		panic("budget: embedded data/rules.yaml is invalid (a bug in grb): " + err.Error())
	}
	return rs
})

// DefaultRules returns grb's default rule set (data/rules.yaml): keywords
// in English, Spanish and French for each of the 23 GCM objectives and
// General, and for the gender-marker levels principal and significant. It
// panics if the embedded file is invalid, a bug caught by the tests.
func DefaultRules() *Rules { return defaultRules() }

// keywordList reads keywords either as a list or as lists by language.
type keywordList []string

// It reads the node's values itself rather than starting a decoder for
// each list, which would reset yaml.v3's alias budget (an alias bomb).
func (k *keywordList) UnmarshalYAML(n *yaml.Node) error {
	switch n = unalias(n); n.Kind {
	case yaml.SequenceNode:
		return k.add(n)
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if err := k.add(unalias(n.Content[i+1])); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("line %d: want a list of phrases, or lists by language", n.Line)
}

// add appends the phrases of the sequence n.
func (k *keywordList) add(n *yaml.Node) error {
	if n.Kind != yaml.SequenceNode {
		return fmt.Errorf("line %d: want a list of phrases", n.Line)
	}
	for _, c := range n.Content {
		if c = unalias(c); c.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: want a phrase, not a list or mapping", c.Line)
		}
		*k = append(*k, c.Value)
	}
	return nil
}

// unalias returns the node an alias refers to, or n.
func unalias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

type ruleYAML struct {
	ID             string      `yaml:"id"`
	Note           string      `yaml:"note"`
	Priority       int         `yaml:"priority"`
	Keywords       keywordList `yaml:"keywords"`
	Patterns       []string    `yaml:"patterns"`
	Exclude        keywordList `yaml:"exclude"`
	ProgrammeCodes []string    `yaml:"programme_codes"`
	UnitCodes      []string    `yaml:"unit_codes"`
	Fields         []string    `yaml:"fields"`
	Objectives     string      `yaml:"objectives"`
	Marker         string      `yaml:"marker"`
}

// ParseRules reads a YAML rules file of the shape of grb's
// data/rules.yaml. Unknown fields, duplicate ids, a rule that matches
// nothing or assigns nothing, an invalid regular expression, objectives
// that [ParseObjectives] rejects and an unknown marker level are errors
// wrapping [ErrInvalidRules]; errors reading r are wrapped too.
func ParseRules(r io.Reader) (*Rules, error) {
	var f struct {
		Rules []ruleYAML `yaml:"rules"`
	}
	if err := budget.DecodeYAML(r, &f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("budget: %w: the file is empty", ErrInvalidRules)
		}
		if errors.Is(err, budget.ErrLimit) {
			return nil, fmt.Errorf("budget: tagging rules: %w", err)
		}
		return nil, fmt.Errorf("budget: %w: %v", ErrInvalidRules, err)
	}
	if len(f.Rules) == 0 {
		return nil, fmt.Errorf("budget: %w: no rules (want a list under \"rules:\")", ErrInvalidRules)
	}
	rs := &Rules{}
	seen := map[string]bool{}
	for i, y := range f.Rules {
		rule, err := y.rule()
		if err != nil {
			return nil, fmt.Errorf("budget: %w: rule %d (%q): %v", ErrInvalidRules, i+1, y.ID, err)
		}
		if seen[rule.ID] {
			return nil, fmt.Errorf("budget: %w: rule id %q used twice", ErrInvalidRules, rule.ID)
		}
		seen[rule.ID] = true
		rs.list = append(rs.list, rule)
	}
	return rs, nil
}

func (y *ruleYAML) rule() (*Rule, error) {
	if strings.TrimSpace(y.ID) == "" {
		return nil, errors.New("no id")
	}
	r := &Rule{
		ID:             strings.TrimSpace(y.ID),
		Note:           strings.TrimSpace(y.Note),
		Priority:       y.Priority,
		Keywords:       y.Keywords,
		Patterns:       y.Patterns,
		Exclude:        y.Exclude,
		ProgrammeCodes: y.ProgrammeCodes,
		UnitCodes:      y.UnitCodes,
	}
	for _, k := range y.Keywords {
		n := budget.Normalize(k)
		if n == "" {
			return nil, fmt.Errorf("keyword %q has no letters or digits", k)
		}
		r.keywords = append(r.keywords, n)
	}
	for _, k := range y.Exclude {
		n := budget.Normalize(k)
		if n == "" {
			return nil, fmt.Errorf("exclusion %q has no letters or digits", k)
		}
		r.exclude = append(r.exclude, n)
	}
	for _, p := range y.Patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: %v", p, err)
		}
		if re.MatchString("") {
			return nil, fmt.Errorf("pattern %q matches empty text, so it would match every line", p)
		}
		r.patterns = append(r.patterns, re)
	}
	for _, c := range append(slices.Clone(y.ProgrammeCodes), y.UnitCodes...) {
		if strings.TrimSpace(c) == "" {
			return nil, errors.New("empty code prefix")
		}
	}
	if len(r.keywords)+len(r.patterns)+len(r.ProgrammeCodes)+len(r.UnitCodes) == 0 {
		return nil, errors.New("matches nothing: give keywords, patterns, programme_codes or unit_codes")
	}
	if len(y.Fields) == 0 {
		r.Fields = slices.Clone(defaultRuleFields)
	}
	for _, f := range y.Fields {
		switch fl := RuleField(strings.ToLower(strings.TrimSpace(f))); fl {
		case RuleDescription, RuleProgramme, RuleParent, RuleUnit:
			r.Fields = append(r.Fields, fl)
		default:
			return nil, fmt.Errorf("unknown field %q (want description, programme, parent or unit)", f)
		}
	}
	if strings.TrimSpace(y.Objectives) != "" {
		o, err := budget.ParseObjectives(y.Objectives)
		if err != nil {
			return nil, errors.New(budget.IssueText(err))
		}
		r.Objectives = o
	}
	if strings.TrimSpace(y.Marker) != "" {
		l, err := budget.ParseLevel(y.Marker)
		if err != nil {
			return nil, errors.New(budget.IssueText(err))
		}
		if l == budget.NotScreened {
			return nil, errors.New("marker not_screened assigns nothing; leave the marker out")
		}
		r.Marker = l
	}
	if r.Objectives == nil && r.Marker == budget.NotScreened {
		return nil, errors.New("assigns nothing: give objectives, a marker or both")
	}
	return r, nil
}

// RuleMatch is a rule that matched a line, and what it matched.
type RuleMatch struct {
	Rule     string // rule id
	Priority int
	Field    string // where: "description", "programme", "parent", "unit", "programme code", "unit code"
	Text     string // the keyword or pattern as written in the rule, or the code prefix
	Pattern  bool   // Text is a regular expression

	objectives []budget.ObjectiveShare
	marker     budget.Level
}

// String describes the match for people: `refugees-asylum: "refugee" in
// programme`, or with a pattern `visas: /\bvisas?\b/ in description`.
func (m RuleMatch) String() string {
	if m.Pattern {
		return fmt.Sprintf("%s: /%s/ in %s", m.Rule, m.Text, m.Field)
	}
	return fmt.Sprintf("%s: %q in %s", m.Rule, m.Text, m.Field)
}

// RuleConflict is a set of rules of equal, highest priority that match one
// line and assign it different objectives or markers. grb reports the
// conflict; for objectives it suggests the candidates' objectives
// together, for review, for a marker nothing (the model may fill it).
type RuleConflict struct {
	Aspect  string      // "objectives" or "marker"
	Matches []RuleMatch // the disagreeing rules
}

// String describes the conflict for people.
func (c RuleConflict) String() string {
	parts := make([]string, len(c.Matches))
	for i, m := range c.Matches {
		v := budget.FormatObjectives(m.objectives)
		if c.Aspect == "marker" {
			v = m.marker.String()
		}
		parts[i] = fmt.Sprintf("%s (%s)", m.Rule, v)
	}
	return fmt.Sprintf("%s: rules of priority %d disagree: %s", c.Aspect, c.Matches[0].Priority, strings.Join(parts, ", "))
}

// RuleResult is what a rule set suggests for one line.
type RuleResult struct {
	Matches []RuleMatch // every rule that matched, highest priority first, then by id

	// Objectives is nil when no rule assigns objectives. When rules of
	// equal priority disagree it is the candidates' objectives together,
	// each candidate an equal part of the shares, ObjectivesForReview is
	// set and the conflict is in Conflicts.
	Objectives          []budget.ObjectiveShare
	ObjectiveSource     budget.Provenance // FromRule with the deciding match (or the conflict), when Objectives is set
	ObjectiveRule       string            // id of the deciding rule; "" on a conflict
	ObjectiveRules      []string          // on a conflict, the ids of the disagreeing rules
	ObjectivesForReview bool
	Marker              budget.Level // NotScreened when no rule assigns a marker, or when they conflict
	MarkerSource        budget.Provenance
	MarkerRule          string

	Conflicts []RuleConflict
}

// ruleText is the normalised text of a line's fields.
type ruleText map[RuleField]string

// Apply runs the rules on one line.
func (rs *Rules) Apply(l *budget.Line) RuleResult {
	return rs.apply(l, lineRuleText(l, nil))
}

// lineRuleText normalises the fields of l, memoising by text in memo
// (which may be nil).
func lineRuleText(l *budget.Line, memo map[string]string) ruleText {
	norm := func(s string) string {
		if memo == nil {
			return budget.Normalize(s)
		}
		if v, ok := memo[s]; ok {
			return v
		}
		v := budget.Normalize(s)
		memo[s] = v
		return v
	}
	t := ruleText{
		RuleDescription: norm(l.Description),
		RuleProgramme:   norm(l.Programme.Name()),
		RuleUnit:        norm(l.Unit.Name()),
	}
	if !l.Parent.IsZero() {
		t[RuleParent] = norm(l.Parent.Name())
	}
	return t
}

func (rs *Rules) apply(l *budget.Line, text ruleText) RuleResult {
	var res RuleResult
	for _, r := range rs.list {
		if m, ok := r.match(l, text); ok {
			res.Matches = append(res.Matches, m)
		}
	}
	sort.SliceStable(res.Matches, func(i, j int) bool {
		if res.Matches[i].Priority != res.Matches[j].Priority {
			return res.Matches[i].Priority > res.Matches[j].Priority
		}
		return res.Matches[i].Rule < res.Matches[j].Rule
	})
	// Objectives.
	var objs []RuleMatch
	for _, m := range res.Matches {
		if m.objectives != nil {
			objs = append(objs, m)
		}
	}
	if win, c, ok := decide(objs, "objectives", func(a, b RuleMatch) bool { return slices.Equal(a.objectives, b.objectives) }); ok {
		res.Objectives = slices.Clone(win.objectives)
		res.ObjectiveRule = win.Rule
		res.ObjectiveSource = budget.NewProvenance(budget.FromRule, ruleDetail(win, objs, func(a, b RuleMatch) bool { return slices.Equal(a.objectives, b.objectives) }))
	} else if c != nil {
		res.Conflicts = append(res.Conflicts, *c)
		res.Objectives = unionObjectives(c.Matches)
		res.ObjectivesForReview = true
		res.ObjectiveSource = budget.NewProvenance(budget.FromRule, conflictDetailPrefix+strings.TrimPrefix(c.String(), "objectives: "))
		for _, m := range c.Matches {
			res.ObjectiveRules = append(res.ObjectiveRules, m.Rule)
		}
	}
	// Marker.
	var marks []RuleMatch
	for _, m := range res.Matches {
		if m.marker != budget.NotScreened {
			marks = append(marks, m)
		}
	}
	sameMarker := func(a, b RuleMatch) bool { return a.marker == b.marker }
	if win, c, ok := decide(marks, "marker", sameMarker); ok {
		res.Marker = win.marker
		res.MarkerRule = win.Rule
		res.MarkerSource = budget.NewProvenance(budget.FromRule, ruleDetail(win, marks, sameMarker))
	} else if c != nil {
		res.Conflicts = append(res.Conflicts, *c)
	}
	return res
}

// decide picks the assignment of the highest-priority matches (sorted by
// priority), or reports their conflict when they disagree.
func decide(ms []RuleMatch, aspect string, same func(a, b RuleMatch) bool) (RuleMatch, *RuleConflict, bool) {
	if len(ms) == 0 {
		return RuleMatch{}, nil, false
	}
	top := ms[0].Priority
	var tied []RuleMatch
	for _, m := range ms {
		if m.Priority == top {
			tied = append(tied, m)
		}
	}
	for _, m := range tied[1:] {
		if !same(m, tied[0]) {
			return RuleMatch{}, &RuleConflict{Aspect: aspect, Matches: tied}, false
		}
	}
	return tied[0], nil, true
}

// ruleDetail describes the deciding match, and the lower-priority rules
// with another assignment that it outranked.
func ruleDetail(win RuleMatch, ms []RuleMatch, same func(a, b RuleMatch) bool) string {
	s := "rule " + win.String()
	var out []string
	for _, m := range ms {
		if m.Priority < win.Priority && !same(m, win) && !slices.Contains(out, m.Rule) {
			out = append(out, m.Rule)
		}
	}
	if len(out) > 0 {
		s += fmt.Sprintf(" (priority %d, outranks %s)", win.Priority, strings.Join(out, ", "))
	}
	return s
}

// match reports whether r matches l and what it matched.
func (r *Rule) match(l *budget.Line, text ruleText) (RuleMatch, bool) {
	m := RuleMatch{Rule: r.ID, Priority: r.Priority, objectives: r.Objectives, marker: r.Marker}
	for _, f := range r.Fields {
		for _, x := range r.exclude {
			if budget.ContainsWords(text[f], x) {
				return m, false
			}
		}
	}
	if len(r.ProgrammeCodes) > 0 {
		p, ok := codePrefix(l.Programme.Code(), r.ProgrammeCodes)
		if !ok {
			return m, false
		}
		m.Field, m.Text = "programme code", p
	}
	if len(r.UnitCodes) > 0 {
		p, ok := codePrefix(l.Unit.Code(), r.UnitCodes)
		if !ok {
			return m, false
		}
		if m.Field == "" {
			m.Field, m.Text = "unit code", p
		}
	}
	if len(r.keywords)+len(r.patterns) == 0 {
		return m, true
	}
	for _, f := range r.Fields {
		t := text[f]
		if t == "" {
			continue
		}
		for i, k := range r.keywords {
			if budget.ContainsWords(t, k) {
				m.Field, m.Text = string(f), r.Keywords[i]
				return m, true
			}
		}
		for i, re := range r.patterns {
			if re.MatchString(t) {
				m.Field, m.Text, m.Pattern = string(f), r.Patterns[i], true
				return m, true
			}
		}
	}
	return m, false
}

// codePrefix returns the first of prefixes that code starts with.
func codePrefix(code string, prefixes []string) (string, bool) {
	code = strings.TrimSpace(code)
	if code == "" {
		return "", false
	}
	for _, p := range prefixes {
		if strings.HasPrefix(code, strings.TrimSpace(p)) {
			return p, true
		}
	}
	return "", false
}

// conflictDetailPrefix starts the provenance of objectives suggested from
// rules that disagree: it starts with "rule " so that it reads back as a
// rule's.
const conflictDetailPrefix = "rule conflict, for review: "

// unionObjectives returns the objectives of the disagreeing matches
// together, by objective number: each match counts for an equal part, its
// own shares kept inside that part. The basis points lost to rounding go
// one at a time to the largest remainders (the first objective on a tie),
// so that the shares sum to 100 %.
func unionObjectives(ms []RuleMatch) []budget.ObjectiveShare {
	sum := map[int]int{}
	for _, m := range ms {
		for _, o := range m.objectives {
			sum[o.Objective] += o.Share
		}
	}
	nums := make([]int, 0, len(sum))
	for n := range sum {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	out := make([]budget.ObjectiveShare, len(nums))
	total := 0
	for i, n := range nums {
		out[i] = budget.ObjectiveShare{Objective: n, Share: sum[n] / len(ms)}
		total += out[i].Share
	}
	// Largest remainder first, the first objective on a tie.
	order := make([]int, len(nums))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return sum[nums[order[a]]]%len(ms) > sum[nums[order[b]]]%len(ms)
	})
	for i := 0; total < 10000 && len(out) > 0; i = (i + 1) % len(out) {
		out[order[i]].Share++
		total++
	}
	if len(out) == 1 {
		out[0].Share = 10000
	}
	return out
}
