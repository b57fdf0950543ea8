#include "analysis/report/provenance.hpp"

#include <boost/version.hpp>
#include <ceres/version.h>
#include <gmp.h>
#include <mpfi.h>
#include <mpfr.h>

#include <Eigen/Core>
#include <unistd.h>

#include <array>
#include <ctime>

#include "optverify_git.hpp"

#ifndef OPTVERIFY_VERSION
#define OPTVERIFY_VERSION "unknown"
#endif
#ifndef OPTVERIFY_BUILD_TYPE
#define OPTVERIFY_BUILD_TYPE "unknown"
#endif

namespace ov::report {

const Provenance& provenance() {
  static const Provenance p = [] {
    Provenance v;
    v.optverify_version = OPTVERIFY_VERSION;
    v.git_commit = OPTVERIFY_GIT_COMMIT;
    v.git_dirty = OPTVERIFY_GIT_DIRTY;
#if defined(__clang__)
    v.compiler = std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
    v.compiler = "g++ " + std::to_string(__GNUC__) + "." + std::to_string(__GNUC_MINOR__) + "." +
                 std::to_string(__GNUC_PATCHLEVEL__);
#endif
    v.boost = std::to_string(BOOST_VERSION / 100000) + "." + std::to_string(BOOST_VERSION / 100 % 1000) +
                      "." + std::to_string(BOOST_VERSION % 100);
    v.eigen = std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
                      std::to_string(EIGEN_MINOR_VERSION);
    v.ceres = CERES_VERSION_STRING;
    v.mpfr = mpfr_get_version();
    v.mpfi = mpfi_get_version();
    v.gmp = gmp_version;  // gmp.h: #define gmp_version __gmp_version
    v.build_type = OPTVERIFY_BUILD_TYPE;
    return v;
  }();
  return p;
}

nlohmann::json to_json(const Provenance& p) {
  return {{"optverify_version", p.optverify_version}, {"git_commit", p.git_commit}, {"git_dirty", p.git_dirty},
          {"compiler", p.compiler},                   {"boost", p.boost},   {"eigen", p.eigen},
          {"ceres", p.ceres},                 {"mpfr", p.mpfr},     {"mpfi", p.mpfi},
          {"gmp", p.gmp},                     {"build_type", p.build_type}};
}

std::string utc_timestamp_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::array<char, 32> buf{};
  const std::size_t n = std::strftime(buf.data(), buf.size(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buf.data(), n);
}

nlohmann::json run_provenance_json() {
  nlohmann::json j = to_json(provenance());
  std::array<char, 256> host{};
  if (gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  j["host"] = std::string(host.data());
  j["time_utc"] = utc_timestamp_now();
  return j;
}

}  // namespace ov::report
