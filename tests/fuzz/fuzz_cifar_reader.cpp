// libFuzzer target for the CIFAR binary reader (nets/data/cifar_reader.hpp), docs/build.md "Fuzzing".
//
// Input: byte 0 chooses the call, the rest is the file content.
//   bit 0   CifarKind: 0 CIFAR-10, 1 CIFAR-100
//   bit 1   also read the content as a file with read_cifar_binary (through zlib: raw or
//           gzip), from a temporary file created once with mkstemp and unlinked at once
//           (opened as /proc/self/fd/<fd>). For content that is not gzip, the two entry
//           points must agree (same images, or both DataFileError).
// parse_cifar_binary is always called on the content in memory.
//
// Expected: a result, or DataFileError. A finding: any other exception (reported and
// aborted on), a crash, a sanitizer report, a hang, a result that disagrees with the
// format (sizes, label ranges, the bytes of the records).
#include "nets/data/cifar_reader.hpp"
#include "tests/fuzz/fuzz_input_file.hpp"


#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>
#include <string>

namespace {

using ov::nets::data::CifarKind;
using ov::nets::data::DataFileError;
using ov::nets::data::ImageSet;

ov::fuzz::InputFile g_input;

[[noreturn]] void finding(const char* what) { ov::fuzz::report_finding("fuzz_cifar_reader", what); }

// The result, or nullopt on DataFileError naming `name`; anything else is a finding.
template <class F>
std::optional<ImageSet> run(F&& read, const std::string& name) {
  try {
    return read();
  } catch (const DataFileError& e) {
    if (e.file() != name) finding("DataFileError names another file");
    return std::nullopt;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz_cifar_reader: unexpected exception: %s\n", e.what());
    finding("an exception other than DataFileError");
  } catch (...) {
    finding("a non-std exception");
  }
}

// The result must be exactly the records of `data` (raw content).
void check(const ImageSet& s, const std::uint8_t* data, std::size_t size, CifarKind kind) {
  const std::size_t record = ov::nets::data::cifar_record_size(kind);
  const std::size_t labels = record - ov::nets::data::kCifarImageBytes;
  if (s.channels != 3 || s.rows != 32 || s.cols != 32) finding("image shape is not 3 x 32 x 32");
  if (size == 0 || size % record != 0 || s.count() != size / record) finding("image count != size / record");
  if (s.pixels.size() != s.count() * s.image_size()) finding("pixel count != count * 3072");
  if (s.coarse_labels.size() != (kind == CifarKind::cifar100 ? s.count() : 0)) finding("coarse label count");
  for (std::size_t i = 0; i < s.count(); ++i) {
    const std::uint8_t* rec = data + i * record;
    const std::uint8_t fine = rec[labels - 1];
    if (s.labels[i] != fine || fine > (kind == CifarKind::cifar10 ? 9 : 99)) finding("label");
    if (kind == CifarKind::cifar100 && (s.coarse_labels[i] != rec[0] || rec[0] > 19)) finding("coarse label");
    if (std::memcmp(s.image(i), rec + labels, s.image_size()) != 0) finding("pixels differ from the record");
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_input.open("fuzz_cifar_reader", "cifar");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* input, std::size_t input_size) {
  if (input_size == 0) return 0;
  const CifarKind kind = (input[0] & 1) != 0 ? CifarKind::cifar100 : CifarKind::cifar10;
  const bool via_file = (input[0] & 2) != 0;
  const std::uint8_t* data = input + 1;
  const std::size_t size = input_size - 1;

  const std::string name = "fuzz-input.bin";
  const auto memory = run([&] { return ov::nets::data::parse_cifar_binary(data, size, kind, name); }, name);
  if (memory) check(*memory, data, size, kind);

  if (via_file) {
    g_input.write(data, size);
    const auto file = run([&] { return ov::nets::data::read_cifar_binary(g_input.path(), kind); }, g_input.path());
    const bool gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    if (!gzip) {
      if (memory.has_value() != file.has_value()) finding("read_cifar_binary and parse_cifar_binary disagree");
      if (file) check(*file, data, size, kind);
    } else if (file) {
      if (file->file != g_input.path()) finding("ImageSet::file is not the path");
      if (file->pixels.size() != file->count() * file->image_size()) finding("pixel count != count * 3072");
      if (file->coarse_labels.size() != (kind == CifarKind::cifar100 ? file->count() : 0)) finding("coarse labels");
    }
  }
  return 0;
}
