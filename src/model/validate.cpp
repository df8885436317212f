#include "model/validate.hpp"

namespace plandeck::model {

void validate(const Plan& plan, diag::Diagnostics& diags) {
  (void)plan;
  (void)diags;
}

}  // namespace plandeck::model
