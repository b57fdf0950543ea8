// make_schedule(spec, parse): "NAME" or "NAME:k=v,k=v" -> a Schedule<S>. Values are
// parsed into S by the caller's parser (the CLI passes ov::constant<S>, exact), list
// values (piecewise_constant) are separated by ';'. Unknown names, unknown keys,
// missing required parameters and malformed values are errors that say what is valid.
#pragma once

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "optim/registry/registry.hpp"
#include "optim/schedules/constant.hpp"
#include "optim/schedules/exponential.hpp"
#include "optim/schedules/inverse_linear.hpp"
#include "optim/schedules/inverse_power.hpp"
#include "optim/schedules/inverse_sqrt.hpp"
#include "optim/schedules/piecewise_constant.hpp"
#include "optim/schedules/polynomial.hpp"
#include "optim/schedules/step_tuned_epoch.hpp"

namespace ov::optim {

struct ScheduleInfo {
  std::string name;
  std::string description;
  std::string citation;
  std::vector<ParameterSpec> parameters;  // default "" = required
};

inline const std::vector<ScheduleInfo>& schedule_catalogue() {
  static const std::vector<ScheduleInfo> c = {
      {"constant", "alpha_k = lr", "004 section 4.1; 000 (2)", {{"lr", "", "(0, inf)", "the step size (required)"}}},
      {"piecewise_constant", "alpha_k = values[i] on [milestones[i-1], milestones[i])",
       "003 section 4.5.2, Fig. 4.6",
       {{"milestones", "25;50;75", "strictly increasing integers >= 1, ';'-separated", "block boundaries"},
        {"values", "3/100;3/200;3/400;3/800", "(0, inf) each, one more than milestones", "value on each block"}}},
      {"exponential", "alpha_k = gamma0 r^k", "003 section 4.5.2 (alpha_1 e^{-lambda k}: r = e^{-lambda})",
       {{"gamma0", "3/100", "(0, inf)", "initial step (003 Fig. 4.6)"},
        {"r", "", "(0, 1]", "decay ratio per iteration (required)"}}},
      {"polynomial", "alpha_k = alpha1 (beta k + 1)^(-gamma)", "003 section 4.5.2, Fig. 4.6",
       {{"alpha1", "3/100", "(0, inf)", "initial step (003 Fig. 4.6)"},
        {"beta", "1", "[0, inf)", "time scale (003: common choice 1)"},
        {"gamma", "1/2", "[0, inf)", "decay power (003: common choice 1/2, square-root schedule)"}}},
      {"inverse_linear", "alpha_k = gamma0 / (k + 1)", "004 section 4.1 (1/k)",
       {{"gamma0", "1", "(0, inf)", "scale (004: 1)"}}},
      {"inverse_sqrt", "alpha_k = gamma0 / sqrt(k + 1)", "004 section 4.1 (1/sqrt k); 002 Ch. 2 experiments",
       {{"gamma0", "1", "(0, inf)", "scale (004: 1)"}}},
      {"inverse_power", "alpha_k = gamma0 / (k + 1)^a", "002 Fig. 2.4, Assumption 2.1",
       {{"gamma0", "", "(0, inf)", "scale (required; 002 tunes it by grid search)"},
        {"a", "1/2", "[0, inf)", "decay power (002 Ch. 2: 1/2; Fig. 2.4 also 1/4, 1/16)"}}},
      {"step_tuned_epoch", "alpha_k = alpha / q^(1/2 + delta), q = floor(k / E) + 1",
       "002 Ch. 4 experiments (L2395), footnote 2 (L2348)",
       {{"alpha", "", "(0, inf)", "scale (required; 002 grid {1e-4, ..., 1})"},
        {"delta", "1/1000", "(0, 1/2)", "decay excess over 1/2 (002 footnote 2)"},
        {"iterations_per_epoch", "", "[1, inf)", "E, iterations in one epoch (required)"}}},
  };
  return c;
}

namespace schedule_detail {

inline std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ';')) out.push_back(item);
  if (!text.empty() && text.back() == ';') out.push_back("");
  return out;
}

template <class S>
S required_scalar(const ParamReader<S>& p, const std::string& name) {
  if (p.text(name).empty()) throw std::invalid_argument(p.rule() + ": the parameter '" + name + "' is required");
  return p.scalar(name);
}


}  // namespace schedule_detail

template <class S>
std::unique_ptr<Schedule<S>> make_schedule(const std::string& spec, const ScalarParser<S>& parse) {
  using namespace schedule_detail;
  OptimizerSpec s;
  try {
    s = parse_optimizer_spec(spec);
  } catch (const std::invalid_argument& e) {
    std::string msg = e.what();
    const std::string from = "optimizer spec";
    if (msg.compare(0, from.size(), from) == 0) msg = "schedule spec" + msg.substr(from.size());
    throw std::invalid_argument(msg);
  }
  const ScheduleInfo* info = nullptr;
  std::string names;
  for (const auto& i : schedule_catalogue()) {
    names += (names.empty() ? "" : ", ") + i.name;
    if (i.name == s.name) info = &i;
  }
  if (!info) throw std::invalid_argument("unknown schedule '" + s.name + "' (valid: " + names + ")");
  const ParamReader<S> p(s.name, s.params, parse, info->parameters);
  const std::string& n = s.name;
  if (n == "constant") return std::make_unique<ConstantSchedule<S>>(required_scalar(p, "lr"));
  if (n == "exponential")
    return std::make_unique<ExponentialSchedule<S>>(required_scalar(p, "gamma0"), required_scalar(p, "r"));
  if (n == "polynomial")
    return std::make_unique<PolynomialSchedule<S>>(p.scalar("alpha1"), p.scalar("beta"), p.scalar("gamma"));
  if (n == "inverse_linear") return std::make_unique<InverseLinearSchedule<S>>(p.scalar("gamma0"));
  if (n == "inverse_sqrt") return std::make_unique<InverseSqrtSchedule<S>>(p.scalar("gamma0"));
  if (n == "inverse_power")
    return std::make_unique<InversePowerSchedule<S>>(required_scalar(p, "gamma0"), p.scalar("a"));
  if (n == "step_tuned_epoch") {
    if (p.text("iterations_per_epoch").empty())
      throw std::invalid_argument("step_tuned_epoch: the parameter 'iterations_per_epoch' is required");
    return std::make_unique<StepTunedEpochSchedule<S>>(required_scalar(p, "alpha"), p.scalar("delta"),
                                                       p.integer("iterations_per_epoch"));
  }
  // piecewise_constant
  std::vector<long> milestones;
  for (const auto& t : split_list(p.text("milestones"))) {
    std::size_t used = 0;
    long v = 0;
    try {
      v = std::stol(t, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (t.empty() || used != t.size())
      throw std::invalid_argument("piecewise_constant: milestones entry '" + t + "' is not an integer");
    milestones.push_back(v);
  }
  std::vector<S> values;
  for (const auto& t : split_list(p.text("values"))) {
    try {
      values.push_back(parse(t));
    } catch (const std::exception& e) {
      throw std::invalid_argument("piecewise_constant: values entry '" + t + "' is not a number (" + e.what() + ")");
    }
  }
  return std::make_unique<PiecewiseConstantSchedule<S>>(std::move(milestones), std::move(values));
}

}  // namespace ov::optim
