// nets/data CIFAR-10/100 binary reader and seeded image augmentations: small files
// written here (raw and gzip) read back exactly; every bad file (empty, missing,
// truncated, wrong kind, bad label, cut gzip) named with its file and byte; a seeded
// random-bytes sweep of the parser; the augmentations on hand-made images with exact
// expected outputs, their identities (pad 0, flip twice, rotation by 0 / 360), their
// draws (same seed, same output; flip frequency, crop offsets uniform) and their
// parameter checks; the affine transform (exact shifts, clockwise angle, scale and shear
// worked out from the inverse map, RandomAffine's draws) and the colour jitter
// (brightness, contrast to the mean grey, saturation, hue turns of pure colours, the
// drawn order and factors), each also against a mutated expectation.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "nets/data/augmentation.hpp"
#include "nets/data/cifar_reader.hpp"
#include "nets/data/sampling.hpp"
#include "optim/core/random.hpp"
#include "tests/nets/data/data_file_error.hpp"
#include "tests/support/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
namespace nd = ov::nets::data;
using Bytes = std::vector<std::uint8_t>;
using ov::optim::SplitMix64;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

fs::path scratch() {
  static const ov::testing::ScratchDir dir("ov_cifar_test_");
  return dir.path();
}

std::string write_raw(const std::string& name, const Bytes& bytes) {
  const std::string path = (scratch() / name).string();
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return path;
}

std::string write_gz(const std::string& name, const Bytes& bytes) {
  const std::string path = (scratch() / name).string();
  gzFile f = gzopen(path.c_str(), "wb");
  EXPECT_NE(f, nullptr);
  if (!bytes.empty()) {
    EXPECT_EQ(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())), static_cast<int>(bytes.size()));
  }
  gzclose(f);
  return path;
}

// The pixels of image `salt`: a pattern that differs between channels, rows, columns and images.
Bytes image_pixels(unsigned salt) {
  Bytes p(3072);
  for (std::size_t k = 0; k < p.size(); ++k) p[k] = static_cast<std::uint8_t>((k * 37 + salt * 101 + (k >> 5)) & 0xff);
  return p;
}

// CIFAR-10 records: one label byte, then the 3072 pixels of image i.
Bytes cifar10_file(const Bytes& labels) {
  Bytes b;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    b.push_back(labels[i]);
    const Bytes p = image_pixels(static_cast<unsigned>(i));
    b.insert(b.end(), p.begin(), p.end());
  }
  return b;
}

// CIFAR-100 records: coarse label, fine label, then the 3072 pixels.
Bytes cifar100_file(const Bytes& coarse, const Bytes& fine) {
  Bytes b;
  for (std::size_t i = 0; i < fine.size(); ++i) {
    b.push_back(coarse[i]);
    b.push_back(fine[i]);
    const Bytes p = image_pixels(static_cast<unsigned>(i));
    b.insert(b.end(), p.begin(), p.end());
  }
  return b;
}

using ov::nets::data::test_support::file_error;

template <class F>
std::string invalid_argument(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  ADD_FAILURE() << "no std::invalid_argument";
  return "";
}

void expect_pixels_of_records(const nd::ImageSet& set) {
  ASSERT_EQ(set.channels, 3);
  ASSERT_EQ(set.rows, 32);
  ASSERT_EQ(set.cols, 32);
  ASSERT_EQ(set.pixels.size(), set.count() * 3072);
  for (std::size_t i = 0; i < set.count(); ++i) {
    const Bytes p = image_pixels(static_cast<unsigned>(i));
    ASSERT_TRUE(Bytes(set.image(i), set.image(i) + 3072) == p) << "image " << i;
    // CHW: red plane first, then green, then blue, each row-major.
    EXPECT_EQ(set.at(i, 0, 0, 0), p[0]);
    EXPECT_EQ(set.at(i, 0, 1, 0), p[32]);
    EXPECT_EQ(set.at(i, 1, 0, 0), p[1024]);
    EXPECT_EQ(set.at(i, 2, 31, 31), p[3071]);
  }
}

// ---------------------------------------------------------------- reading good files

TEST(NetsDataCifar, Cifar10FileIsReadExactly) {
  const Bytes labels = {0, 9, 5};
  const Bytes bytes = cifar10_file(labels);
  ASSERT_EQ(bytes.size(), 3u * 3073);
  const std::string path = write_raw("data_batch_1.bin", bytes);
  const nd::ImageSet set = nd::read_cifar_binary(path, nd::CifarKind::cifar10);
  EXPECT_EQ(set.file, path);
  EXPECT_EQ(set.count(), 3u);
  EXPECT_EQ(set.labels, labels);
  EXPECT_TRUE(set.coarse_labels.empty());
  expect_pixels_of_records(set);
  // The same from memory and from a gzip-compressed copy.
  const nd::ImageSet mem = nd::parse_cifar_binary(bytes.data(), bytes.size(), nd::CifarKind::cifar10, "mem");
  EXPECT_EQ(mem.file, "mem");
  EXPECT_EQ(mem.pixels, set.pixels);
  EXPECT_EQ(mem.labels, set.labels);
  const nd::ImageSet gz = nd::read_cifar_binary(write_gz("data_batch_1.bin.gz", bytes), nd::CifarKind::cifar10);
  EXPECT_EQ(gz.pixels, set.pixels);
  EXPECT_EQ(gz.labels, set.labels);
  EXPECT_EQ(nd::cifar_record_size(nd::CifarKind::cifar10), 3073u);
}

TEST(NetsDataCifar, Cifar100FileIsReadExactly) {
  const Bytes coarse = {0, 19, 7, 3}, fine = {99, 0, 42, 17};
  const Bytes bytes = cifar100_file(coarse, fine);
  const std::string path = write_raw("train.bin", bytes);
  const nd::ImageSet set = nd::read_cifar_binary(path, nd::CifarKind::cifar100);
  EXPECT_EQ(set.count(), 4u);
  EXPECT_EQ(set.labels, fine);
  EXPECT_EQ(set.coarse_labels, coarse);
  expect_pixels_of_records(set);
  EXPECT_EQ(nd::cifar_record_size(nd::CifarKind::cifar100), 3074u);
}

TEST(NetsDataCifar, LargeGzipFileCrossesReadChunks) {
  // 1400 records = 4.3 MB: more than the reader's 4 MiB chunk.
  Bytes labels(1400);
  for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = static_cast<std::uint8_t>(i % 10);
  const Bytes bytes = cifar10_file(labels);
  const nd::ImageSet set = nd::read_cifar_binary(write_gz("big.bin.gz", bytes), nd::CifarKind::cifar10);
  EXPECT_EQ(set.labels, labels);
  EXPECT_EQ(set.pixels.size(), 1400u * 3072);
  EXPECT_TRUE(Bytes(set.image(1399), set.image(1399) + 3072) == image_pixels(1399));
}

// ---------------------------------------------------------------- bad files

