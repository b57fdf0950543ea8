#include "cli/dataset_by_name.hpp"

#include <map>
#include <stdexcept>

#include "cli/number_text.hpp"
#include "nets/data/fashion_mnist.hpp"
#include "nets/data/make_circles.hpp"
#include "nets/data/regression_toy.hpp"
#include "nets/data/standardized_regression.hpp"

namespace ov::cli {

namespace {

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

class Keys {
 public:
  Keys(const std::string& name, const std::string& text, std::map<std::string, std::string> defaults)
      : name_(name), values_(std::move(defaults)) {
    std::vector<std::string> valid;
    for (const auto& [k, v] : values_) valid.push_back(k + " (default " + v + ")");
    std::size_t p = 0;
    while (p < text.size()) {
      std::size_t comma = text.find(',', p);
      if (comma == std::string::npos) comma = text.size();
      const std::string kv = text.substr(p, comma - p);
      const auto eq = kv.find('=');
      if (eq == std::string::npos || eq == 0)
        throw std::invalid_argument("data set '" + name + "': \"" + kv + "\" is not key=value");
      const std::string key = kv.substr(0, eq);
      if (!values_.count(key))
        throw std::invalid_argument("data set '" + name + "': unknown key '" + key + "'; valid: " + join(valid));
      values_[key] = kv.substr(eq + 1);
      p = comma + 1;
    }
  }
  long integer(const std::string& key, long lo) const {
    const std::string& v = values_.at(key);
    const auto x = whole_long(v);
    if (!x || *x < lo)
      throw std::invalid_argument("data set '" + name_ + "': " + key + " = '" + v + "' must be an integer >= " +
                                  std::to_string(lo));
    return *x;
  }
  double real(const std::string& key) const {
    const std::string& v = values_.at(key);
    const auto x = whole_double(v);
    if (!x) throw std::invalid_argument("data set '" + name_ + "': " + key + " = '" + v + "' is not a number");
    return *x;
  }
  const std::string& text(const std::string& key) const { return values_.at(key); }

 private:
  std::string name_;
  std::map<std::string, std::string> values_;
};

}  // namespace

const std::vector<std::string>& dataset_names() {
  static const std::vector<std::string> n = {"regression_toy", "circles", "make_circles", "standardized_regression",
                                             "fashion_mnist"};
  return n;
}

nets::Dataset dataset_by_name(const std::string& spec) {
  const auto colon = spec.find(':');
  const std::string name = spec.substr(0, colon);
  const std::string args = colon == std::string::npos ? "" : spec.substr(colon + 1);
  if (name == "regression_toy") {
    Keys k(name, args, {{"n", "100"}, {"seed", "1"}});
    return nets::data::regression_toy(k.integer("n", 1), static_cast<std::uint64_t>(k.integer("seed", 0)));
  }
  if (name == "circles") {
    Keys k(name, args, {{"seed", "1"}});
    return nets::data::circles_training_set(static_cast<std::uint64_t>(k.integer("seed", 0)));
  }
  if (name == "make_circles") {
    Keys k(name, args, {{"n", "100"}, {"noise", "0.35"}, {"factor", "0"}, {"seed", "1"}});
    return nets::data::make_circles(k.integer("n", 2), k.real("noise"), k.real("factor"),
                                    static_cast<std::uint64_t>(k.integer("seed", 0)));
  }
  if (name == "standardized_regression") {
    Keys k(name, args, {{"n", "100"}, {"seed", "42"}});
    return nets::data::standardized_regression(k.integer("n", 1), static_cast<std::uint64_t>(k.integer("seed", 0)));
  }
  if (name == "fashion_mnist") {
    Keys k(name, args, {{"a", "3"}, {"b", "6"}, {"max", "0"}, {"split", "train"}});
    nets::data::ImageSubsetOptions o;
    o.max_samples = k.integer("max", 0);
    if (k.text("split") != "train" && k.text("split") != "test")
      throw std::invalid_argument("data set 'fashion_mnist': split = '" + k.text("split") + "'; valid: train, test");
    o.test_split = k.text("split") == "test";
    return nets::data::two_class_images(static_cast<int>(k.integer("a", 0)), static_cast<int>(k.integer("b", 0)), o);
  }
  throw std::invalid_argument("unknown data set '" + name + "'; valid: " + join(dataset_names()));
}

}  // namespace ov::cli
