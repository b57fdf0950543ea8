// The base of every elementwise rule of optim/ as a torch::optim::Optimizer (SGD, Adam, ...):
// options per parameter group, per-parameter state (ElementwiseParamState), torch::save /
// torch::load through serialize, an optional closure, and the update itself delegated to
// the rule's per-coordinate kernel from optim/rules/ through run_elementwise (one fused pass
// on CPU; tensor expressions elsewhere). Nothing of the rule is re-implemented: a derived
// class only maps its options to the core rule's options and constants (CRTP):
//
//   static constexpr const char* kName;                                 registry name
//   static void validate(const Options&);            throws std::invalid_argument naming the
//                                                    parameter and its range (the core rule's
//                                                    constructor does the checking)
//   static std::vector<std::string> state_names(const Options&);
//   static void init_state(const Options&, const at::Tensor& p, std::vector<at::Tensor>& s);
//   static std::optional<bool> update(const Options&, std::int64_t t, Work& w);
//        t = 1 for the first update of this parameter; runs the kernel (apply<NS>) from
//        (w.x, w.g, w.s) into (w.x1, w.s1); nullopt where the rule is undefined at t,
//        otherwise whether every output is finite.
//
// Refusal (docs/gpu.md): a step is computed for a whole parameter group into scratch
// tensors first; if any output of any parameter is not finite (or the rule is undefined)
// NOTHING of that group changes (parameters, buffers, step counters) and last_outcomes()
// says why; otherwise the group is committed. The scratch tensors are kept between steps,
// so the optimizer holds twice the memory of its state plus one copy of the parameters.
// Groups are checked (parameter_checks.hpp) and their options validated before any group
// is updated, so an invalid group throws with every group unchanged.
#pragma once

#include <ATen/ATen.h>
#include <torch/optim/optimizer.h>
#include <torch/optim/serialize.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gpu/optim/elementwise_param_state.hpp"
#include "gpu/optim/elementwise_runner.hpp"
#include "gpu/optim/parameter_checks.hpp"
#include "gpu/optim/step_outcome.hpp"

namespace ov::gpu {

// The kernel's inputs and outputs for one parameter.
struct ElementwiseWork {
  at::Tensor x, g;               // parameter (detached: same storage) and its gradient
  std::vector<at::Tensor> s;     // state buffers, in state_names() order
  at::Tensor x1;                 // outputs (scratch)
  std::vector<at::Tensor> s1;
  KernelPath path = KernelPath::fused_cpu;
};

namespace detail {
// torch::optim::Optimizer::state() is keyed by the TensorImpl address: as a string in
// LibTorch 1.13, as void* in later versions.
template <class Map>
typename Map::key_type state_key(const at::Tensor& p) {
  using K = typename Map::key_type;
  if constexpr (std::is_same_v<K, std::string>) {
    return c10::guts::to_string(p.unsafeGetTensorImpl());
  } else {
    return static_cast<K>(p.unsafeGetTensorImpl());
  }
}

template <std::size_t... I>
std::array<at::Tensor, 2 + sizeof...(I)> kernel_inputs(const ElementwiseWork& w, std::index_sequence<I...>) {
  return {w.x, w.g, w.s[I]...};
}
}  // namespace detail

template <class Derived, class Options>
class ElementwiseOptimizer : public torch::optim::Optimizer, public OutcomeReporter {
 public:
  using Work = ElementwiseWork;

  ElementwiseOptimizer(std::vector<torch::optim::OptimizerParamGroup> groups, const Options& defaults)
      : torch::optim::Optimizer(std::move(groups), std::make_unique<Options>(defaults)) {
    Derived::validate(defaults);
    check_groups();
  }

  torch::Tensor step(LossClosure closure = nullptr) override {
    at::Tensor loss;
    if (closure != nullptr) {
      at::AutoGradMode enable_grad(true);
      loss = closure();
    }
    at::NoGradGuard no_grad;
    check_groups();
    outcomes_.clear();
    for (std::size_t gi = 0; gi < param_groups_.size(); ++gi) outcomes_.push_back(step_group(gi));
    return loss;
  }

  // One StepOutcome per parameter group, for the last step().
  const std::vector<StepOutcome>& last_outcomes() const override { return outcomes_; }
  bool last_step_refused() const {
    for (const auto& o : outcomes_)
      if (o.refused()) return true;
    return false;
  }

  // The state of parameter p (nullptr before its first update).
  const ElementwiseParamState* param_state(const at::Tensor& p) const {
    auto it = state_.find(detail::state_key<decltype(state_)>(p));
    return it == state_.end() ? nullptr : static_cast<const ElementwiseParamState*>(it->second.get());
  }

  void save(torch::serialize::OutputArchive& archive) const override {
    torch::optim::serialize<ElementwiseParamState, Options>(archive, *this);
  }
  void load(torch::serialize::InputArchive& archive) override {
    torch::optim::serialize<ElementwiseParamState, Options>(archive, *this);
    scratch_.clear();
  }

