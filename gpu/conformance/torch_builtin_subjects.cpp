// The subjects of OptVerify's LibTorch optimizers (gpu/optim) and of torch::optim's own, by
// spec "ours:<name>[:k=v,...]" / "torch:<name>[:k=v,...]" (docs/conformance-torch.md), with
// the declarations each makes. Keys and defaults are those of gpu/train/training_optimizer.cpp
// (docs/benchmarks.md "Optimizer specs") for ours and torch::optim's for torch; that file's
// factories build over a tensor list only, so the (few) constructions are repeated here over
// parameter groups.
//
// Declarations (what each optimizer claims; the suites test them):
//   descent  {step lr}                 SGD without momentum, weight decay and Nesterov
//   momentum {lr, momentum}            SGD with momentum (PyTorch form, no dampening), heavy_ball
//   adaptive {lr, bias_corrected, eps} adam, adamw (bias_corrected with the update-count
//                                      exponent), adamax (bias-corrected first moment; max-norm
//                                      second), adagrad, rmsprop, nadam (not bias_corrected in
//                                      the sense of a first step of magnitude lr: its first step
//                                      is lr (1 + mu_2 (1 - beta1) / (1 - mu_1 mu_2)))
//   universal only                     adadelta (eps = 1e-6 inside both roots makes the step
//                                      depend on the gradient's scale), inna (its fixed-point
//                                      suite is the generic-rule one), any weight decay or
//                                      Nesterov variant of SGD
#include <torch/optim/adagrad.h>
#include <torch/optim/adam.h>
#include <torch/optim/adamw.h>
#include <torch/optim/rmsprop.h>
#include <torch/optim/sgd.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "gpu/conformance/torch_subject.hpp"
#include "gpu/optim/adadelta.hpp"
#include "gpu/optim/adagrad.hpp"
#include "gpu/optim/adam.hpp"
#include "gpu/optim/adamax.hpp"
#include "gpu/optim/heavy_ball.hpp"
#include "gpu/optim/inna.hpp"
#include "gpu/optim/nadam.hpp"
#include "gpu/optim/rmsprop.hpp"
#include "gpu/optim/sgd.hpp"

namespace ov::conformance {

namespace torch_builtin_subjects_detail {

using Groups = std::vector<torch::optim::OptimizerParamGroup>;
using OptPtr = std::unique_ptr<torch::optim::Optimizer>;

// The k=v values of a spec, checked against the optimizer's keys.
class SpecValues {
 public:
  SpecValues(const std::string& spec, const std::string& rest, const std::vector<std::string>& keys) : spec_(spec) {
    std::string item;
    auto flush = [&] {
      if (item.empty()) return;
      const auto eq = item.find('=');
      if (eq == std::string::npos || eq == 0)
        throw std::invalid_argument("optimizer spec \"" + spec + "\": \"" + item + "\" is not key=value");
      const std::string k = item.substr(0, eq);
      bool known = false;
      std::string valid;
      for (const auto& x : keys) {
        known = known || x == k;
        valid += (valid.empty() ? "" : ", ") + x;
      }
      if (!known)
        throw std::invalid_argument("optimizer spec \"" + spec + "\": unknown key \"" + k + "\" (valid: " + valid + ")");
      if (m_.count(k)) throw std::invalid_argument("optimizer spec \"" + spec + "\": key \"" + k + "\" given twice");
      m_[k] = item.substr(eq + 1);
      item.clear();
    };
    for (char c : rest) {
      if (c == ',' || c == ':') {
        flush();
      } else {
        item += c;
      }
    }
    flush();
  }
  bool has(const std::string& k) const { return m_.count(k) != 0; }
  double num(const std::string& k, double dflt) const {
    if (!has(k)) return dflt;
    const std::string& t = m_.at(k);
    auto one = [&](const std::string& s) {
      char* e = nullptr;
      const double v = std::strtod(s.c_str(), &e);
      if (s.empty() || e != s.c_str() + s.size() || !std::isfinite(v))
        throw std::invalid_argument("optimizer spec \"" + spec_ + "\": " + k + " = \"" + t +
                                    "\" is not a finite number (e.g. 0.01, 1e-4, 1/10000)");
      return v;
    };
    const auto slash = t.find('/');
    if (slash == std::string::npos) return one(t);
    const double den = one(t.substr(slash + 1));
    if (den == 0) throw std::invalid_argument("optimizer spec \"" + spec_ + "\": " + k + " divides by zero");
    return one(t.substr(0, slash)) / den;
  }
  bool flag(const std::string& k, bool dflt) const {
    if (!has(k)) return dflt;
    const std::string& t = m_.at(k);
    if (t == "true" || t == "1") return true;
    if (t == "false" || t == "0") return false;
    throw std::invalid_argument("optimizer spec \"" + spec_ + "\": " + k + " = \"" + t +
                                "\" is not a boolean (true, false, 1, 0)");
  }
  std::string word(const std::string& k, const std::string& dflt) const { return has(k) ? m_.at(k) : dflt; }

