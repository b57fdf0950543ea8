// The DataFileError a reader call throws, for the tests of nets/data's file readers (a test
// failure, and an error naming no file at byte -2, when it throws none).
#pragma once

#include <gtest/gtest.h>

#include "nets/data/idx_reader.hpp"

namespace ov::nets::data::test_support {

template <class F>
DataFileError file_error(F&& f) {
  try {
    f();
  } catch (const DataFileError& e) {
    return e;
  }
  ADD_FAILURE() << "no DataFileError";
  return DataFileError("", -2, "none");
}

}  // namespace ov::nets::data::test_support
