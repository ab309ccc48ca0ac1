package budget

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"
)

// The bounds of every YAML file grb reads (mapping, schemes, rules,
// weightings, profiles, deflators): a file larger than MaxYAMLBytes, whose
// aliases expand to more than maxYAMLNodes nodes (an "alias bomb"), or with
// a mapping of more than maxYAMLKeys keys (yaml.v3 checks duplicate keys
// in time quadratic in their number) is refused before it is decoded.
const (
	MaxYAMLBytes = 4 << 20
	maxYAMLNodes = 1_000_000
	maxYAMLKeys  = 10_000
)

// DecodeYAML decodes the one YAML document of r into v, unknown fields
// being errors, within the bounds above: errors wrap ErrLimit when a bound
// is passed and io.EOF when the file is empty. Every YAML input goes
// through it, and v's own UnmarshalYAML methods must not start decoders
// of their own (each would have an alias budget of its own).
func DecodeYAML(r io.Reader, v any) error {
	b, err := io.ReadAll(io.LimitReader(r, MaxYAMLBytes+1))
	if err != nil {
		return err
	}
	if len(b) > MaxYAMLBytes {
		return fmt.Errorf("the file is larger than %d bytes: %w", MaxYAMLBytes, ErrLimit)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc, next yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("the file is empty: %w", io.EOF)
		}
		return err
	}
	if err := dec.Decode(&next); err == nil {
		return fmt.Errorf("more than one YAML document (a second \"---\" at line %d); put everything in one", next.Line)
	} else if !errors.Is(err, io.EOF) {
		return err
	}
	if _, err := yamlSize(&doc, map[*yaml.Node]int{}); err != nil {
		return err
	}
	dec = yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	return dec.Decode(v)
}

// yamlSize returns the number of nodes of n with its aliases expanded,
// each anchor counted once in seen; it fails past the bounds.
func yamlSize(n *yaml.Node, seen map[*yaml.Node]int) (int, error) {
	if n == nil {
		return 0, nil
	}
	if k, ok := seen[n]; ok {
		if k < 0 {
			return 0, fmt.Errorf("line %d: an alias refers to the node that contains it: %w", n.Line, ErrLimit)
		}
		return k, nil
	}
	if n.Kind == yaml.MappingNode && len(n.Content)/2 > maxYAMLKeys {
		return 0, fmt.Errorf("line %d: a mapping with %d keys; grb reads at most %d keys in one mapping: %w", n.Line, len(n.Content)/2, maxYAMLKeys, ErrLimit)
	}
	seen[n] = -1
	total := 1
	kids := n.Content
	if n.Kind == yaml.AliasNode {
		kids, total = []*yaml.Node{n.Alias}, 0
	}
	for _, c := range kids {
		k, err := yamlSize(c, seen)
		if err != nil {
			return 0, err
		}
		if total += k; total > maxYAMLNodes {
			return 0, fmt.Errorf("line %d: its aliases expand to more than %d values: %w", n.Line, maxYAMLNodes, ErrLimit)
		}
	}
	seen[n] = total
	return total, nil
}
