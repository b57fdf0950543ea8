#include "cli/spectrum_command.hpp"

#include <fmt/core.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/report/provenance.hpp"
#include "analysis/spectra/spectrum.hpp"
#include "analysis/spectra/step_safety.hpp"
#include "cli/comma_list.hpp"

namespace ov::cli {

namespace {

using nlohmann::json;

struct SpectrumArgs {
  std::string method, alpha, beta, gamma, lambda, problem, at, lipschitz, precision = "mp50";
  bool certify = false, as_json = false;
};

std::vector<std::string> split_list(const std::string& s, const char* flag) {
  std::vector<std::string> v = split_top_level_commas(s);
  for (const auto& x : v) {
    if (x.find_first_not_of(" \t") == std::string::npos) {
      throw std::invalid_argument(std::string(flag) + " \"" + s + "\": empty entry; expected comma-separated numbers");
    }
  }
  return v;
}

// Shortens a decimal string to `digits` significant digits for the table (the JSON
// keeps every digit).
std::string shorten(const std::string& s, int digits = 12) {
  try {
    const double d = std::stod(s);
    return fmt::format("{:.{}g}", d, digits);
  } catch (const std::exception&) {
    return s;
  }
}

void print_text(CommandContext& ctx, const json& j) {
  ctx.out << j["name"].get<std::string>() << "  (" << j["method"].get<std::string>() << ", "
          << j["precision"].get<std::string>() << ")\n";
  ctx.out << "  parameters:";
  for (const auto& [k, v] : j["parameters"].items()) ctx.out << " " << k << "=" << v.get<std::string>();
  ctx.out << "\n  Jacobian eigenvalues (autodiff of the step map):\n";
  ctx.out << fmt::format("    {:>22} {:>22} {:>18}\n", "re", "im", "modulus");
  for (const auto& e : j["eigenvalues"]) {
    ctx.out << fmt::format("    {:>22} {:>22} {:>18}\n", shorten(e["re"]), shorten(e["im"]), shorten(e["modulus"]));
  }
  const bool cont = j["method"] == "din";
  ctx.out << "  modes (closed forms per Hessian eigenvalue lambda):\n";
  ctx.out << fmt::format("    {:>14} {:>9} {:>7} {:>16} {:>14} {:>14}{}\n", "lambda", "stability", "spiral",
                         cont ? "max Re sigma" : "max |sigma|", "omega", "decay rate",
                         j["modes"].empty() || !j["modes"][0].contains("stability_certified") ? "" : "  certified");
  for (const auto& m : j["modes"]) {
    ctx.out << fmt::format("    {:>14} {:>9} {:>7} {:>16} {:>14} {:>14}{}\n", shorten(m["lambda"]),
                           m["stability"].get<std::string>(), m["spiral"].get<bool>() ? "yes" : "no",
                           shorten(m[cont ? "spectral_abscissa" : "spectral_radius"]), shorten(m["omega"]),
                           shorten(m["decay_rate"]),
                           m.contains("stability_certified") ? "  " + m["stability_certified"].get<std::string>()
                                                             : "");
  }
  const auto& a = j["autodiff_vs_closed_form"];
  ctx.out << "  autodiff vs closed form: max distance " << shorten(a["max_distance"], 3) << " (tolerance "
          << shorten(a["tolerance"], 3) << "): " << (a["agree"].get<bool>() ? "agree" : "DISAGREE") << "\n";
  if (j.contains("complex_band")) {
    if (j["complex_band"].is_null()) {
      ctx.out << "  complex band: none (alpha beta > 1, all eigenvalues real)\n";
    } else {
      ctx.out << "  complex band [x-, x+] = [" << shorten(j["complex_band"]["x_minus"]) << ", "
              << shorten(j["complex_band"]["x_plus"]) << "] (Lemma 3.6)\n";
    }
  }
  if (j.contains("step_bound")) {
    const auto& b = j["step_bound"];
    ctx.out << "  step bound (3.20) with L = " << b["L"].get<std::string>() << " (" << b["L_source"].get<std::string>()
            << "): gamma < " << shorten(b["value"])
            << (b["fallback_beta"].get<bool>() ? " (radicand < 0: (3.20) undefined, fallback beta)" : "")
            << "; gamma = " << j["parameters"]["gamma"].get<std::string>()
            << (b["gamma_below_bound"].get<bool>() ? " satisfies it" : " does NOT satisfy it") << "\n";
  }
  if (j.contains("det_nonzero_on_L")) {
    const auto& d = j["det_nonzero_on_L"];
    const auto& v = d["verdict"];
    ctx.out << "  det Jac != 0 for every lambda in [-L, L], L = " << d["L"].get<std::string>() << ": "
            << v["holds"].get<std::string>() << " (certified, " << v["route"].get<std::string>() << ")";
    if (!v["witness"].is_null()) ctx.out << "; " << v["witness"].get<std::string>();
    ctx.out << "\n";
  }
  if (j.contains("enclosure_argument") || j.contains("not_certified_reason")) {
    if (j["certified"].get<bool>()) {
      ctx.out << "  certified enclosures of the Jacobian eigenvalues (MPFI, outward rounded):\n";
      for (const auto& b : j["enclosures"]) {
        ctx.out << "    re in [" << b["re"][0].get<std::string>() << ", " << b["re"][1].get<std::string>() << "]\n"
                << "    im in [" << b["im"][0].get<std::string>() << ", " << b["im"][1].get<std::string>() << "]"
                << (b["isolated"].get<bool>() ? "  (exactly one eigenvalue)" : "  (a cluster)") << "\n";
      }
    } else {
      ctx.out << "  enclosures: NOT certified: " << j.value("not_certified_reason", std::string("?")) << "\n";
    }
  }
}

void print_safety(CommandContext& ctx, const spectra::Parameters& p, const json& s) {
  ctx.out << fmt::format("{}: step safety for every Hessian eigenvalue lambda in [-L, L], L = {}", spectra::to_string(p.method),
                         s["L"].get<std::string>());
  ctx.out << " (alpha=" << (p.alpha.empty() ? "-" : p.alpha) << " beta=" << (p.beta.empty() ? "-" : p.beta)
          << " gamma=" << p.gamma << ")\n";
  const auto& d = s["det_nonzero"];
  ctx.out << "  det Jac != 0 on [-L, L]: " << d["holds"].get<std::string>() << " (certified, " << d["route"].get<std::string>()
          << ")" << (d["witness"].is_null() ? "" : "; " + d["witness"].get<std::string>()) << "\n";
  if (s.contains("step_bound")) {
    const auto& b = s["step_bound"];
    ctx.out << "  step bound (3.20): gamma < " << b["value"].get<std::string>()
            << (b["fallback_beta"].get<bool>() ? " (radicand < 0: (3.20) undefined, fallback beta)" : "") << ": "
            << (b["gamma_below_bound"].get<bool>() ? "satisfied" : "NOT satisfied") << "\n";
  }
  ctx.out << "  modes over [-L, L] (" << s["samples"].get<int>() << " grid points, closed forms in mp50, observed):\n";
  for (const auto& r : s["runs"]) {
    const std::string from = r["lambda_from"], to = r["lambda_to"];
    ctx.out << "    lambda " << (from == to ? "= " + from : "in [" + from + ", " + to + "]") << ": "
            << r["stability"].get<std::string>() << (r["spiral"].get<bool>() ? ", spiral" : ", real") << "\n";
  }
  const auto& mi = s["minima"];
  if (!mi["slowest_lambda"].is_null())
    ctx.out << "  minima (lambda > 0): " << (mi["all_stable"].get<bool>() ? "every mode stable" : "NOT every mode stable")
            << "; slowest contraction max |sigma| = " << mi["slowest_radius"].get<std::string>() << " at lambda = "
            << mi["slowest_lambda"].get<std::string>() << "\n";
  ctx.out << "  saddles (lambda < 0): "
          << (s["saddles"]["all_unstable"].get<bool>() ? "every direction unstable (iterates escape)"
                                                       : "some direction NOT unstable")
          << "\n";
  if (!s["spiral_band"].is_null()) {
    const auto& b = s["spiral_band"];
    ctx.out << "  spiralling modes: "
            << (b["from"].is_null() ? std::string("none in [-L, L]")
                                    : "lambda in [" + b["from"].get<std::string>() + ", " + b["to"].get<std::string>() + "]")
            << " (Lemma 3.6 band [x-, x+] = [" << b["x_minus"].get<std::string>() << ", " << b["x_plus"].get<std::string>()
            << "])\n";
  } else if (p.method == spectra::Method::inna) {
    ctx.out << "  spiralling modes: none (alpha beta > 1: every eigenvalue real, Lemma 3.6)\n";
  }
  ctx.out << "  answer: " << s["answer"].get<std::string>() << "\n";
}

}  // namespace

void add_spectrum_command(CLI::App& app, CommandContext& ctx) {
  auto a = std::make_shared<SpectrumArgs>();
  auto* cmd = app.add_subcommand("spectrum", "Jacobian spectrum of GD, heavy ball, NAG, INNA or DIN (docs/spectra.md)");
  cmd->add_option("--method", a->method, "inna, din, gd, hb or nag")->required();
  cmd->add_option("--alpha", a->alpha, "INNA/DIN viscous damping alpha >= 0");
  cmd->add_option("--beta", a->beta, "INNA/DIN Newton damping beta > 0; hb/nag momentum in [0, 1)");
  cmd->add_option("--gamma", a->gamma, "step size gamma > 0 (not for din)");
  cmd->add_option("--lambda", a->lambda, "Hessian eigenvalues l1,l2,... (write --lambda=-8,2 for negatives)");
  cmd->add_option("--problem", a->problem, "a C2 problem (optverify problems list)");
  cmd->add_option("--at", a->at, "the point x1,x2,... for --problem");
  cmd->add_option("--lipschitz", a->lipschitz,
                  "L for the step bound and the det check (default: see docs); alone (no --lambda/--problem): is gamma "
                  "safe for every Hessian eigenvalue in [-L, L], which modes spiral");
  cmd->add_flag("--certify", a->certify, "MPFI enclosures and the certified det != 0 verdict");
  cmd->add_option("--precision", a->precision, "mp50 or mp100")->capture_default_str();
  cmd->add_flag("--json", a->as_json, "One JSON document on stdout");
  cmd->callback([&ctx, a, cmd] {
    spectra::RawParameters raw;
    if (cmd->count("--alpha")) raw.alpha = a->alpha;
    if (cmd->count("--beta")) raw.beta = a->beta;
    if (cmd->count("--gamma")) raw.gamma = a->gamma;
    spectra::SpectrumRequest r;
    r.params = spectra::validate(spectra::parse_method(a->method), raw);
    if (cmd->count("--lipschitz") && !cmd->count("--lambda") && a->problem.empty()) {
      // "Is my gamma safe for my L? Which modes spiral?": every lambda in [-L, L] at once.
      if (cmd->count("--at")) throw std::invalid_argument("--at needs --problem");
      const json s = spectra::step_safety(r.params, a->lipschitz);
      ctx.exit_code = s["safe"].get<bool>() ? kSuccess : kCheckFailed;
      if (a->as_json) {
        ctx.out << json{{"command", "spectrum"}, {"provenance", report::to_json(report::provenance())}, {"step_safety", s}}
                       .dump(2)
                << "\n";
      } else {
        print_safety(ctx, r.params, s);
      }
      return;
    }
    if (cmd->count("--lambda")) r.lambdas = split_list(a->lambda, "--lambda");
    r.problem = a->problem;
    if (cmd->count("--at")) r.at = split_list(a->at, "--at");
    if (cmd->count("--lipschitz")) r.lipschitz = a->lipschitz;
    r.certify = a->certify;
    r.precision = a->precision;
    json s = spectra::compute_spectrum(r);
    const bool agree = s["autodiff_vs_closed_form"]["agree"].get<bool>();
    bool consistent = true;
    for (const auto& m : s["modes"])
      if (m.contains("closed_form_inside_enclosure") && !m["closed_form_inside_enclosure"].get<bool>()) consistent = false;
    ctx.exit_code = agree && consistent ? kSuccess : kCheckFailed;
    if (a->as_json) {
      json j = {{"command", "spectrum"}, {"provenance", report::to_json(report::provenance())}, {"spectrum", s}};
      ctx.out << j.dump(2) << "\n";
    } else {
      print_text(ctx, s);
    }
  });
}

}  // namespace ov::cli
