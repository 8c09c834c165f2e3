package config

import (
	"fmt"
	"reflect"
	"slices"
)

// role says what a key has to do with the documents prodgen writes. The
// lock (LockSettings) and the response cache's key (CacheParams) are both
// derived from it, so a new setting that changes answers is declared once,
// in the key table.
//
// Most keys have none (the zero role): neither the lock nor the cache key
// names them. They change no answer (folders, timeouts, retries, rate
// limits, the API key), or they change what is sent (the brief, the
// prompts), which the lock hashes as inputs and the cache key as the
// request.
type role int

const (
	// roleEngine chooses what writes the documents: provider. The lock
	// records it, since the offline engine and a model write different
	// documents. The cache key leaves it out: only a model's answers are
	// cached, and "auto" and "openai" reach the same model.
	roleEngine role = iota + 1
	// roleEndpoint names the server answers come from and the API it
	// speaks: base_url, api_type, api_version. The cache key includes it,
	// since another server may answer otherwise. The lock leaves it out:
	// the same model may be reached another way on another machine (a
	// local server, a proxy, OPENAI_BASE_URL), and that does not make a
	// document stale.
	roleEndpoint
	// roleShapes shapes the answer one endpoint gives to one request:
	// model, temperature, max_tokens, response_format. Both the lock and
	// the cache key include it.
	roleShapes
)

// LockSettings are the settings the lock records with each document: the
// engine (provider) and the answer-shaping keys, as configured rather than
// as resolved ("auto", not the engine it chose), so that check gives the
// same answer on a machine without the model's key. A key without a value
// (temperature unset) is left out.
func (c *Config) LockSettings() map[string]string {
	return c.settingsOf(roleEngine, roleShapes)
}

// CacheParams are the settings besides the request that decide a model's
// answer, for the response cache's key (cache.Identity.Params): the keys
// that name the endpoint and those that shape the answer. base_url is left
// out because the cache's Identity.Endpoint carries it, with OpenAI's URL
// in place of none; provider is left out (see roleEngine), and so is the
// API key, which decides whether an endpoint answers, not what.
func (c *Config) CacheParams() map[string]string {
	p := c.settingsOf(roleEndpoint, roleShapes)
	delete(p, "base_url")
	return p
}

// settingsOf formats, with fmt.Sprint, the value of every key with one of
// the roles; a pointer left nil is no value, and its key is left out.
func (c *Config) settingsOf(roles ...role) map[string]string {
	m := make(map[string]string)
	for _, k := range keys {
		if !slices.Contains(roles, k.role) {
			continue
		}
		v := reflect.ValueOf(c.field(k.name))
		if !v.IsValid() {
			panic(fmt.Sprintf("config: key %q has a role but no Config field", k.name))
		}
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				continue
			}
			v = v.Elem()
		}
		m[k.name] = fmt.Sprint(v.Interface())
	}
	return m
}
