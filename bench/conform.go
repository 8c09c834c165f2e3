package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// schemaNode is the part of a JSON schema that conform reads: what
// artifact's strict schemas use.
type schemaNode struct {
	Type                 string                 `json:"type"`
	Description          string                 `json:"description"`
	Enum                 []string               `json:"enum"`
	Minimum              *float64               `json:"minimum"`
	Maximum              *float64               `json:"maximum"`
	Items                *schemaNode            `json:"items"`
	Properties           map[string]*schemaNode `json:"properties"`
	Required             []string               `json:"required"`
	AdditionalProperties *bool                  `json:"additionalProperties"`
}

// conform writes v (a value encoding/json decoded into any) as JSON that
// satisfies schema the way a model in strict structured-output mode
// answers: every property present, in the schema's order, a missing one
// as its empty value, ids the schema says to leave empty left empty. It
// fails on what a strict model could not write: a key the schema does not
// allow, a value of the wrong type, or a string outside an enum.
func conform(schema json.RawMessage, v any) ([]byte, error) {
	var root schemaNode
	if err := json.Unmarshal(schema, &root); err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	var buf bytes.Buffer
	if err := write(&buf, &root, v, "$"); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func write(buf *bytes.Buffer, n *schemaNode, v any, at string) error {
	switch n.Type {
	case "object":
		return writeObject(buf, n, v, at)
	case "array":
		items, ok := v.([]any)
		if !ok && v != nil {
			return fmt.Errorf("%s: want an array, got %T", at, v)
		}
		buf.WriteByte('[')
		for i, item := range items {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := write(buf, n.Items, item, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
		return nil
	case "string":
		s, ok := v.(string)
		if !ok && v != nil {
			return fmt.Errorf("%s: want a string, got %T", at, v)
		}
		if strings.HasPrefix(n.Description, "leave empty") {
			s = ""
		}
		if len(n.Enum) > 0 && !slices.Contains(n.Enum, s) {
			return fmt.Errorf("%s: %q is not one of %v", at, s, n.Enum)
		}
		b, err := json.Marshal(s)
		buf.Write(b)
		return err
	case "integer":
		f, ok := v.(float64)
		if (!ok && v != nil) || f != float64(int64(f)) {
			return fmt.Errorf("%s: want an integer, got %v", at, v)
		}
		if n.Minimum != nil && f < *n.Minimum {
			return fmt.Errorf("%s: %v is below the minimum %v", at, f, *n.Minimum)
		}
		if n.Maximum != nil && f > *n.Maximum {
			return fmt.Errorf("%s: %v is above the maximum %v", at, f, *n.Maximum)
		}
		fmt.Fprint(buf, int64(f))
		return nil
	case "boolean":
		b, ok := v.(bool)
		if !ok && v != nil {
			return fmt.Errorf("%s: want a boolean, got %T", at, v)
		}
		fmt.Fprint(buf, b)
		return nil
	}
	return fmt.Errorf("%s: schema type %q is not supported", at, n.Type)
}

func writeObject(buf *bytes.Buffer, n *schemaNode, v any, at string) error {
	obj, ok := v.(map[string]any)
	if !ok && v != nil {
		return fmt.Errorf("%s: want an object, got %T", at, v)
	}
	for key := range obj {
		if _, known := n.Properties[key]; !known {
			return fmt.Errorf("%s: key %q is not in the schema", at, key)
		}
	}
	buf.WriteByte('{')
	for i, key := range propertyOrder(n) {
		if i > 0 {
			buf.WriteByte(',')
		}
		name, err := json.Marshal(key)
		if err != nil {
			return err
		}
		buf.Write(name)
		buf.WriteByte(':')
		if err := write(buf, n.Properties[key], obj[key], at+"."+key); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

// propertyOrder is the order of the required list, which strict schemas
// write in property order, then any other property by name.
func propertyOrder(n *schemaNode) []string {
	order := slices.Clone(n.Required)
	var rest []string
	for key := range n.Properties {
		if !slices.Contains(order, key) {
			rest = append(rest, key)
		}
	}
	sort.Strings(rest)
	return append(order, rest...)
}

// enumAt returns the enum of the schema node reached by following path
// through properties and array items ("stories", "traces").
func enumAt(schema json.RawMessage, path ...string) ([]string, error) {
	var n *schemaNode
	if err := json.Unmarshal(schema, &n); err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	for _, key := range path {
		for n != nil && n.Type == "array" {
			n = n.Items
		}
		if n == nil || n.Properties[key] == nil {
			return nil, fmt.Errorf("schema has no property %s", strings.Join(path, "."))
		}
		n = n.Properties[key]
	}
	for n != nil && n.Type == "array" {
		n = n.Items
	}
	if n == nil {
		return nil, fmt.Errorf("schema has no property %s", strings.Join(path, "."))
	}
	return n.Enum, nil
}
