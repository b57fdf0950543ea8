#include "analysis/report/report_schema.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "analysis/report/report_writer.hpp"

namespace ov::report {

namespace {

using nlohmann::json;

// Decimal syntax: [+-] digits [. digits] [e [+-] digits], or an integer fraction p/q.
bool is_decimal_string(const std::string& s) {
  std::size_t i = 0, n = s.size();
  auto digits = [&] {
    const std::size_t start = i;
    while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i - start;
  };
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t mantissa = digits();
  if (i < n && s[i] == '/') {  // p/q
    ++i;
    const std::size_t start = i;
    if (mantissa == 0 || digits() == 0 || i != n) return false;
    return s.find_first_not_of('0', start) != std::string::npos;  // q != 0
  }
  if (i < n && s[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == n;
}

std::string type_name(const json& v) {
  return v.is_number() ? "number" : std::string(v.type_name());
}

std::string brief(const json& v) {
  std::string s = v.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

class Validator {
 public:
  std::vector<SchemaError> errors;

  void error(const std::string& path, const std::string& msg) { errors.push_back({path, msg}); }

  // Each `require_*` returns the field (or nullptr) after checking it.
  const json* field(const json& obj, const std::string& path, const char* key, bool required) {
    if (!obj.contains(key)) {
      if (required) error(join(path, key), "missing (required)");
      return nullptr;
    }
    return &obj.at(key);
  }
  const json* string_field(const json& obj, const std::string& path, const char* key, bool required,
                           bool nonempty = false) {
    const json* v = field(obj, path, key, required);
    if (!v) return nullptr;
    if (!v->is_string()) {
      error(join(path, key), "expected a string, got " + type_name(*v) + " " + brief(*v));
      return nullptr;
    }
    if (nonempty && v->get<std::string>().empty()) {
      error(join(path, key), "must not be empty");
      return nullptr;
    }
    return v;
  }
  const json* bool_field(const json& obj, const std::string& path, const char* key, bool required) {
    const json* v = field(obj, path, key, required);
    if (v && !v->is_boolean()) {
      error(join(path, key), "expected true or false, got " + type_name(*v) + " " + brief(*v));
      return nullptr;
    }
    return v;
  }
  const json* object_field(const json& obj, const std::string& path, const char* key, bool required,
                           bool nullable = false) {
    const json* v = field(obj, path, key, required);
    if (!v || (nullable && v->is_null())) return nullptr;
    if (!v->is_object()) {
      error(join(path, key), std::string("expected an object") + (nullable ? " or null" : "") + ", got " +
                                  type_name(*v) + " " + brief(*v));
      return nullptr;
    }
    return v;
  }
  const json* array_field(const json& obj, const std::string& path, const char* key, bool required) {
    const json* v = field(obj, path, key, required);
    if (v && !v->is_array()) {
      error(join(path, key), "expected an array, got " + type_name(*v) + " " + brief(*v));
      return nullptr;
    }
    return v;
  }
  const json* real_field(const json& obj, const std::string& path, const char* key, bool required,
                         bool nullable = false) {
    const json* v = field(obj, path, key, required);
    if (!v || (nullable && v->is_null())) return nullptr;
    if (!is_real_value(*v)) {
      error(join(path, key), std::string("expected a finite number or a decimal string") +
                                  (nullable ? " or null" : "") + ", got " + brief(*v));
      return nullptr;
    }
    return v;
  }
  const json* integer_field(const json& obj, const std::string& path, const char* key, bool required,
                            bool nullable, bool nonnegative) {
    const json* v = field(obj, path, key, required);
    if (!v || (nullable && v->is_null())) return nullptr;
    if (!v->is_number_integer() || (nonnegative && v->is_number_integer() && !v->is_number_unsigned() &&
                                    v->get<long long>() < 0)) {
      error(join(path, key), std::string("expected ") + (nonnegative ? "a non-negative integer" : "an integer") +
                                  (nullable ? " or null" : "") + ", got " + brief(*v));
      return nullptr;
    }
    return v;
  }
  // [lo, hi] with lo <= hi (reals); returns true when well formed.
  bool interval_field(const json& obj, const std::string& path, const char* key, bool required,
                      double* lo = nullptr, double* hi = nullptr) {
    const json* v = field(obj, path, key, required);
    if (!v) return false;
    if (!v->is_array() || v->size() != 2 || !is_real_value((*v)[0]) || !is_real_value((*v)[1])) {
      error(join(path, key), "expected [lo, hi] (two finite numbers), got " + brief(*v));
      return false;
    }
    const double a = real_value((*v)[0]), b = real_value((*v)[1]);
    if (a > b) {
      error(join(path, key), "lo > hi in " + brief(*v));
      return false;
    }
    if (lo) *lo = a;
    if (hi) *hi = b;
    return true;
  }
  // An array of reals; returns their values (NaN for bad entries) or nothing if not an array.
  bool real_array(const json& obj, const std::string& path, const char* key, std::vector<double>& out) {
    const json* v = array_field(obj, path, key, true);
    if (!v) return false;
    out.clear();
    bool ok = true;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const json& e = (*v)[i];
      if (!is_real_value(e)) {
        error(join(path, key) + "[" + std::to_string(i) + "]",
              "expected a finite number or a decimal string, got " + brief(e));
        ok = false;
        out.push_back(std::nan(""));
      } else {
        out.push_back(real_value(e));
      }
    }
    return ok;
  }

  void series(const json& s, const std::string& path) {
    if (!s.is_object()) {
      error(path, "expected a Series object, got " + type_name(s));
      return;
    }
    string_field(s, path, "name", true, true);
    string_field(s, path, "plot", true, true);
    string_field(s, path, "x_label", false);
    string_field(s, path, "y_label", false);
    bool_field(s, path, "log_x", false);
    bool_field(s, path, "log_y", false);
    std::string kind;
    if (const json* k = string_field(s, path, "kind", true)) {
      kind = k->get<std::string>();
      if (kind != "convergence" && kind != "spectrum" && kind != "proportion") {
        error(path + ".kind", "\"" + kind + "\" is not one of convergence, spectrum, proportion");
        kind.clear();
      }
    }
    if (const json* r = string_field(s, path, "role", true)) {
      const std::string role = r->get<std::string>();
      if (role != "measured" && role != "bound" && role != "fit") {
        error(path + ".role", "\"" + role + "\" is not one of measured, bound, fit");
      }
    }
    std::vector<double> x, y;
    const bool okx = real_array(s, path, "x", x);
    const bool oky = real_array(s, path, "y", y);
    if (okx && oky) {
      if (x.size() != y.size()) {
        error(path, "x has " + std::to_string(x.size()) + " values but y has " + std::to_string(y.size()));
      } else if (x.empty()) {
        error(path + ".x", "empty series (at least one point is needed)");
      }
    }
    if (kind == "proportion") {
      std::vector<double> lo, hi;
      const bool oklo = real_array(s, path, "lo", lo);
      const bool okhi = real_array(s, path, "hi", hi);
      if (oklo && okhi && oky) {
        if (lo.size() != y.size() || hi.size() != y.size()) {
          error(path, "proportion series needs lo and hi of the same length as y (" + std::to_string(y.size()) +
                          "), got " + std::to_string(lo.size()) + " and " + std::to_string(hi.size()));
        } else {
          for (std::size_t i = 0; i < y.size(); ++i) {
            // A proportion lies in [0, 1] and inside its own interval (Wilson and
            // Clopper-Pearson intervals contain the observed proportion).
            if (!(0 <= lo[i] && lo[i] <= y[i] && y[i] <= hi[i] && hi[i] <= 1)) {
              error(path + ".y[" + std::to_string(i) + "]",
                    "need 0 <= lo <= y <= hi <= 1, got lo=" + brief(s["lo"][i]) + " y=" + brief(s["y"][i]) +
                        " hi=" + brief(s["hi"][i]));
            }
          }
        }
      }
      if (const json* labels = array_field(s, path, "labels", false)) {
        if (oky && labels->size() != y.size()) {
          error(path + ".labels", "has " + std::to_string(labels->size()) + " entries, y has " +
                                      std::to_string(y.size()));
        }
        for (std::size_t i = 0; i < labels->size(); ++i) {
          if (!(*labels)[i].is_string()) {
            error(path + ".labels[" + std::to_string(i) + "]", "expected a string, got " + brief((*labels)[i]));
          }
        }
      }
    }
  }

  void series_list(const json& obj, const std::string& path, bool required) {
    const json* arr = array_field(obj, path, "series", required);
    if (!arr) return;
    std::map<std::string, std::string> kind_of_plot;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const std::string p = path + ".series[" + std::to_string(i) + "]";
      const json& s = (*arr)[i];
      series(s, p);
      if (s.is_object() && s.contains("plot") && s["plot"].is_string() && s.contains("kind") && s["kind"].is_string()) {
        const std::string plot = s["plot"], kind = s["kind"];
        auto [it, inserted] = kind_of_plot.emplace(plot, kind);
        if (!inserted && it->second != kind) {
          error(p + ".kind", "plot \"" + plot + "\" mixes kinds " + it->second + " and " + kind);
        }
      }
    }
  }

  std::string entry_path(const std::string& array, std::size_t i, const json& e, const char* key) {
    std::string p = array + "[" + std::to_string(i) + "]";
    if (e.is_object() && e.contains(key) && e[key].is_string()) p += " (" + std::string(key) + " \"" + e[key].get<std::string>() + "\")";
    return p;
  }

  void claim(const json& c, const std::string& p) {
    if (!c.is_object()) {
      error(p, "expected a ClaimResult object, got " + type_name(c));
      return;
    }
    string_field(c, p, "id", true, true);
    string_field(c, p, "title", true, true);
    if (const json* src = object_field(c, p, "source", true)) {
      string_field(*src, p + ".source", "file", true, true);
      string_field(*src, p + ".source", "section", false);
      string_field(*src, p + ".source", "equation", false);
      string_field(*src, p + ".source", "lines", false);
    }
    string_field(c, p, "hypotheses", true);
    string_field(c, p, "statement", true, true);
    string_field(c, p, "check", true, true);
    std::string verdict;
    if (const json* v = string_field(c, p, "verdict", true)) {
      verdict = v->get<std::string>();
      const auto& vs = verdict_values();
      if (std::find(vs.begin(), vs.end(), verdict) == vs.end()) {
        error(p + ".verdict", "\"" + verdict + "\" is not one of holds, holds-certified, refuted, inconclusive");
      }
    }
    string_field(c, p, "precision", true, true);
    if (const json* esc = array_field(c, p, "escalations", false)) {
      for (std::size_t i = 0; i < esc->size(); ++i) {
        const std::string ep = p + ".escalations[" + std::to_string(i) + "]";
        if (!(*esc)[i].is_object()) {
          error(ep, "expected {precision, reason}, got " + brief((*esc)[i]));
          continue;
        }
        string_field((*esc)[i], ep, "precision", true, true);
        string_field((*esc)[i], ep, "reason", true);
      }
    }
    integer_field(c, p, "seed", false, true, false);
    bool_field(c, p, "erratum", false);
    if (const json* also = array_field(c, p, "also_in", false)) {
      for (std::size_t i = 0; i < also->size(); ++i) {
        const std::string ap = p + ".also_in[" + std::to_string(i) + "]";
        if (!(*also)[i].is_object()) {
          error(ap, "expected a source object {file, section, equation, lines}, got " + brief((*also)[i]));
          continue;
        }
        string_field((*also)[i], ap, "file", true, true);
      }
    }
    object_field(c, p, "parameters", false);
    if (const json* t = real_field(c, p, "time_s", true)) {
      if (real_value(*t) < 0) error(p + ".time_s", "negative time " + brief(*t));
    }
    if (const json* ev = object_field(c, p, "evidence", true)) {
      const std::string evp = p + ".evidence";
      string_field(*ev, evp, "summary", true);
      if (const json* figs = object_field(*ev, evp, "figures", false)) {
        for (auto it = figs->begin(); it != figs->end(); ++it) {
          const json& v = it.value();
          if (!(v.is_number() || v.is_string() || v.is_boolean() || v.is_null())) {
            error(evp + ".figures." + it.key(), "expected a number, string, boolean or null, got " + type_name(v));
          } else if (v.is_number_float() && !std::isfinite(v.get<double>())) {
            error(evp + ".figures." + it.key(), "non-finite number");
          }
        }
      }
      series_list(*ev, evp, false);
      const json* cx = object_field(*ev, evp, "counterexample", false, true);
      // A refutation is a reproducible counterexample: it must be recorded.
      if (verdict == "refuted" && !cx) error(evp + ".counterexample", "a refuted claim must record its counterexample (an object)");
    }
  }

  void rate_study(const json& r, const std::string& p) {
    if (!r.is_object()) {
      error(p, "expected a RateStudy object, got " + type_name(r));
      return;
    }
    string_field(r, p, "name", true, true);
    string_field(r, p, "problem", true);
    string_field(r, p, "optimizer", true);
    string_field(r, p, "precision", true);
    if (const json* o = object_field(r, p, "order", true, true)) {
      real_field(*o, p + ".order", "estimate", true, true);
      if (o->contains("ci") && !(*o)["ci"].is_null()) interval_field(*o, p + ".order", "ci", false);
      if (const json* w = field(*o, p + ".order", "window", false)) {
        if (!w->is_null() && !(w->is_array() && w->size() == 2 && (*w)[0].is_number_integer() &&
                               (*w)[1].is_number_integer() && (*w)[0].get<long long>() <= (*w)[1].get<long long>())) {
          error(p + ".order.window", "expected [k0, k1] with integers k0 <= k1, got " + brief(*w));
        }
      }
    }
    object_field(r, p, "geometric_rate", false, true);
    if (const json* b = object_field(r, p, "bound_check", false, true)) {
      bool_field(*b, p + ".bound_check", "pointwise", true);
      real_field(*b, p + ".bound_check", "max_ratio", false, true);
      integer_field(*b, p + ".bound_check", "first_violation", false, true, true);
    }
    series_list(r, p, true);
  }

  void spectrum(const json& s, const std::string& p) {
    if (!s.is_object()) {
      error(p, "expected a Spectrum object, got " + type_name(s));
      return;
    }
    string_field(s, p, "name", true, true);
    string_field(s, p, "method", true, true);
    object_field(s, p, "parameters", true);
    if (const json* ev = array_field(s, p, "eigenvalues", true)) {
      for (std::size_t i = 0; i < ev->size(); ++i) {
        const std::string ep = p + ".eigenvalues[" + std::to_string(i) + "]";
        if (!(*ev)[i].is_object()) {
          error(ep, "expected {re, im, modulus}, got " + brief((*ev)[i]));
          continue;
        }
        real_field((*ev)[i], ep, "re", true);
        real_field((*ev)[i], ep, "im", true);
        if (const json* m = real_field((*ev)[i], ep, "modulus", true)) {
          if (real_value(*m) < 0) error(ep + ".modulus", "negative modulus " + brief(*m));
        }
      }
    }
    bool_field(s, p, "certified", true);
    if (const json* enc = field(s, p, "enclosures", false)) {
      if (!enc->is_null() && !enc->is_array()) {
        error(p + ".enclosures", "expected an array or null, got " + type_name(*enc));
      } else if (enc->is_array()) {
        for (std::size_t i = 0; i < enc->size(); ++i) {
          const std::string ep = p + ".enclosures[" + std::to_string(i) + "]";
          if (!(*enc)[i].is_object()) {
            error(ep, "expected {re: [lo, hi], im: [lo, hi]}, got " + brief((*enc)[i]));
            continue;
          }
          interval_field((*enc)[i], ep, "re", true);
          interval_field((*enc)[i], ep, "im", true);
        }
      }
    }
    // "certified" means outward-rounded enclosures back the conclusion: they must be present.
    if (s.contains("certified") && s["certified"] == true &&
        !(s.contains("enclosures") && s["enclosures"].is_array() && !s["enclosures"].empty())) {
      error(p + ".enclosures", "a certified spectrum must list its enclosures");
    }
    series_list(s, p, false);
  }

  void monte_carlo(const json& m, const std::string& p) {
    if (!m.is_object()) {
      error(p, "expected a MonteCarlo object, got " + type_name(m));
      return;
    }
    string_field(m, p, "name", true, true);
    string_field(m, p, "problem", true);
    string_field(m, p, "optimizer", true);
    const json* runs = integer_field(m, p, "runs", true, false, true);
    integer_field(m, p, "seed", true, false, false);
    long long total = 0;
    bool counts_ok = true;
    if (const json* outs = array_field(m, p, "outcomes", true)) {
      for (std::size_t i = 0; i < outs->size(); ++i) {
        const json& o = (*outs)[i];
        const std::string op = entry_path(p + ".outcomes", i, o, "label");
        if (!o.is_object()) {
          error(op, "expected an outcome object, got " + type_name(o));
          counts_ok = false;
          continue;
        }
        string_field(o, op, "label", true, true);
        const json* c = integer_field(o, op, "count", true, false, true);
        const json* pr = real_field(o, op, "proportion", true);
        if (c) total += c->get<long long>(); else counts_ok = false;
        double prop = std::nan("");
        if (pr) {
          prop = real_value(*pr);
          if (prop < 0 || prop > 1) error(op + ".proportion", "outside [0, 1]: " + brief(*pr));
          // count/runs is exact up to the double rounding of the stored value.
          if (c && runs && runs->get<long long>() > 0 &&
              std::abs(prop - static_cast<double>(c->get<long long>()) / static_cast<double>(runs->get<long long>())) > 1e-12) {
            error(op + ".proportion", brief(*pr) + " differs from count/runs = " + std::to_string(c->get<long long>()) +
                                          "/" + std::to_string(runs->get<long long>()));
          }
        }
        for (const char* key : {"wilson", "clopper_pearson"}) {
          double lo = 0, hi = 0;
          if (interval_field(o, op, key, true, &lo, &hi) && pr && !(0 <= lo && lo <= prop && prop <= hi && hi <= 1)) {
            error(op + "." + key, "interval [" + std::to_string(lo) + ", " + std::to_string(hi) +
                                      "] must lie in [0, 1] and contain the proportion " + brief(*pr));
          }
        }
      }
    } else {
      counts_ok = false;
    }
    if (counts_ok && runs && total != runs->get<long long>()) {
      error(p + ".outcomes", "counts sum to " + std::to_string(total) + " but runs = " + std::to_string(runs->get<long long>()));
    }
    series_list(m, p, false);
  }

  void benchmark(const json& b, const std::string& p) {
    if (!b.is_object()) {
      error(p, "expected a benchmark object, got " + type_name(b));
      return;
    }
    string_field(b, p, "name", true, true);
    series_list(b, p, false);
  }

  void document(const json& d) {
    if (!d.is_object()) {
      error("(document)", "expected a JSON object, got " + type_name(d));
      return;
    }
    if (const json* s = string_field(d, "", "schema", true)) {
      if (*s != kReportSchema) error("schema", "\"" + s->get<std::string>() + "\" is not \"" + kReportSchema + "\"");
    }
    object_field(d, "", "provenance", true);
    struct Section {
      const char* key;
      const char* id_key;
      void (Validator::*check)(const json&, const std::string&);
    };
    const Section sections[] = {{"claims", "id", &Validator::claim},
                                {"rate_studies", "name", &Validator::rate_study},
                                {"spectra", "name", &Validator::spectrum},
                                {"monte_carlo", "name", &Validator::monte_carlo},
                                {"benchmarks", "name", &Validator::benchmark}};
    for (const auto& sec : sections) {
      const json* arr = array_field(d, "", sec.key, true);
      if (!arr) continue;
      std::set<std::string> seen;
      for (std::size_t i = 0; i < arr->size(); ++i) {
        const json& e = (*arr)[i];
        const std::string p = entry_path(sec.key, i, e, sec.id_key);
        (this->*sec.check)(e, p);
        if (e.is_object() && e.contains(sec.id_key) && e[sec.id_key].is_string() &&
            !seen.insert(e[sec.id_key].get<std::string>()).second) {
          error(p + "." + sec.id_key, "duplicate " + std::string(sec.id_key) + " in " + sec.key);
        }
      }
    }
  }
};

}  // namespace

const std::vector<std::string>& verdict_values() {
  static const std::vector<std::string> v = {"holds-certified", "holds", "inconclusive", "refuted"};
  return v;
}

bool is_real_value(const nlohmann::json& v) {
  if (v.is_number_integer()) return true;
  if (v.is_number_float()) return std::isfinite(v.get<double>());
  if (v.is_string()) return is_decimal_string(v.get<std::string>());
  return false;
}

double real_value(const nlohmann::json& v) {
  if (v.is_number()) return v.get<double>();
  if (v.is_string() && is_decimal_string(v.get<std::string>())) {
    const std::string s = v.get<std::string>();
    const auto slash = s.find('/');
    if (slash != std::string::npos) {
      return std::strtod(s.substr(0, slash).c_str(), nullptr) / std::strtod(s.substr(slash + 1).c_str(), nullptr);
    }
    return std::strtod(s.c_str(), nullptr);  // out-of-range values round to 0 or +-inf
  }
  throw std::invalid_argument("expected a number or a decimal string, got " + v.dump());
}

std::vector<SchemaError> validate_report(const nlohmann::json& document) {
  Validator v;
  v.document(document);
  return v.errors;
}

void require_valid_report(const nlohmann::json& document, const std::string& what) {
  const auto errs = validate_report(document);
  if (errs.empty()) return;
  std::string msg = what + " does not follow the schema " + kReportSchema + " (" + std::to_string(errs.size()) +
                    " problem" + (errs.size() == 1 ? "" : "s") + "):";
  const std::size_t shown = std::min<std::size_t>(errs.size(), 20);
  for (std::size_t i = 0; i < shown; ++i) msg += "\n  " + errs[i].to_string();
  if (errs.size() > shown) msg += "\n  ... and " + std::to_string(errs.size() - shown) + " more";
  throw std::invalid_argument(msg);
}

}  // namespace ov::report
