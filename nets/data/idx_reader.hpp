// A reader for gzip-compressed IDX files (the MNIST / Fashion-MNIST format of
// LeCun et al., 003 ref. [12], 003_61d556b637c4f269.txt L1166):
//   bytes 0-3   magic number, big-endian: 0x00000803 (unsigned bytes, 3 dimensions:
//               images) or 0x00000801 (unsigned bytes, 1 dimension: labels)
//   bytes 4-..  one 32-bit big-endian size per dimension (count [, rows, cols])
//   then        count (* rows * cols) unsigned bytes, nothing after them.
// Files are read with zlib's gzopen/gzread (an uncompressed file is read as is).
// Every problem throws DataFileError naming the file and the byte offset (in the
// uncompressed stream) where it is; nothing is returned partially.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace ov::nets::data {

class DataFileError : public std::runtime_error {
 public:
  // byte < 0: the problem is not at a byte (e.g. the file cannot be opened).
  DataFileError(std::string file, std::int64_t byte, const std::string& problem);
  const std::string& file() const { return file_; }
  std::int64_t byte() const { return byte_; }

 private:
  std::string file_;
  std::int64_t byte_;
};

inline constexpr std::uint32_t kIdxImagesMagic = 0x00000803;
inline constexpr std::uint32_t kIdxLabelsMagic = 0x00000801;

struct IdxImages {
  std::string file;
  std::size_t count = 0, rows = 0, cols = 0;
  std::vector<std::uint8_t> pixels;  // count * rows * cols, image after image, row-major
  std::uint8_t at(std::size_t image, std::size_t r, std::size_t c) const {
    return pixels[(image * rows + r) * cols + c];
  }
  const std::uint8_t* image(std::size_t i) const { return pixels.data() + i * rows * cols; }
};

// Throws DataFileError: missing/unreadable file (with the apt-get hint for the
// Fashion-MNIST package), short header, wrong magic, zero rows or columns, more
// than 2^31 bytes of pixels, truncated data, corrupt gzip stream, trailing bytes.
IdxImages read_idx_images(const std::string& path);
std::vector<std::uint8_t> read_idx_labels(const std::string& path);

}  // namespace ov::nets::data