TEST(NetsDataCifar, EmptyAndMissingFilesNameTheFile) {
  const std::string empty = write_raw("empty.bin", {});
  const auto e = file_error([&] { nd::read_cifar_binary(empty, nd::CifarKind::cifar10); });
  EXPECT_EQ(e.file(), empty);
  EXPECT_EQ(e.byte(), 0);
  EXPECT_TRUE(contains(e.what(), empty + ": byte 0: empty file (CIFAR-10 binary, records of 3073 bytes)")) << e.what();
  const auto e2 = file_error([&] { nd::parse_cifar_binary(nullptr, 0, nd::CifarKind::cifar100, "none.bin"); });
  EXPECT_EQ(e2.byte(), 0);
  EXPECT_TRUE(contains(e2.what(), "none.bin: byte 0: empty file (CIFAR-100")) << e2.what();
  const std::string missing = (scratch() / "no-such.bin").string();
  const auto e3 = file_error([&] { nd::read_cifar_binary(missing, nd::CifarKind::cifar10); });
  EXPECT_EQ(e3.file(), missing);
  EXPECT_LT(e3.byte(), 0);
  EXPECT_TRUE(contains(e3.what(), missing + ": cannot open (No such file or directory)")) << e3.what();
  EXPECT_TRUE(contains(invalid_argument([] { nd::parse_cifar_binary(nullptr, 5, nd::CifarKind::cifar10, "x"); }),
                       "data is null"));
}

TEST(NetsDataCifar, TruncatedFileNamesTheStartOfTheCutRecord) {
  Bytes bytes = cifar10_file({1, 2, 3});
  bytes.resize(2 * 3073 + 100);
  const std::string path = write_raw("cut.bin", bytes);
  const auto e = file_error([&] { nd::read_cifar_binary(path, nd::CifarKind::cifar10); });
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.byte(), 2 * 3073);
  EXPECT_TRUE(contains(e.what(), path + ": byte 6146: file ends inside record 2 after 100 of its 3073 bytes"))
      << e.what();
  EXPECT_FALSE(contains(e.what(), "a CIFAR-100 file?")) << e.what();
  // One byte: the first record is cut.
  const auto e2 = file_error([&] { nd::parse_cifar_binary(bytes.data(), 1, nd::CifarKind::cifar10, "one.bin"); });
  EXPECT_EQ(e2.byte(), 0);
  // CIFAR-100 records read as CIFAR-10, and the other way round: cut records, with a hint.
  const Bytes c100 = cifar100_file({1, 2}, {3, 4});
  const auto e3 = file_error([&] { nd::parse_cifar_binary(c100.data(), c100.size(), nd::CifarKind::cifar10, "c100"); });
  EXPECT_EQ(e3.byte(), 6146);
  EXPECT_TRUE(contains(e3.what(), "multiple of 3074: a CIFAR-100 file?")) << e3.what();
  const Bytes c10 = cifar10_file({1, 2, 3});
  const auto e4 = file_error([&] { nd::parse_cifar_binary(c10.data(), c10.size(), nd::CifarKind::cifar100, "c10"); });
  EXPECT_EQ(e4.byte(), 2 * 3074);
  EXPECT_TRUE(contains(e4.what(), "record 2 after 3071 of its 3074 bytes")) << e4.what();
  EXPECT_TRUE(contains(e4.what(), "a CIFAR-10 file?")) << e4.what();
  // The size is checked before the labels: a cut file with a bad label reports the cut.
  Bytes both = cifar10_file({12, 2});
  both.pop_back();
  EXPECT_EQ(file_error([&] { nd::parse_cifar_binary(both.data(), both.size(), nd::CifarKind::cifar10, "b"); }).byte(),
            3073);
}

TEST(NetsDataCifar, BadLabelsNameTheirByte) {
  const std::string path = write_raw("bad10.bin", cifar10_file({3, 9, 10}));
  const auto e = file_error([&] { nd::read_cifar_binary(path, nd::CifarKind::cifar10); });
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.byte(), 2 * 3073);
  EXPECT_TRUE(contains(e.what(), path + ": byte 6146: label 10 of image 2 is invalid (valid: 0..9)")) << e.what();
  const Bytes b255 = cifar10_file({255});
  EXPECT_TRUE(contains(
      file_error([&] { nd::parse_cifar_binary(b255.data(), b255.size(), nd::CifarKind::cifar10, "m"); }).what(),
      "m: byte 0: label 255 of image 0"));
  // CIFAR-100: coarse > 19 at the record's first byte, fine > 99 at its second.
  const std::string coarse = write_raw("bad-coarse.bin", cifar100_file({19, 20, 0}, {99, 5, 5}));
  const auto e2 = file_error([&] { nd::read_cifar_binary(coarse, nd::CifarKind::cifar100); });
  EXPECT_EQ(e2.byte(), 3074);
  EXPECT_TRUE(contains(e2.what(), coarse + ": byte 3074: coarse label 20 of image 1 is invalid (valid: 0..19)"))
      << e2.what();
  const std::string fine = write_raw("bad-fine.bin", cifar100_file({0, 1, 2}, {0, 1, 100}));
  const auto e3 = file_error([&] { nd::read_cifar_binary(fine, nd::CifarKind::cifar100); });
  EXPECT_EQ(e3.byte(), 2 * 3074 + 1);
  EXPECT_TRUE(contains(e3.what(), fine + ": byte 6149: fine label 100 of image 2 is invalid (valid: 0..99)"))
      << e3.what();
  // Two bad labels: the first in file order is reported (fine of image 1 before coarse of image 2).
  const Bytes two = cifar100_file({0, 0, 30}, {0, 120, 0});
  EXPECT_EQ(file_error([&] { nd::parse_cifar_binary(two.data(), two.size(), nd::CifarKind::cifar100, "t"); }).byte(),
            3075);
  // Gzip: the offset is in the uncompressed stream.
  const auto e4 = file_error([&] { nd::read_cifar_binary(write_gz("bad10.bin.gz", cifar10_file({3, 11})), nd::CifarKind::cifar10); });
  EXPECT_EQ(e4.byte(), 3073);
}

TEST(NetsDataCifar, CutAndCorruptGzipStreamsAreReported) {
  const std::string whole = write_gz("whole.bin.gz", cifar10_file({1, 2, 3, 4, 5, 6, 7, 8}));
  std::ifstream in(whole, std::ios::binary);
  const std::string compressed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string cut = (scratch() / "cut.bin.gz").string();
  std::ofstream(cut, std::ios::binary).write(compressed.data(), static_cast<std::streamsize>(compressed.size() / 2));
  const auto e = file_error([&] { nd::read_cifar_binary(cut, nd::CifarKind::cifar10); });
  EXPECT_EQ(e.file(), cut);
  EXPECT_GE(e.byte(), 0);
  EXPECT_TRUE(contains(e.what(), cut + ": byte ")) << e.what();
  std::string flipped = compressed;
  for (std::size_t i = 20; i < 60 && i < flipped.size(); ++i) flipped[i] = static_cast<char>(flipped[i] ^ 0x5a);
  const std::string bad = (scratch() / "flipped.bin.gz").string();
  std::ofstream(bad, std::ios::binary).write(flipped.data(), static_cast<std::streamsize>(flipped.size()));
  const auto e2 = file_error([&] { nd::read_cifar_binary(bad, nd::CifarKind::cifar10); });
  EXPECT_GE(e2.byte(), 0);
  EXPECT_TRUE(contains(e2.what(), bad + ": byte ")) << e2.what();
}

