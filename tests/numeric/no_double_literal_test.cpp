// Constants are built exactly: no floating-point literal may construct a non-builtin or
// template scalar anywhere in the project's C++ sources (see literal_scanner.hpp).
#include <gtest/gtest.h>

#include "tests/numeric/literal_scanner.hpp"

#ifndef OPTVERIFY_SOURCE_ROOT
#error "OPTVERIFY_SOURCE_ROOT must name the source tree"
#endif

namespace {

TEST(NoDoubleLiteral, ProjectSourcesBuildScalarConstantsExactly) {
  const auto found = ov::lint::scan_tree(OPTVERIFY_SOURCE_ROOT, {"analysis", "optim", "nets", "proofs-checks", "gpu", "cli"});
  std::string report;
  for (const auto& f : found) report += f.file + ":" + std::to_string(f.line) + ": " + f.text + "\n";
  EXPECT_TRUE(found.empty()) << "floating-point literal used to build a scalar (write T(1)/10, integer<T>(n) or "
                                "constant<T>(\"0.1\")):\n"
                             << report;
}

TEST(NoDoubleLiteral, ScannerFlagsPlantedBadLines) {
  const char* bad[] = {
      "  T step = T(0.1) * g;",
      "  auto x = ov::mp50(1e-3);",
      "  return Scalar(-.5);",
      "  S h = S( 2.5 ) + y;",
      "  const interval w = interval(0.25);",
      "  q = rational(0.5);",
      "  auto c = static_cast<T>(0.3);",
      "  auto c = static_cast<ov::mp100>(1.5e-2);",
      "  auto j = lift<Jet<S, 2>>(0.5);",
      "  float128 z = float128(3.);",
  };
  for (const char* line : bad) EXPECT_EQ(ov::lint::scan_text("planted.cpp", line).size(), 1u) << line;
  const auto f = ov::lint::scan_text("planted.cpp", "int a;\nint b;\nT x = T(0.1);\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].line, 3);
  EXPECT_EQ(f[0].file, "planted.cpp");
}

TEST(NoDoubleLiteral, ScannerAcceptsExactConstructions) {
  const char* good[] = {
      "  T step = T(1) / 10;",
      "  auto c = constant<T>(\"0.1\");",
      "  double h = double(0.5);",
      "  auto k = integer<T>(100) * x;",
      "  // T(0.1) would round through binary64",
      "  /* mp50(0.1) */ T y = T(3);",
      "  const char* s = \"T(0.5)\";",
      "  DT(0.5);  // a different identifier ending in T",
      "  f(T(1), 0.5);",
      "  auto v = std::pow(0.5, 2);",
      "  T x = T(0.5);  // ov-lint: double-literal-ok (a double on purpose)",
      "  lift<T>(s);",
  };
  for (const char* line : good) EXPECT_TRUE(ov::lint::scan_text("good.cpp", line).empty()) << line;
}

}  // namespace
