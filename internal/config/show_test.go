package config

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestWriteTable(t *testing.T) {
	var buf bytes.Buffer
	settings := []Setting{{Key: "model", Value: "gpt-4o", Source: SourceEnv, Origin: "PRODGEN_MODEL"}, {Key: "base_url", Source: SourceDefault}}
	if err := WriteTable(&buf, settings); err != nil {
		t.Fatal(err)
	}
	want := "model     gpt-4o  env PRODGEN_MODEL\nbase_url  \"\"      default\n"
	if buf.String() != want {
		t.Errorf("table %q, want %q", buf.String(), want)
	}
}

func TestWriteJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, "", []Setting{{Key: "api_key", Value: "set", Source: SourceEnv, Origin: "OPENAI_API_KEY", Secret: true}}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := `{"file":"","settings":[{"key":"api_key","value":"set","source":"env","origin":"OPENAI_API_KEY","secret":true}]}`
	if compact := strings.Join(strings.Fields(buf.String()), ""); compact != strings.ReplaceAll(want, " ", "") {
		t.Errorf("JSON %s, want %s", compact, want)
	}
}
