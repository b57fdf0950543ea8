// The universal suite of the LibTorch conformance properties (docs/conformance-torch.md): every
// torch::optim::Optimizer, whatever it declares. CPU float64 tensors; the parameters of one
// flat vector x in R^n split into tensors and groups by a TorchLayout (torch_test_problems.hpp).
#include <torch/serialize/input-archive.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "gpu/conformance/torch_property_definition.hpp"
#include "gpu/conformance/torch_subject.hpp"
#include "gpu/conformance/torch_test_problems.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/conformance/property_text.hpp"
#include "proofs-checks/conformance/test_problems.hpp"

namespace ov::conformance {

namespace torch_universal_properties_detail {

claims::Source engineering_source(const std::string& section) {
  return {"docs/conformance-torch.md", section, "", ""};
}

// The problem scale a subject is run at: L = 1/step for the step it declares (descent or
// momentum: step L = 1, inside every stability bound), L = 1 otherwise (adaptive methods move
// each coordinate by about lr per step whatever L is).
double natural_L(const TorchSubject& s) {
  if (s.declared.descent && s.declared.descent->step > 0) return 1 / s.declared.descent->step;
  if (s.declared.momentum && s.declared.momentum->step > 0) return 1 / s.declared.momentum->step;
  return 1;
}

std::string what_of(const std::exception& e) {
  std::string w = e.what();
  const auto nl = w.find('\n');  // c10::Error appends a backtrace
  return nl == std::string::npos ? w : w.substr(0, nl);
}

// Every floating-point value an optimizer writes into save(): tensors and doubles of the
// archive, nested archives walked recursively (the optimizer's state, in whatever layout it
// serializes). Integer entries (step counters) are not floating-point and are skipped.
void archive_values(torch::serialize::InputArchive& a, std::vector<double>& out, int depth) {
  if (depth > 16) return;
  for (const std::string& k : a.keys()) {
    at::Tensor t;
    if (a.try_read(k, t, false) || a.try_read(k, t, true)) {
      if (t.defined() && at::isFloatingType(t.scalar_type())) {
        const std::vector<double> v = to_vector(t);
        out.insert(out.end(), v.begin(), v.end());
      }
      continue;
    }
    torch::serialize::InputArchive nested;
    if (a.try_read(k, nested)) {
      archive_values(nested, out, depth + 1);
      continue;
    }
    c10::IValue iv;
    if (a.try_read(k, iv) && iv.isDouble()) out.push_back(iv.toDouble());
  }
}

// The state's floating-point values through save(); `error` set when save() or the walk throws.
std::vector<double> state_values(const TorchRun& r, std::string& error) {
  std::vector<double> out;
  try {
    const std::string bytes = r.save_bytes();
    std::istringstream in(bytes);
    torch::serialize::InputArchive a;
    a.load_from(in);
    archive_values(a, out, 0);
  } catch (const std::exception& e) {
    error = what_of(e);
  }
  return out;
}

bool all_finite(const at::Tensor& t) {
  for (double v : to_vector(t))
    if (!std::isfinite(v)) return false;
  return true;
}

// A gradient of the quadratic with coordinate `zero` set to exactly 0 (a parameter the loss
// does not depend on: an unused embedding row, a dead unit).
at::Tensor gradient_with_zero(const TorchQuadratic& q, const at::Tensor& x, std::int64_t zero) {
  at::Tensor g = q.gradient(x);
  g.data_ptr<double>()[zero] = 0;
  return g;
}

// ---------------------------------------------------------------------------------------------
Outcome finite_states(const TorchSubject& s, const Case& c) {
  const TorchQuadratic q = make_torch_quadratic(c, natural_L(s));
  const at::Tensor x0 = torch_start_point(c, q.x_star, c.scale, 1);
  optim::SplitMix64 rng(c.seed ^ 0x51ed270b27b3ae5dULL);
  const auto zero = static_cast<std::int64_t>(rng.next() % static_cast<std::uint64_t>(c.dim));
  TorchRun r(s, x0, TorchLayout::one_tensor(c.dim));
  constexpr int kSteps = 300;
  int refused = 0;  // steps an OutcomeReporter refused (reported, not judged: refusing keeps states finite)
  for (int k = 0; k < kSteps; ++k) {
    const at::Tensor x = r.flat();
    if (!all_finite(x))
      return Outcome::fail("after step " + str(k) + " (gradient coordinate " + str(zero) +
                               " held at exactly 0, the others finite) the parameters are not finite: " +
                               format_vector(x),
                           {{"step", k}, {"zero_coordinate", zero}});
    const at::Tensor g = gradient_with_zero(q, x, zero);
    if (!all_finite(g))
      return Outcome::skip("the gradient overflowed at step " + str(k) +
                           " (the parameters are finite but huge): outside the hypothesis 'finite gradients'");
    r.set_gradient(g);
    try {
      r.step();
    } catch (const std::exception& e) {
      return Outcome::fail("step " + str(k) + " threw on a finite gradient: " + what_of(e));
    }
    if (const auto* outs = r.last_outcomes())
      for (const auto& o : *outs)
        if (o.refused()) {
          ++refused;
          break;
        }
  }
  if (const at::Tensor x = r.flat(); !all_finite(x))
    return Outcome::fail("after step " + str(kSteps) + " (gradient coordinate " + str(zero) +
                             " held at exactly 0) the parameters are not finite: " + format_vector(x),
                         {{"step", kSteps}, {"zero_coordinate", zero}});
  std::string err;
  const std::vector<double> st = state_values(r, err);
  std::size_t bad = 0;
  for (double v : st) bad += std::isfinite(v) ? 0 : 1;
  if (bad > 0)
    return Outcome::fail(str(bad) + " of the " + str(st.size()) +
                             " floating-point values of save() are not finite after " +
                             str(kSteps) + " steps (gradient coordinate " + str(zero) +
                             " held at 0); the parameters are finite",
                         {{"non_finite_state_values", bad}, {"state_values", st.size()}});
  return Outcome::pass(str(kSteps) + " steps on a quadratic (L = " + str(q.L) +
                           ", condition " + str(c.condition) + ", coordinate " + str(zero) +
                           " with zero gradient): parameters finite; " + str(st.size()) +
                           " floating-point values of save() finite" +
                           (err.empty() ? "" : " (state not inspected: save() failed: " + err + ")") +
                           (refused > 0 ? "; the optimizer refused " + str(refused) + " of the steps" : ""),
                       {{"steps", kSteps}, {"saved_values", st.size()}, {"refused_steps", refused}});
}

// ---------------------------------------------------------------------------------------------
Outcome non_finite_refused(const TorchSubject& s, const Case& c) {
  const TorchQuadratic q = make_torch_quadratic(c, natural_L(s));
  const at::Tensor x0 = torch_start_point(c, q.x_star, c.scale, 2);
  TorchRun a(s, x0, TorchLayout::one_tensor(c.dim)), twin(s, x0, TorchLayout::one_tensor(c.dim));
  const auto both = [&](int steps) {
    for (int k = 0; k < steps; ++k) {
      const at::Tensor g = q.gradient(twin.flat());
      a.set_gradient(g);
      twin.set_gradient(g);
      a.step();
      twin.step();
    }
  };
  both(3);
  optim::SplitMix64 rng(c.seed ^ 0x2545f4914f6cdd1dULL);
  const auto coord = static_cast<std::int64_t>(rng.next() % static_cast<std::uint64_t>(c.dim));
  nlohmann::json fig = {{"coordinate", coord}};
  std::string how;
  for (double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    const std::string bad_s = std::isnan(bad) ? "NaN" : "+inf";
    const at::Tensor before = a.flat();
    std::string save_error;
    std::string state_before, state_again;
    try {
      state_before = a.save_bytes();
      state_again = a.save_bytes();
    } catch (const std::exception& e) {
      save_error = what_of(e);
    }
    at::Tensor g = q.gradient(before);
    g.data_ptr<double>()[coord] = bad;
    a.set_gradient(g);
    bool threw = false;
    std::string thrown;
    try {
      a.step();
    } catch (const std::exception& e) {
      threw = true;
      thrown = what_of(e);
    }
    const at::Tensor after = a.flat();
    const std::string prefix = "gradient " + bad_s + " in coordinate " + str(coord) + ": ";
    if (!bitwise_equal(before, after))
      return Outcome::fail(prefix + "the parameters changed" + (threw ? " (and step() threw: " + thrown + ")" : "") +
                               ": before " + format_vector(before) + ", after " + format_vector(after),
                           fig);
    if (save_error.empty() && state_before == state_again) {
      std::string state_after;
      try {
        state_after = a.save_bytes();
      } catch (const std::exception& e) {
        return Outcome::fail(prefix + "save() threw after the refused step: " + what_of(e), fig);
      }
      if (state_after != state_before)
        return Outcome::fail(prefix + "the parameters are unchanged but the saved state changed (" +
                                 str(state_before.size()) + " vs " + str(state_after.size()) +
                                 " bytes, not bitwise equal)",
                             fig);
    }
    if (const auto* outs = a.last_outcomes(); outs && !threw) {
      bool refused = false;
      for (const auto& o : *outs) refused = refused || o.refused();
      if (!refused)
        return Outcome::fail(prefix + "parameters unchanged but last_outcomes() reports no refusal (OutcomeReporter)", fig);
    }
    // The twin never saw the bad gradient: from here both must agree bit for bit.
    both(3);
    const at::Tensor xa = a.flat(), xt = twin.flat();
    if (!bitwise_equal(xa, xt))
      return Outcome::fail(prefix + "refused, but 3 further steps differ from a twin that never saw it (max |diff| = " +
                               str(max_abs_difference(xa, xt)) + "): the state was changed",
                           fig);
    how += (how.empty() ? "" : "; ") + bad_s + ": " + (threw ? "exception (" + thrown + ")" : "refused") +
           (save_error.empty() ? (state_before == state_again ? ", saved state bitwise unchanged"
                                                               : ", saved state not comparable (two saves differ)")
                               : ", state not compared (save() threw: " + save_error + ")");
  }
  return Outcome::pass(how + "; parameters bitwise unchanged and 3 further steps equal to the twin's", fig);
}

// ---------------------------------------------------------------------------------------------
Outcome deterministic(const TorchSubject& s, const Case& c) {
  const TorchQuadratic q = make_torch_quadratic(c, natural_L(s));
  const at::Tensor x0 = torch_start_point(c, q.x_star, c.scale, 3);
  constexpr int kSteps = 50;
  TorchRun a(s, x0, TorchLayout::one_tensor(c.dim));
  for (int k = 0; k < kSteps; ++k) a.step_on(q);
  TorchRun b(s, x0, TorchLayout::one_tensor(c.dim));
  for (int k = 0; k < kSteps; ++k) b.step_on(q);
  const at::Tensor xa = a.flat(), xb = b.flat();
  if (!bitwise_equal(xa, xb))
    return Outcome::fail("two fresh instances, " + str(kSteps) + " steps each from the same x0 on the same " +
                             "quadratic, end at different points (max |diff| = " +
                             str(max_abs_difference(xa, xb)) + "): " + format_vector(xa) + " vs " +
                             format_vector(xb),
                         {{"max_abs_difference", max_abs_difference(xa, xb)}});
  return Outcome::pass(str(kSteps) + " steps: two fresh instances bitwise equal", {{"steps", kSteps}});
}

// ---------------------------------------------------------------------------------------------
Outcome checkpoint_round_trip(const TorchSubject& s, const Case& c) {
  const TorchQuadratic q = make_torch_quadratic(c, natural_L(s));
  const at::Tensor x0 = torch_start_point(c, q.x_star, c.scale, 4);
  const int k = 3 + static_cast<int>(c.seed % 8), m = 10;
  TorchRun u(s, x0, TorchLayout::one_tensor(c.dim));
  for (int i = 0; i < k + m; ++i) u.step_on(q);
  TorchRun first(s, x0, TorchLayout::one_tensor(c.dim));
  for (int i = 0; i < k; ++i) first.step_on(q);
  std::string bytes;
  try {
    bytes = first.save_bytes();
  } catch (const std::exception& e) {
    return Outcome::fail("save() threw after " + str(k) + " steps: " + what_of(e));
  }
  TorchRun resumed(s, first.flat(), TorchLayout::one_tensor(c.dim));
  try {
    resumed.load_bytes(bytes);
  } catch (const std::exception& e) {
    return Outcome::fail("load() of the archive saved after " + str(k) + " steps threw: " + what_of(e));
  }
  for (int i = 0; i < m; ++i) resumed.step_on(q);
  const at::Tensor xu = u.flat(), xr = resumed.flat();
  const nlohmann::json fig = {{"k", k}, {"m", m}, {"archive_bytes", bytes.size()},
                              {"max_abs_difference", max_abs_difference(xu, xr)}};
  if (!bitwise_equal(xu, xr))
    return Outcome::fail("saved after " + str(k) + " steps (" + str(bytes.size()) +
                             " bytes), loaded into a fresh optimizer over fresh parameter copies, " +
                             str(m) + " more steps: differs from the uninterrupted run (max |diff| = " +
                             str(max_abs_difference(xu, xr)) + "): the archive lacks part of the state",
                         fig);
  return Outcome::pass("save after " + str(k) + " steps, load, " + str(m) +
                           " more steps: bitwise equal to the uninterrupted run",
                       fig);
}

// ---------------------------------------------------------------------------------------------
Outcome split_invariance(const TorchSubject& s, const Case& c) {
  const TorchQuadratic q = make_torch_quadratic(c, natural_L(s));
  const at::Tensor x0 = torch_start_point(c, q.x_star, c.scale, 5);
  constexpr int kSteps = 30;
  const TorchLayout layouts[3] = {TorchLayout::one_tensor(c.dim), random_layout(c.seed, c.dim, false),
                                  random_layout(c.seed + 1, c.dim, true)};
  at::Tensor ref;
  nlohmann::json fig = nlohmann::json::object();
  for (int i = 0; i < 3; ++i) {
    TorchRun r(s, x0, layouts[i]);
    for (int k = 0; k < kSteps; ++k) r.step_on(q);
    const at::Tensor x = r.flat();
    if (i == 0) {
      ref = x;
      continue;
    }
    const double d = max_abs_difference(ref, x);
    fig[i == 1 ? "max_abs_difference_tensors" : "max_abs_difference_groups"] = d;
    if (!bitwise_equal(ref, x))
      return Outcome::fail("after " + str(kSteps) + " steps the parameters split as " +
                               layouts[i].describe() + (i == 1 ? " (one group)" : " (one group per tensor)") +
                               " differ from one tensor by max |diff| = " + str(d) +
                               " (tolerance 0: an elementwise rule computes every coordinate by the same "
                               "operations whatever the split)",
                           fig);
  }
  return Outcome::pass(str(kSteps) + " steps: one tensor, " + layouts[1].describe() + " in one group and " +
                           layouts[2].describe() + " as groups give bitwise the same parameters",
                       fig);
}

// ---------------------------------------------------------------------------------------------
Outcome no_allocation_growth(const TorchSubject& s, const Case& c) {
  const TorchQuadratic q = make_torch_quadratic(c, natural_L(s));
  const at::Tensor x0 = torch_start_point(c, q.x_star, c.scale, 6);
  constexpr int kWarm = 30, kSteps = 400;
  constexpr std::int64_t kAllowed = 32 * 1024;
  TorchRun r(s, x0, TorchLayout::one_tensor(c.dim));
  for (int k = 0; k < kWarm; ++k) r.step_on(q);
  const auto h0 = static_cast<std::int64_t>(heap_bytes_in_use());
  for (int k = 0; k < kSteps; ++k) r.step_on(q);
  const auto h1 = static_cast<std::int64_t>(heap_bytes_in_use());
  const std::int64_t growth = h1 - h0;
  const nlohmann::json fig = {{"heap_growth_bytes", growth}, {"steps", kSteps}, {"allowed_bytes", kAllowed}};
  if (growth > kAllowed)
    return Outcome::fail("the heap grew by " + str(growth) + " bytes over " + str(kSteps) +
                             " steps after " + str(kWarm) + " warm-up steps (" +
                             str(growth / kSteps) + " bytes per step; allowed " +
                             str(kAllowed) + " in all)",
                         fig);
  return Outcome::pass("heap growth " + str(growth) + " bytes over " + str(kSteps) +
                           " steps (allowed " + str(kAllowed) + ")",
                       fig);
}

}  // namespace torch_universal_properties_detail

std::vector<TorchProperty> torch_universal_properties() {
  using namespace torch_universal_properties_detail;
  return {
      torch_property("conformance.torch-universal.finite-states", "universal",
          "Finite gradients never produce non-finite parameters or state (LibTorch)",
          engineering_source("Universal suite: finite states"),
          "[EXT] From finite gradients, including a coordinate whose gradient is exactly 0 at every step, "
          "the optimizer's parameters and every floating-point value of its saved state stay finite.",
          "300 steps on the case's quadratic (float64 CPU, L = 1/declared step or 1, condition and scale of the "
          "case) with one seeded coordinate's gradient held at 0; parameters checked after every step, the state "
          "at the end through save() (every floating-point tensor and double of the archive). Exact: no "
          "tolerance (finiteness is decided exactly). A gradient that overflows is outside the hypothesis "
          "(not applicable).",
          dims_from(1), finite_states),
      torch_property("conformance.torch-universal.non-finite-gradient-refused", "universal",
          "A non-finite gradient is refused with parameters and state unchanged (LibTorch)",
          engineering_source("Universal suite: non-finite gradients"),
          "[EXT] A step with a NaN or +inf in one gradient coordinate leaves the parameters and the "
          "optimizer state bitwise unchanged (or throws, with the parameters unchanged); an "
          "ov::gpu::OutcomeReporter also reports the refusal in last_outcomes().",
          "3 finite steps, then a gradient with NaN (then +inf) in a seeded coordinate: parameters compared "
          "bitwise; the state compared as the bytes of save() before and after (when two saves of the same "
          "state give the same bytes); then 3 finite steps compared bitwise with a twin optimizer that never "
          "saw the bad gradient. Tolerance 0: a refused step must not touch anything.",
          dims_from(1), non_finite_refused),
      torch_property("conformance.torch-universal.deterministic", "universal",
          "Two fresh instances give bitwise the same trajectory (LibTorch)",
          engineering_source("Universal suite: determinism"),
          "[EXT] Two freshly constructed optimizers from the same parameters, given the same gradients, "
          "produce bitwise the same parameters.",
          "50 steps of each on the case's quadratic from the same x0 (CPU float64, single thread order of "
          "operations is fixed); final parameters compared bitwise (tolerance 0).",
          dims_from(1), deterministic),
      torch_property("conformance.torch-universal.checkpoint-round-trip", "universal",
          "save(), load() into a fresh optimizer, continue: the same trajectory (LibTorch)",
          engineering_source("Universal suite: checkpoint round trip"),
          "[EXT] After k steps, save() to a torch::serialize::OutputArchive, load() into a fresh "
          "optimizer over fresh copies of the parameters and m more steps give bitwise the parameters of "
          "k + m uninterrupted steps.",
          "k = 3 + seed mod 8, m = 10 steps on the case's quadratic; the archive goes through bytes in memory "
          "(save_to / load_from); final parameters compared bitwise (tolerance 0: the same operations on the "
          "same values).",
          dims_from(1), checkpoint_round_trip),
      torch_property("conformance.torch-universal.split-invariance", "universal",
          "The same parameters as one tensor, several tensors, or several groups: the same trajectory",
          engineering_source("Universal suite: split invariance"),
          "[EXT] For an elementwise (per-coordinate) rule, splitting the same parameters into several "
          "tensors of one group, or into several groups with equal (default) options, gives bitwise the "
          "trajectory of one tensor.",
          "30 steps on the case's quadratic (dim >= 2) with three layouts: one tensor; a seeded split into "
          "2..n tensors in one group; a seeded split into one group per tensor. Tolerance 0: every coordinate "
          "goes through the same floating-point operations whatever the split (a rule with cross-coordinate "
          "reductions would need a rounding tolerance and is out of this property's hypotheses).",
          dims_from(2), split_invariance),
      torch_property("conformance.torch-universal.no-allocation-growth", "universal",
          "No heap growth over many steps (LibTorch)",
          engineering_source("Universal suite: allocation"),
          "[EXT] After warm-up, the optimizer's steps do not grow the heap: memory in use is bounded "
          "independently of the number of steps.",
          "30 warm-up steps, then glibc mallinfo2 (heap_bytes_in_use) before and after 400 steps of the "
          "driver (gradient computation included); fails when the growth exceeds 32 KiB (allocator "
          "fragmentation and lazily created caches stay far below; a leak of one small tensor per step is "
          "400 x (TensorImpl + storage + data) > 100 KiB).",
          dims_from(1), no_allocation_growth),
  };
}

}  // namespace ov::conformance
