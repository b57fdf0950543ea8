// Claims pepit.gd-contraction-strongly-convex and pepit.exact-line-search-rate: GD on L-smooth
// mu-strongly convex functions (contraction max{(1 - gamma L)^2, (1 - gamma mu)^2}^n, equality on
// the extreme eigenvector of a quadratic) and GD with exact line search (((L - mu)/(L + mu))^(2n),
// equality on diag(mu, L) from x_0 = (1/mu, 1/L)), exact in rational.
#include <fmt/core.h>

#include "optim/core/random.hpp"
#include "optim/line_search/exact_quadratic.hpp"
#include "proofs-checks/claims/pepit_bounds/bounds.hpp"

namespace ov::claims::pepit {

namespace {

std::vector<Instance> strongly_convex_instances(const RunContext& ctx, bool quadratic_only) {
  std::vector<Instance> out;
  optim::SplitMix64 rng(ctx.seed ^ 0x53434f4e56ULL);
  const int starts = ctx.quick ? 2 : 4;
  std::vector<std::string> names{"booth", "castera_quadratic", "matyas", "square", "least_squares"};
  if (!quadratic_only) names.push_back("logistic_regression");
  if (!ctx.quick) names.push_back("quadratic");
  for (const auto& n : names) out.push_back(library_instance(n, nlohmann::json::object(), true, starts, rng.next()));
  const int quads = ctx.quick ? 2 : 6;
  for (int k = 0; k < quads; ++k) {
    const rational L = rational(static_cast<long>(1 + rng.below(20)), static_cast<long>(1 + rng.below(4)));
    const rational mu = L / rational(static_cast<long>(2 + rng.below(200)));
    out.push_back(random_quadratic(rng.next(), 2 + static_cast<int>(rng.below(5)), mu, L, starts));
  }
  return out;
}

std::vector<double> ratio_curve(const Record& r, int N) {
  std::vector<double> y;
  for (int n = 1; n <= N; ++n) y.push_back(n < static_cast<int>(r.max_ratio_by_n.size()) ? r.max_ratio_by_n[n] : 0.0);
  return y;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Contraction

struct ContractionCase {
  rational mu, L, gamma;
};

static std::vector<ContractionCase> contraction_cases(bool quick) {
  std::vector<ContractionCase> cs{{rational(1, 10), 1, 1},  // PEPit's docstring example: n = 1 -> 0.81
                                  {2, 4, rational(1, 4)},   // gamma = 1/L
                                  {2, 4, rational(1, 3)},   // gamma = 2/(L + mu): both factors equal
                                  {rational(1, 10), 1, rational(9, 5)}};
  if (!quick) cs.push_back({1, 10, rational(1, 20)});
  return cs;
}

ExactResult exact_contraction(const rational& c, bool quick) {
  ExactResult r;
  const int Nmax = quick ? 10 : 30;
  const auto cs = contraction_cases(quick);
  for (std::size_t i = 0; i < cs.size(); ++i) {
    const auto& k = cs[i];
    const rational a = 1 - k.gamma * k.L, b = 1 - k.gamma * k.mu;
    const rational rho = std::max(rational(a * a), rational(b * b));
    RVec d(2), x = RVec::Zero(2);
    d << k.mu, k.L;
    const int e = a * a >= b * b ? 1 : 0;
    x[e] = 1;
    const RVec x0 = x;
    const rational d0 = x.squaredNorm();
    rational rn = 1;
    for (int n = 1; n <= Nmax; ++n) {
      x -= k.gamma * x.cwiseProduct(d);
      // one step maps x_0 to (1 - gamma lambda) x_0 exactly: equality then holds for every n (induction)
      if (n == 1 && x == (e == 1 ? a : b) * x0) ++r.extra;
      rn *= rho;
      const rational measured = x.squaredNorm(), bound = rn * d0;
      ++r.cases;
      if (measured == bound) ++r.equal;
      if (measured > c * bound && !r.violation)
        r.violation = nlohmann::json{{"bound", "contraction"}, {"instance", "quadratic diag(mu, L), x* = 0"},
                                     {"mu", str(k.mu)}, {"L", str(k.L)}, {"gamma", str(k.gamma)}, {"n", n},
                                     {"x_0", nlohmann::json::array({e == 1 ? "0" : "1", e == 1 ? "1" : "0"})},
                                     {"|x_n - x*|^2", str(measured)}, {"bound_value", str(c * bound)},
                                     {"precision", "rational (exact)"}};
      if (i == 0) {
        r.ns.push_back(n);
        r.bound.push_back(to_double(bound));
        r.measured.push_back(to_double(measured));
      }
    }
  }
  return r;
}

Finding check_contraction(const Variant& v, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  const rational& c = v.contraction;
  const int Nmax = ctx.quick ? 10 : 30;
  const auto cs = contraction_cases(ctx.quick);
  const ExactResult ex = exact_contraction(c, ctx.quick);
  const int cases = ex.cases, equal = ex.equal;
  const auto& violation = ex.violation;
  const auto &ns = ex.ns, &bound_curve = ex.bound, &wc_curve = ex.measured;
  Record wc, lib;
  for (const auto& k : cs) evaluate(contraction_worst_case_instance(k.mu, k.L, k.gamma), Bound::contraction, Nmax, c, wc);
  optim::SplitMix64 rng(ctx.seed ^ 0x67616d6d61ULL);
  for (auto inst : strongly_convex_instances(ctx, false)) {
    // gamma = j/16 * 2/L, j in 1..15 (the range (0, 2/L) of the statement)
    inst.gamma = mp100(static_cast<long>(1 + rng.below(15))) / 8 / inst.L;
    evaluate(inst, Bound::contraction, Nmax, c, lib);
  }
  auto& f = out.evidence.figures;
  f["worst_cases"] = cases;
  f["worst_cases_equal_exactly"] = equal;
  f["pepit_sample.L1_mu0.1_gamma1_n1"] = 0.81;
  f["one_step_self_similar"] = ex.extra;
  add_record_figures(out, "mp100_worst_case", wc);
  add_record_figures(out, "search", lib);
  out.parameters = {{"N_max", Nmax}, {"constant_multiplier", str(c)}, {"cases", nlohmann::json::array()},
                    {"search_gamma", "j/16 * 2/L, j seeded in 1..15"}, {"tolerance_mp100", "relative 1e-80"}};
  for (const auto& k : cs) out.parameters["cases"].push_back({{"mu", str(k.mu)}, {"L", str(k.L)}, {"gamma", str(k.gamma)}});
  const std::string plot = "GD contraction, mu = 1/10, L = 1, gamma = 1: |x_n - x*|^2 / |x_0 - x*|^2";
  out.evidence.series.push_back(series("max{(1 - gamma L)^2, (1 - gamma mu)^2}^n", plot, "bound", ns, bound_curve, "n",
                                       "|x_n - x*|^2 / |x_0 - x*|^2", true));
  out.evidence.series.push_back(series("quadratic, extreme eigenvector (exact)", plot, "measured", ns, wc_curve, "n",
                                       "|x_n - x*|^2 / |x_0 - x*|^2", true));
  const std::string plot2 = "GD contraction: max measured/bound over library problems and random quadratics";
  out.evidence.series.push_back(series("bound (ratio 1)", plot2, "bound", ns, std::vector<double>(ns.size(), 1.0), "n",
                                       "measured / bound", false));
  out.evidence.series.push_back(series("max measured/bound", plot2, "measured", ns, ratio_curve(lib, Nmax), "n",
                                       "measured / bound", false));
  finish(out, violation, wc, lib, cases, equal, static_cast<int>(cases), "|x_n - y_n|^2",
         fmt::format("the extreme eigenvector of diag(mu, L) attains max{{(1-gamma L)^2, (1-gamma mu)^2}}^n exactly "
                     "(rational) at all {} comparisons ({} step/spectrum cases, n = 1..{}), also in mp100 to relative "
                     "1e-80; the bound holds at all {} comparisons on {} strongly convex library problems and random "
                     "quadratics with seeded gamma in (0, 2/L) (max measured/bound {:.4g})",
                     cases, cs.size(), Nmax, lib.comparisons, lib.instances, lib.max_ratio));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Exact line search

static std::vector<std::pair<rational, rational>> els_cases(bool quick) {
  std::vector<std::pair<rational, rational>> cs{{rational(1, 10), 1}, {2, 4}, {1, 10}};
  if (!quick) cs.push_back({rational(3, 7), rational(11, 2)});
  return cs;
}

ExactResult exact_line_search(const rational& c, bool quick) {
  ExactResult r;
  const int Nmax = quick ? 8 : 20;
  const auto cs = els_cases(quick);
  for (std::size_t i = 0; i < cs.size(); ++i) {
    const auto& [mu, L] = cs[i];
    RVec d(2), x(2);
    d << mu, L;
    x << 1 / mu, 1 / L;
    const RVec x0 = x;
    const std::function<RVec(const RVec&)> H = [d](const RVec& u) { return RVec(u.cwiseProduct(d)); };
    auto value = [&d](const RVec& y) { return rational(y.cwiseProduct(d).dot(y) / 2); };
    const rational q = (L - mu) / (L + mu), gap0 = value(x);
    rational qn = 1;
    for (int n = 1; n <= Nmax; ++n) {
      const RVec g = x.cwiseProduct(d);
      const auto ls = optim::exact_quadratic_search<rational>(g, g, H);
      if (ls.status != optim::LineSearchStatus::accepted) throw std::logic_error("exact line search failed");
      x -= ls.step * g;
      // one step maps (1/mu, 1/L) to q (1/mu, -1/L): f and the line search are symmetric under
      // x_2 -> -x_2, so x_n = q^n (1/mu, (-1)^n / L) and equality holds for every n (induction)
      if (n == 1 && x[0] == q * x0[0] && x[1] == -q * x0[1]) ++r.extra;
      qn *= q * q;
      const rational measured = value(x), bound = qn * gap0;
      ++r.cases;
      if (measured == bound) ++r.equal;
      if (measured > c * bound && !r.violation)
        r.violation = nlohmann::json{{"bound", "line_search"}, {"instance", "quadratic diag(mu, L), x_0 = (1/mu, 1/L)"},
                                     {"mu", str(mu)}, {"L", str(L)}, {"n", n},
                                     {"f(x_n) - f*", str(measured)}, {"bound_value", str(c * bound)},
                                     {"precision", "rational (exact)"}};
      if (i == 0) {
        r.ns.push_back(n);
        r.bound.push_back(to_double(bound / gap0));
        r.measured.push_back(to_double(measured / gap0));
      }
    }
  }
  return r;
}

Finding check_line_search(const Variant& v, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  const rational& c = v.line_search;
  const int Nmax = ctx.quick ? 8 : 20;
  const auto cs = els_cases(ctx.quick);
  const ExactResult ex = exact_line_search(c, ctx.quick);
  const int cases = ex.cases, equal = ex.equal;
  const auto& violation = ex.violation;
  const auto &ns = ex.ns, &bound_curve = ex.bound, &wc_curve = ex.measured;
  Record wc, lib;
  for (const auto& [mu, L] : cs) evaluate(els_worst_case_instance(mu, L), Bound::line_search, Nmax, c, wc);
  for (const auto& inst : strongly_convex_instances(ctx, true)) evaluate(inst, Bound::line_search, Nmax, c, lib);
  auto& f = out.evidence.figures;
  f["worst_cases"] = cases;
  f["worst_cases_equal_exactly"] = equal;
  f["one_step_self_similar"] = ex.extra;
  add_record_figures(out, "mp100_worst_case", wc);
  add_record_figures(out, "search", lib);
  out.parameters = {{"N_max", Nmax}, {"constant_multiplier", str(c)}, {"mu_L", nlohmann::json::array()},
                    {"line_search", "optim::exact_quadratic_search (step g'g / g'Hg)"},
                    {"tolerance_mp100", "relative 1e-80"}};
  for (const auto& [mu, L] : cs) out.parameters["mu_L"].push_back(nlohmann::json::array({str(mu), str(L)}));
  const std::string plot = "GD + exact line search, mu = 1/10, L = 1: (f(x_n) - f*) / (f(x_0) - f*)";
  out.evidence.series.push_back(series("((L - mu)/(L + mu))^(2n)", plot, "bound", ns, bound_curve, "n",
                                       "(f(x_n) - f*) / (f(x_0) - f*)", true));
  out.evidence.series.push_back(series("diag(mu, L) from (1/mu, 1/L) (exact)", plot, "measured", ns, wc_curve, "n",
                                       "(f(x_n) - f*) / (f(x_0) - f*)", true));
  const std::string plot2 = "GD + exact line search: max measured/bound over library quadratics and random quadratics";
  out.evidence.series.push_back(series("bound (ratio 1)", plot2, "bound", ns, std::vector<double>(ns.size(), 1.0), "n",
                                       "measured / bound", false));
  out.evidence.series.push_back(series("max measured/bound", plot2, "measured", ns, ratio_curve(lib, Nmax), "n",
                                       "measured / bound", false));
  finish(out, violation, wc, lib, cases, equal, static_cast<int>(cases), "f(x_n) - f*",
         fmt::format("diag(mu, L) started at (1/mu, 1/L) attains ((L-mu)/(L+mu))^(2n) (f(x_0) - f*) exactly (rational) "
                     "at all {} comparisons ({} spectra, n = 1..{}), also in mp100 to relative 1e-80; the bound holds "
                     "at all {} comparisons on {} strongly convex quadratics (max measured/bound {:.4g})",
                     cases, cs.size(), Nmax, lib.comparisons, lib.instances, lib.max_ratio));
  return out;
}

Claim contraction_claim() {
  Claim c;
  c.id = "pepit.gd-contraction-strongly-convex";
  c.title = "GD on L-smooth mu-strongly convex f contracts: |x_n - y_n|^2 <= max{(1-gamma L)^2, (1-gamma mu)^2}^n |x_0 - y_0|^2";
  c.source = {"anchors-optimizers.md", "3.4", "GD contraction row (PEPit tutorials/gradient_descent_contraction.py)", "L339"};
  c.hypotheses = "f mu-strongly convex with L-Lipschitz gradient, 0 < gamma < 2/L; two GD runs x, y (y_0 = x* gives "
                 "|x_n - x*|^2)";
  c.statement = "|x_n - y_n|^2 <= max{(1 - gamma L)^2, (1 - gamma mu)^2}^n |x_0 - y_0|^2, with equality on a quadratic "
                "started on the eigenvector of the extreme factor";
  c.check = "(i) exact: GD in rational on diag(mu, L) from the extreme eigenvector, (mu, L, gamma) in {(1/10,1,1), "
            "(2,4,1/4), (2,4,1/3), (1/10,1,9/5)} (full: + (1,10,1/20)), every n <= N_max: equality; (ii) the same in "
            "mp100; (iii) mp100 runs on booth, castera_quadratic, matyas, square, least_squares, logistic_regression "
            "(full: + quadratic) and seeded random quadratics with spectra in [mu, L], seeded gamma = j/16 * 2/L, "
            "pairs (x_0, x*); holds, not certified (a sample of the class)";
  c.precision = {"rational", {"mp100", "rational"},
                 "worst case exact (rational) and mp100; search in mp100, a violation needs excess > 1e-80 relative"};
  c.run = [](const RunContext& ctx) { return check_contraction(Variant{}, ctx); };
  return c;
}

Claim line_search_claim() {
  Claim c;
  c.id = "pepit.exact-line-search-rate";
  c.title = "GD with exact line search on L-smooth mu-strongly convex f: f(x_n) - f* <= ((L-mu)/(L+mu))^(2n) (f(x_0) - f*)";
  c.source = {"anchors-optimizers.md", "3.4",
              "GD + exact line search row (PEPit gradient_exact_line_search.py; de Klerk, Glineur & Taylor, Optim. "
              "Lett. 11, 2017, Thm 1.2)",
              "L341"};
  c.hypotheses = "f mu-strongly convex with L-Lipschitz gradient; x_{n+1} = x_n - s_n grad f(x_n), s_n = argmin_s "
                 "f(x_n - s grad f(x_n)) (exact)";
  c.statement = "f(x_n) - f* <= ((L - mu)/(L + mu))^(2n) (f(x_0) - f*), with equality on f = (mu x_1^2 + L x_2^2)/2 "
                "from x_0 = (1/mu, 1/L)";
  c.check = "(i) exact: the library's optim::exact_quadratic_search in rational on diag(mu, L) from (1/mu, 1/L) for "
            "(mu, L) in {(1/10,1), (2,4), (1,10)} (full: + (3/7, 11/2)): each step maps (1/mu, 1/L) to q (1/mu, -1/L), "
            "q = (L-mu)/(L+mu), so equality at every n; (ii) the same in mp100; (iii) mp100 runs on the library's "
            "strongly convex quadratics (booth, castera_quadratic, matyas, square, least_squares; full: quadratic) and "
            "seeded random quadratics; holds, not certified; non-quadratic functions are not searched (the exact "
            "line search is only exact on quadratics here)";
  c.precision = {"rational", {"mp100", "rational"},
                 "worst case exact (rational) and mp100; search in mp100, a violation needs excess > 1e-80 relative"};
  c.run = [](const RunContext& ctx) { return check_line_search(Variant{}, ctx); };
  return c;
}

}  // namespace ov::claims::pepit