 protected:
  // Runs kernel k with NS state buffers: inputs (x, g, s[0..NS)), outputs (x1, s1[0..NS)).
  template <std::size_t NS, class Kernel, class C>
  static bool apply(const Kernel& k, const C& c, Work& w) {
    if (w.s.size() != NS)
      throw std::logic_error(std::string(Derived::kName) + ": the state has " + std::to_string(w.s.size()) +
                             " buffers, the kernel needs " + std::to_string(NS));
    const auto ins = detail::kernel_inputs(w, std::make_index_sequence<NS>{});
    std::array<at::Tensor, 1 + NS> outs;
    outs[0] = w.x1;
    for (std::size_t i = 0; i < NS; ++i) outs[1 + i] = i < w.s1.size() ? w.s1[i] : at::Tensor();
    const bool finite = run_elementwise(k, c, ins, outs, &w.path);
    w.x1 = outs[0];
    w.s1.assign(outs.begin() + 1, outs.end());
    return finite;
  }

  static void zeros_state(const Options& o, const at::Tensor& p, std::vector<at::Tensor>& s) {
    s.clear();
    for (std::size_t i = 0; i < Derived::state_names(o).size(); ++i)
      s.push_back(at::zeros_like(p, at::MemoryFormat::Contiguous));
  }

 private:
  const Options& options_of(std::size_t gi) const {
    auto* o = dynamic_cast<const Options*>(&param_groups_[gi].options());
    if (!o)
      throw std::invalid_argument(std::string(Derived::kName) + ": parameter group " + std::to_string(gi) +
                                  " has options of another optimizer");
    return *o;
  }

  void check_groups() const {
    for (std::size_t gi = 0; gi < param_groups_.size(); ++gi) {
      check_parameter_group(param_groups_[gi].params(), gi, Derived::kName);
      try {
        Derived::validate(options_of(gi));
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("parameter group " + std::to_string(gi) + ": " + e.what());
      }
    }
  }

  struct Pending {
    at::Tensor p;
    ElementwiseParamState* state;
    std::unique_ptr<ElementwiseParamState> fresh;  // a new state, inserted only on commit
    Work w;
    std::int64_t t;
  };

  StepOutcome step_group(std::size_t gi) {
    const Options& o = options_of(gi);
    StepOutcome out;
    out.group = gi;
    const std::vector<std::string> names = Derived::state_names(o);
    std::vector<Pending> pending;
    for (const at::Tensor& p : param_groups_[gi].params()) {
      if (!p.grad().defined()) {
        ++out.without_gradient;
        continue;
      }
      const auto key = detail::state_key<decltype(state_)>(p);
      Pending pd;
      pd.p = p;
      auto it = state_.find(key);
      if (it != state_.end()) {
        pd.state = static_cast<ElementwiseParamState*>(it->second.get());
        if (pd.state->names() != names)
          throw std::invalid_argument(std::string(Derived::kName) + ": parameter group " + std::to_string(gi) +
                                      ": the stored state's buffers do not match the options' (were the options "
                                      "changed after the first step? e.g. momentum switched on)");
      } else {
        pd.fresh = std::make_unique<ElementwiseParamState>();
        pd.fresh->names(names);
        std::vector<at::Tensor> s;
        Derived::init_state(o, p.detach(), s);
        pd.fresh->buffers(s);
        pd.state = pd.fresh.get();
      }
      pd.t = pd.state->step() + 1;
      pd.w.x = p.detach();
      pd.w.g = p.grad();
      pd.w.s = pd.state->buffers();
      auto sc = scratch_.find(p.unsafeGetTensorImpl());
      if (sc != scratch_.end()) {
        pd.w.x1 = sc->second.first;
        pd.w.s1 = sc->second.second;
      }
      const std::optional<bool> finite = Derived::update(o, pd.t, pd.w);
      out.path = to_string(pd.w.path);
      if (!finite) {
        out.status = StepStatus::refused_undefined;
        out.message = std::string(Derived::kName) + ": the rule is undefined at update " + std::to_string(pd.t) +
                      "; the group's parameters and state are unchanged";
        return out;
      }
      if (!*finite) {
        const bool g_finite = at::isfinite(pd.w.g).all().template item<bool>();
        out.status = g_finite ? StepStatus::refused_non_finite_update : StepStatus::refused_non_finite_gradient;
        out.message = std::string(Derived::kName) + ": parameter group " + std::to_string(gi) + ": " +
                      (g_finite ? "the proposed update is not finite (overflow or 0/0)"
                                : "a gradient is not finite (Inf/NaN)") +
                      "; the step is refused for the whole group: parameters and state unchanged";
        return out;
      }
      pending.push_back(std::move(pd));
    }
    if (pending.empty()) {
      out.status = StepStatus::no_gradient;
      return out;
    }
    for (Pending& pd : pending) {
      pd.w.x.copy_(pd.w.x1);
      // The old buffers become the next step's scratch (no allocation per step).
      scratch_[pd.p.unsafeGetTensorImpl()] = {pd.w.x1, pd.state->buffers()};
      pd.state->buffers(pd.w.s1);
      pd.state->step(pd.t);
      if (pd.fresh) state_[detail::state_key<decltype(state_)>(pd.p)] = std::move(pd.fresh);
      ++out.updated;
    }
    return out;
  }

  std::vector<StepOutcome> outcomes_;
  std::unordered_map<const void*, std::pair<at::Tensor, std::vector<at::Tensor>>> scratch_;
};

}  // namespace ov::gpu
