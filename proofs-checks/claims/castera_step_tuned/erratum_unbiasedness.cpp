#include "proofs-checks/claims/castera_step_tuned/erratum_unbiasedness.hpp"

#include <fmt/core.h>

#include <vector>

#include "optim/core/random.hpp"
#include "proofs-checks/claims/castera_step_tuned/common.hpp"

namespace ov::claims::castera_step_tuned {

Finding check_unbiasedness(bool sum_convention, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  const int instances = ctx.quick ? 3 : 10;
  const int N = 4, P = 2;
  optim::SplitMix64 rng(ctx.seed);
  nlohmann::json cex = nullptr;
  int compared = 0;
  for (int inst = 0; inst < instances && cex.is_null(); ++inst) {
    const std::uint64_t data_seed = rng.next();
    const QuadraticSum<rational> Q = make_quadratic_sum_rational(N, P, data_seed, 1, 16);
    optim::Vector<rational> x(P);
    for (int i = 0; i < P; ++i) x[i] = rational(static_cast<long>(rng.below(33)) - 16) / rational(8);
    // grad J_n (each sample alone), grad J per the convention, and E[grad J_A] by exact enumeration of every
    // subset A of size b (uniform), with J_A the mean over A (1.18).
    std::vector<optim::Vector<rational>> gn;
    optim::Vector<rational> sum = optim::Vector<rational>::Zero(P);
    for (std::size_t n = 0; n < static_cast<std::size_t>(N); ++n) {
      gn.push_back(Q.batch_gradient(x, {n}));
      sum += gn.back();
    }
    const optim::Vector<rational> gradJ = sum_convention ? sum : optim::Vector<rational>(sum / rational(N));
    for (int b = 1; b <= N && cex.is_null(); ++b) {
      optim::Vector<rational> E = optim::Vector<rational>::Zero(P);
      long count = 0;
      for (unsigned mask = 1; mask < (1u << N); ++mask) {
        if (__builtin_popcount(mask) != b) continue;
        optim::Batch B;
        for (int n = 0; n < N; ++n)
          if (mask & (1u << n)) B.push_back(static_cast<std::size_t>(n));
        E += Q.batch_gradient(x, B);
        ++count;
      }
      E /= rational(count);
      ++compared;
      if (E != gradJ) {
        nlohmann::json e = nlohmann::json::array(), g = nlohmann::json::array();
        for (int i = 0; i < P; ++i) {
          e.push_back(to_str(E[i]));
          g.push_back(to_str(gradJ[i]));
        }
        cex = {{"instance", inst}, {"data_seed", data_seed}, {"N", N}, {"batch_size", b},
               {"E_grad_J_A", e}, {"grad_J", g}, {"convention", sum_convention ? "sum (1.5)" : "mean"},
               {"seed", ctx.seed}};
      }
    }
  }
  out.parameters = {{"convention", sum_convention ? "J = sum_n J_n (1.5), J_B = mean over B (1.18)" : "J and J_B means"},
                    {"instances", instances}, {"N", N}, {"P", P}, {"batch_sizes", "1..N, every subset enumerated"}};
  out.evidence.figures = {{"comparisons", compared}};
  if (!cex.is_null()) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = cex;
    out.evidence.summary = fmt::format(
        "E[grad J_A] = ({}, {}) but grad J = ({}, {}) with J the sum (1.5) (N = {}, |A| = {}, exact): E[grad J_A] = "
        "grad J / N; (1.19) holds only with the mean convention",
        cex["E_grad_J_A"][0].get<std::string>(), cex["E_grad_J_A"][1].get<std::string>(),
        cex["grad_J"][0].get<std::string>(), cex["grad_J"][1].get<std::string>(), N, cex["batch_size"].get<int>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format("E[grad J_A] = grad J exactly in all {} enumerations (every batch size 1..{})",
                                       compared, N);
  }
  return out;
}

Claim unbiasedness_erratum_claim() {
  Claim c;
  c.id = "castera.erratum.unbiasedness-sum-convention";
  c.title = "Erratum: (1.19) E[grad J_A] = grad J is false with J the sum (1.5) and J_B the mean (1.18)";
  c.source = {"002_dc929347c6f8ce02.txt", "1.1 (1.5); 1.3.4 (mini-batch sub-sampling)", "(1.5), (1.18), (1.19)",
              "L474, L668-L674"};
  c.hypotheses = "J = sum_{n=1}^N J_n as defined in (1.5) (\"We thus consider a loss function J that takes the form "
                 "(1.5)\", L507), J_B and grad J_B the means over B (1.18), A uniform over the subsets of a fixed size";
  c.statement = "E[grad J_A(theta)] = sum_{|B|=1} (1/N) grad J_B(theta) = (1/N) sum_{n=1}^N grad J_n(theta) = "
                "grad J(theta) (1.19), and for any fixed batch size \"with similar computations\"";
  c.check = "exact enumeration in rational: seeded quadratic finite sums (N = 4, P = 2), E[grad J_A] over every "
            "subset A of each size 1..N, compared with == against grad J = sum_n grad J_n; refuted at the first "
            "mismatch (E[grad J_A] = grad J / N). The corrected statement (J the mean, the convention of (4.21) and "
            "of the library) holds exactly (tests)";
  c.precision = {"rational", {"rational"}, "exact arithmetic"};
  c.erratum = true;
  c.run = [](const RunContext& ctx) { return check_unbiasedness(true, ctx); };
  return c;
}

}  // namespace ov::claims::castera_step_tuned
