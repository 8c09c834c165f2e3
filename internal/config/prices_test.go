package config

import (
	"maps"
	"testing"
)

func TestPrices(t *testing.T) {
	tests := []struct {
		name string
		file string
		want map[string]Price
	}{
		{name: "none", file: "model: gpt-4o\n", want: map[string]Price{}},
		{name: "empty", file: "prices:\n", want: map[string]Price{}},
		{name: "flow style", file: "prices:\n  gpt-4o-mini: {input: 0.15, output: 0.60}\n", want: map[string]Price{"gpt-4o-mini": {0.15, 0.6}}},
		{
			name: "names keep case and dots",
			file: "prices:\n  gpt-4.1-mini:\n    input: 0.4\n    output: 1.6\n  Qwen/Qwen2.5-7B-Instruct: {input: 0, output: 0}\n",
			want: map[string]Price{"gpt-4.1-mini": {0.4, 1.6}, "Qwen/Qwen2.5-7B-Instruct": {0, 0}},
		},
		{name: "whole numbers", file: "prices:\n  big: {input: 5, output: 15}\n", want: map[string]Price{"big": {5, 15}}},
		{name: "colon in name", file: "prices:\n  \"llama3.1:8b\": {input: 0, output: 0}\n", want: map[string]Price{"llama3.1:8b": {}}},
		{name: "anchors", file: "prices:\n  a: &p {input: 1, output: 2}\n  b: *p\n", want: map[string]Price{"a": {1, 2}, "b": {1, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := load(t, tt.file, nil)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if !maps.Equal(cfg.Prices, tt.want) && len(cfg.Prices)+len(tt.want) > 0 {
				t.Errorf("Prices = %v, want %v", cfg.Prices, tt.want)
			}
			for m, p := range tt.want {
				if got, ok := cfg.Price(m); !ok || got != p {
					t.Errorf("Price(%q) = %v, %v; want %v", m, got, ok, p)
				}
			}
		})
	}
}

func TestPricesInvalid(t *testing.T) {
	tests := []struct {
		name string
		file string
		want []string
	}{
		{name: "negative input", file: "prices:\n  gpt-4o: {input: -1, output: 10}\n", want: []string{"prices", `model "gpt-4o"`, "input -1 is out of range", "0 or more"}},
		{name: "negative output", file: "prices:\n  gpt-4o: {input: 1, output: -0.5}\n", want: []string{`model "gpt-4o"`, "output -0.5"}},
		{name: "not a number", file: "prices:\n  gpt-4o: {input: .nan, output: 1}\n", want: []string{`model "gpt-4o"`, "input NaN is out of range"}},
		{name: "infinite", file: "prices:\n  gpt-4o: {input: 1, output: .inf}\n", want: []string{"output +Inf is out of range"}},
		{name: "unknown field", file: "prices:\n  gpt-4o:\n    input: 1\n    outptu: 2\n", want: []string{"prodgen.yaml", `model "gpt-4o"`, `unknown field "outptu" on line 4`, "allowed: input, output"}},
		{name: "missing field", file: "prices:\n  gpt-4o: {input: 1}\n", want: []string{"prodgen.yaml", `model "gpt-4o"`, "missing output"}},
		{name: "wrong type", file: "prices:\n  gpt-4o: {input: cheap, output: 1}\n", want: []string{"prodgen.yaml", `model "gpt-4o"`, `input "cheap" on line 2 is not a number`}},
		{name: "quoted number", file: "prices:\n  gpt-4o: {input: \"1\", output: 1}\n", want: []string{`input "1" on line 2 is not a number`}},
		{name: "list value", file: "prices:\n  gpt-4o: {input: [1], output: 1}\n", want: []string{"input", "is not a number"}},
		{name: "entry not a map", file: "prices:\n  gpt-4o: 0.15\n", want: []string{`model "gpt-4o"`, "want {input, output}"}},
		{name: "table not a map", file: "prices: [gpt-4o]\n", want: []string{"prodgen.yaml", "prices (line 1): want a map"}},
		{name: "scalar table", file: "prices: 3\n", want: []string{"prices (line 1): want a map"}},
		{name: "field twice", file: "prices:\n  gpt-4o: {input: 1, input: 2, output: 3}\n", want: []string{"prodgen.yaml", "not valid YAML"}},
		{name: "misspelt key", file: "price:\n  gpt-4o: {input: 1, output: 2}\n", want: []string{`unknown key "price"`, `did you mean "prices"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.file, nil)
			wantConfigError(t, err, tt.want...)
		})
	}
}
