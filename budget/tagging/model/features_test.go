package model

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Gender-Based Violence, 2011", []string{"gender", "based", "violence"}},
		{"Égalité des  GENRES à l'école", []string{"egalite", "des", "genres", "a", "l", "ecole"}},
		{"Niñas y mujeres: año 3", []string{"ninas", "y", "mujeres", "ano"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := words(tt.in); !cmp.Equal(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFeaturesNormalisedAndOwned(t *testing.T) {
	fs := extract("women women leadership", 1<<bitsForTest)
	var sq float64
	seen := map[int32]float64{}
	owners := map[string]bool{}
	for _, f := range fs {
		seen[f.Index] += f.Value
		owners[f.Owner] = true
		if f.Index < 0 || f.Index >= 1<<bitsForTest {
			t.Fatalf("index %d out of range", f.Index)
		}
	}
	for _, v := range seen {
		sq += v * v
	}
	if math.Abs(sq-1) > 1e-9 {
		t.Errorf("squared norm %v, want 1", sq)
	}
	for _, o := range []string{"women", "leadership", "women leadership", "women women"} {
		if !owners[o] {
			t.Errorf("no feature owned by %q: %v", o, owners)
		}
	}
	// the same text gives the same features
	if !cmp.Equal(fs, extract("women women leadership", 1<<bitsForTest)) {
		t.Error("extract is not deterministic")
	}
	if len(extract("  ,;", 1<<bitsForTest)) != 0 {
		t.Error("features from a text without words")
	}
}

const bitsForTest = 12

func TestReasonsSkipStopWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{{"of", true}, {"de la", true}, {"women", false}, {"of women", false}} {
		if got := allStopWords(tt.in); got != tt.want {
			t.Errorf("allStopWords(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestWordsWeighMoreThanCharGrams: a word and a word pair count
// wordWeight times as much as one of the dozen character n-grams a word
// gives, so that they are not drowned by them; a bucket's value is
// log(1 + its weighted count) before the L2 normalisation.
func TestWordsWeighMoreThanCharGrams(t *testing.T) {
	const bits = 20
	mask := uint32(1<<bits - 1)
	fs := extract("leadership", 1<<bits)
	word := int32(hash32('w', "leadership") & mask)
	char := int32(hash32('c', "_le") & mask)
	var wv, cv float64
	for _, f := range fs {
		switch f.Index {
		case word:
			wv += f.Value
		case char:
			cv += f.Value
		}
	}
	if cv == 0 || math.Abs(wv/cv-math.Log1p(wordWeight)/math.Log1p(1)) > 1e-9 {
		t.Errorf("word value %v, char-gram value %v: ratio %v, want log(1+%v)/log 2", wv, cv, wv/cv, wordWeight)
	}
}
