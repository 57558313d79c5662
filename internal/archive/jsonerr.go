package archive

import (
	"encoding/json"
	"reflect"
	"strings"
)

// The readers of JSON exports (Facebook, Instagram, X, Mastodon) word type
// errors the same way: "timestamp is a string, want a whole number".

// jsKind names a JSON value kind as json.UnmarshalTypeError gives it.
func jsKind(v string) string {
	switch {
	case v == "array", v == "object":
		return "an " + v
	case strings.HasPrefix(v, "number "):
		return "the number " + strings.TrimPrefix(v, "number ")
	case v == "bool":
		return "true or false"
	case v == "null":
		return "null"
	default:
		return "a " + v
	}
}

// jsGoKind names what a Go type takes in JSON.
func jsGoKind(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Pointer:
		return jsGoKind(t.Elem())
	}
	return t.String()
}

// jsTokenKind names the JSON value a token starts.
func jsTokenKind(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		switch v {
		case '{':
			return "an object"
		case '[':
			return "an array"
		}
		return "a " + string(v)
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "true or false"
	case nil:
		return "null"
	}
	return "something else"
}