// A seeded sweep standing in for the fuzz target: random sizes and bytes either parse
// to size / record images with every label in range, or throw DataFileError with a byte
// inside the data; nothing else happens.
TEST(NetsDataCifar, RandomBytesParseOrFailCleanly) {
  SplitMix64 rng(2026);
  int parsed = 0, failed = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const auto kind = trial % 2 == 0 ? nd::CifarKind::cifar10 : nd::CifarKind::cifar100;
    const std::size_t record = nd::cifar_record_size(kind);
    const std::size_t size = trial % 3 == 0 ? record * rng.below(4) : rng.below(4 * record);
    Bytes b(size);
    for (auto& v : b) v = static_cast<std::uint8_t>(rng.next() >> 56);
    // Labels usually in range, so that both outcomes occur.
    for (std::size_t at = 0; at < size; at += record) {
      if (rng.below(8) != 0) b[at] = static_cast<std::uint8_t>(rng.below(20));
      if (kind == nd::CifarKind::cifar100 && at + 1 < size && rng.below(8) != 0) b[at + 1] = static_cast<std::uint8_t>(rng.below(100));
    }
    try {
      const nd::ImageSet s = nd::parse_cifar_binary(b.data(), b.size(), kind, "fuzz");
      ++parsed;
      ASSERT_EQ(s.count() * record, size);
      ASSERT_EQ(s.pixels.size(), s.count() * 3072);
      for (auto l : s.labels) ASSERT_LE(l, kind == nd::CifarKind::cifar10 ? 9 : 99);
      for (auto l : s.coarse_labels) ASSERT_LE(l, 19);
    } catch (const nd::DataFileError& e) {
      ++failed;
      ASSERT_EQ(e.file(), "fuzz");
      ASSERT_GE(e.byte(), 0);
      ASSERT_LE(static_cast<std::size_t>(e.byte()), size);
    }
  }
  EXPECT_GT(parsed, 20);
  EXPECT_GT(failed, 20);
}

// ---------------------------------------------------------------- augmentations

// 1 x 3 x 3 with values 1..9 row-major.
nd::ImageU8 nine() { return nd::ImageU8(1, 3, 3, {1, 2, 3, 4, 5, 6, 7, 8, 9}); }

nd::ImageU8 patterned(int c, int r, int x, unsigned salt) {
  std::vector<std::uint8_t> v(static_cast<std::size_t>(c * r * x));
  for (std::size_t k = 0; k < v.size(); ++k) v[k] = static_cast<std::uint8_t>(1 + (k * 31 + salt * 7) % 255);
  return nd::ImageU8(c, r, x, v);
}

TEST(NetsDataAugmentation, CropWithPaddingOnA3x3Image) {
  const nd::ImageU8 a = nine();
  EXPECT_EQ(nd::crop_padded(a, 1, 0, 0).data, (Bytes{0, 0, 0, 0, 1, 2, 0, 4, 5}));
  EXPECT_EQ(nd::crop_padded(a, 1, 2, 2).data, (Bytes{5, 6, 0, 8, 9, 0, 0, 0, 0}));
  EXPECT_EQ(nd::crop_padded(a, 1, 0, 2).data, (Bytes{0, 0, 0, 2, 3, 0, 5, 6, 0}));
  EXPECT_EQ(nd::crop_padded(a, 1, 1, 1), a);  // the centre window
  EXPECT_EQ(nd::crop_padded(a, 0, 0, 0), a);  // pad 0: identity
  EXPECT_EQ(nd::crop_padded(a, 4, 0, 0).data, Bytes(9, 0));  // shifted out entirely
  // Channels move together.
  const nd::ImageU8 two(2, 1, 2, {1, 2, 3, 4});
  EXPECT_EQ(nd::crop_padded(two, 1, 1, 0).data, (Bytes{0, 1, 0, 3}));
  // Float images the same way.
  const nd::ImageF f(1, 1, 3, {0.5f, -1.0f, 2.0f});
  EXPECT_EQ(nd::crop_padded(f, 1, 1, 2).data, (std::vector<float>{-1.0f, 2.0f, 0.0f}));
  // pad 0: random_crop is the identity for every seed.
  const nd::ImageU8 big = patterned(3, 32, 32, 1);
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    SplitMix64 rng(seed);
    EXPECT_EQ(nd::random_crop(big, 0, rng), big);
  }
}

TEST(NetsDataAugmentation, RandomCropDrawsTopThenLeftUniformly) {
  const nd::ImageU8 a = patterned(3, 32, 32, 2);
  SplitMix64 rng(7), copy(7);
  const nd::ImageU8 out = nd::random_crop(a, 4, rng);
  const int top = static_cast<int>(copy.below(9)), left = static_cast<int>(copy.below(9));
  EXPECT_EQ(out, nd::crop_padded(a, 4, top, left));
  EXPECT_EQ(rng.state(), copy.state());
  // Offsets over 9000 seeds: each of the 81 (top, left) pairs about 9000/81 = 111 times
  // (binomial sd 10.5; bound 5 sd).
  std::vector<int> hits(81, 0);
  for (std::uint64_t seed = 0; seed < 9000; ++seed) {
    SplitMix64 r(seed);
    const int t = static_cast<int>(r.below(9));
    const int l = static_cast<int>(r.below(9));
    ++hits[static_cast<std::size_t>(t * 9 + l)];
  }
  const double mean = 9000.0 / 81, sd = std::sqrt(9000.0 * (1.0 / 81) * (80.0 / 81));
  for (int k = 0; k < 81; ++k) EXPECT_NEAR(hits[static_cast<std::size_t>(k)], mean, 5 * sd) << k;
}

TEST(NetsDataAugmentation, HorizontalFlipIsExactAndAnInvolution) {
  EXPECT_EQ(nd::horizontal_flip(nine()).data, (Bytes{3, 2, 1, 6, 5, 4, 9, 8, 7}));
  const nd::ImageU8 a = patterned(3, 5, 4, 3);
  EXPECT_EQ(nd::horizontal_flip(nd::horizontal_flip(a)), a);
  EXPECT_NE(nd::horizontal_flip(a), a);
  const nd::ImageF f(2, 1, 2, {1.0f, 2.0f, 3.0f, 4.0f});
  EXPECT_EQ(nd::horizontal_flip(f).data, (std::vector<float>{2.0f, 1.0f, 4.0f, 3.0f}));
}

TEST(NetsDataAugmentation, RandomFlipHasProbabilityOneHalf) {
  // 10000 seeds: the flip count is Binomial(10000, 1/2), mean 5000, sd 50; bound 5 sd.
  const nd::ImageU8 a = patterned(1, 2, 3, 4);
  const nd::ImageU8 flipped = nd::horizontal_flip(a);
  int flips = 0;
  for (std::uint64_t seed = 0; seed < 10000; ++seed) {
    SplitMix64 rng(seed);
    const nd::ImageU8 out = nd::random_horizontal_flip(a, rng);
    ASSERT_TRUE(out == a || out == flipped);
    flips += out == flipped ? 1 : 0;
    SplitMix64 again(seed);
    ASSERT_EQ(nd::random_horizontal_flip(a, again), out);  // same seed, same output
  }
  EXPECT_NEAR(flips, 5000, 250);
  // p = 0 never flips, p = 1 always; one draw either way.
  SplitMix64 rng(3), copy(3);
  EXPECT_EQ(nd::random_horizontal_flip(a, rng, 0.0), a);
  EXPECT_EQ(nd::random_horizontal_flip(a, rng, 1.0), flipped);
  copy.next();
  copy.next();
  EXPECT_EQ(rng.state(), copy.state());
}

