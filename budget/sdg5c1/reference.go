package sdg5c1

import (
	"bytes"
	_ "embed" // for data/sdg5c1.yaml
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// sdg5c1YAML holds the SDG 5.c.1 questionnaire: the 13 questions by
// criterion, the optional question, instructions and definitions.
//
//go:embed data/sdg5c1.yaml
var sdg5c1YAML []byte

// Question is one question of the SDG indicator 5.c.1
// questionnaire (SDG global metadata 5.c.1), in grb's own words.
type Question struct {
	ID        string // "1.1" … "3.3", or "optional"
	Criterion int    // 1, 2 or 3; 0 for the optional question
	Text      string
}

// Criterion is one of the indicator's three criteria and its
// questions.
type Criterion struct {
	Number    int
	Name      string
	Questions []Question
}

// Definition is a term of the questionnaire and its meaning.
type Definition struct {
	Term string `yaml:"term"`
	Text string `yaml:"text"`
}

// Reference is the questionnaire as grb ships it.
type Reference struct {
	Source          string
	ReferencePeriod string
	Criteria        []Criterion
	Optional        Question // the unscored question on the budget share
	Instructions    []string
	Definitions     []Definition
}

// Questions returns the scored questions in order: 1.1 … 3.3.
func (r *Reference) Questions() []Question {
	var out []Question
	for _, c := range r.Criteria {
		out = append(out, c.Questions...)
	}
	return out
}

// Default returns the questionnaire reference data embedded in grb. It
// panics if the embedded data/sdg5c1.yaml is invalid, a bug caught by the
// package tests.
func Default() *Reference {
	r := sdg5c1Data()
	c := *r
	c.Criteria = slices.Clone(r.Criteria)
	for i := range c.Criteria {
		c.Criteria[i].Questions = slices.Clone(r.Criteria[i].Questions)
	}
	c.Instructions = slices.Clone(r.Instructions)
	c.Definitions = slices.Clone(r.Definitions)
	return &c
}

var sdg5c1Data = sync.OnceValue(func() *Reference {
	r, err := parseSDG5c1(sdg5c1YAML)
	if err != nil {
		panic("budget: embedded data/sdg5c1.yaml is invalid (a bug in grb): " + err.Error())
	}
	return r
})

var sdg5c1ID = regexp.MustCompile(`^[1-9]\.[1-9][0-9]?$`)

func parseSDG5c1(b []byte) (*Reference, error) {
	var f struct {
		Source          string `yaml:"source"`
		ReferencePeriod string `yaml:"reference_period"`
		Criteria        []struct {
			Number    int    `yaml:"number"`
			Name      string `yaml:"name"`
			Questions []struct {
				ID   string `yaml:"id"`
				Text string `yaml:"text"`
			} `yaml:"questions"`
		} `yaml:"criteria"`
		Optional struct {
			ID   string `yaml:"id"`
			Text string `yaml:"text"`
		} `yaml:"optional"`
		Instructions []string     `yaml:"instructions"`
		Definitions  []Definition `yaml:"definitions"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	r := &Reference{
		Source:          strings.TrimSpace(f.Source),
		ReferencePeriod: f.ReferencePeriod,
		Optional:        Question{ID: f.Optional.ID, Text: strings.TrimSpace(f.Optional.Text)},
		Instructions:    f.Instructions,
		Definitions:     f.Definitions,
	}
	for i, c := range f.Criteria {
		if c.Number != i+1 || c.Name == "" {
			return nil, fmt.Errorf("criterion %d (%q) listed in place %d", c.Number, c.Name, i+1)
		}
		crit := Criterion{Number: c.Number, Name: c.Name}
		for j, q := range c.Questions {
			want := fmt.Sprintf("%d.%d", c.Number, j+1)
			if q.ID != want || strings.TrimSpace(q.Text) == "" {
				return nil, fmt.Errorf("question %q of criterion %d: want id %s with a text", q.ID, c.Number, want)
			}
			crit.Questions = append(crit.Questions, Question{ID: q.ID, Criterion: c.Number, Text: strings.TrimSpace(q.Text)})
		}
		r.Criteria = append(r.Criteria, crit)
	}
	if r.Optional.ID != "optional" || r.Optional.Text == "" {
		return nil, fmt.Errorf("the optional question must have id optional and a text")
	}
	return r, nil
}

// need is the number of Yes answers that meet each criterion.
var need = [4]int{0, 2, 4, 2}

// Need returns the number of Yes answers that meet criterion n (1, 2 or
// 3) of SDG 5.c.1, as the indicator's metadata fixes it: 2, 4 and 2; 0
// for any other n. The questionnaire states it beside each criterion.
func Need(n int) int {
	if n < 1 || n > 3 {
		return 0
	}
	return need[n]
}
