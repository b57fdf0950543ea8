// A double as the short text an error message shows (std::ostream's default format: 6
// significant digits), shared by the gpu/data sources.
#pragma once

#include <sstream>
#include <string>

namespace ov::gpu::data {

inline std::string number_text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace ov::gpu::data
