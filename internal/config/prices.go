package config

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// pricesKey is the key of the model price table in prodgen.yaml.
const pricesKey = "prices"

// Price is what a model costs, in US dollars per million tokens.
type Price struct {
	Input  float64 // per million tokens sent (the prompt)
	Output float64 // per million tokens received (the answer)
}

// Price returns the configured price of model, matched exactly by name, and
// whether there is one. prodgen has no built-in prices: they go stale.
func (c *Config) Price(model string) (Price, bool) {
	p, ok := c.Prices[model]
	return p, ok
}

// pricesExample is shown wherever a price table is misread.
const pricesExample = "e.g. gpt-4o-mini: {input: 0.15, output: 0.60}"

// decodePrices reads the prices table from a configuration file, keeping
// model names exactly as written, with errors that name the model, the
// field and the line.
func decodePrices(data []byte) (map[string]Price, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("not valid YAML: %w", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	root := resolve(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		// viper reads keys without regard to case; so does this.
		if strings.EqualFold(root.Content[i].Value, pricesKey) {
			return pricesTable(resolve(root.Content[i+1]))
		}
	}
	return nil, nil
}

func pricesTable(n *yaml.Node) (map[string]Price, error) {
	if n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("prices (line %d): want a map from model name to {input, output} US dollars per million tokens, %s", n.Line, pricesExample)
	}
	prices := make(map[string]Price, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		name, entry := n.Content[i], resolve(n.Content[i+1])
		model := name.Value
		if strings.TrimSpace(model) == "" {
			return nil, fmt.Errorf("prices (line %d): empty model name", name.Line)
		}
		if _, dup := prices[model]; dup {
			return nil, fmt.Errorf("prices: model %q is listed twice (line %d)", model, name.Line)
		}
		p, err := priceEntry(entry)
		if err != nil {
			return nil, fmt.Errorf("prices: model %q: %w", model, err)
		}
		prices[model] = p
	}
	return prices, nil
}

// priceEntry reads one {input, output} entry; both fields are required, so
// that a forgotten one is not a free half.
func priceEntry(n *yaml.Node) (Price, error) {
	if n.Kind != yaml.MappingNode {
		return Price{}, fmt.Errorf("want {input, output} US dollars per million tokens (line %d), %s", n.Line, pricesExample)
	}
	var p Price
	var seen []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		field, val := n.Content[i].Value, resolve(n.Content[i+1])
		var dst *float64
		switch field {
		case "input":
			dst = &p.Input
		case "output":
			dst = &p.Output
		default:
			return Price{}, fmt.Errorf("unknown field %q on line %d (allowed: input, output)", field, n.Content[i].Line)
		}
		if slices.Contains(seen, field) {
			return Price{}, fmt.Errorf("%s is given twice (line %d)", field, n.Content[i].Line)
		}
		seen = append(seen, field)
		if val.Kind != yaml.ScalarNode || val.Decode(dst) != nil {
			return Price{}, fmt.Errorf("%s %q on line %d is not a number of US dollars per million tokens", field, val.Value, val.Line)
		}
	}
	for _, f := range []string{"input", "output"} {
		if !slices.Contains(seen, f) {
			return Price{}, fmt.Errorf("missing %s (US dollars per million tokens, line %d), %s", f, n.Line, pricesExample)
		}
	}
	return p, nil
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// checkPrices rejects negative, infinite and NaN prices, naming the model.
func checkPrices(prices map[string]Price) error {
	models := make([]string, 0, len(prices))
	for m := range prices {
		models = append(models, m)
	}
	slices.Sort(models)
	for _, m := range models {
		p := prices[m]
		for _, f := range []struct {
			name string
			v    float64
		}{{"input", p.Input}, {"output", p.Output}} {
			if !(f.v >= 0) || math.IsInf(f.v, 1) {
				return fmt.Errorf("model %q: %s %g is out of range (allowed: 0 or more US dollars per million tokens)", m, f.name, f.v)
			}
		}
	}
	return nil
}

// formatPrices writes a price table as one line of flow-style YAML, in
// model order, the way it could be written in prodgen.yaml.
func formatPrices(prices map[string]Price) string {
	if len(prices) == 0 {
		return ""
	}
	models := make([]string, 0, len(prices))
	for m := range prices {
		models = append(models, m)
	}
	slices.Sort(models)
	parts := make([]string, len(models))
	for i, m := range models {
		p := prices[m]
		parts[i] = fmt.Sprintf("%s: {input: %s, output: %s}", yamlKey(m), num(p.Input), num(p.Output))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// yamlKey quotes a model name when flow-style YAML would misread it.
func yamlKey(s string) string {
	if s == "" || strings.ContainsAny(s, ":{}[],#&*!|>'\"%@`") || strings.TrimSpace(s) != s {
		return strconv.Quote(s)
	}
	return s
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
