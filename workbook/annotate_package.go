package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"slices"
	"strings"
)

// The package around the sheets: where each sheet's part is, the shared strings, the tables,
// and what refers to a sheet.

// workbookPackage is what the streamed copy needs of the package: each sheet's worksheet
// part, by sheet name, and the shared strings.
type workbookPackage struct {
	sheets   map[string]*zip.File
	parts    map[string]*zip.File // every part by its name in lower case
	sst      *sharedStrings
	workbook []byte
}

// readPackage finds the worksheet parts through xl/workbook.xml and its relationships, as
// excelize and the loader do, and reads the shared strings.
func readPackage(zr *zip.Reader) (*workbookPackage, error) {
	pkg := &workbookPackage{sheets: map[string]*zip.File{}, parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if pkg.parts[name] != nil {
			return nil, notStreamed("part %s twice", f.Name)
		}
		pkg.parts[name] = f
	}
	wb, err := pkg.read("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	rels, err := pkg.read("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	pkg.workbook = wb
	for name, part := range sheetParts(wb, rels) {
		if f := pkg.parts[part]; f != nil {
			pkg.sheets[name] = f
		}
	}
	// the shared strings where excelize and the loader read them, whatever the relationships say
	if f := pkg.parts["xl/sharedstrings.xml"]; f != nil {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		if pkg.sst, err = readSharedStrings(rc); err != nil {
			if errors.Is(err, errUnsure) {
				return nil, notStreamed("shared strings outside the subset read exactly")
			}
			return nil, err
		}
	}
	return pkg, nil
}

// read reads a small part whole.
func (pkg *workbookPackage) read(name string) ([]byte, error) {
	f := pkg.parts[name]
	if f == nil {
		return nil, notStreamed("no part %s", name)
	}
	if f.UncompressedSize64 > unzipXMLSizeLimit {
		return nil, notStreamed("part %s of %d bytes", name, f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// checkTables refuses a sheet whose tables reach the annotation's columns (or the previous
// annotation's): excelize would leave the cells in the table, or move the table with the
// columns it removes.
func (pkg *workbookPackage) checkTables(sheet *zip.File, p *sheetPlan) error {
	dir, base := path.Split(strings.ToLower(sheet.Name))
	b, err := pkg.read(dir + "_rels/" + base + ".rels")
	if err != nil {
		return err
	}
	var rs struct {
		Rels []struct {
			ID         string `xml:"Id,attr"`
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &rs); err != nil {
		return notStreamed("sheet %s: its relationships: %v", p.sheet.Sheet, err)
	}
	for _, id := range p.tableIDs {
		target := ""
		for _, r := range rs.Rels {
			if r.ID == id && r.TargetMode == "" {
				target = strings.ToLower(strings.ReplaceAll(r.Target, `\`, "/"))
			}
		}
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		b, err := pkg.read(target)
		if err != nil {
			return err
		}
		var table struct {
			Ref string `xml:"ref,attr"`
		}
		if err := xml.Unmarshal(b, &table); err != nil {
			return notStreamed("sheet %s: table %s: %v", p.sheet.Sheet, target, err)
		}
		right, _ := rightOfRefs([]byte(`<t ref="`+table.Ref+`"/>`), "ref", 0)
		if table.Ref == "" || right >= p.first {
			return notStreamed("sheet %s: a table (%s) where the annotation goes", p.sheet.Sheet, table.Ref)
		}
	}
	return nil
}

// formulaRefs are the sheets a worksheet's formulas may refer to.
func formulaRefs(r io.Reader) (map[string]bool, error) {
	c := newSheetCutter(r, nil)
	refs := map[string]bool{}
	inF := false
	for c.next() {
		t := c.token()
		if !c.markup {
			if inF {
				sheetRefs(t, refs)
			}
			continue
		}
		n, end, empty := tagName(t)
		if string(n) == "f" {
			inF = !end && !empty
		}
	}
	return refs, c.Err()
}

// refersTo reports whether a formula may refer to a sheet.
func refersTo(formula []byte, sheet string) bool {
	refs := sheetRefs(formula, nil)
	return refs[sheet] || refs[""]
}

// sheetRefs adds to refs the sheets a formula (as written in XML) may refer to: each name
// before a '!', bare (Energy!A1) or quoted ('My sheet'!A1, a quote of the name doubled);
// "" when it cannot tell (a 3D reference, text it cannot read).
func sheetRefs(raw []byte, refs map[string]bool) map[string]bool {
	if refs == nil {
		refs = map[string]bool{}
	}
	f, err := unescapeRefs(raw)
	if err != nil {
		refs[""] = true
		return refs
	}
	for k := 0; k < len(f); k++ {
		if f[k] != '!' {
			continue
		}
		if k > 0 && f[k-1] == '\'' {
			var name []byte // backwards
			j := k - 2
			for ; j >= 0; j-- {
				if f[j] == '\'' {
					if j > 0 && f[j-1] == '\'' {
						name = append(name, '\'')
						j--
						continue
					}
					break
				}
				name = append(name, f[j])
			}
			slices.Reverse(name)
			if j < 0 || bytes.IndexByte(name, ':') >= 0 {
				refs[""] = true
			} else {
				refs[string(name)] = true
			}
			continue
		}
		j := k
		for j > 0 && bareNameByte(f[j-1]) {
			j--
		}
		if j > 0 && f[j-1] == ':' {
			refs[""] = true
		}
		refs[string(f[j:k])] = true
	}
	return refs
}

// formulasIn adds to refs the sheets the formulas in a cell's content may refer to.
func formulasIn(content []byte, refs map[string]bool) {
	for {
		i := bytes.Index(content, []byte("<f"))
		if i < 0 || i+2 >= len(content) {
			return
		}
		content = content[i+2:]
		if b := content[0]; b != ' ' && b != '>' && b != '/' {
			continue
		}
		end := bytes.IndexByte(content, '>')
		if end < 0 {
			refs[""] = true
			return
		}
		if end > 0 && content[end-1] == '/' {
			continue // a shared formula's: its text is on the first cell
		}
		content = content[end+1:]
		close := bytes.Index(content, []byte("</f>"))
		if close < 0 {
			refs[""] = true
			return
		}
		sheetRefs(content[:close], refs)
	}
}

// bareNameByte reports whether b may be part of a sheet or defined name written bare.
func bareNameByte(b byte) bool {
	return b == '_' || b == '.' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}
