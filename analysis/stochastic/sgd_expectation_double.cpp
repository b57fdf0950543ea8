// The SGD expectation oracle (sgd_expectation.hpp) instantiated for double, and the BatchDraw
// names.
#include <stdexcept>
#include <string>

#include "analysis/stochastic/sgd_expectation_impl.hpp"

namespace ov::stochastic {

const char* to_string(BatchDraw d) {
  switch (d) {
    case BatchDraw::with_replacement: return "with_replacement";
    case BatchDraw::without_replacement: return "without_replacement";
  }
  return "?";
}

BatchDraw batch_draw_from_string(const std::string& s) {
  if (s == "with_replacement") return BatchDraw::with_replacement;
  if (s == "without_replacement") return BatchDraw::without_replacement;
  throw std::invalid_argument("batch draw = '" + s + "' is not one of with_replacement, without_replacement");
}

template struct FiniteSumQuadratic<double>;
template FiniteSumQuadratic<double> isotropic_means<double>(const std::vector<Vec<double>>& centers);
template class SgdExpectation<double>;

}  // namespace ov::stochastic
