package config

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/footprint/footprint/lang"
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
// In French the decoder's own words are translated too; in English they are kept as they are.
func explainYAML(l lang.Lang, data []byte, e string, root ...reflect.Type) string {
	t := reflect.TypeOf(Config{})
	if len(root) > 0 {
		t = root[0]
	}
	m := yamlErrorLine.FindStringSubmatch(e)
	if m == nil {
		return e
	}
	shown := decoderWords(l, e)
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return shown
	}
	line, _ := strconv.Atoi(m[1])
	places := map[int][]yamlPlace{}
	walkYAML(doc.Content[0], "", t, places)
	for _, p := range places[line] {
		switch {
		case m[3] != "" && p.unknown != nil && strings.HasSuffix(p.path, m[3]):
			where := l.T("the top level")
			if i := strings.LastIndex(p.path, "."); i >= 0 {
				where = p.path[:i]
			}
			if t != reflect.TypeOf(Config{}) {
				return shown + l.T("; %s is not a key of a factor file's entry: %s takes %s", p.path, where, strings.Join(p.unknown, ", "))
			}
			return shown + l.T("; %s is not a key of footprint's configuration: %s takes %s", p.path, where, strings.Join(p.unknown, ", "))
		case m[3] == "" && p.typ != nil && strings.HasSuffix(e, " into "+p.typ.String()) &&
			(!strings.Contains(e, "`") || strings.Contains(e, "`"+p.value+"`")):
			key := p.path
			if key == "" {
				key = l.T("the file")
			}
			return shown + l.T("; %s wants %s", key, describeType(l, p.typ))
		}
	}
	return shown
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
func describeType(l lang.Lang, t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		return l.T("a whole number")
	case reflect.Float64, reflect.Float32:
		return l.T("a number")
	case reflect.String:
		return l.T("text")
	case reflect.Bool:
		return l.T("true or false")
	case reflect.Slice:
		return l.T("a list (items each on a line starting with -, or [a, b])")
	case reflect.Struct, reflect.Map:
		return l.T("keys below it (key: value), not a single value")
	}
	return l.T("another kind of value")
}

var (
	yamlUnknownField = regexp.MustCompile(`^line (\d+): field (\S+) not found in type \S+`)
	yamlCannotRead   = regexp.MustCompile(`^line (\d+): cannot unmarshal (\S+)(?: (` + "`" + `[^` + "`" + `]*` + "`" + `))? into (\S+)`)
)

// decoderWords translates the YAML decoder's two messages explainYAML explains ("line 3:
// field outptu not found in type config.Config", "line 2: cannot unmarshal !!str `last` into
// int"); English keeps the decoder's words.
func decoderWords(l lang.Lang, e string) string {
	if !l.IsFrench() {
		return e
	}
	if m := yamlUnknownField.FindStringSubmatchIndex(e); m != nil {
		return l.T("line %s: unknown key %s", e[m[2]:m[3]], e[m[4]:m[5]]) + e[m[1]:]
	}
	if m := yamlCannotRead.FindStringSubmatch(e); m != nil {
		what := m[2]
		if m[3] != "" {
			what += " " + m[3]
		}
		return l.T("line %s: cannot read %s as %s", m[1], what, m[4]) + e[len(m[0]):]
	}
	return e
}