TEST(NetsDataAugmentation, RotationByMultiplesOf90IsExact) {
  const nd::ImageU8 a = nine();
  EXPECT_EQ(nd::rotate(a, 0.0), a);
  EXPECT_EQ(nd::rotate(a, 360.0), a);
  EXPECT_EQ(nd::rotate(a, -720.0), a);
  // Counter-clockwise: the right column becomes the top row.
  EXPECT_EQ(nd::rotate(a, 90.0).data, (Bytes{3, 6, 9, 2, 5, 8, 1, 4, 7}));
  EXPECT_EQ(nd::rotate(a, 180.0).data, (Bytes{9, 8, 7, 6, 5, 4, 3, 2, 1}));
  EXPECT_EQ(nd::rotate(a, -90.0).data, (Bytes{7, 4, 1, 8, 5, 2, 9, 6, 3}));
  EXPECT_EQ(nd::rotate(a, 270.0), nd::rotate(a, -90.0));
  // Even sizes (centre between pixels) and several channels.
  const nd::ImageU8 b = patterned(3, 4, 4, 5);
  EXPECT_EQ(nd::rotate(nd::rotate(b, 90.0), -90.0), b);
  EXPECT_EQ(nd::rotate(nd::rotate(b, 90.0), 90.0), nd::rotate(b, 180.0));
  // 180 degrees on a non-square image: out(r, x) = in(rows - 1 - r, cols - 1 - x).
  const nd::ImageU8 r(1, 2, 4, {1, 2, 3, 4, 5, 6, 7, 8});
  EXPECT_EQ(nd::rotate(r, 180.0).data, (Bytes{8, 7, 6, 5, 4, 3, 2, 1}));
  // 90 degrees on 3 x 5: the columns outside the rotated 5 x 3 are zero-filled;
  // out(r, x) = in(x - 1, 3 - r) for x = 1..3.
  std::vector<std::uint8_t> v(15);
  for (int k = 0; k < 15; ++k) v[static_cast<std::size_t>(k)] = static_cast<std::uint8_t>(k + 1);
  EXPECT_EQ(nd::rotate(nd::ImageU8(1, 3, 5, v), 90.0).data,
            (Bytes{0, 4, 9, 14, 0, 0, 3, 8, 13, 0, 0, 2, 7, 12, 0}));
}

TEST(NetsDataAugmentation, RotationBy45IsNearestNeighbour) {
  // 3 x 3 by 45 degrees counter-clockwise: the ring of eight moves one step
  // (worked out by hand from the sampling formula; no rounding ties).
  EXPECT_EQ(nd::rotate(nine(), 45.0).data, (Bytes{2, 3, 6, 1, 5, 9, 4, 7, 8}));
  EXPECT_EQ(nd::rotate(nine(), -45.0).data, (Bytes{4, 1, 2, 7, 5, 3, 8, 9, 6}));
  // Corners of a 5 x 5 leave the image at 45 degrees: zero fill.
  const nd::ImageU8 full(1, 5, 5, Bytes(25, 200));
  const nd::ImageU8 out = nd::rotate(full, 45.0);
  EXPECT_EQ(out.at(0, 0, 0), 0);
  EXPECT_EQ(out.at(0, 2, 2), 200);
  // Floats the same way.
  const nd::ImageF f(1, 3, 3, {1, 2, 3, 4, 5, 6, 7, 8, 9});
  EXPECT_EQ(nd::rotate(f, 45.0).data, (std::vector<float>{2, 3, 6, 1, 5, 9, 4, 7, 8}));
}

TEST(NetsDataAugmentation, RandomRotationAngleIsUniformAndSeeded) {
  const nd::ImageU8 a = patterned(3, 8, 8, 6);
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    SplitMix64 rng(seed);
    EXPECT_EQ(nd::random_rotation(a, 0.0, rng), a);  // degrees 0: identity
  }
  double sum = 0;
  double lo = 1e9, hi = -1e9;
  const int n = 10000;
  for (int seed = 0; seed < n; ++seed) {
    SplitMix64 rng(static_cast<std::uint64_t>(seed)), copy(static_cast<std::uint64_t>(seed));
    const double t = nd::draw_rotation_angle(20.0, rng);
    ASSERT_GE(t, -20.0);
    ASSERT_LT(t, 20.0);
    sum += t;
    lo = std::min(lo, t);
    hi = std::max(hi, t);
    if (seed < 50) {
      SplitMix64 again(static_cast<std::uint64_t>(seed));
      ASSERT_EQ(nd::random_rotation(a, 20.0, again), nd::rotate(a, t));
      ASSERT_EQ(again.state(), rng.state());
    }
  }
  // Uniform on [-20, 20): mean 0, sd 20 / sqrt(3); the mean of 10000 within 5 s.e.
  EXPECT_NEAR(sum / n, 0.0, 5 * 20 / std::sqrt(3.0) / std::sqrt(static_cast<double>(n)));
  EXPECT_LT(lo, -19.9);
  EXPECT_GT(hi, 19.9);
}

TEST(NetsDataAugmentation, NormalizeIsToTensorThenNormalize) {
  const nd::ImageU8 a(3, 1, 2, {0, 255, 255, 0, 51, 102});
  const nd::ImageF out = nd::normalize(a, {0.5, 0.5, 0.2}, {0.5, 0.25, 0.2});
  ASSERT_EQ(out.channels, 3);
  EXPECT_EQ(out.data, (std::vector<float>{-1.0f, 1.0f, 2.0f, -2.0f, 0.0f, (102.0f / 255.0f - 0.2f) / 0.2f}));
  // The MBT constants (mean 0.4914, 0.4822, 0.4465; std 0.2023, 0.1994, 0.2010), in float.
  const nd::ImageU8 img = patterned(3, 4, 4, 8);
  const std::vector<double> mean = {0.4914, 0.4822, 0.4465}, sd = {0.2023, 0.1994, 0.2010};
  const nd::ImageF n = nd::normalize(img, mean, sd);
  for (int c = 0; c < 3; ++c) {
    for (int r = 0; r < 4; ++r) {
      for (int x = 0; x < 4; ++x) {
        const float want = (static_cast<float>(img.at(c, r, x)) / 255.0f - static_cast<float>(mean[c])) /
                           static_cast<float>(sd[c]);
        ASSERT_EQ(n.at(c, r, x), want);
      }
    }
  }
  // The float overload is Normalize alone.
  const nd::ImageF f(1, 1, 2, {1.0f, 0.0f});
  EXPECT_EQ(nd::normalize(f, {0.5}, {0.25}).data, (std::vector<float>{2.0f, -2.0f}));
}