 private:
  std::string spec_;
  std::map<std::string, std::string> m_;
};

DescentDeclaration descent_at(double lr) {
  DescentDeclaration d;
  d.step = lr;
  return d;
}

// Builds the subject of one spec; `check` builds the optimizer once on a small tensor so that
// invalid option values are reported at once (the optimizer's own message).
TorchSubject build(const std::string& spec) {
  const auto c1 = spec.find(':');
  if (c1 == std::string::npos)
    throw std::invalid_argument("torch_builtin_subject: \"" + spec + "\" is not ours:<name>[:k=v,...] or torch:<name>[:k=v,...]");
  const std::string origin = spec.substr(0, c1);
  const auto c2 = spec.find(':', c1 + 1);
  const std::string name = spec.substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1);
  const std::string rest = c2 == std::string::npos ? "" : spec.substr(c2 + 1);
  TorchSubject s;
  s.name = spec;
  s.origin = origin == "ours" ? "OptVerify LibTorch optimizer (gpu/optim)" : "torch::optim (LibTorch)";
  if (origin == "ours") {
    if (name == "sgd") {
      const SpecValues v(spec, rest, {"lr", "momentum", "nesterov", "weight_decay", "weight_decay_mode", "form"});
      gpu::SGDOptions o(v.num("lr", 0.01));
      o.momentum(v.num("momentum", 0)).nesterov(v.flag("nesterov", false)).weight_decay(v.num("weight_decay", 0));
      o.weight_decay_mode(v.word("weight_decay_mode", "coupled_l2")).form(v.word("form", "pytorch"));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<gpu::SGD>(std::move(g), o); };
      if (o.weight_decay() == 0 && !o.nesterov()) {
        if (o.momentum() == 0) s.declared.descent = descent_at(o.lr());
        else if (o.form() == "pytorch") s.declared.momentum = MomentumDeclaration{o.lr(), o.momentum()};
      }
    } else if (name == "heavy_ball") {
      const SpecValues v(spec, rest, {"lr", "momentum"});
      gpu::HeavyBallOptions o(v.num("lr", 0.01));
      o.momentum(v.num("momentum", 0.5));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<gpu::HeavyBall>(std::move(g), o); };
      s.declared.momentum = MomentumDeclaration{o.lr(), o.momentum()};
    } else if (name == "adam") {
      const SpecValues v(spec, rest, {"lr", "beta1", "beta2", "eps", "weight_decay", "weight_decay_mode",
                                      "epsilon_placement", "bias_correction"});
      gpu::AdamOptions o(v.num("lr", 1e-3));
      o.beta1(v.num("beta1", 0.9)).beta2(v.num("beta2", 0.999)).eps(v.num("eps", 1e-8));
      o.weight_decay(v.num("weight_decay", 0)).weight_decay_mode(v.word("weight_decay_mode", "coupled_l2"));
      o.epsilon_placement(v.word("epsilon_placement", "outside_sqrt"));
      o.bias_correction(v.word("bias_correction", "update_count"));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<gpu::Adam>(std::move(g), o); };
      if (o.weight_decay() == 0)
        s.declared.adaptive = AdaptiveDeclaration{o.lr(), o.bias_correction() == "update_count", o.eps()};
    } else if (name == "adagrad") {
      const SpecValues v(spec, rest, {"lr", "eps", "epsilon_placement"});
      gpu::AdagradOptions o(v.num("lr", 0.01));
      o.eps(v.num("eps", 1e-10)).epsilon_placement(v.word("epsilon_placement", "inside_sqrt"));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<gpu::Adagrad>(std::move(g), o); };
      s.declared.adaptive = AdaptiveDeclaration{o.lr(), false, o.eps()};
    } else if (name == "rmsprop") {
      const SpecValues v(spec, rest, {"lr", "gamma", "eps", "epsilon_placement"});
      gpu::RmspropOptions o(v.num("lr", 0.01));
      o.gamma(v.num("gamma", 0.9)).eps(v.num("eps", 1e-8)).epsilon_placement(v.word("epsilon_placement", "inside_sqrt"));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<gpu::Rmsprop>(std::move(g), o); };
      s.declared.adaptive = AdaptiveDeclaration{o.lr(), false, o.eps()};
    } else if (name == "adamax") {
      const SpecValues v(spec, rest, {"lr", "beta1", "beta2", "eps"});
      gpu::AdamaxOptions o(v.num("lr", 2e-3));
      o.beta1(v.num("beta1", 0.9)).beta2(v.num("beta2", 0.999)).eps(v.num("eps", 0));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<gpu::Adamax>(std::move(g), o); };
      s.declared.adaptive = AdaptiveDeclaration{o.lr(), true, o.eps()};
    } else if (name == "adadelta") {
      const SpecValues v(spec, rest, {"lr", "rho", "eps"});
      gpu::AdadeltaOptions o(v.num("lr", 1.0));
      o.rho(v.num("rho", 0.95)).eps(v.num("eps", 1e-6));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<gpu::Adadelta>(std::move(g), o); };
    } else if (name == "nadam") {
      const SpecValues v(spec, rest, {"lr", "beta1", "beta2", "eps", "momentum_decay"});
      gpu::NAdamOptions o(v.num("lr", 2e-3));
      o.beta1(v.num("beta1", 0.9)).beta2(v.num("beta2", 0.999)).eps(v.num("eps", 1e-8));
      o.momentum_decay(v.num("momentum_decay", 4e-3));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<gpu::NAdam>(std::move(g), o); };
      s.declared.adaptive = AdaptiveDeclaration{o.lr(), false, o.eps()};
    } else if (name == "inna") {
      const SpecValues v(spec, rest, {"lr", "alpha", "beta", "decay_power", "psi0", "weight_decay", "weight_decay_mode"});
      gpu::InnaOptions o(v.num("lr", 0.1));
      o.alpha(v.num("alpha", 0.5)).beta(v.num("beta", 0.1)).decay_power(v.num("decay_power", 0));
      o.psi0(v.word("psi0", "thesis")).weight_decay(v.num("weight_decay", 0));
      o.weight_decay_mode(v.word("weight_decay_mode", "outside_beta"));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<gpu::Inna>(std::move(g), o); };
    } else {
      throw std::invalid_argument("torch_builtin_subject: unknown optimizer \"ours:" + name +
                                  "\" (valid: sgd, heavy_ball, adam, adagrad, rmsprop, adamax, adadelta, nadam, inna)");
    }
  } else if (origin == "torch") {
    if (name == "sgd") {
      const SpecValues v(spec, rest, {"lr", "momentum", "dampening", "weight_decay", "nesterov"});
      torch::optim::SGDOptions o(v.num("lr", 0.01));
      o.momentum(v.num("momentum", 0)).dampening(v.num("dampening", 0)).weight_decay(v.num("weight_decay", 0));
      o.nesterov(v.flag("nesterov", false));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<torch::optim::SGD>(std::move(g), o); };
      if (o.weight_decay() == 0 && !o.nesterov() && o.dampening() == 0) {
        if (o.momentum() == 0) s.declared.descent = descent_at(o.lr());
        else s.declared.momentum = MomentumDeclaration{o.lr(), o.momentum()};
      }
    } else if (name == "adam" || name == "adamw") {
      const bool w = name == "adamw";
      const SpecValues v(spec, rest, {"lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"});
      const double lr = v.num("lr", 1e-3), b1 = v.num("beta1", 0.9), b2 = v.num("beta2", 0.999), eps = v.num("eps", 1e-8);
      const double wd = v.num("weight_decay", w ? 1e-2 : 0);
      const bool ams = v.flag("amsgrad", false);
      if (w) {
        torch::optim::AdamWOptions o(lr);
        o.betas(std::make_tuple(b1, b2)).eps(eps).weight_decay(wd).amsgrad(ams);
        s.make = [o](Groups g) -> OptPtr { return std::make_unique<torch::optim::AdamW>(std::move(g), o); };
      } else {
        torch::optim::AdamOptions o(lr);
        o.betas(std::make_tuple(b1, b2)).eps(eps).weight_decay(wd).amsgrad(ams);
        s.make = [o](Groups g) -> OptPtr { return std::make_unique<torch::optim::Adam>(std::move(g), o); };
      }
      // AdamW's decoupled decay x -= lr wd x is zero at x0 = 0 and independent of the
      // gradient's scale, so the adaptive statements hold for it too; Adam's coupled decay not.
      if (w || wd == 0) s.declared.adaptive = AdaptiveDeclaration{lr, true, eps};
    } else if (name == "adagrad") {
      const SpecValues v(spec, rest, {"lr", "lr_decay", "weight_decay", "eps"});
      torch::optim::AdagradOptions o(v.num("lr", 0.01));
      o.lr_decay(v.num("lr_decay", 0)).weight_decay(v.num("weight_decay", 0)).eps(v.num("eps", 1e-10));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<torch::optim::Adagrad>(std::move(g), o); };
      if (o.weight_decay() == 0) s.declared.adaptive = AdaptiveDeclaration{o.lr(), false, o.eps()};
    } else if (name == "rmsprop") {
      const SpecValues v(spec, rest, {"lr", "alpha", "eps", "weight_decay", "momentum", "centered"});
      torch::optim::RMSpropOptions o(v.num("lr", 0.01));
      o.alpha(v.num("alpha", 0.99)).eps(v.num("eps", 1e-8)).weight_decay(v.num("weight_decay", 0));
      o.momentum(v.num("momentum", 0)).centered(v.flag("centered", false));
      s.make = [o](Groups g) -> OptPtr { return std::make_unique<torch::optim::RMSprop>(std::move(g), o); };
      if (o.weight_decay() == 0 && o.momentum() == 0 && !o.centered())
        s.declared.adaptive = AdaptiveDeclaration{o.lr(), false, o.eps()};
    } else {
      throw std::invalid_argument("torch_builtin_subject: unknown optimizer \"torch:" + name +
                                  "\" (valid: sgd, adam, adamw, adagrad, rmsprop)");
    }
  } else {
    throw std::invalid_argument("torch_builtin_subject: \"" + spec + "\" must start with ours: or torch:");
  }
  return s;
}

}  // namespace torch_builtin_subjects_detail

TorchSubject torch_builtin_subject(const std::string& spec) {
  TorchSubject s = torch_builtin_subjects_detail::build(spec);
  // The optimizer's own checks on its options, at once (a one-element float64 parameter).
  at::Tensor p = at::zeros({1}, at::TensorOptions().dtype(at::kDouble));
  p.set_requires_grad(true);
  try {
    std::vector<torch::optim::OptimizerParamGroup> g;
    g.emplace_back(std::vector<at::Tensor>{p});
    (void)s.make(std::move(g));
  } catch (const std::exception& e) {
    throw std::invalid_argument("optimizer spec \"" + spec + "\": " + e.what());
  }
  return s;
}

std::vector<std::string> torch_builtin_subject_names() {
  return {"ours:sgd",    "ours:sgd:momentum=0.5", "ours:heavy_ball", "ours:adam",     "ours:adagrad",
          "ours:rmsprop", "ours:adamax",          "ours:adadelta",   "ours:nadam",    "ours:inna",
          "torch:sgd",   "torch:sgd:momentum=0.5", "torch:adam",     "torch:adamw",   "torch:adagrad",
          "torch:rmsprop"};
}

}  // namespace ov::conformance
