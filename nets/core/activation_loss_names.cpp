// Names, parsing and validation of activations and losses.
#include <sstream>
#include <stdexcept>

#include "analysis/numeric/exact_constant.hpp"
#include "nets/core/activation.hpp"
#include "nets/core/loss.hpp"

namespace ov::nets {

namespace {

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

rational parse_rational(std::string_view text, const std::string& what) {
  try {
    return constant<rational>(text);  // decimals read exactly: 0.1 is 1/10
  } catch (const std::exception&) {
    throw std::invalid_argument(what + ": '" + std::string(text) + "' is not a rational number (write 1/10 or 0.1)");
  }
}

}  // namespace

const std::vector<std::string>& Activation::names() {
  static const std::vector<std::string> n = {"identity", "logistic", "tanh",     "relu",     "leaky_relu",
                                             "elu",      "silu",     "softplus", "quadratic"};
  return n;
}

Activation Activation::parse(std::string_view text) {
  const auto colon = text.find(':');
  const std::string_view head = text.substr(0, colon);
  Activation a;
  const auto& n = names();
  std::size_t k = 0;
  while (k < n.size() && n[k] != head) ++k;
  if (k == n.size())
    throw std::invalid_argument("unknown activation '" + std::string(head) + "'; valid: " + join(n));
  a.kind = static_cast<ActivationKind>(k);
  if (colon != std::string_view::npos) {
    const std::string_view arg = text.substr(colon + 1);
    if (a.kind == ActivationKind::leaky_relu) {
      a.slope = parse_rational(arg, "leaky_relu slope");
    } else if (a.kind == ActivationKind::elu) {
      a.elu_scale = parse_rational(arg, "elu scale");
    } else {
      throw std::invalid_argument("activation '" + std::string(head) +
                                  "' takes no parameter (only leaky_relu:SLOPE and elu:SCALE do)");
    }
  }
  a.validate();
  return a;
}

std::string Activation::name() const {
  std::string s = names().at(static_cast<std::size_t>(kind));
  if (kind == ActivationKind::leaky_relu) s += ":" + slope.str();
  if (kind == ActivationKind::elu) s += ":" + elu_scale.str();
  if (has_kink() && kink == Kink::left) s += " (left derivative at 0)";
  return s;
}

void Activation::validate() const {
  if (kind == ActivationKind::leaky_relu && !(slope > 0 && slope < 1))
    throw std::invalid_argument("leaky_relu: slope = " + slope.str() + " is outside the valid range (0, 1)");
  if (kind == ActivationKind::elu && !(elu_scale > 0))
    throw std::invalid_argument("elu: scale = " + elu_scale.str() + " is outside the valid range (0, inf)");
}

bool Activation::rational_exact() const {
  return kind == ActivationKind::identity || kind == ActivationKind::relu || kind == ActivationKind::leaky_relu ||
         kind == ActivationKind::quadratic;
}

bool Activation::has_kink() const {
  return kind == ActivationKind::relu || kind == ActivationKind::leaky_relu ||
         (kind == ActivationKind::elu && elu_scale != 1);
}

const std::vector<std::string>& Loss::names() {
  static const std::vector<std::string> n = {"square", "half_square", "mean_square", "log_loss",
                                             "softmax_cross_entropy"};
  return n;
}

Loss Loss::parse(std::string_view text) {
  const auto& n = names();
  for (std::size_t k = 0; k < n.size(); ++k)
    if (n[k] == text) return Loss{static_cast<LossKind>(k)};
  throw std::invalid_argument("unknown loss '" + std::string(text) + "'; valid: " + join(n));
}

std::string Loss::name() const { return names().at(static_cast<std::size_t>(kind)); }

void Loss::check_output_activation(const Activation& output) const {
  if (kind == LossKind::log_loss && output.kind != ActivationKind::logistic)
    throw std::invalid_argument("loss log_loss needs a logistic output activation (it is " + output.name() +
                                "): the loss is computed from the pre-activation in the stable form");
  if (kind == LossKind::softmax_cross_entropy && output.kind != ActivationKind::identity)
    throw std::invalid_argument("loss softmax_cross_entropy needs an identity output activation (it is " +
                                output.name() + "): the softmax is part of the loss");
}

}  // namespace ov::nets