TEST(NetsDataAugmentation, CropThenFlipIsSeededAndReproducible) {
  const nd::ImageU8 a = patterned(3, 32, 32, 9);
  int differ = 0;
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    SplitMix64 r1(nd::derive_seed(seed, 3)), r2(nd::derive_seed(seed, 3)), manual(nd::derive_seed(seed, 3));
    const nd::ImageU8 out = nd::random_crop_flip(a, 4, r1);
    ASSERT_EQ(nd::random_crop_flip(a, 4, r2), out);
    const nd::ImageU8 cropped = nd::random_crop(a, 4, manual);
    ASSERT_EQ(nd::random_horizontal_flip(cropped, manual), out);
    ASSERT_EQ(manual.state(), r1.state());
    differ += out != a ? 1 : 0;
  }
  // The identity needs top = left = 4 and no flip: probability 1/162.
  EXPECT_GT(differ, 90);
}

TEST(NetsDataAugmentation, ImageOfASetIsItsChwImage) {
  const Bytes bytes = cifar10_file({4, 7});
  const nd::ImageSet set = nd::parse_cifar_binary(bytes.data(), bytes.size(), nd::CifarKind::cifar10, "m");
  const nd::ImageU8 im = nd::image_of(set, 1);
  EXPECT_EQ(im.channels, 3);
  EXPECT_EQ(im.rows, 32);
  EXPECT_EQ(im.cols, 32);
  EXPECT_EQ(im.data, image_pixels(1));
  EXPECT_THROW(nd::image_of(set, 2), std::out_of_range);
}

TEST(NetsDataAugmentation, InvalidParametersAreNamed) {
  const nd::ImageU8 a = nine();
  SplitMix64 rng(1);
  EXPECT_TRUE(contains(invalid_argument([&] { nd::crop_padded(a, -1, 0, 0); }), "pad = -1"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::crop_padded(a, 1, 3, 0); }), "top = 3, left = 0 are invalid (valid: 0..2 pad = 0..2)"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::random_crop(a, -2, rng); }), "random_crop: pad = -2"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::random_horizontal_flip(a, rng, 1.5); }), "p = 1.5"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::random_horizontal_flip(a, rng, std::nan("")); }), "p = nan"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::rotate(a, std::nan("")); }), "rotate: degrees = nan"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::random_rotation(a, -1.0, rng); }), "degrees = -1"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::random_rotation(a, HUGE_VAL, rng); }), "degrees = inf"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::horizontal_flip(nd::ImageU8(1, 2, 2, {1, 2, 3})); }),
                       "image holds 3 values, but 1 x 2 x 2 = 4"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::rotate(nd::ImageU8(0, 2, 2, {}), 0.0); }), "image is 0 x 2 x 2"));
  const nd::ImageU8 rgb = patterned(3, 2, 2, 1);
  EXPECT_TRUE(contains(invalid_argument([&] { nd::normalize(rgb, {0.5, 0.5, 0.5}, {0.2, 0.0, 0.2}); }),
                       "sd of channel 1 = 0 is invalid"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::normalize(rgb, {0.5, 0.5, 0.5}, {0.2, 0.2, -3.0}); }),
                       "sd of channel 2 = -3"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::normalize(rgb, {0.5, 0.5, 0.5}, {std::nan(""), 1.0, 1.0}); }),
                       "sd of channel 0 = nan"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::normalize(rgb, {0.5, HUGE_VAL, 0.5}, {1.0, 1.0, 1.0}); }),
                       "mean of channel 1 = inf"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::normalize(rgb, {0.5}, {1.0}); }),
                       "mean has 1 and sd 1 entries, the image 3 channels"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::normalize(rgb, {0.5, 0.5, 0.5}, {1e-50, 1.0, 1.0}); }),
                       "sd of channel 0 = 1e-50 is invalid"));  // positive, but 0 in float
}

// ---------------------------------------------------------------- affine (RandomAffine)

// The shift of a one-channel image by (dx right, dy down) pixels with zero fill, written
// from the definition out(r, x) = in(r - dy, x - dx): the reference for integer translations.
nd::ImageU8 shifted(const nd::ImageU8& in, int dx, int dy) {
  nd::ImageU8 out(in.channels, in.rows, in.cols, Bytes(in.size(), 0));
  for (int c = 0; c < in.channels; ++c)
    for (int r = 0; r < in.rows; ++r)
      for (int x = 0; x < in.cols; ++x) {
        const int sr = r - dy, sx = x - dx;
        if (sr >= 0 && sr < in.rows && sx >= 0 && sx < in.cols) out.at(c, r, x) = in.at(c, sr, sx);
      }
  return out;
}

nd::AffineParams translation(double dx, double dy) {
  nd::AffineParams p;
  p.translate_x = dx;
  p.translate_y = dy;
  return p;
}

