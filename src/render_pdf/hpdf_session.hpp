// Internal: one libharu document and the error plumbing around it.
//
// libharu's errors are sticky and reported through a C callback: the callback only records
// the first error, every call is checked, and the first failure is thrown from C++ code as a
// render_pdf::Error naming what was being done.
#pragma once

#include <hpdf.h>

#include <string>

#include "render_pdf/render_pdf.hpp"

namespace plandeck::render_pdf::detail {

struct HpdfErrorState {
  bool set = false;
  HPDF_STATUS code = 0;
  HPDF_STATUS detail = 0;
};

// Called by libharu (C code). Must not throw: it only records the first error.
void on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) noexcept;

// "out of memory", "font size out of range", ... for a libharu error code.
const char* hpdf_error_name(HPDF_STATUS code);
std::string hex(unsigned long v);

// Owns the HPDF_Doc and the error state libharu reports into. Not movable: libharu keeps a
// pointer to the error state.
class Doc {
 public:
  Doc() {
    pdf_ = HPDF_New(on_hpdf_error, &err_);
    if (pdf_ == nullptr) throw Error("libharu: cannot create a PDF document (out of memory?)");
  }
  ~Doc() { HPDF_Free(pdf_); }
  Doc(const Doc&) = delete;
  Doc& operator=(const Doc&) = delete;

  HPDF_Doc get() const { return pdf_; }
  // True once libharu has reported an error (callers then build their message and check).
  bool failed() const { return err_.set; }

  // Throws if the call failed (status or the recorded error) with `what` as context.
  void check(HPDF_STATUS status, const std::string& what) { check(status == HPDF_OK, what); }
  void check(bool ok, const std::string& what) {
    if (ok && !err_.set) return;
    std::string msg = what + ": ";
    if (err_.set) {
      msg += hpdf_error_name(err_.code);
      msg += " (libharu error " + hex(err_.code) + ", detail " + std::to_string(err_.detail) + ")";
    } else {
      msg += "libharu call failed";
    }
    throw Error(msg);
  }
  template <typename T>
  T* check_ptr(T* p, const std::string& what) {
    check(p != nullptr, what);
    return p;
  }

 private:
  HpdfErrorState err_;
  HPDF_Doc pdf_ = nullptr;
};

}  // namespace plandeck::render_pdf::detail
