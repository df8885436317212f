#include "render_pdf/xmp_metadata.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

namespace plandeck::render_pdf::detail {

namespace {

std::string escaped(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string xmp_packet(const compose::DocInfo& info) {
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  x += "   <dc:format>application/pdf</dc:format>\n";
  if (!info.title.empty()) {
    x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped(info.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  }
  if (!info.author.empty()) {
    x += "   <dc:creator><rdf:Seq><rdf:li>" + escaped(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  if (!info.subject.empty()) {
    x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped(info.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  }
  x += "   <dc:language><rdf:Bag><rdf:li>ja</rdf:li></rdf:Bag></dc:language>\n";
  x += "  </rdf:Description>\n";
  if (!info.creator.empty()) {
    x += "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
    x += "   <xmp:CreatorTool>" + escaped(info.creator) + "</xmp:CreatorTool>\n";
    x += "  </rdf:Description>\n";
  }
  x += "  <rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
  x += "   <pdfuaid:part>1</pdfuaid:part>\n";
  x += "  </rdf:Description>\n";
  x += " </rdf:RDF>\n";
  x += "</x:xmpmeta>\n";
  x += "<?xpacket end=\"w\"?>";
  return x;
}

void write_xmp_metadata(Doc& doc, const compose::DocInfo& info) {
  const std::string what = "writing the XMP metadata";
  HPDF_Doc pdf = doc.get();
  HPDF_Dict stream = doc.check_ptr(HPDF_DictStream_New(pdf->mmgr, pdf->xref), what);
  doc.check(HPDF_Dict_AddName(stream, "Type", "Metadata"), what);
  doc.check(HPDF_Dict_AddName(stream, "Subtype", "XML"), what);
  const std::string packet = xmp_packet(info);
  doc.check(HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()),
                              static_cast<HPDF_UINT>(packet.size())),
            what);
  doc.check(HPDF_Dict_Add(pdf->catalog, "Metadata", stream), what);
}

}  // namespace plandeck::render_pdf::detail
