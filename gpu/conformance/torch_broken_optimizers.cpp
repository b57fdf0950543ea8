#include "gpu/conformance/torch_broken_optimizers.hpp"

#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <cmath>
#include <memory>
#include <stdexcept>

namespace ov::conformance {

namespace torch_broken_optimizers_detail {
std::string buffer_key(std::size_t g, std::size_t i, const char* what) {
  return "g" + std::to_string(g) + "_p" + std::to_string(i) + "_" + what;
}
// A fresh [group][param] table of the optimizer's groups.
template <class T>
std::vector<std::vector<T>> table_for(const std::vector<torch::optim::OptimizerParamGroup>& groups, T init) {
  std::vector<std::vector<T>> t;
  for (const auto& g : groups) t.emplace_back(g.params().size(), init);
  return t;
}
// The static counter of BrokenSgdFault::shared_step_counter: shared by every instance (the fault).
std::int64_t& shared_counter() {
  static std::int64_t t = 0;
  return t;
}
}  // namespace torch_broken_optimizers_detail

at::Tensor BrokenOptimizer::step(LossClosure closure) {
  at::Tensor loss;
  if (closure) {
    at::AutoGradMode enable(true);
    loss = closure();
  }
  at::NoGradGuard no_grad;
  update();
  return loss;
}

BrokenSgd::BrokenSgd(std::vector<torch::optim::OptimizerParamGroup> groups, torch::optim::SGDOptions defaults,
                     BrokenSgdFault fault)
    : BrokenOptimizer(std::move(groups), std::make_unique<torch::optim::SGDOptions>(defaults)),
      fault_(fault) {
  momentum_ = torch_broken_optimizers_detail::table_for(param_groups_, at::Tensor());
}

void BrokenSgd::update() {
  double lr_factor = 1;
  if (fault_ == BrokenSgdFault::shared_step_counter) {
    const std::int64_t t = ++torch_broken_optimizers_detail::shared_counter();
    lr_factor = 1 / std::sqrt(static_cast<double>(t));
  }
  for (std::size_t gi = 0; gi < param_groups_.size(); ++gi) {
    const auto& o = static_cast<const torch::optim::SGDOptions&>(param_groups_[gi].options());
    const double lr = o.lr() * lr_factor, mu = o.momentum();
    auto& params = param_groups_[gi].params();
    for (std::size_t i = 0; i < params.size(); ++i) {
      at::Tensor& p = params[i];
      if (!p.grad().defined()) continue;
      const at::Tensor g = p.grad();
      if (fault_ == BrokenSgdFault::gradient_history_leak) history_.push_back(g.clone());
      at::Tensor d = g;
      if (mu != 0) {
        at::Tensor& buf = momentum_[gi][i];
        if (!buf.defined() || fault_ == BrokenSgdFault::momentum_lost) {
          buf = g.clone();
        } else {
          buf.mul_(mu).add_(g);
        }
        d = buf;
      }
      p.add_(d, fault_ == BrokenSgdFault::sign_flipped ? lr : -lr);
    }
  }
}

void BrokenSgd::save(torch::serialize::OutputArchive& archive) const {
  using torch_broken_optimizers_detail::buffer_key;
  archive.write("kind", c10::IValue(std::string("broken_sgd")));
  if (fault_ == BrokenSgdFault::momentum_not_serialized) return;  // the fault: the buffers are not written
  for (std::size_t g = 0; g < momentum_.size(); ++g)
    for (std::size_t i = 0; i < momentum_[g].size(); ++i)
      if (momentum_[g][i].defined()) archive.write(buffer_key(g, i, "momentum"), momentum_[g][i], true);
}

void BrokenSgd::load(torch::serialize::InputArchive& archive) {
  using torch_broken_optimizers_detail::buffer_key;
  momentum_ = torch_broken_optimizers_detail::table_for(param_groups_, at::Tensor());
  for (std::size_t g = 0; g < momentum_.size(); ++g)
    for (std::size_t i = 0; i < momentum_[g].size(); ++i) {
      at::Tensor t;
      if (archive.try_read(buffer_key(g, i, "momentum"), t, true)) momentum_[g][i] = t.clone();
    }
}

BrokenAdam::BrokenAdam(std::vector<torch::optim::OptimizerParamGroup> groups, torch::optim::AdamOptions defaults,
                       BrokenAdamFault fault)
    : BrokenOptimizer(std::move(groups), std::make_unique<torch::optim::AdamOptions>(defaults)),
      fault_(fault) {
  m_ = torch_broken_optimizers_detail::table_for(param_groups_, at::Tensor());
  v_ = m_;
  t_ = torch_broken_optimizers_detail::table_for<std::int64_t>(param_groups_, 0);
  group_t_.assign(param_groups_.size(), 0);
}

void BrokenAdam::update() {
  for (std::size_t gi = 0; gi < param_groups_.size(); ++gi) {
    const auto& o = static_cast<const torch::optim::AdamOptions&>(param_groups_[gi].options());
    const double lr = o.lr(), b1 = std::get<0>(o.betas()), b2 = std::get<1>(o.betas()), eps = o.eps();
    auto& params = param_groups_[gi].params();
    for (std::size_t i = 0; i < params.size(); ++i) {
      at::Tensor& p = params[i];
      if (!p.grad().defined()) continue;
      const at::Tensor g = p.grad();
      if (!m_[gi][i].defined()) {
        m_[gi][i] = at::zeros_like(p);
        v_[gi][i] = at::zeros_like(p);
      }
      std::int64_t t = 0;
      if (fault_ == BrokenAdamFault::step_counter_per_group) {
        t = ++group_t_[gi];  // the fault: one counter per group, advanced per parameter
      } else {
        t = ++t_[gi][i];
      }
      m_[gi][i].mul_(b1).add_(g, 1 - b1);
      v_[gi][i].mul_(b2).addcmul_(g, g, 1 - b2);
      const bool correct = fault_ != BrokenAdamFault::no_bias_correction;
      const double c1 = correct ? 1 - std::pow(b1, static_cast<double>(t)) : 1;
      const double c2 = correct ? 1 - std::pow(b2, static_cast<double>(t)) : 1;
      const at::Tensor v_hat = v_[gi][i] / c2;
      const double e = fault_ == BrokenAdamFault::epsilon_dropped ? 0.0 : eps;
      const at::Tensor denom = (fault_ == BrokenAdamFault::missing_sqrt ? v_hat : at::sqrt(v_hat)) + e;
      p.addcdiv_(m_[gi][i] / c1, denom, -lr);
    }
  }
}

void BrokenAdam::save(torch::serialize::OutputArchive& archive) const {
  using torch_broken_optimizers_detail::buffer_key;
  archive.write("kind", c10::IValue(std::string("broken_adam")));
  for (std::size_t g = 0; g < m_.size(); ++g) {
    archive.write("g" + std::to_string(g) + "_t", c10::IValue(group_t_[g]));
    for (std::size_t i = 0; i < m_[g].size(); ++i) {
      if (!m_[g][i].defined()) continue;
      archive.write(buffer_key(g, i, "m"), m_[g][i], true);
      archive.write(buffer_key(g, i, "v"), v_[g][i], true);
      archive.write(buffer_key(g, i, "t"), c10::IValue(t_[g][i]));
    }
  }
}

void BrokenAdam::load(torch::serialize::InputArchive& archive) {
  using torch_broken_optimizers_detail::buffer_key;
  m_ = torch_broken_optimizers_detail::table_for(param_groups_, at::Tensor());
  v_ = m_;
  t_ = torch_broken_optimizers_detail::table_for<std::int64_t>(param_groups_, 0);
  group_t_.assign(param_groups_.size(), 0);
  for (std::size_t g = 0; g < m_.size(); ++g) {
    c10::IValue iv;
    if (archive.try_read("g" + std::to_string(g) + "_t", iv)) group_t_[g] = iv.toInt();
    for (std::size_t i = 0; i < m_[g].size(); ++i) {
      at::Tensor m, v;
      if (!archive.try_read(buffer_key(g, i, "m"), m, true)) continue;
      archive.read(buffer_key(g, i, "v"), v, true);
      archive.read(buffer_key(g, i, "t"), iv);
      m_[g][i] = m.clone();
      v_[g][i] = v.clone();
      t_[g][i] = iv.toInt();
    }
  }
}

std::vector<std::string> torch_broken_subject_names() {
  return {"step_counter_per_group", "momentum_not_serialized", "sign_flipped",       "momentum_lost",
          "shared_step_counter",    "gradient_history_leak",   "no_bias_correction", "missing_sqrt",
          "epsilon_dropped"};
}

TorchSubject torch_broken_subject(const std::string& name) {
  using Groups = std::vector<torch::optim::OptimizerParamGroup>;
  TorchSubject s;
  s.name = "broken:" + name;
  s.origin = "deliberately broken (gpu/conformance/torch_broken_optimizers.hpp)";
  const auto sgd = [](double lr, double momentum, BrokenSgdFault f) {
    return [=](Groups g) -> std::unique_ptr<torch::optim::Optimizer> {
      return std::make_unique<BrokenSgd>(std::move(g), torch::optim::SGDOptions(lr).momentum(momentum), f);
    };
  };
  const auto adam = [](double lr, BrokenAdamFault f) {
    return [=](Groups g) -> std::unique_ptr<torch::optim::Optimizer> {
      return std::make_unique<BrokenAdam>(std::move(g), torch::optim::AdamOptions(lr), f);
    };
  };
  const double lr = 0.01, mu = 0.5, adam_lr = 1e-3;
  if (name == "step_counter_per_group" || name == "no_bias_correction" || name == "missing_sqrt" ||
      name == "epsilon_dropped") {
    const BrokenAdamFault f = name == "step_counter_per_group" ? BrokenAdamFault::step_counter_per_group
                              : name == "no_bias_correction"   ? BrokenAdamFault::no_bias_correction
                              : name == "missing_sqrt"         ? BrokenAdamFault::missing_sqrt
                                                               : BrokenAdamFault::epsilon_dropped;
    s.make = adam(adam_lr, f);
    s.declared.adaptive = AdaptiveDeclaration{adam_lr, true, 1e-8};
  } else if (name == "momentum_not_serialized" || name == "momentum_lost") {
    s.make = sgd(lr, mu, name == "momentum_lost" ? BrokenSgdFault::momentum_lost
                                                 : BrokenSgdFault::momentum_not_serialized);
    s.declared.momentum = MomentumDeclaration{lr, mu};
  } else if (name == "sign_flipped" || name == "gradient_history_leak") {
    s.make = sgd(lr, 0, name == "sign_flipped" ? BrokenSgdFault::sign_flipped : BrokenSgdFault::gradient_history_leak);
    DescentDeclaration d;
    d.step = lr;
    s.declared.descent = d;
  } else if (name == "shared_step_counter") {
    s.make = sgd(lr, 0, BrokenSgdFault::shared_step_counter);
  } else {
    std::string valid;
    for (const auto& n : torch_broken_subject_names()) valid += (valid.empty() ? "" : ", ") + n;
    throw std::invalid_argument("torch_broken_subject: unknown name '" + name + "' (valid: " + valid + ")");
  }
  return s;
}

}  // namespace ov::conformance
