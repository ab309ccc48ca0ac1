package budget

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Objective is one of the 23 objectives of the Global Compact for Migration
// (A/RES/73/195 para. 16), or objective 0, "General": grb's bucket, after
// the UN Network on Migration hub's, for money that serves the Compact as
// a whole (coordination, national implementation plans).
type Objective struct {
	Number int    // 1–23, or 0 for General
	Title  string // official title, such as "Address and reduce vulnerabilities in migration"
	Short  string // short label of the UN Network hub, such as "Reduce vulnerabilities"
	// titles and shorts hold the French and Spanish title and short
	// label by language code ("fr", "es"); see TitleIn.
	titles, shorts map[string]string
}

// TitleIn is the objective's official title in a language of the UN
// ("fr", "es"), its English Title for any other.
func (o Objective) TitleIn(lang string) string {
	if t, ok := o.titles[lang]; ok {
		return t
	}
	return o.Title
}

// ShortIn is the objective's short label in lang, as TitleIn.
func (o Objective) ShortIn(lang string) string {
	if t, ok := o.shorts[lang]; ok {
		return t
	}
	return o.Short
}

// Principle is one of the 10 guiding principles of the GCM
// (A/RES/73/195 para. 15).
type Principle struct {
	Para string // letter of para. 15, "a" to "j"
	Name string // such as "Gender-responsive"
	Gist string // a one-sentence paraphrase
}

// ThematicArea is one of the five thematic areas of the Migration
// Multi-Partner Trust Fund, which group the GCM objectives (an objective
// may be in more than one area). The names and the mapping are
// provisional: they could not be checked against the Fund's documents.
type ThematicArea struct {
	Number      int
	Name        string
	Objectives  []int // GCM objective numbers
	Provisional bool  // names and mapping unverified
	Note        string
}

// gcmFile is the YAML shape of data/gcm.yaml.
type gcmFile struct {
	Objectives struct {
		Source string `yaml:"source"`
		Items  []struct {
			Number int    `yaml:"number"`
			Title  string `yaml:"title"`
			Short  string `yaml:"short"`
			Note   string `yaml:"note"`
			// French and Spanish (A/RES/73/195 in those languages)
			TitleFR string `yaml:"title_fr"`
			ShortFR string `yaml:"short_fr"`
			TitleES string `yaml:"title_es"`
			ShortES string `yaml:"short_es"`
		} `yaml:"items"`
	} `yaml:"objectives"`
	Principles struct {
		Source string      `yaml:"source"`
		Items  []Principle `yaml:"items"`
	} `yaml:"principles"`
	ThematicAreas struct {
		Source      string `yaml:"source"`
		Provisional bool   `yaml:"provisional"`
		Note        string `yaml:"note"`
		Items       []struct {
			Number     int    `yaml:"number"`
			Name       string `yaml:"name"`
			Objectives []int  `yaml:"objectives"`
			Note       string `yaml:"note"`
		} `yaml:"items"`
	} `yaml:"thematic_areas"`
}

// gcmRef is the parsed reference data.
type gcmRef struct {
	objectives []Objective // index = number
	principles []Principle
	areas      []ThematicArea
	byText     map[string]int // refNormWords(title or short label) → number
}

// NumObjectives is the number of GCM objectives, 1 to 23 (General, 0,
// excepted).
const NumObjectives = 23

// gcmData parses the embedded data/gcm.yaml once.
var gcmData = sync.OnceValue(func() *gcmRef {
	g, err := parseGCM(gcmYAML)
	if err != nil {
		panic("budget: embedded data/gcm.yaml is invalid (a bug in grb): " + err.Error())
	}
	return g
})

// parseGCM parses and checks the GCM reference data.
func parseGCM(b []byte) (*gcmRef, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var f gcmFile
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	g := &gcmRef{byText: map[string]int{}}
	for i, o := range f.Objectives.Items {
		if o.Number != i {
			return nil, fmt.Errorf("objective %d listed in place %d", o.Number, i)
		}
		if o.Title == "" || o.Short == "" {
			return nil, fmt.Errorf("objective %d has no title or short label", o.Number)
		}
		if o.TitleFR == "" || o.ShortFR == "" || o.TitleES == "" || o.ShortES == "" {
			return nil, fmt.Errorf("objective %d has no French or Spanish title or short label", o.Number)
		}
		g.objectives = append(g.objectives, Objective{Number: o.Number, Title: o.Title, Short: o.Short,
			titles: map[string]string{"fr": o.TitleFR, "es": o.TitleES},
			shorts: map[string]string{"fr": o.ShortFR, "es": o.ShortES}})
		if o.Number > 0 {
			g.byText[refNormWords(o.Title)] = o.Number
			g.byText[refNormWords(o.Short)] = o.Number
		}
	}
	if len(g.objectives) != NumObjectives+1 {
		return nil, fmt.Errorf("%d objectives, want General and 1–%d", len(g.objectives), NumObjectives)
	}
	g.principles = f.Principles.Items
	if len(g.principles) != 10 {
		return nil, fmt.Errorf("%d guiding principles, want 10", len(g.principles))
	}
	for _, a := range f.ThematicAreas.Items {
		for _, n := range a.Objectives {
			if n < 1 || n > NumObjectives {
				return nil, fmt.Errorf("thematic area %d: objective %d out of range", a.Number, n)
			}
		}
		note := strings.TrimSpace(f.ThematicAreas.Note)
		if a.Note != "" {
			note += " " + a.Note
		}
		g.areas = append(g.areas, ThematicArea{
			Number:      a.Number,
			Name:        a.Name,
			Objectives:  a.Objectives,
			Provisional: f.ThematicAreas.Provisional,
			Note:        note,
		})
	}
	return g, nil
}

// Objectives returns objective 0 (General) and the 23 GCM objectives, in
// order, so that Objectives()[n].Number == n. It panics if grb's embedded
// data/gcm.yaml is invalid, a bug caught by the package tests.
func Objectives() []Objective { return slices.Clone(gcmData().objectives) }

// ObjectiveByNumber returns objective n (0 for General, 1–23) and whether
// there is one. Like [Objectives], it panics only if the embedded data is
// invalid.
func ObjectiveByNumber(n int) (Objective, bool) {
	objs := gcmData().objectives
	if n < 0 || n >= len(objs) {
		return Objective{}, false
	}
	return objs[n], true
}

// Principles returns the 10 guiding principles, (a) to (j). Like
// [Objectives], it panics only if the embedded data is invalid.
func Principles() []Principle { return slices.Clone(gcmData().principles) }

// ThematicAreas returns the five thematic areas of the Migration MPTF with
// their GCM objectives. They are marked provisional: the names and the
// mapping are unverified (see each area's Note). Like [Objectives], it
// panics only if the embedded data is invalid.
func ThematicAreas() []ThematicArea {
	areas := slices.Clone(gcmData().areas)
	for i := range areas {
		areas[i].Objectives = slices.Clone(areas[i].Objectives)
	}
	return areas
}
