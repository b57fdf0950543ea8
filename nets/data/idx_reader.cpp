#include "nets/data/idx_reader.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <memory>
#include <sstream>

namespace ov::nets::data {

namespace {

std::string hex32(std::uint32_t v) {
  std::ostringstream s;
  s << "0x" << std::hex;
  s.width(8);
  s.fill('0');
  s << v;
  return s.str();
}

std::string message(const std::string& file, std::int64_t byte, const std::string& problem) {
  return byte < 0 ? file + ": " + problem : file + ": byte " + std::to_string(byte) + ": " + problem;
}

struct GzCloser {
  void operator()(gzFile_s* f) const {
    if (f != nullptr) gzclose(f);
  }
};

// A gzip stream with the uncompressed offset of the next byte.
class GzReader {
 public:
  explicit GzReader(const std::string& path) : path_(path) {
    errno = 0;
    file_.reset(gzopen(path.c_str(), "rb"));
    if (!file_) {
      const std::string why = errno != 0 ? std::strerror(errno) : "cannot allocate the gzip state";
      throw DataFileError(path, -1,
                          "cannot open (" + why +
                              "); the Fashion-MNIST files come from the Debian package dataset-fashion-mnist "
                              "(apt-get install dataset-fashion-mnist), or set OPTVERIFY_FASHION_MNIST_DIR");
    }
  }

  // Reads up to n bytes; returns the number read (< n only at the end of the data).
  // Throws on a gzip error (corrupt or truncated compressed stream).
  std::size_t read(std::uint8_t* out, std::size_t n) {
    std::size_t done = 0;
    while (done < n) {
      const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(n - done, 1u << 20));
      const int got = gzread(file_.get(), out + done, chunk);
      if (got < 0) fail_stream(offset_ + static_cast<std::int64_t>(done));
      done += static_cast<std::size_t>(got);
      if (got == 0 || static_cast<unsigned>(got) < chunk) {
        int code = Z_OK;
        gzerror(file_.get(), &code);
        if (code != Z_OK) fail_stream(offset_ + static_cast<std::int64_t>(done));
        if (got == 0) break;
      }
    }
    offset_ += static_cast<std::int64_t>(done);
    return done;
  }

  std::uint32_t read_be32(const char* what) {
    std::uint8_t b[4];
    const std::int64_t at = offset_;
    const std::size_t got = read(b, 4);
    if (got < 4) {
      throw DataFileError(path_, at + static_cast<std::int64_t>(got),
                          "file ends inside the header (reading the " + std::string(what) + ", bytes " +
                              std::to_string(at) + "-" + std::to_string(at + 3) + ")");
    }
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
           std::uint32_t{b[3]};
  }

  void expect_end(const std::string& what) {
    std::uint8_t extra = 0;
    if (read(&extra, 1) != 0) {
      throw DataFileError(path_, offset_ - 1, "unexpected data after the " + what + " (the file should end here)");
    }
  }

  std::int64_t offset() const { return offset_; }

 private:
  [[noreturn]] void fail_stream(std::int64_t at) {
    int code = Z_OK;
    const char* msg = gzerror(file_.get(), &code);
    const std::string text = (code == Z_BUF_ERROR) ? "the compressed stream ends early (truncated gzip file)"
                                                   : std::string("corrupt gzip stream (") + msg + ")";
    throw DataFileError(path_, at, text);
  }

  std::string path_;
  std::unique_ptr<gzFile_s, GzCloser> file_;
  std::int64_t offset_ = 0;
};

void check_magic(const std::string& path, std::uint32_t magic, std::uint32_t expected, const char* kind) {
  if (magic != expected) {
    throw DataFileError(path, 0,
                        "magic number " + hex32(magic) + ", expected " + hex32(expected) + " (IDX " + kind +
                            ": unsigned bytes, " + (expected == kIdxImagesMagic ? "3 dimensions" : "1 dimension") +
                            ")");
  }
}

// Reads `total` data bytes starting at the current offset, growing the buffer as
// data arrive (a corrupt header cannot make us allocate more than the file holds).
std::vector<std::uint8_t> read_payload(GzReader& in, const std::string& path, std::size_t total,
                                       std::size_t unit, const std::string& what, std::size_t count) {
  std::vector<std::uint8_t> data;
  const std::int64_t start = in.offset();
  constexpr std::size_t kChunk = std::size_t{1} << 22;
  while (data.size() < total) {
    const std::size_t want = std::min(kChunk, total - data.size());
    const std::size_t old = data.size();
    data.resize(old + want);
    const std::size_t got = in.read(data.data() + old, want);
    if (got < want) {
      const std::size_t have = old + got;
      throw DataFileError(path, start + static_cast<std::int64_t>(have),
                          "file ends after " + std::to_string(have / unit) + " of " + std::to_string(count) + " " +
                              what + (have % unit != 0 ? " (and " + std::to_string(have % unit) + " bytes)" : "") +
                              "; the data start at byte " + std::to_string(start));
    }
  }
  return data;
}

}  // namespace

DataFileError::DataFileError(std::string file, std::int64_t byte, const std::string& problem)
    : std::runtime_error(message(file, byte, problem)), file_(std::move(file)), byte_(byte) {}

IdxImages read_idx_images(const std::string& path) {
  GzReader in(path);
  check_magic(path, in.read_be32("magic number"), kIdxImagesMagic, "images");
  IdxImages out;
  out.file = path;
  out.count = in.read_be32("image count");
  out.rows = in.read_be32("row count");
  out.cols = in.read_be32("column count");
  if (out.rows == 0) throw DataFileError(path, 8, "0 rows per image (valid: >= 1)");
  if (out.cols == 0) throw DataFileError(path, 12, "0 columns per image (valid: >= 1)");
  const std::uint64_t per_image = std::uint64_t{out.rows} * out.cols;
  if (per_image > (std::uint64_t{1} << 31) || (out.count != 0 && per_image > (std::uint64_t{1} << 31) / out.count)) {
    throw DataFileError(path, 4,
                        "dimensions " + std::to_string(out.count) + " x " + std::to_string(out.rows) + " x " +
                            std::to_string(out.cols) + " exceed the limit of 2^31 pixel bytes");
  }
  const std::uint64_t total = std::uint64_t{out.count} * per_image;  // <= 2^31 after the check above
  out.pixels = read_payload(in, path, static_cast<std::size_t>(total), static_cast<std::size_t>(per_image), "images",
                            out.count);
  in.expect_end(std::to_string(out.count) + " images");
  return out;
}

std::vector<std::uint8_t> read_idx_labels(const std::string& path) {
  GzReader in(path);
  check_magic(path, in.read_be32("magic number"), kIdxLabelsMagic, "labels");
  const std::uint32_t count = in.read_be32("label count");
  if (count > (std::uint32_t{1} << 31)) {
    throw DataFileError(path, 4, "label count " + std::to_string(count) + " exceeds the limit of 2^31");
  }
  auto labels = read_payload(in, path, count, 1, "labels", count);
  in.expect_end(std::to_string(count) + " labels");
  return labels;
}

}  // namespace ov::nets::data
