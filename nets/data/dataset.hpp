// A data set for a network: inputs and targets in binary64, one sample per row.
//
// Data are defined in double (the generators draw doubles; image pixels are stored
// as double), and every double is an exact rational, so a network evaluated in
// rational or mp100 sees exactly these numbers (nets/core/network_objective.hpp
// converts them once, exactly). Targets: one column per output (a 0/1 label for a
// logistic output, a real value for regression, one-hot rows for softmax).
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>

namespace ov::nets {

struct Dataset {
  std::string name;         // e.g. "make_circles"
  std::string description;  // the recipe, with its citation (document, section)
  Eigen::MatrixXd inputs;   // n x d0
  Eigen::MatrixXd targets;  // n x m
  std::uint64_t seed = 0;   // the seed the generator used (0 for files)

  Eigen::Index size() const { return inputs.rows(); }
  Eigen::Index input_dim() const { return inputs.cols(); }
  Eigen::Index output_dim() const { return targets.cols(); }
};

}  // namespace ov::nets
