#!/usr/bin/python3
"""Dumps what an XLSX file says, read by openpyxl (independent of libxlsxwriter), as
tab-separated records for render_xlsx_tests. Fields escape backslash, tab and line feed as
\\\\, \\t and \\n. Usage: dump_xlsx.py FILE.xlsx

Records:
  prop      name value
  sheet     index name
  cell      sheet coord type value number_format font bold wrap valign halign border fill
  fonts     sheet comma-separated font names of every <c> element of the sheet's XML, merged
            cells included (read from styles.xml: openpyxl drops the style of merged cells)
  link      sheet coord location
  merge     sheet range
  freeze    sheet coord
  filter    sheet ref
  print     sheet paper orientation fitToWidth fitToHeight fitToPage title_rows
            (an absent fitToWidth/fitToHeight is printed as 1, the OOXML default)
  hf        sheet header_left footer_left footer_right   (texts, without font codes)
  hffont    sheet header_left footer_left footer_right   (the font each section names)
  margins   sheet left right                             (inches)
  note      sheet coord text                             (a cell's comment)
  valid     sheet sqref type formula1 allow_blank        (data validations)
  cf        sheet sqref type operator formula fill       (conditional formats, fill RGB)
  table     sheet name ref comma-separated column names
  custom    name value                                   (docProps/custom.xml)
  calc      attributes of <calcPr> in xl/workbook.xml, as name=value pairs
  col       sheet letter width
  row       sheet number height
  rich      index run font bold text      (from xl/sharedStrings.xml, runs of rich strings)
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl


def esc(v):
    s = "" if v is None else str(v)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def out(*fields):
    print("\t".join(esc(f) for f in fields))


def value_text(v):
    if isinstance(v, float):
        return repr(v)
    return v


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "pr": "http://schemas.openxmlformats.org/package/2006/relationships"}


def cell_fonts(path):
    """Sheet name -> set of font names used by its <c> elements, straight from the XML."""
    with zipfile.ZipFile(path) as z:
        styles = ET.fromstring(z.read("xl/styles.xml"))
        font_names = [f.find("m:name", NS).get("val") for f in styles.find("m:fonts", NS)]
        xf_fonts = [font_names[int(xf.get("fontId", 0))] for xf in styles.find("m:cellXfs", NS)]
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels.findall("pr:Relationship", NS)}
        book = ET.fromstring(z.read("xl/workbook.xml"))
        result = {}
        for sh in book.find("m:sheets", NS):
            part = "xl/" + target[sh.get("{%s}id" % NS["r"])].lstrip("/").replace("xl/", "", 1)
            sheet = ET.fromstring(z.read(part))
            result[sh.get("name")] = {xf_fonts[int(c.get("s", 0))] for c in sheet.iter("{%s}c" % NS["m"])}
        return result


def main(path):
    wb = openpyxl.load_workbook(path)
    p = wb.properties
    out("prop", "title", p.title)
    out("prop", "creator", p.creator)
    out("prop", "subject", p.subject)
    out("prop", "created", p.created.isoformat() if p.created else None)

    xml_fonts = cell_fonts(path)
    for i, ws in enumerate(wb.worksheets):
        out("sheet", i, ws.title)
    for ws in wb.worksheets:
        name = ws.title
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or c.__class__.__name__ == "MergedCell":
                    continue
                b = c.border.left.style if c.border and c.border.left else None
                fill = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None
                out("cell", name, c.coordinate, c.data_type, value_text(c.value), c.number_format,
                    c.font.name, int(bool(c.font.b)), int(bool(c.alignment.wrap_text)),
                    c.alignment.vertical, c.alignment.horizontal, b, fill)
                if c.hyperlink is not None:
                    out("link", name, c.coordinate, c.hyperlink.location)
                if c.comment is not None:
                    out("note", name, c.coordinate, c.comment.text)
        out("fonts", name, ",".join(sorted(xml_fonts[name])))
        for r in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
            out("merge", name, r.coord)
        out("freeze", name, ws.freeze_panes)
        out("filter", name, ws.auto_filter.ref)
        ps = ws.page_setup
        default1 = lambda v: 1 if v is None else v
        out("print", name, ps.paperSize, ps.orientation, default1(ps.fitToWidth),
            default1(ps.fitToHeight),
            ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
            ws.print_title_rows)
        out("hf", name, ws.oddHeader.left.text, ws.oddFooter.left.text, ws.oddFooter.right.text)
        out("hffont", name, ws.oddHeader.left.font, ws.oddFooter.left.font, ws.oddFooter.right.font)
        out("margins", name, ws.page_margins.left, ws.page_margins.right)
        for dv in ws.data_validations.dataValidation:
            out("valid", name, str(dv.sqref), dv.type, dv.formula1, int(bool(dv.allow_blank)))
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                fill = None
                if rule.dxf is not None and rule.dxf.fill is not None:
                    fill = rule.dxf.fill.bgColor.rgb or rule.dxf.fill.fgColor.rgb
                out("cf", name, str(cf.sqref), rule.type, rule.operator, ",".join(rule.formula), fill)
        for t in ws.tables.values():
            out("table", name, t.name, t.ref, ",".join(c.name for c in t.tableColumns))
        for letter, d in sorted(ws.column_dimensions.items()):
            if d.width:
                out("col", name, letter, repr(float(d.width)))
        for n, d in sorted(ws.row_dimensions.items()):
            if d.height:
                out("row", name, n, repr(float(d.height)))

    ns = NS
    with zipfile.ZipFile(path) as z:
        if "docProps/custom.xml" in z.namelist():
            root = ET.fromstring(z.read("docProps/custom.xml"))
            for prop in root:
                out("custom", prop.get("name"), "".join(prop.itertext()))
        calc = ET.fromstring(z.read("xl/workbook.xml")).find("m:calcPr", ns)
        out("calc", *(sorted(f"{k}={v}" for k, v in calc.attrib.items()) if calc is not None else []))
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for i, si in enumerate(root.findall("m:si", ns)):
                for j, r in enumerate(si.findall("m:r", ns)):
                    rpr = r.find("m:rPr", ns)
                    font = rpr.find("m:rFont", ns) if rpr is not None else None
                    bold = rpr is not None and rpr.find("m:b", ns) is not None
                    out("rich", i, j, font.get("val") if font is not None else None, int(bold),
                        r.find("m:t", ns).text)


if __name__ == "__main__":
    main(sys.argv[1])
