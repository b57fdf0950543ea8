#include "nets/data/cifar_reader.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace ov::nets::data {

namespace {

constexpr std::size_t kMaxFileBytes = std::size_t{1} << 31;

struct GzCloser {
  void operator()(gzFile_s* f) const {
    if (f != nullptr) gzclose(f);
  }
};

// The whole (uncompressed) content of `path`, read by zlib (a raw file is read as is).
std::vector<std::uint8_t> read_all(const std::string& path) {
  errno = 0;
  std::unique_ptr<gzFile_s, GzCloser> file(gzopen(path.c_str(), "rb"));
  if (!file) {
    const std::string why = errno != 0 ? std::strerror(errno) : "cannot allocate the gzip state";
    throw DataFileError(path, -1, "cannot open (" + why + ")");
  }
  std::vector<std::uint8_t> data;
  constexpr std::size_t kChunk = std::size_t{1} << 22;
  for (;;) {
    const std::size_t old = data.size();
    data.resize(old + kChunk);
    const int got = gzread(file.get(), data.data() + old, static_cast<unsigned>(kChunk));
    int code = Z_OK;
    const char* msg = gzerror(file.get(), &code);
    if (got < 0 || (code != Z_OK && code != Z_STREAM_END)) {
      const std::size_t at = old + static_cast<std::size_t>(std::max(got, 0));
      throw DataFileError(path, static_cast<std::int64_t>(at),
                          code == Z_BUF_ERROR ? std::string("the compressed stream ends early (truncated gzip file)")
                                              : std::string("corrupt gzip stream (") + msg + ")");
    }
    data.resize(old + static_cast<std::size_t>(got));
    if (data.size() > kMaxFileBytes) {
      throw DataFileError(path, static_cast<std::int64_t>(kMaxFileBytes),
                          "more than 2^31 bytes (the largest CIFAR file, CIFAR-100 train.bin, has 153700000)");
    }
    if (static_cast<std::size_t>(got) < kChunk) break;
  }
  return data;
}

}  // namespace

std::size_t cifar_record_size(CifarKind kind) {
  return (kind == CifarKind::cifar10 ? 1 : 2) + kCifarImageBytes;
}

const char* cifar_name(CifarKind kind) { return kind == CifarKind::cifar10 ? "CIFAR-10" : "CIFAR-100"; }

ImageSet parse_cifar_binary(const std::uint8_t* data, std::size_t size, CifarKind kind, const std::string& name) {
  if (data == nullptr && size > 0) throw std::invalid_argument("parse_cifar_binary: data is null but size > 0");
  const std::size_t record = cifar_record_size(kind);
  const std::string format = std::string(cifar_name(kind)) + " binary, records of " + std::to_string(record) + " bytes";
  if (size == 0) throw DataFileError(name, 0, "empty file (" + format + ")");
  if (size % record != 0) {
    const std::size_t whole = size / record;
    const std::size_t start = whole * record;
    const CifarKind other = kind == CifarKind::cifar10 ? CifarKind::cifar100 : CifarKind::cifar10;
    const std::string hint = size % cifar_record_size(other) == 0
                                 ? "; the size is a multiple of " + std::to_string(cifar_record_size(other)) +
                                       ": a " + cifar_name(other) + " file?"
                                 : "";
    throw DataFileError(name, static_cast<std::int64_t>(start),
                        "file ends inside record " + std::to_string(whole) + " after " +
                            std::to_string(size - start) + " of its " + std::to_string(record) +
                            " bytes (size " + std::to_string(size) + " is not a multiple of the record size; " +
                            format + ")" + hint);
  }
  const std::size_t count = size / record;
  const std::size_t label_bytes = record - kCifarImageBytes;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t at = i * record;
    if (kind == CifarKind::cifar10) {
      if (data[at] > 9) {
        throw DataFileError(name, static_cast<std::int64_t>(at),
                            "label " + std::to_string(data[at]) + " of image " + std::to_string(i) +
                                " is invalid (valid: 0..9)");
      }
    } else {
      if (data[at] > 19) {
        throw DataFileError(name, static_cast<std::int64_t>(at),
                            "coarse label " + std::to_string(data[at]) + " of image " + std::to_string(i) +
                                " is invalid (valid: 0..19)");
      }
      if (data[at + 1] > 99) {
        throw DataFileError(name, static_cast<std::int64_t>(at + 1),
                            "fine label " + std::to_string(data[at + 1]) + " of image " + std::to_string(i) +
                                " is invalid (valid: 0..99)");
      }
    }
  }
  ImageSet out;
  out.file = name;
  out.channels = kCifarChannels;
  out.rows = kCifarRows;
  out.cols = kCifarCols;
  out.pixels.resize(count * kCifarImageBytes);
  out.labels.resize(count);
  if (kind == CifarKind::cifar100) out.coarse_labels.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint8_t* rec = data + i * record;
    if (kind == CifarKind::cifar100) {
      out.coarse_labels[i] = rec[0];
      out.labels[i] = rec[1];
    } else {
      out.labels[i] = rec[0];
    }
    std::memcpy(out.pixels.data() + i * kCifarImageBytes, rec + label_bytes, kCifarImageBytes);
  }
  return out;
}

ImageSet read_cifar_binary(const std::string& file, CifarKind kind) {
  const std::vector<std::uint8_t> data = read_all(file);
  return parse_cifar_binary(data.data(), data.size(), kind, file);
}

}  // namespace ov::nets::data
