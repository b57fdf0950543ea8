#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

const char* to_string(PointKind k) {
  switch (k) {
    case PointKind::minimum: return "minimum";
    case PointKind::degenerate_minimum: return "degenerate minimum";
    case PointKind::strict_saddle: return "strict saddle";
    case PointKind::degenerate_saddle: return "degenerate saddle";
    case PointKind::maximum: return "maximum";
    case PointKind::nonsmooth: return "nonsmooth critical point";
  }
  return "?";
}

const char* to_string(Smoothness s) {
  switch (s) {
    case Smoothness::nonsmooth: return "nonsmooth";
    case Smoothness::c1: return "C1";
    case Smoothness::c11: return "C1,1";
    case Smoothness::c2: return "C2";
    case Smoothness::analytic: return "analytic";
  }
  return "?";
}

}  // namespace ov::problems
