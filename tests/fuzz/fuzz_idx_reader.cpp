// libFuzzer target for the IDX reader (nets/data/idx_reader.hpp), docs/build.md "Fuzzing".
//
// The reader has no in-memory entry point (it reads a path through zlib's gzopen),
// so the input bytes are written to a temporary file created once with mkstemp and
// unlinked at once; the reader opens it again as /proc/self/fd/<fd> (nothing is left
// behind even when the process dies on a finding). Every input is read both as an
// images file and as a labels file: raw bytes are read as is, gzip streams are
// inflated (the seed corpus tests/fuzz/corpus/idx_reader/ has both).
//
// Expected: a result, or DataFileError. A finding: any other exception (reported
// and aborted on), a crash, a sanitizer report, a hang, a result whose sizes
// disagree with its header or, for raw (not gzip) content, with the bytes.
#include "nets/data/idx_reader.hpp"
#include "tests/fuzz/fuzz_input_file.hpp"


#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace {

ov::fuzz::InputFile g_input;

[[noreturn]] void finding(const char* what) { ov::fuzz::report_finding("fuzz_idx_reader", what); }

std::uint32_t be32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

template <class F>
void run(F&& read) {
  try {
    read();
  } catch (const ov::nets::data::DataFileError& e) {
    // Expected for malformed input. The message must name the file.
    if (e.file() != g_input.path()) finding("DataFileError names another file");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz_idx_reader: unexpected exception: %s\n", e.what());
    finding("an exception other than DataFileError");
  } catch (...) {
    finding("a non-std exception");
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_input.open("fuzz_idx_reader", "idx");
  // The reader must see what we write (a fuzzer that only ever gets "cannot open"
  // would report nothing): one valid labels file, 2 labels.
  const std::uint8_t labels[] = {0, 0, 8, 1, 0, 0, 0, 2, 7, 3};
  g_input.write(labels, sizeof labels);
  try {
    if (ov::nets::data::read_idx_labels(g_input.path()).size() != 2) finding("the self-check read the wrong labels");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz_idx_reader: self-check: %s\n", e.what());
    finding("the reader cannot read the temporary file");
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  g_input.write(data, size);
  // Raw (not gzip) content is read as is: a result must then be exactly these bytes.
  const bool raw = !(size >= 2 && data[0] == 0x1f && data[1] == 0x8b);
  run([&] {
    const auto images = ov::nets::data::read_idx_images(g_input.path());
    if (images.file != g_input.path()) finding("IdxImages::file is not the path");
    if (images.rows == 0 || images.cols == 0) finding("images with 0 rows or columns accepted");
    if (images.pixels.size() != images.count * images.rows * images.cols) finding("pixel count != header");
    if (raw && (size != 16 + images.pixels.size() || be32(data) != ov::nets::data::kIdxImagesMagic ||
                be32(data + 4) != images.count || be32(data + 8) != images.rows || be32(data + 12) != images.cols ||
                !std::equal(images.pixels.begin(), images.pixels.end(), data + 16))) {
      finding("images differ from the raw file");
    }
  });
  run([&] {
    const auto labels = ov::nets::data::read_idx_labels(g_input.path());
    if (raw && (size != 8 + labels.size() || be32(data) != ov::nets::data::kIdxLabelsMagic ||
                be32(data + 4) != labels.size() || !std::equal(labels.begin(), labels.end(), data + 8))) {
      finding("labels differ from the raw file");
    }
  });
  return 0;
}
