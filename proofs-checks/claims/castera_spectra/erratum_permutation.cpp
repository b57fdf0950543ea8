#include "proofs-checks/claims/castera_spectra/erratum_permutation.hpp"

#include <fmt/core.h>

#include <optional>
#include <string>

#include "proofs-checks/claims/castera_spectra/ch3_common.hpp"

namespace ov::claims::castera_ch3 {

namespace {

using Entries = std::vector<std::pair<std::pair<int, int>, int>>;
using IMat = std::vector<std::vector<int>>;

IMat dense(const Entries& e, int n) {
  IMat M(n, std::vector<int>(n, 0));
  for (const auto& [rc, v] : e)
    if (rc.first >= 1 && rc.first <= n && rc.second >= 1 && rc.second <= n && v != 0) M[rc.first - 1][rc.second - 1] = v;
  return M;
}

// Empty string when M is a permutation matrix; else why not.
std::string not_permutation(const IMat& M) {
  const int n = static_cast<int>(M.size());
  int nonzero = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      if (M[i][j] != 0) ++nonzero;
  for (int i = 0; i < n; ++i) {
    int r = 0, c = 0;
    for (int j = 0; j < n; ++j) {
      r += M[i][j] != 0;
      c += M[j][i] != 0;
      if (M[i][j] != 0 && M[i][j] != 1) return fmt::format("entry ({}, {}) = {}", i + 1, j + 1, M[i][j]);
    }
    if (r != 1) return fmt::format("row {} has {} nonzero entries ({} nonzero in all, {} needed)", i + 1, r, nonzero, n);
    if (c != 1) return fmt::format("column {} has {} nonzero entries ({} nonzero in all, {} needed)", i + 1, c, nonzero, n);
  }
  return "";
}

// U^T A U block diagonal (2x2 blocks) for the sparsity pattern of (3.6): A_ij != 0 iff i = j, |i - j| = P.
bool block_diagonalises(const IMat& U) {
  const int n = static_cast<int>(U.size()), P = n / 2;
  // position of old coordinate i in the new order: U e_j = e_{pi(j)}, new coordinate j is old pi(j).
  std::vector<int> old_of(n, -1);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i)
      if (U[i][j]) old_of[j] = i;
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c) {
      const int i = old_of[r], j = old_of[c];
      const bool a_nonzero = i == j || std::abs(i - j) == P;
      if (a_nonzero && r / 2 != c / 2) return false;
    }
  return true;
}

// The two examples printed at L2006 (P = 3 and P = 4), 1-based (row, column) of the ones.
Entries printed_example(int P) {
  if (P == 3) return {{{1, 5}, 1}, {{2, 2}, 1}, {{3, 3}, 1}, {{4, 6}, 1}, {{5, 1}, 1}, {{6, 4}, 1}};
  return {{{1, 1}, 1}, {{2, 5}, 1}, {{3, 3}, 1}, {{4, 7}, 1}, {{5, 2}, 1}, {{6, 6}, 1}, {{7, 4}, 1}, {{8, 8}, 1}};
}

}  // namespace

PermutationFormula printed_3_36() {
  return [](int P) {
    Entries e;
    for (int p = 1; p <= P; ++p) {
      const int m = p % 2;
      if (P % 2 == 1) {
        e.push_back({{P - p + 1, p}, 1 - m});
        e.push_back({{P + p, 2 * P - p + 1}, m});
        e.push_back({{p, 2 * P - p}, m});
      } else {
        e.push_back({{p, p}, m});
        e.push_back({{P + p, P + p}, 1 - m});
        e.push_back({{P + p, p}, m});
        e.push_back({{p, P + p}, m});
      }
    }
    return e;
  };
}

PermutationFormula perfect_shuffle() {
  return [](int P) {
    Entries e;
    for (int p = 1; p <= P; ++p) {
      e.push_back({{p, 2 * p - 1}, 1});
      e.push_back({{P + p, 2 * p}, 1});
    }
    return e;
  };
}

Finding check_permutation(const PermutationFormula& formula, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  const int Pmax = ctx.quick ? 6 : 12;
  std::optional<nlohmann::json> cx;
  nlohmann::json per_p = nlohmann::json::array();
  for (int P = 1; P <= Pmax; ++P) {
    const IMat U = dense(formula(P), 2 * P);
    const std::string why = not_permutation(U);
    const bool blocks = why.empty() && block_diagonalises(U);
    per_p.push_back({{"P", P}, {"permutation", why.empty()}, {"block_diagonalises", blocks}, {"why", why}});
    if ((!why.empty() || !blocks) && !cx) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& r : U) rows.push_back(r);
      cx = nlohmann::json{{"P", P}, {"U", rows}, {"why", why.empty() ? "U^T (3.6) U is not 2x2 block diagonal" : why}};
    }
  }
  // The printed examples (L2006) against the text: permutations that block-diagonalise (3.6).
  bool examples_ok = true;
  for (int P : {3, 4}) {
    const IMat U = dense(printed_example(P), 2 * P);
    examples_ok = examples_ok && not_permutation(U).empty() && block_diagonalises(U);
  }
  out.parameters = {{"P", fmt::format("1..{}", Pmax)}};
  out.evidence.figures = {{"per_P", per_p}, {"printed_examples_P3_P4_valid", examples_ok}};
  if (cx) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cx;
    out.evidence.summary = fmt::format("the formula fails at P = {}: {}; the printed examples for P = 3, 4 are {}",
                                       (*cx)["P"].get<int>(), (*cx)["why"].get<std::string>(),
                                       examples_ok ? "valid permutations that block-diagonalise (3.6)" : "ALSO wrong");
  } else {
    out.verdict = examples_ok ? Verdict::holds_certified : Verdict::inconclusive;
    out.evidence.summary = fmt::format(
        "proved for P = 1..{} (exact 0/1 matrices): the formula gives permutations that block-diagonalise the pattern of "
        "(3.6); printed examples valid: {}",
        Pmax, examples_ok);
  }
  out.evidence.figures = flatten_figures(out.evidence.figures);
  return out;
}

Claim erratum_permutation_claim() {
  Claim c;
  c.id = "castera.ch3.erratum-3-36-permutation";
  c.title = "Erratum: the permutation formula (3.36) is not a permutation (its printed P = 3, 4 examples are right)";
  c.source = {kThesis, "3.6", "(3.36), (3.7)", "L1685-L1689, L1996-L2006"};
  c.hypotheses = "P >= 1; U in R^{2P x 2P} with the entries of (3.36), zero elsewhere";
  c.statement = "(3.36) defines a permutation matrix U with U^T (3.6) U block diagonal with 2x2 blocks, for every P";
  c.check = "build U from the printed case analysis for P = 1..12 (quick 1..6); check each row and column has exactly one 1; "
            "check U^T A U is 2x2 block diagonal on the sparsity pattern of (3.6) (A_ij != 0 iff i = j or |i - j| = P); the "
            "printed examples for P = 3, 4 (L2006) are checked the same way";
  c.precision = {"rational", {"rational"}, "integer matrices; exact"};
  c.run = [](const RunContext& ctx) { return check_permutation(printed_3_36(), ctx); };
  c.erratum = true;
  return c;
}

}  // namespace ov::claims::castera_ch3