TEST(NetsDataAffine, IntegerTranslationsAreExactShifts) {
  const nd::ImageU8 a(1, 3, 4, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
  // One pixel to the right: column 0 is filled with 0.
  EXPECT_EQ(nd::affine(a, translation(1, 0)).data, (Bytes{0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11}));
  // One pixel up (translate_y = -1: y points down).
  EXPECT_EQ(nd::affine(a, translation(0, -1)).data, (Bytes{5, 6, 7, 8, 9, 10, 11, 12, 0, 0, 0, 0}));
  for (int dx = -4; dx <= 4; ++dx) {
    for (int dy = -3; dy <= 3; ++dy) {
      const nd::ImageU8 out = nd::affine(a, translation(dx, dy));
      ASSERT_EQ(out, shifted(a, dx, dy)) << dx << ", " << dy;
      // Mutant: the opposite direction is a different image (for every non-zero shift).
      if ((dx != 0 || dy != 0) && std::abs(dx) < 4 && std::abs(dy) < 3) {  // not shifted out entirely
        ASSERT_NE(out, shifted(a, -dx, -dy)) << dx << ", " << dy;
      }
    }
  }
  // The identity, on several channels and floats.
  const nd::ImageU8 b = patterned(3, 5, 6, 2);
  EXPECT_EQ(nd::affine(b, nd::AffineParams{}), b);
  const nd::ImageF f(1, 1, 3, {0.25f, 0.5f, 0.75f});
  EXPECT_EQ(nd::affine(f, translation(-1, 0)).data, (std::vector<float>{0.5f, 0.75f, 0.0f}));
}

TEST(NetsDataAffine, AngleIsClockwiseAsTorchvisionAffine) {
  // F.affine turns clockwise on screen for angle > 0 (R(a) with y down): the top row of
  // the 3 x 3 becomes the right column, i.e. our counter-clockwise rotate by -90.
  const nd::ImageU8 a = nine();
  nd::AffineParams p;
  p.angle = 90;
  EXPECT_EQ(nd::affine(a, p).data, (Bytes{7, 4, 1, 8, 5, 2, 9, 6, 3}));
  EXPECT_EQ(nd::affine(a, p), nd::rotate(a, -90.0));
  EXPECT_NE(nd::affine(a, p), nd::rotate(a, 90.0));  // mutant: the other direction
  // Even size (centre between pixels) and several channels: same as rotate, exact.
  const nd::ImageU8 b = patterned(2, 4, 4, 3);
  for (const double angle : {90.0, 180.0, 270.0, -90.0, 360.0}) {
    p.angle = angle;
    EXPECT_EQ(nd::affine(b, p), nd::rotate(b, -angle)) << angle;
  }
}

TEST(NetsDataAffine, ScaleAndShearSampleTheInverseMap) {
  // Scale 2 about the centre (2, 2) of a 4 x 4: output column x samples the input at
  // 2 + (x + 1/2 - 2) / 2 = 1.25, 1.75, 2.25, 2.75 -> columns 1, 1, 2, 2 (same for rows).
  std::vector<std::uint8_t> v(16);
  for (int k = 0; k < 16; ++k) v[static_cast<std::size_t>(k)] = static_cast<std::uint8_t>(k + 1);
  const nd::ImageU8 a(1, 4, 4, v);
  nd::AffineParams zoom;
  zoom.scale = 2;
  EXPECT_EQ(nd::affine(a, zoom).data, (Bytes{6, 6, 7, 7, 6, 6, 7, 7, 10, 10, 11, 11, 10, 10, 11, 11}));
  // Scale 1/2: every other pixel, zero border: column x samples 2 + 2 (x + 1/2 - 2) = -1, 1, 3, 5.
  zoom.scale = 0.5;
  EXPECT_EQ(nd::affine(a, zoom).data, (Bytes{0, 0, 0, 0, 0, 6, 8, 0, 0, 14, 16, 0, 0, 0, 0, 0}));
  // Shear x by 45 degrees: the inverse map is u = x + 1/2 + tan(45) (r + 1/2 - 3/2) on a
  // 3-row image, so row r takes the input columns shifted by r - 1: row 0 moves right,
  // row 1 stays, row 2 moves left (u at half-integers: no rounding ties).
  const nd::ImageU8 b(1, 3, 3, {1, 2, 3, 4, 5, 6, 7, 8, 9});
  nd::AffineParams shear;
  shear.shear_x = 45;
  EXPECT_EQ(nd::affine(b, shear).data, (Bytes{0, 1, 2, 4, 5, 6, 8, 9, 0}));
  shear.shear_x = -45;  // mutant: the opposite shear is the mirror image of that
  EXPECT_EQ(nd::affine(b, shear).data, (Bytes{2, 3, 0, 4, 5, 6, 0, 7, 8}));
  // Shear y by 45: with angle 0 the forward 2 x 2 part is [[1, 0], [-tan sy, 1]], its
  // inverse [[1, 0], [tan sy, 1]]: v = r + 1/2 + (x + 1/2 - 3/2), so column x takes the
  // input rows shifted by x - 1: out(r, x) = in(r + x - 1, x).
  nd::AffineParams shear_y;
  shear_y.shear_y = 45;
  EXPECT_EQ(nd::affine(b, shear_y).data, (Bytes{0, 2, 6, 1, 5, 9, 4, 8, 0}));
}

// A uniform draw u mapped to [lo, hi) as the library defines it (torch's uniform_).
double in(double lo, double hi, double u) { return lo + (hi - lo) * u; }

TEST(NetsDataAffine, RandomAffineDrawsTorchvisionsParameters) {
  // RandomAffine(10): one uniform for the angle, in [-10, 10).
  const nd::RandomAffineOptions ten = nd::RandomAffineOptions::rotation(10);
  const nd::ImageU8 img = patterned(3, 32, 32, 4);
  int differ = 0;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    SplitMix64 rng(seed), copy(seed), again(seed);
    const nd::AffineParams p = nd::draw_affine_params(ten, 32, 32, rng);
    EXPECT_EQ(p.angle, in(-10, 10, copy.uniform()));
    EXPECT_EQ(rng.state(), copy.state());
    EXPECT_EQ(p.translate_x, 0);
    EXPECT_EQ(p.scale, 1);
    EXPECT_EQ(p.shear_x, 0);
    const nd::ImageU8 out = nd::random_affine(img, ten, again);
    EXPECT_EQ(out, nd::affine(img, p));
    SplitMix64 other(seed + 1000);
    differ += nd::random_affine(img, ten, other) != out ? 1 : 0;  // another seed
  }
  // Another seed gives another image unless both angles round to the same pixels
  // (angles near 0); most differ.
  EXPECT_GT(differ, 150);
  // Every option: draws in the order angle, dx, dy, scale, shear_x, shear_y.
  nd::RandomAffineOptions all;
  all.degrees_min = -5;
  all.degrees_max = 15;
  all.translate = std::make_pair(0.1, 0.2);
  all.scale = std::make_pair(0.9, 1.1);
  all.shear_x = std::make_pair(-3.0, 3.0);
  all.shear_y = std::make_pair(1.0, 2.0);
  std::vector<int> dx_hits(7, 0), dy_hits(13, 0);
  for (std::uint64_t seed = 0; seed < 4000; ++seed) {
    SplitMix64 rng(seed), copy(seed);
    const nd::AffineParams p = nd::draw_affine_params(all, 32, 32, rng);
    const double angle = in(-5, 15, copy.uniform());
    const double dx = std::nearbyint(in(-0.1 * 32, 0.1 * 32, copy.uniform()));  // max 3.2 pixels
    const double dy = std::nearbyint(in(-0.2 * 32, 0.2 * 32, copy.uniform()));  // max 6.4
    const double scale = in(0.9, 1.1, copy.uniform());
    const double sx = in(-3, 3, copy.uniform());
    const double sy = in(1, 2, copy.uniform());
    ASSERT_EQ(p.angle, angle);
    ASSERT_EQ(p.translate_x, dx);
    ASSERT_EQ(p.translate_y, dy);
    ASSERT_EQ(p.scale, scale);
    ASSERT_EQ(p.shear_x, sx);
    ASSERT_EQ(p.shear_y, sy);
    ASSERT_EQ(rng.state(), copy.state());
    ASSERT_TRUE(dx >= -3 && dx <= 3 && dy >= -6 && dy <= 6);
    ++dx_hits[static_cast<std::size_t>(dx + 3)];
    ++dy_hits[static_cast<std::size_t>(dy + 6)];
  }
  // Integer shifts: every value -3..3 and -6..6 occurs (the end values have probability
  // 0.3/6.4 and 0.1/12.8 ~ 0.008, expected 31 of 4000).
  for (int h : dx_hits) EXPECT_GT(h, 0);
  for (int h : dy_hits) EXPECT_GT(h, 0);
}

// ---------------------------------------------------------------- colour (ColorJitter)

// 3 x 1 x 2 RGB: pixel 0 = (0.8, 0.4, 0.2), pixel 1 = (0.1, 0.6, 0.3).
nd::ImageF two_pixels() { return nd::ImageF(3, 1, 2, {0.8f, 0.1f, 0.4f, 0.6f, 0.2f, 0.3f}); }

nd::ImageF solid(float r, float g, float b) { return nd::ImageF(3, 1, 1, {r, g, b}); }

