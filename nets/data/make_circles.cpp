#include "nets/data/make_circles.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

#include "nets/data/sampling.hpp"

namespace ov::nets::data {

namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;

// The shortest of 15, 16, 17 significant digits that reads back as v (0.35, not
// 0.34999999999999998); nan and inf as such.
std::string num(double v) {
  std::string text;
  for (int digits = 15; digits <= 17; ++digits) {
    std::ostringstream s;
    s.precision(digits);
    s << v;
    text = s.str();
    if (!std::isfinite(v) || std::stod(text) == v) break;
  }
  return text;
}

}  // namespace

Dataset make_circles(long n_samples, double noise, double factor, std::uint64_t seed) {
  if (n_samples < 2) {
    throw std::invalid_argument("make_circles: n_samples = " + std::to_string(n_samples) +
                                " is invalid (valid: n_samples >= 2, one point per circle at least)");
  }
  if (!(noise >= 0.0) || !std::isfinite(noise)) {
    throw std::invalid_argument("make_circles: noise = " + num(noise) +
                                " is invalid (valid: a finite standard deviation >= 0)");
  }
  if (!(factor >= 0.0 && factor < 1.0)) {
    throw std::invalid_argument("make_circles: factor = " + num(factor) +
                                " is invalid (valid: 0 <= factor < 1)");
  }
  const long n_out = n_samples / 2;
  const long n_in = n_samples - n_out;
  Dataset d;
  d.name = "make_circles";
  d.description = "sklearn make_circles recipe (003 §5.1, 003_61d556b637c4f269.txt L974): n_samples = " +
                  std::to_string(n_samples) + " (outer " + std::to_string(n_out) + " label 0, inner " +
                  std::to_string(n_in) + " label 1), noise = " + num(noise) + ", factor = " + num(factor) +
                  ", unshuffled; SplitMix64 seed " + std::to_string(seed) +
                  " (recipe reproduced, not NumPy's random stream)";
  d.seed = seed;
  d.inputs.resize(n_samples, 2);
  d.targets.resize(n_samples, 1);
  const double step_out = kTwoPi / static_cast<double>(n_out);
  for (long k = 0; k < n_out; ++k) {
    const double a = static_cast<double>(k) * step_out;
    d.inputs(k, 0) = std::cos(a);
    d.inputs(k, 1) = std::sin(a);
    d.targets(k, 0) = 0.0;
  }
  const double step_in = kTwoPi / static_cast<double>(n_in);
  for (long k = 0; k < n_in; ++k) {
    const double a = static_cast<double>(k) * step_in;
    d.inputs(n_out + k, 0) = std::cos(a) * factor;
    d.inputs(n_out + k, 1) = std::sin(a) * factor;
    d.targets(n_out + k, 0) = 1.0;
  }
  if (noise > 0.0) {
    DataStream stream(seed);
    for (long i = 0; i < n_samples; ++i) {
      d.inputs(i, 0) += noise * stream.normal();
      d.inputs(i, 1) += noise * stream.normal();
    }
  }
  return d;
}

Dataset circles_training_set(std::uint64_t seed) {
  const Dataset all = make_circles(kCirclesPopulation, kCirclesNoise, kCirclesFactor, seed);
  DataStream pick(derive_seed(seed, 1));
  const auto rows = pick.sample_without_replacement(kCirclesPopulation, kCirclesTraining);
  Dataset d;
  d.name = "circles_training_set";
  d.description =
      "003 §5.1 training set (003_61d556b637c4f269.txt L974, Fig. 5.1): [REPO] make_circles(n_samples = 10000, "
      "noise = 0.35, factor = 0), then 100 rows without replacement; SplitMix64 seed " + std::to_string(seed) +
      " (the recipe of sklearn's make_circles and train_test_split, not their random stream)";
  d.seed = seed;
  copy_rows(all, rows, d);
  return d;
}

}  // namespace ov::nets::data
