package config

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteTable writes settings as "prodgen config" prints them: an aligned
// table of key, value and source. An empty value shows as "" so that the
// columns stay readable.
func WriteTable(w io.Writer, settings []Setting) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, s := range settings {
		v := s.Value
		if v == "" {
			v = `""`
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Key, v, s.Where())
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write configuration: %w", err)
	}
	return nil
}

// WriteJSON writes settings as "prodgen config --json" prints them: one
// object naming the file read ("" for none) and every setting, in the
// shape Help documents.
func WriteJSON(w io.Writer, file string, settings []Setting) error {
	type setting struct {
		Key    string `json:"key"`
		Value  string `json:"value"`
		Source string `json:"source"`
		Origin string `json:"origin"`
		Secret bool   `json:"secret"`
	}
	out := struct {
		File     string    `json:"file"`
		Settings []setting `json:"settings"`
	}{File: file, Settings: make([]setting, 0, len(settings))}
	for _, s := range settings {
		out.Settings = append(out.Settings, setting(s))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write configuration: %w", err)
	}
	return nil
}
