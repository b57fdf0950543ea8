// Efficient SAM (ESAM, Du et al. 2022), 004 §7.2 eqs (55)-(56): SAM (sam.hpp) with
//
// SWP, Stochastic Weight Perturbation (55): a fresh mask m_i ~ Bernoulli(beta),
//   i.i.d. over the n coordinates, each step, and
//     eps_hat_i = m_i * epsilon*_i / beta
//   (004 writes (1/beta) m^T epsilon*, a scalar; its unbiasedness argument right
//   after (55) works coordinate by coordinate, so the product is the Hadamard one:
//   seed-003-004-sgd-survey.md errata 19). E[eps_hat_i] = epsilon*_i.
//   The mask comes from the rule's own seeded SplitMix64 (core/random.hpp): u_i =
//   (53 random bits) / 2^53 in [0, 1) (24 bits for float), exact in every scalar,
//   m_i = [u_i < beta], so P(m_i = 1) = ceil(beta 2^53) / 2^53 (beta up to 2^-53). beta = 1 gives m = 1
//   and plain SAM. [EXT] Du et al.'s code draws one Bernoulli per parameter TENSOR;
//   we follow the document (per coordinate).
//
// SDS, Sharpness-sensitive Data Selection (56), optional (threshold alpha > 0):
//   per-sample losses l_i at w and at w + eps_hat on the current batch B;
//     B+ = { i in B : l_i(w + eps_hat) - l_i(w) > alpha }
//   and the second gradient is the mean gradient over B+ only (so the step is
//   w1 = w - lr (grad L_{B+}(w + eps_hat) + 2 lambda w)). The perturbation itself
//   uses the gradient of the whole batch. Choices where the document is silent
//   (errata 20): a sample with difference exactly alpha goes to B- (B+ is the
//   strict inequality as printed); if B+ is empty the whole batch B is used (the
//   step is then ordinary SAM/SWP; the report's message says so). SDS needs the
//   per-sample losses, i.e. a finite-sum objective drawn by a sampler
//   (Oracle::sample_values); on a deterministic oracle the step is refused as
//   undefined. Cost: 2|B| per-sample values (counted by the oracle) + the two
//   gradients.
//
// Defaults: rho = 1/20, lr = 1/100, lambda = 0, p = 2 as sam.hpp; beta = 1 and SDS
// off [EXT: the defaults of the public ESAM code, rho=0.05, beta=1.0, gamma=1.0; the
// document gives none, errata 23]. Du et al. select B+ as a FRACTION gamma of the
// batch (top-k), the document as a threshold alpha: we follow the document.
// Refusal restores the mask generator, so a refused step leaves the state unchanged.
#pragma once

#include <cstdint>
#include <limits>
#include <type_traits>
#include <optional>
#include <string>
#include <vector>

#include "optim/core/random.hpp"
#include "optim/rules/sam.hpp"

namespace ov::optim {

template <class S>
struct EsamOptions {
  SamOptions<S> sam{};
  S beta = S(1);                // SWP Bernoulli parameter, (0, 1]
  std::optional<S> sds_alpha;   // SDS threshold alpha > 0; nullopt = SDS off
  std::uint64_t seed = 0;       // of the SWP masks
};

// One Bernoulli(beta) draw, exact: u = k / 2^b with k uniform in [0, 2^b), b = 53
// (b = 24 for float, so that u is exact there too and never rounds up to 1).
template <class S>
bool bernoulli_mask(SplitMix64& rng, const S& beta) {
  constexpr int b = std::is_floating_point_v<S> && std::numeric_limits<S>::digits < 53 ? std::numeric_limits<S>::digits : 53;
  const long k = static_cast<long>(rng.next() >> (64 - b));
  const S u = S(k) / S(1L << b);
  return u < beta;
}

template <class S>
class Esam : public Optimizer<S> {
 public:
  explicit Esam(const EsamOptions<S>& o = {}) : o_(o), rng_(o.seed) {
    require_sam_options("esam", o_.sam);
    require(ops::is_finite(o_.beta) && o_.beta > S(0) && o_.beta <= S(1), "esam", "beta", o_.beta, "(0, 1]");
    if (o_.sds_alpha) require_positive("esam", "alpha", *o_.sds_alpha);
    c_ = {o_.sam.lr, S(2) * o_.sam.lambda};
  }