TEST(NetsDataColor, BrightnessScalesAndClamps) {
  const nd::ImageF a = two_pixels();
  EXPECT_EQ(nd::adjust_brightness(a, 1.0), a);
  EXPECT_EQ(nd::adjust_brightness(a, 0.0).data, std::vector<float>(6, 0.0f));  // black
  const nd::ImageF half = nd::adjust_brightness(a, 0.5);
  const nd::ImageF twice = nd::adjust_brightness(a, 2.0);
  for (std::size_t k = 0; k < 6; ++k) {
    // One rounding of the double product to float.
    EXPECT_EQ(half.data[k], static_cast<float>(0.5 * a.data[k]));
    EXPECT_EQ(twice.data[k], std::min(1.0f, static_cast<float>(2.0 * a.data[k])));
  }
  EXPECT_EQ(twice.data[0], 1.0f);  // 1.6 clamped
  EXPECT_NE(half, nd::adjust_brightness(a, 0.6));  // mutant factor: another image
}

TEST(NetsDataColor, ContrastZeroGivesTheMeanGrey) {
  const nd::ImageF a = two_pixels();
  // gray = 0.2989 r + 0.587 g + 0.114 b of the float values, mean over the 2 pixels.
  const double g0 = 0.2989 * 0.8f + 0.587 * 0.4f + 0.114 * 0.2f;
  const double g1 = 0.2989 * 0.1f + 0.587 * 0.6f + 0.114 * 0.3f;
  const float mean = static_cast<float>((g0 + g1) / 2);
  EXPECT_EQ(nd::adjust_contrast(a, 0.0).data, std::vector<float>(6, mean));
  EXPECT_EQ(nd::adjust_contrast(a, 1.0), a);
  // Factor 2: 2 in - mean, clamped.
  const nd::ImageF c2 = nd::adjust_contrast(a, 2.0);
  for (std::size_t k = 0; k < 6; ++k) {
    EXPECT_EQ(c2.data[k], static_cast<float>(std::min(1.0, std::max(0.0, 2.0 * a.data[k] - (g0 + g1) / 2))));
  }
  // Mutant: the plain mean of all values instead of the grey mean is another value.
  const float plain = (0.8f + 0.1f + 0.4f + 0.6f + 0.2f + 0.3f) / 6;
  EXPECT_NE(nd::adjust_contrast(a, 0.0).data[0], plain);
  // One channel: the mean of the values themselves.
  const nd::ImageF g(1, 1, 2, {0.25f, 0.75f});
  EXPECT_EQ(nd::adjust_contrast(g, 0.0).data, (std::vector<float>{0.5f, 0.5f}));
}

TEST(NetsDataColor, SaturationBlendsWithThePixelsGrey) {
  const nd::ImageF a = two_pixels();
  const nd::ImageF grey = nd::adjust_saturation(a, 0.0);
  for (int x = 0; x < 2; ++x) {
    const double g = 0.2989 * a.at(0, 0, x) + 0.587 * a.at(1, 0, x) + 0.114 * a.at(2, 0, x);
    for (int c = 0; c < 3; ++c) EXPECT_EQ(grey.at(c, 0, x), static_cast<float>(g)) << c << x;
  }
  EXPECT_NE(grey.at(0, 0, 0), grey.at(0, 0, 1));  // per pixel, not the image mean (contrast)
  EXPECT_EQ(nd::adjust_saturation(a, 1.0), a);
  const nd::ImageF g1(1, 1, 2, {0.25f, 0.75f});
  EXPECT_EQ(nd::adjust_saturation(g1, 0.0), g1);  // one channel: unchanged (torchvision)
}

TEST(NetsDataColor, HueRotatesPureColours) {
  // Tolerance 1e-6: the HSV round trip is double arithmetic rounded to float once; the
  // pure colours below are exact up to that rounding (the sixths of a turn land on
  // integer sector boundaries).
  const auto near = [](const nd::ImageF& im, float r, float g, float b) {
    return std::fabs(im.data[0] - r) < 1e-6f && std::fabs(im.data[1] - g) < 1e-6f && std::fabs(im.data[2] - b) < 1e-6f;
  };
  const nd::ImageF red = solid(1, 0, 0);
  EXPECT_TRUE(near(nd::adjust_hue(red, 1.0 / 3), 0, 1, 0));   // red -> green
  EXPECT_TRUE(near(nd::adjust_hue(red, -1.0 / 3), 0, 0, 1));  // red -> blue
  EXPECT_TRUE(near(nd::adjust_hue(red, 0.5), 0, 1, 1));       // red -> cyan
  EXPECT_TRUE(near(nd::adjust_hue(red, 1.0 / 6), 1, 1, 0));   // red -> yellow
  EXPECT_FALSE(near(nd::adjust_hue(red, 1.0 / 3), 0, 0, 1));  // mutant: not blue (direction)
  EXPECT_TRUE(near(nd::adjust_hue(solid(0, 0.5f, 0), 1.0 / 3), 0, 0, 0.5f));  // dark green -> dark blue
  EXPECT_TRUE(near(nd::adjust_hue(red, 0.0), 1, 0, 0));
  // Grey and one-channel images are unchanged.
  EXPECT_EQ(nd::adjust_hue(solid(0.3f, 0.3f, 0.3f), 0.25), solid(0.3f, 0.3f, 0.3f));
  const nd::ImageF g1(1, 1, 2, {0.25f, 0.75f});
  EXPECT_EQ(nd::adjust_hue(g1, 0.4), g1);
  // A mixed colour: (0.8, 0.4, 0.2) has h = 1/18, s = 0.75, v = 0.8; + 1/2 gives
  // h = 5/9 (sector 3, f = 1/3): (p, q, v) = (0.2, 0.8 (1 - 0.25), 0.8) = (0.2, 0.6, 0.8).
  EXPECT_TRUE(near(nd::adjust_hue(solid(0.8f, 0.4f, 0.2f), 0.5), 0.2f, 0.6f, 0.8f));
  // A round trip returns to the start (to rounding).
  const nd::ImageF a = two_pixels();
  const nd::ImageF back = nd::adjust_hue(nd::adjust_hue(a, 0.37), -0.37);
  for (std::size_t k = 0; k < 6; ++k) EXPECT_NEAR(back.data[k], a.data[k], 1e-6) << k;
}

