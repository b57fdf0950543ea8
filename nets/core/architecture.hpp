// A fully connected feed-forward network's shape (003 §2.2, eqs (2.4)-(2.5)):
// layers l = 1..L with widths d_l (d_0 = input dimension), weights W^(l) in
// R^{d_l x d_{l-1}} ([W^(l)]_{ij} = omega^(l)_{ij}: the edge from neuron j of layer
// l-1 to neuron i of layer l), optional biases b^(l) in R^{d_l}, an activation per
// layer, and a loss (nets/core/loss.hpp). The number of parameters is
// d = sum_l (d_l d_{l-1} + d_l) with biases (003 §2.2).
//
// Parameter order (how theta in R^d is laid out):
//  - ParameterOrder::weights_then_biases (default): 003 §2.2's order, all weights layer by
//    layer (each W^(l) row-major: omega_11, omega_12, ...), then all biases layer by layer
//    (003_61d556b637c4f269.txt L199);
//  - ParameterOrder::layer_by_layer: W^(1), b^(1), W^(2), b^(2), ... (the order of
//    torch::nn::Linear modules in a Sequential: weight [out, in] row-major, then bias).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nets/core/activation.hpp"
#include "nets/core/loss.hpp"

namespace ov::nets {

enum class ParameterOrder { weights_then_biases, layer_by_layer };

struct Layer {
  int width = 1;
  Activation activation;
};

struct Architecture {
  int input_dim = 1;
  std::vector<Layer> layers;  // hidden layers, then the output layer (layers.size() = L >= 1)
  bool biases = true;
  Loss loss;
  ParameterOrder order = ParameterOrder::weights_then_biases;

  // d_0 -> hidden widths with one activation -> outputs with the output activation.
  static Architecture fully_connected(int input_dim, const std::vector<int>& hidden, Activation hidden_activation,
                                      int outputs, Activation output_activation, Loss loss, bool biases = true);

  int depth() const { return static_cast<int>(layers.size()); }  // L (weight layers)
  int width(int l) const { return l == 0 ? input_dim : layers.at(static_cast<std::size_t>(l - 1)).width; }
  int output_dim() const { return width(depth()); }
  const Activation& activation(int l) const { return layers.at(static_cast<std::size_t>(l - 1)).activation; }
  long num_parameters() const;
  long num_weights() const;
  // Offset of W^(l) (row-major d_l x d_{l-1}) and of b^(l) in theta, l = 1..L; bias_offset
  // throws std::logic_error when the network has no biases.
  long weight_offset(int l) const;
  long bias_offset(int l) const;

  // Throws std::invalid_argument naming the layer and the offending value (widths >= 1,
  // at least one layer, activation parameters in range, loss compatible with the output
  // activation).
  void validate() const;
  // True when every activation and the loss are rational functions (log_loss and softmax
  // cross-entropy are not): the network can then be evaluated exactly in rational.
  bool rational_exact() const;
  // "2 -> 10 leaky_relu:1/10 -> 1 logistic; biases; loss log_loss; order weights_then_biases"
  std::string describe() const;
};

// From a compact text: "D0-W1[:ACT]-...-WL[:ACT]" (widths from the input to the output, each
// layer's activation after a colon, e.g. "2-20:leaky_relu:0.1-1:logistic"); hidden layers
// default to relu, the output to identity. The loss defaults to log_loss for a logistic
// output, softmax_cross_entropy never by default, square otherwise. Errors name the
// offending part ("layer 2: width 'x' is not a positive integer").
Architecture parse_architecture(std::string_view spec, std::string_view loss = "", bool biases = true,
                                ParameterOrder order = ParameterOrder::weights_then_biases);

const char* to_string(ParameterOrder order);
ParameterOrder parse_parameter_order(std::string_view text);  // "003"/"weights_then_biases", "torch"/"layer_by_layer"

}  // namespace ov::nets
