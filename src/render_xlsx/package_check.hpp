// Reads a written workbook back and checks that it is complete, independently of
// libxlsxwriter: a small zip reader of its own (end record, central directory, each local
// header), libdeflate to inflate every part and to compute its CRC-32, and a structural look at
// every XML part. libxlsxwriter does not check the writes of the temporary files it zips, so
// a full disk used to give a workbook of empty or cut-off parts, published with exit 0; this
// check is what makes "exit 0" mean "the workbook is whole".
//
// A workbook passes when
//   - the zip structure is consistent (no zip64, no encryption, every entry's local header
//     agrees with the central directory, every entry lies inside the file);
//   - every part inflates to exactly its recorded size and CRC-32;
//   - the parts every workbook has are there ([Content_Types].xml, _rels/.rels,
//     docProps/app.xml, docProps/core.xml, xl/workbook.xml, xl/_rels/workbook.xml.rels,
//     xl/styles.xml, xl/theme/theme1.xml, xl/worksheets/sheet1..N.xml), and so is every
//     part [Content_Types].xml names;
//   - every part is non-empty, and every XML part is one complete element: its tags are
//     balanced and nothing follows the root (a cut-off part ends inside an open element).
#pragma once

#include <cstddef>
#include <string>

namespace plandeck::render_xlsx {

// Checks the file at `path`, which should hold `sheet_count` worksheets. Throws Error
// (workbook.hpp) naming the damaged part and what is wrong with it.
void verify_package(const std::string& path, std::size_t sheet_count);

// The same on the bytes of a workbook (for tests).
void verify_package_bytes(const std::string& bytes, std::size_t sheet_count);

// What is wrong with `xml` as one complete XML document (empty when nothing is): unbalanced
// or unterminated tags, no root element, or content after it.
std::string xml_structure_problem(const std::string& xml);

}  // namespace plandeck::render_xlsx
