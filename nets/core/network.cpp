#include "nets/core/network.hpp"

namespace ov::nets {

std::string NonFinite::message() const {
  std::string s = "non-finite " + what + " at sample " + std::to_string(sample);
  if (what != "loss") s += ", layer " + std::to_string(layer);
  return s;
}

void check_parameter_size(const Architecture& a, Eigen::Index theta_size) {
  if (theta_size != a.num_parameters())
    throw std::invalid_argument("parameter vector has " + std::to_string(theta_size) + " entries; the network " +
                                a.describe() + " needs " + std::to_string(a.num_parameters()));
}

void check_batch_shape(const Architecture& a, Eigen::Index input_rows, Eigen::Index target_rows,
                       Eigen::Index input_cols, Eigen::Index target_cols) {
  if (input_rows != a.input_dim)
    throw std::invalid_argument("layer 0 (input) has width " + std::to_string(a.input_dim) + " but the inputs have " +
                                std::to_string(input_rows) + " features");
  if (target_rows != a.output_dim())
    throw std::invalid_argument("layer " + std::to_string(a.depth()) + " (output) has width " +
                                std::to_string(a.output_dim()) + " but the targets have " +
                                std::to_string(target_rows) + " columns");
  if (input_cols != target_cols)
    throw std::invalid_argument(std::to_string(input_cols) + " input samples but " + std::to_string(target_cols) +
                                " target samples");
}

}  // namespace ov::nets
