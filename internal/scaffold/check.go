package scaffold

import (
	"errors"
	"fmt"
	"slices"
)

// CheckDomain reports what in the domain parts of an API (enums,
// references, nested routes, actions' effects, needs and story tests)
// points nowhere or contradicts itself, which Plan never gives: the
// generators refuse such an API rather than emit code that fails.
func (a *API) CheckDomain() error {
	for _, e := range a.Entities {
		if err := a.checkFields(e); err != nil {
			return fmt.Errorf("entity %q: %w", e.Name, err)
		}
	}
	for i, ep := range a.Endpoints {
		if err := a.checkEndpoint(ep); err != nil {
			return fmt.Errorf("endpoint %d (%s %s): %w", i+1, ep.Method, ep.Path, err)
		}
	}
	for _, s := range a.Stories {
		if err := a.checkStory(s); err != nil {
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
	}
	return nil
}

func (a *API) checkFields(e Entity) error {
	for _, f := range e.Fields {
		switch {
		case !slices.Contains(FieldTypes, f.Type):
			return fmt.Errorf("field %q: unknown type %q", f.Name, f.Type)
		case f.Type == TypeEnum && len(f.Enum) == 0:
			return fmt.Errorf("field %q: an enum with no values", f.Name)
		case f.Type == TypeReference && (f.Ref < 0 || f.Ref >= len(a.Entities)):
			return fmt.Errorf("field %q: reference to entity %d, which is out of range", f.Name, f.Ref)
		case f.Managed && f.Type != TypeTimestamp:
			return fmt.Errorf("field %q: only a timestamp may be set by the server", f.Name)
		}
	}
	return nil
}

func (a *API) checkEndpoint(ep Endpoint) error {
	if ep.Entity < 0 || ep.Entity >= len(a.Entities) {
		return fmt.Errorf("entity index %d is out of range", ep.Entity)
	}
	if err := a.checkNeeds(ep.Needs); err != nil {
		return err
	}
	if err := a.checkParent(ep); err != nil {
		return err
	}
	return a.checkEffect(ep)
}

// checkParent holds a nested route to a parent named by a parameter of
// its path and a reference of its entity to that parent.
func (a *API) checkParent(ep Endpoint) error {
	pa := ep.Parent
	if pa == nil {
		return nil
	}
	fields := a.Entities[ep.Entity].Fields
	switch {
	case pa.Entity < 0 || pa.Entity >= len(a.Entities):
		return fmt.Errorf("parent entity %d is out of range", pa.Entity)
	case !slices.Contains(Params(ep.Path), pa.Param) || pa.Param == ep.ID:
		return fmt.Errorf("parent parameter %q is not another parameter of the path", pa.Param)
	case pa.Field < 0 || pa.Field >= len(fields) || fields[pa.Field].Type != TypeReference ||
		fields[pa.Field].Ref != pa.Entity || fields[pa.Field].Managed:
		return fmt.Errorf("parent field %d is not a reference to the parent", pa.Field)
	}
	return nil
}

// checkEffect holds an action, and only an action, to a field it sets: an
// enum to one of its values, or a timestamp to the time.
func (a *API) checkEffect(ep Endpoint) error {
	ef := ep.Effect
	if ep.Op != OpAction {
		if ef != nil {
			return fmt.Errorf("a %s endpoint has an effect", ep.Op)
		}
		return nil
	}
	fields := a.Entities[ep.Entity].Fields
	if ef == nil || ef.Field < 0 || ef.Field >= len(fields) {
		return errors.New("an action needs the field it sets")
	}
	f := fields[ef.Field]
	switch {
	case ef.Value == "" && f.Type != TypeTimestamp:
		return fmt.Errorf("action records its time in %q, which is not a timestamp", f.Name)
	case ef.Value != "" && (f.Type != TypeEnum || !slices.ContainsFunc(f.Enum, func(v EnumValue) bool { return v.Value == ef.Value })):
		return fmt.Errorf("action sets %q to %q, which is not one of its values", f.Name, ef.Value)
	}
	return nil
}

// checkStory holds a story's test to steps, needs and invalid requests
// that are endpoints and fields of the API.
func (a *API) checkStory(s Story) error {
	if len(s.Steps) == 0 {
		return errors.New("a story's test has no step")
	}
	for _, st := range s.Steps {
		if st.Endpoint < 0 || st.Endpoint >= len(a.Endpoints) {
			return fmt.Errorf("step endpoint %d is out of range", st.Endpoint)
		}
	}
	if err := a.checkNeeds(s.Needs); err != nil {
		return err
	}
	for _, in := range s.Invalid {
		if in.Endpoint < 0 || in.Endpoint >= len(a.Endpoints) {
			return fmt.Errorf("invalid request's endpoint %d is out of range", in.Endpoint)
		}
		ep := a.Endpoints[in.Endpoint]
		if ep.Op != OpCreate && ep.Op != OpUpdate {
			return fmt.Errorf("invalid request to a %s endpoint, which takes no body", ep.Op)
		}
		fields := a.Entities[ep.Entity].Fields
		if in.Field < 0 || in.Field >= len(fields) || fields[in.Field].Managed {
			return fmt.Errorf("invalid request's field %d is not an input of %s", in.Field, a.Entities[ep.Entity].Name)
		}
		if !slices.Contains([]string{InvalidMissing, InvalidEnum, InvalidReference}, in.Kind) {
			return fmt.Errorf("invalid request of unknown kind %q", in.Kind)
		}
	}
	return nil
}

func (a *API) checkNeeds(needs []int) error {
	for _, e := range needs {
		if e < 0 || e >= len(a.Entities) {
			return fmt.Errorf("needs entity %d, which is out of range", e)
		}
	}
	return nil
}
