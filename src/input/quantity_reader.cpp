#include "input/quantity_reader.hpp"

#include <string>

#include "diag/printable.hpp"

namespace plandeck::input {

using diag::Message;

namespace {

bool is_decrease_sign(const std::string& s) { return s == "▲" || s == "△"; }

}  // namespace

std::optional<model::Quantity> read_quantity(const Reader& r, const Node& n, std::string_view key) {
  MapReader q(r, n, key, {"number", "prefix", "unit", "scale", "sign"});
  std::optional<Decimal> number = q.decimal("number", Need::Required);
  std::optional<std::string> prefix = q.string("prefix");
  std::optional<std::string> unit = q.string("unit");
  const Node* scale_node = q.get("scale");
  const Node* sign_node = q.get("sign");
  std::optional<std::string> scale, sign;
  if (scale_node != nullptr) scale = r.choice(*scale_node, "scale", {"万", "億", "千", "兆"});
  if (sign_node != nullptr) sign = r.choice(*sign_node, "sign", {"▲", "△", "＋", "+"});
  if (!number || (scale_node != nullptr && !scale) || (sign_node != nullptr && !sign)) return std::nullopt;

  model::Quantity quantity;
  quantity.set_number(number->literal);  // Reader::decimal accepted it: a plain decimal
  if (std::size_t digits = quantity.significant_digits(); digits > model::kMaxQuantityDigits) {
    const Node* at = q.get("number");
    std::string count = std::to_string(digits), most = std::to_string(model::kMaxQuantityDigits);
    std::string shown = diag::quote(number->literal);
    r.error(at ? at->loc : n.loc,
            {"数値 " + shown + " は桁数が多すぎます（" + count + " 桁。Excel が正確に保てるのは " + most + " 桁まで）",
             "the number " + shown + " has too many digits (" + count + "; Excel holds " + most + " exactly)"},
            Message{"書いたとおりに印刷できないため受け付けません。桁を減らすか、テキストとして書いてください",
                    "it could not be printed as written: use fewer digits, or write the cell as text"});
    return std::nullopt;
  }
  // The sign says how the number's own sign is printed; it never changes the number.
  if (sign && is_decrease_sign(*sign) != quantity.negative) {
    std::string s = diag::quote(*sign);
    if (is_decrease_sign(*sign)) {
      r.error(sign_node->loc,
              {"符号 " + s + " は減少を表しますが、number が負の数ではありません",
               "the sign " + s + " shows a decrease, but number is not negative"},
              Message{"減少は number を負の数で書きます（例: number: -3, sign: " + *sign + "）",
                      "write a decrease as a negative number (number: -3, sign: " + *sign + ")"});
    } else {
      r.error(sign_node->loc,
              {"符号 " + s + " は増加を表しますが、number が負の数です",
               "the sign " + s + " shows an increase, but number is negative"},
              Message{"減少には sign: ▲ か △ を使います", "use sign: ▲ or △ for a decrease"});
    }
    return std::nullopt;
  }
  quantity.prefix = prefix.value_or("");
  quantity.unit = unit.value_or("");
  quantity.scale = scale.value_or("");
  quantity.sign = sign.value_or("");
  quantity.loc = n.loc;
  return quantity;
}

}  // namespace plandeck::input