TEST(NetsDataColor, ColorJitterDrawsAnOrderThenTheFactors) {
  nd::ColorJitterOptions mbt;
  mbt.brightness = 0.2;
  mbt.contrast = 0.2;
  mbt.saturation = 0.1;
  mbt.hue = 0.1;
  std::vector<int> order_hits(24, 0);
  const int n = 24000;
  for (int seed = 0; seed < n; ++seed) {
    SplitMix64 rng(static_cast<std::uint64_t>(seed)), copy(static_cast<std::uint64_t>(seed));
    const nd::ColorJitterParams p = nd::draw_color_jitter(mbt, rng);
    std::vector<int> order{0, 1, 2, 3};
    copy.shuffle(order);
    ASSERT_TRUE(std::equal(order.begin(), order.end(), p.order.begin()));
    ASSERT_EQ(p.brightness, in(1 - 0.2, 1 + 0.2, copy.uniform()));
    ASSERT_EQ(p.contrast, in(1 - 0.2, 1 + 0.2, copy.uniform()));
    ASSERT_EQ(p.saturation, in(1 - 0.1, 1 + 0.1, copy.uniform()));
    ASSERT_EQ(p.hue, in(-0.1, 0.1, copy.uniform()));
    ASSERT_EQ(rng.state(), copy.state());
    // Lehmer code of the permutation, 0..23.
    int code = 0;
    for (int i = 0; i < 4; ++i) {
      int smaller = 0;
      for (int j = i + 1; j < 4; ++j) smaller += p.order[static_cast<std::size_t>(j)] < p.order[static_cast<std::size_t>(i)];
      code = code * (4 - i) + smaller;
    }
    ++order_hits[static_cast<std::size_t>(code)];
  }
  // Each of the 24 orders 1000 times in expectation (binomial sd 31; bound 5 sd).
  for (int h : order_hits) EXPECT_NEAR(h, 1000, 5 * std::sqrt(1000.0 * 23 / 24));
  // Zero parameters: no factor drawn (only the order's three draws), adjustments disabled.
  nd::ColorJitterOptions only_hue;
  only_hue.hue = 0.25;
  SplitMix64 rng(5), copy(5);
  const nd::ColorJitterParams p = nd::draw_color_jitter(only_hue, rng);
  std::vector<int> order{0, 1, 2, 3};
  copy.shuffle(order);
  EXPECT_EQ(p.hue, in(-0.25, 0.25, copy.uniform()));
  EXPECT_EQ(rng.state(), copy.state());
  EXPECT_EQ(p.enabled, (std::array<bool, 4>{{false, false, false, true}}));
  // brightness 1 draws from [0, 2): the lower end is clipped at 0.
  nd::ColorJitterOptions wide;
  wide.brightness = 1.5;
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    SplitMix64 r(seed);
    const double b = nd::draw_color_jitter(wide, r).brightness;
    ASSERT_GE(b, 0.0);
    ASSERT_LT(b, 2.5);
  }
}

TEST(NetsDataColor, ColorJitterAppliesTheAdjustmentsInTheDrawnOrder) {
  const nd::ImageF a = two_pixels();
  nd::ColorJitterParams p;
  p.enabled = {true, true, true, true};
  p.brightness = 1.3;
  p.contrast = 0.7;
  p.saturation = 1.1;
  p.hue = 0.05;
  p.order = {{3, 0, 2, 1}};
  const nd::ImageF by_hand =
      nd::adjust_contrast(nd::adjust_saturation(nd::adjust_brightness(nd::adjust_hue(a, 0.05), 1.3), 1.1), 0.7);
  EXPECT_EQ(nd::color_jitter(a, p), by_hand);
  p.order = {{1, 0, 2, 3}};  // mutant order: brightness after contrast clamps differently
  EXPECT_NE(nd::color_jitter(a, p), by_hand);
  // Disabled adjustments are skipped.
  p.enabled = {false, false, false, false};
  EXPECT_EQ(nd::color_jitter(a, p), a);
  // random_color_jitter = color_jitter of the drawn parameters.
  nd::ColorJitterOptions o;
  o.brightness = 0.2;
  o.contrast = 0.2;
  o.saturation = 0.1;
  o.hue = 0.1;
  SplitMix64 r1(9), r2(9);
  EXPECT_EQ(nd::random_color_jitter(a, o, r1), nd::color_jitter(a, nd::draw_color_jitter(o, r2)));
}

TEST(NetsDataColor, ToUnitFloatIsToTensor) {
  const nd::ImageU8 a(1, 1, 3, {0, 51, 255});
  EXPECT_EQ(nd::to_unit_float(a).data, (std::vector<float>{0.0f, 51.0f / 255.0f, 1.0f}));
}

TEST(NetsDataColor, InvalidParametersAreNamed) {
  const nd::ImageF a = two_pixels();
  SplitMix64 rng(1);
  EXPECT_TRUE(contains(invalid_argument([&] { nd::adjust_brightness(a, -0.1); }), "adjust_brightness: factor = -0.1"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::adjust_hue(a, 0.6); }), "factor = 0.6 is invalid (valid: -0.5 <= factor <= 0.5)"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::adjust_contrast(a, std::nan("")); }), "factor = nan"));
  nd::ImageF bad = a;
  bad.at(2, 0, 1) = 1.5f;
  EXPECT_TRUE(contains(invalid_argument([&] { nd::adjust_saturation(bad, 1.0); }),
                       "value 1.5 at channel 2, row 0, column 1 is outside [0, 1]"));
  bad.at(2, 0, 1) = std::nanf("");
  EXPECT_TRUE(contains(invalid_argument([&] { nd::adjust_brightness(bad, 1.0); }), "value nan at channel 2"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::adjust_hue(nd::ImageF(2, 1, 1, {0.1f, 0.2f}), 0.1); }),
                       "image has 2 channels (valid: 1 or 3)"));
  nd::ColorJitterOptions o;
  o.hue = 0.7;
  EXPECT_TRUE(contains(invalid_argument([&] { nd::draw_color_jitter(o, rng); }), "hue = 0.7 is invalid (valid: 0 <= hue <= 0.5)"));
  o.hue = 0;
  o.saturation = -1;
  EXPECT_TRUE(contains(invalid_argument([&] { o.validate(); }), "saturation = -1"));
  nd::ColorJitterParams p;
  p.order = {{0, 0, 1, 2}};
  EXPECT_TRUE(contains(invalid_argument([&] { nd::color_jitter(a, p); }), "order = (0, 0, 1, 2) is invalid"));
  // Affine.
  const nd::ImageU8 img = nine();
  nd::AffineParams q;
  q.scale = 0;
  EXPECT_TRUE(contains(invalid_argument([&] { nd::affine(img, q); }), "scale = 0 is invalid"));
  q.scale = 1;
  q.shear_y = 90;
  EXPECT_TRUE(contains(invalid_argument([&] { nd::affine(img, q); }), "shear = (0, 90) degrees is invalid"));
  q.shear_y = 0;
  q.angle = HUGE_VAL;
  EXPECT_TRUE(contains(invalid_argument([&] { nd::affine(img, q); }), "angle = inf"));
  nd::RandomAffineOptions r = nd::RandomAffineOptions::rotation(10);
  r.translate = std::make_pair(1.5, 0.0);
  EXPECT_TRUE(contains(invalid_argument([&] { nd::random_affine(img, r, rng); }), "translate = (1.5, 0) is invalid"));
  r.translate.reset();
  r.scale = std::make_pair(2.0, 1.0);
  EXPECT_TRUE(contains(invalid_argument([&] { r.validate(); }), "scale = (2, 1) is invalid"));
  r.scale.reset();
  r.shear_x = std::make_pair(-90.0, 0.0);
  EXPECT_TRUE(contains(invalid_argument([&] { r.validate(); }), "shear_x = (-90, 0) is invalid"));
  EXPECT_TRUE(contains(invalid_argument([&] { nd::RandomAffineOptions::rotation(-1); }), "degrees = -1"));
  r.shear_x.reset();
  r.degrees_min = 5;
  r.degrees_max = -5;
  EXPECT_TRUE(contains(invalid_argument([&] { r.validate(); }), "degrees = (5, -5) is invalid"));
}

}  // namespace
