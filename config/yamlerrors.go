package config

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The YAML decoder says where a key or a value is wrong ("line 3: field outptu not found in
// type config.Config", "line 2: cannot unmarshal !!str `last` into int") but not which key
// that is in footprint's terms nor what was expected. explainYAML adds both, after the
// decoder's own words: the key's full path (factors.custom[0].value) and the keys that level
// takes or the kind of value the key wants.

// yamlPlace is what the document holds at one line: a key that Config does not have, with
// the keys its level takes, or a value with the key it belongs to and its Go type.
type yamlPlace struct {
	path    string
	unknown []string     // for an unknown key: the keys of its level
	typ     reflect.Type // for a value: what the key wants
	value   string       // the value as written, for a scalar
}

var yamlErrorLine = regexp.MustCompile(`^line (\d+): (field (\S+) not found|cannot unmarshal)`)

// explainYAML returns the decoder's message e with, where the document tells, the key's path
// and what it expects; the document is a Config, or root when given (a factor file's list).
func explainYAML(data []byte, e string, root ...reflect.Type) string {
	t := reflect.TypeOf(Config{})
	if len(root) > 0 {
		t = root[0]
	}
	m := yamlErrorLine.FindStringSubmatch(e)
	if m == nil {
		return e
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return e
	}
	line, _ := strconv.Atoi(m[1])
	places := map[int][]yamlPlace{}
	walkYAML(doc.Content[0], "", t, places)
	for _, p := range places[line] {
		switch {
		case m[3] != "" && p.unknown != nil && strings.HasSuffix(p.path, m[3]):
			where := "the top level"
			if i := strings.LastIndex(p.path, "."); i >= 0 {
				where = p.path[:i]
			}
			what := "footprint's configuration"
			if t != reflect.TypeOf(Config{}) {
				what = "a factor file's entry"
			}
			return e + "; " + p.path + " is not a key of " + what + ": " + where + " takes " + strings.Join(p.unknown, ", ")
		case m[3] == "" && p.typ != nil && strings.HasSuffix(e, " into "+p.typ.String()) &&
			(!strings.Contains(e, "`") || strings.Contains(e, "`"+p.value+"`")):
			key := p.path
			if key == "" {
				key = "the file"
			}
			return e + "; " + key + " wants " + describeType(p.typ)
		}
	}
	return e
}

// walkYAML records, per line, the unknown keys and the values of node, whose Go type is t.
func walkYAML(node *yaml.Node, path string, t reflect.Type, places map[int][]yamlPlace) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	add := func(line int, p yamlPlace) { places[line] = append(places[line], p) }
	switch {
	case node.Kind == yaml.MappingNode && t.Kind() == reflect.Struct:
		fields := map[string]reflect.Type{}
		var keys []string
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			fields[name] = f.Type
			keys = append(keys, name)
		}
		for i := 0; i+1 < len(node.Content); i += 2 {
			k, v := node.Content[i], node.Content[i+1]
			p := join(path, k.Value)
			ft, ok := fields[k.Value]
			if !ok {
				add(k.Line, yamlPlace{path: p, unknown: keys})
				continue
			}
			walkYAML(v, p, ft, places)
		}
	case node.Kind == yaml.SequenceNode && t.Kind() == reflect.Slice:
		for i, item := range node.Content {
			walkYAML(item, path+"["+strconv.Itoa(i)+"]", t.Elem(), places)
		}
	default:
		add(node.Line, yamlPlace{path: path, typ: t, value: node.Value})
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// describeType says what a value of type t is, in a user's words.
func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list (items each on a line starting with -, or [a, b])"
	case reflect.Struct, reflect.Map:
		return "keys below it (key: value), not a single value"
	}
	return "another kind of value"
}
