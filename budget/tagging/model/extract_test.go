package model

import (
	"math"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// extractRef is extract as first written (a reflection-based stable sort,
// a map of sums, an allocation per n-gram): the faster extract must give
// the same features, to the bit.
func extractRef(text string, dim int) []Feature {
	ws := words(text)
	type raw struct {
		idx    int32
		weight float64
		owner  string
	}
	var grams []raw
	mask := uint32(dim - 1)
	for i, w := range ws {
		grams = append(grams, raw{int32(hash32('w', w) & mask), wordWeight, w})
		if i > 0 {
			pair := ws[i-1] + " " + w
			grams = append(grams, raw{int32(hash32('b', pair) & mask), wordWeight, pair})
		}
		p := []rune("_" + w + "_")
		for n := 3; n <= 5; n++ {
			for j := 0; j+n <= len(p); j++ {
				grams = append(grams, raw{int32(hash32('c', string(p[j:j+n])) & mask), 1, w})
			}
		}
	}
	sort.SliceStable(grams, func(i, j int) bool { return grams[i].idx < grams[j].idx })
	total := map[int32]float64{}
	for _, g := range grams {
		total[g.idx] += g.weight
	}
	var norm float64
	for i, g := range grams {
		if i == 0 || grams[i-1].idx != g.idx {
			v := math.Log1p(total[g.idx])
			norm += v * v
		}
	}
	norm = math.Sqrt(norm)
	out := make([]Feature, 0, len(grams))
	for _, g := range grams {
		t := total[g.idx]
		out = append(out, Feature{g.idx, math.Log1p(t) / norm * g.weight / t, g.owner})
	}
	return out
}

func TestExtractAsFirstWritten(t *testing.T) {
	for _, text := range []string{
		"", "Support to migrant women and girls in host communities",
		"Réintégration des migrants de retour — Côte d'Ivoire, 2024-25",
		"Protección de niñas migrantes: ÑANDÚ ñandú", "移民 女性 支援 2024", "emoji 🚀 rocket 🚀🚀",
		"bad \xff\xfe bytes \xc3 here", "a b c d e f g h", "x x x x x x x x x x x x",
	} {
		for _, dim := range []int{1 << 4, 1 << 16} {
			if d := cmp.Diff(extractRef(text, dim), extract(text, dim)); d != "" {
				t.Errorf("%q at %d buckets (-first +now):\n%s", text, dim, d)
			}
		}
	}
}