  std::string name() const override { return "esam"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    auto h = sam_hyperparameters(o_.sam);
    h.push_back({"beta", ops::to_string(o_.beta)});
    h.push_back({"alpha", o_.sds_alpha ? ops::to_string(*o_.sds_alpha) : std::string("off")});
    h.push_back({"seed", std::to_string(o_.seed)});
    return h;
  }
  const EsamOptions<S>& options() const { return o_; }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const Vector<S> g = f.gradient(x);
    if (!all_finite(g)) {
      return sam_detail::refuse<S>(StepStatus::refused_non_finite_gradient, "esam", "the gradient is not finite");
    }
    // SWP (55): a fresh mask each step, from a copy of the generator (committed on success).
    SplitMix64 rng = rng_;
    Vector<S> eps_star;
    try {
      eps_star = lp_ball_maximiser(g, o_.sam.rho, o_.sam.p);
    } catch (const std::domain_error& e) {  // e.g. an irrational norm in exact arithmetic
      return sam_detail::refuse<S>(StepStatus::refused_undefined, "esam", e.what());
    }
    Vector<S> eps(eps_star.size());
    for (Eigen::Index i = 0; i < eps.size(); ++i) {
      eps[i] = bernoulli_mask(rng, o_.beta) ? S(eps_star[i] / o_.beta) : S(0);
    }
    // SDS (56): choose B+ before the second gradient.
    std::optional<Batch> selected;
    std::string sds_note;
    if (o_.sds_alpha && all_finite(eps) && !elementwise_step::is_zero(eps)) {
      if (!f.stochastic()) {
        return sam_detail::refuse<S>(StepStatus::refused_undefined, "esam",
                                     "SDS (alpha) needs per-sample losses: a finite-sum objective with a sampler");
      }
      const Vector<S> w_perturbed = x + eps;
      if (!all_finite(w_perturbed)) {
        return sam_detail::refuse<S>(StepStatus::refused_non_finite_update, "esam",
                                     "the perturbed point w + eps is not finite");
      }
      const std::vector<S> l0 = f.sample_values(x);
      const std::vector<S> l1 = f.sample_values(w_perturbed);
      const Batch& batch = f.batch();
      Batch plus;
      for (std::size_t j = 0; j < batch.size(); ++j) {
        if (!ops::is_finite(l0[j]) || !ops::is_finite(l1[j])) {
          return sam_detail::refuse<S>(StepStatus::refused_non_finite_value, "esam",
                                       "a per-sample loss at w or w + eps is not finite");
        }
        if (l1[j] - l0[j] > *o_.sds_alpha) plus.push_back(batch[j]);
      }
      sds_note = "SDS: |B+| = " + std::to_string(plus.size()) + " of " + std::to_string(batch.size());
      if (plus.empty()) {
        sds_note += " (empty: the whole batch is used)";
      } else {
        selected = std::move(plus);
      }
    }
    StepReport<S> r = sam_detail::descend<S>("esam", x, g, eps, c_, x1_, [&f, &selected](const Vector<S>& w) {
      return selected ? f.batch_gradient(w, *selected) : f.gradient(w);
    });
    if (!r.refused()) {
      rng_ = rng;
      if (!sds_note.empty()) r.message = r.message.empty() ? sds_note : r.message + "; " + sds_note;
    }
    return r;
  }
  void reset() override { rng_ = SplitMix64(o_.seed); }

 private:
  EsamOptions<S> o_;
  SplitMix64 rng_;
  sam_detail::DescentConstants<S> c_;
  Vector<S> x1_;
};

}  // namespace ov::optim
