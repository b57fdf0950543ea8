// A reader for the CIFAR-10 and CIFAR-100 binary formats (Krizhevsky 2009, "Learning
// Multiple Layers of Features from Tiny Images" [EXT]; the "binary version" files
// data_batch_*.bin, test_batch.bin, train.bin, test.bin). A file is a sequence of
// fixed-size records, nothing else (no header):
//   CIFAR-10   1 label byte (0..9)                                + 3072 pixel bytes = 3073
//   CIFAR-100  1 coarse label byte (0..19) + 1 fine label (0..99) + 3072 pixel bytes = 3074
// The 3072 pixel bytes are one 32 x 32 image, channel after channel (1024 red, 1024
// green, 1024 blue), each row-major: CHW order, kept as is.
// Every problem throws DataFileError (idx_reader.hpp) naming the file and the byte
// offset where it is; nothing is returned partially. Torch-free: the LibTorch layer
// (issue 9, gpu/) wraps ImageSet into tensors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "nets/data/idx_reader.hpp"  // DataFileError

namespace ov::nets::data {

enum class CifarKind { cifar10, cifar100 };

inline constexpr int kCifarChannels = 3;
inline constexpr int kCifarRows = 32;
inline constexpr int kCifarCols = 32;
inline constexpr std::size_t kCifarImageBytes = 3 * 32 * 32;  // 3072

// 3073 (CIFAR-10) or 3074 (CIFAR-100) bytes per record.
std::size_t cifar_record_size(CifarKind kind);
// "CIFAR-10" or "CIFAR-100".
const char* cifar_name(CifarKind kind);

// Images of one size, CHW per image, image after image.
struct ImageSet {
  std::string file;
  int channels = 0, rows = 0, cols = 0;
  std::vector<std::uint8_t> pixels;         // count * channels * rows * cols, CHW per image
  std::vector<std::uint8_t> labels;         // one per image; the fine label for CIFAR-100
  std::vector<std::uint8_t> coarse_labels;  // CIFAR-100 only (empty for CIFAR-10)

  std::size_t count() const { return labels.size(); }
  std::size_t image_size() const {
    return static_cast<std::size_t>(channels) * static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
  }
  const std::uint8_t* image(std::size_t i) const { return pixels.data() + i * image_size(); }
  std::uint8_t at(std::size_t i, int c, int r, int x) const {
    return pixels[i * image_size() + (static_cast<std::size_t>(c) * rows + r) * cols + x];
  }
};

// Reads a CIFAR binary file: raw (as shipped) or gzip-compressed (read through zlib,
// offsets are then in the uncompressed stream). Throws DataFileError: cannot open;
// corrupt or cut gzip stream; more than 2^31 bytes; then as parse_cifar_binary.
ImageSet read_cifar_binary(const std::string& file, CifarKind kind);

// The same on `size` bytes in memory (raw, not gzip); `name` is the file name used in
// the errors and in ImageSet::file. Throws DataFileError, checked in this order:
//   empty (byte 0); size not a multiple of the record size (byte = start of the
//   truncated last record); the first label out of range in file order (CIFAR-10
//   label > 9 at the record's first byte; CIFAR-100 coarse > 19 at the record's first
//   byte, fine > 99 at its second). std::invalid_argument if data is null and size > 0.
ImageSet parse_cifar_binary(const std::uint8_t* data, std::size_t size, CifarKind kind, const std::string& name);

}  // namespace ov::nets::data
