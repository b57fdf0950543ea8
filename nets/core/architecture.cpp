#include "nets/core/architecture.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace ov::nets {

Architecture Architecture::fully_connected(int input_dim, const std::vector<int>& hidden, Activation hidden_activation,
                                           int outputs, Activation output_activation, Loss loss, bool biases) {
  Architecture a;
  a.input_dim = input_dim;
  for (int w : hidden) a.layers.push_back({w, hidden_activation});
  a.layers.push_back({outputs, output_activation});
  a.loss = loss;
  a.biases = biases;
  a.validate();
  return a;
}

long Architecture::num_weights() const {
  long n = 0;
  for (int l = 1; l <= depth(); ++l) n += static_cast<long>(width(l)) * width(l - 1);
  return n;
}

long Architecture::num_parameters() const {
  long n = num_weights();
  if (biases)
    for (int l = 1; l <= depth(); ++l) n += width(l);
  return n;
}

long Architecture::weight_offset(int l) const {
  if (l < 1 || l > depth()) throw std::out_of_range("weight_offset: layer " + std::to_string(l) + " not in 1.." +
                                                    std::to_string(depth()));
  long off = 0;
  for (int k = 1; k < l; ++k) {
    off += static_cast<long>(width(k)) * width(k - 1);
    if (biases && order == ParameterOrder::layer_by_layer) off += width(k);
  }
  return off;
}

long Architecture::bias_offset(int l) const {
  if (!biases) throw std::logic_error("bias_offset: the network has no biases");
  if (l < 1 || l > depth()) throw std::out_of_range("bias_offset: layer " + std::to_string(l) + " not in 1.." +
                                                    std::to_string(depth()));
  if (order == ParameterOrder::layer_by_layer) return weight_offset(l) + static_cast<long>(width(l)) * width(l - 1);
  long off = num_weights();
  for (int k = 1; k < l; ++k) off += width(k);
  return off;
}

void Architecture::validate() const {
  if (input_dim < 1)
    throw std::invalid_argument("architecture: layer 0 (input) has width " + std::to_string(input_dim) +
                                "; valid widths are >= 1");
  if (layers.empty()) throw std::invalid_argument("architecture: no layers (at least the output layer is needed)");
  for (int l = 1; l <= depth(); ++l) {
    if (width(l) < 1)
      throw std::invalid_argument("architecture: layer " + std::to_string(l) + " has width " +
                                  std::to_string(width(l)) + "; valid widths are >= 1");
    try {
      activation(l).validate();
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("architecture: layer " + std::to_string(l) + ": " + e.what());
    }
  }
  try {
    loss.check_output_activation(activation(depth()));
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("architecture: output layer " + std::to_string(depth()) + ": " + e.what());
  }
}

bool Architecture::rational_exact() const {
  if (loss.kind == LossKind::log_loss || loss.kind == LossKind::softmax_cross_entropy) return false;
  for (const auto& layer : layers)
    if (!layer.activation.rational_exact()) return false;
  return true;
}

std::string Architecture::describe() const {
  std::ostringstream s;
  s << input_dim;
  for (const auto& layer : layers) s << " -> " << layer.width << ' ' << layer.activation.name();
  s << "; " << (biases ? "biases" : "no biases") << "; loss " << loss.name() << "; order " << to_string(order)
    << "; " << num_parameters() << " parameters";
  return s.str();
}

Architecture parse_architecture(std::string_view spec, std::string_view loss, bool biases, ParameterOrder order) {
  std::vector<std::string> parts;
  std::string cur;
  for (std::size_t i = 0; i < spec.size(); ++i) {
    const char ch = spec[i];
    // '-' separates layers, except in an exponent of an activation parameter ("leaky_relu:1e-2").
    const bool in_exponent = i > 0 && (spec[i - 1] == 'e' || spec[i - 1] == 'E') &&
                             std::count(cur.begin(), cur.end(), ':') >= 2;
    if (ch == '-' && !in_exponent) {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  if (parts.size() < 2)
    throw std::invalid_argument("architecture '" + std::string(spec) +
                                "': expected at least an input and an output width, e.g. 2-20:leaky_relu-1:logistic");
  auto width_of = [&](const std::string& w, std::size_t l) {
    std::size_t used = 0;
    int v = 0;
    try {
      v = std::stoi(w, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != w.size() || v < 1)
      throw std::invalid_argument("architecture '" + std::string(spec) + "': layer " + std::to_string(l) +
                                  ": width '" + w + "' is not a positive integer");
    return v;
  };
  Architecture a;
  a.input_dim = width_of(parts[0], 0);
  for (std::size_t l = 1; l < parts.size(); ++l) {
    const auto colon = parts[l].find(':');
    Layer layer;
    layer.width = width_of(parts[l].substr(0, colon), l);
    const bool output = l + 1 == parts.size();
    try {
      layer.activation = colon == std::string::npos ? Activation::parse(output ? "identity" : "relu")
                                                    : Activation::parse(parts[l].substr(colon + 1));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("architecture '" + std::string(spec) + "': layer " + std::to_string(l) + ": " +
                                  e.what());
    }
    a.layers.push_back(layer);
  }
  if (!loss.empty()) {
    a.loss = Loss::parse(loss);
  } else {
    a.loss = Loss{a.layers.back().activation.kind == ActivationKind::logistic ? LossKind::log_loss
                                                                              : LossKind::square};
  }
  a.biases = biases;
  a.order = order;
  a.validate();
  return a;
}

const char* to_string(ParameterOrder order) {
  return order == ParameterOrder::weights_then_biases ? "weights_then_biases" : "layer_by_layer";
}

ParameterOrder parse_parameter_order(std::string_view text) {
  if (text == "weights_then_biases" || text == "003") return ParameterOrder::weights_then_biases;
  if (text == "layer_by_layer" || text == "torch") return ParameterOrder::layer_by_layer;
  throw std::invalid_argument("unknown parameter order '" + std::string(text) +
                              "'; valid: weights_then_biases (alias 003), layer_by_layer (alias torch)");
}

}  // namespace ov::nets
