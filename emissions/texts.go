package emissions

import "strings"

// texts numbers the texts of one field of the rows, in the order they first appear, and
// keeps one copy of each: a row's strings may point into a reader's buffer, which a kept
// line must not keep alive. It holds only the texts of the groups, so it grows with them.
type texts struct {
	ids  map[string]int32
	text []string
	last int32 // the number of the last text asked: rows often repeat the row before's
}

// id is the number of s.
func (t *texts) id(s string) int32 {
	if len(t.text) > 0 && t.text[t.last] == s {
		return t.last
	}
	id, ok := t.ids[s]
	if !ok {
		if t.ids == nil {
			t.ids = map[string]int32{}
		}
		id = int32(len(t.text))
		kept := strings.Clone(s)
		t.text = append(t.text, kept)
		t.ids[kept] = id
	}
	t.last = id
	return id
}

// rowTexts are the texts of the fields that make a row key, of the place a group keeps (the
// file and sheet of its first row), and of its factor.
type rowTexts struct {
	site, pole, activity, unit, method, quality, entity, dataType, part texts
	file, sheet                                                         texts
	factorID, factorUnit, source, gwp                                   texts
}

// key is the row key of a row's line.
func (rt *rowTexts) key(l *Line) rowKey {
	return rowKey{year: int32(l.Year), scope: int32(l.Scope), category: int32(l.Category),
		site: rt.site.id(l.Site), pole: rt.pole.id(l.Pole), activity: rt.activity.id(l.Activity),
		unit: rt.unit.id(l.Unit), method: rt.method.id(l.Method), quality: rt.quality.id(l.Quality),
		entity: rt.entity.id(l.Entity), dataType: rt.dataType.id(l.DataType), part: rt.part.id(string(l.Part))}
}

// own points the strings of l, whose row key is k, to the kept copies.
func (rt *rowTexts) own(l *Line, k rowKey) {
	l.Place.File = rt.file.text[rt.file.id(l.Place.File)]
	l.Place.Sheet = rt.sheet.text[rt.sheet.id(l.Place.Sheet)]
	l.Site, l.Pole, l.Activity = rt.site.text[k.site], rt.pole.text[k.pole], rt.activity.text[k.activity]
	l.Unit, l.Method, l.Quality = rt.unit.text[k.unit], rt.method.text[k.method], rt.quality.text[k.quality]
	l.Entity, l.DataType, l.Part = rt.entity.text[k.entity], rt.dataType.text[k.dataType], Part(rt.part.text[k.part])
}
