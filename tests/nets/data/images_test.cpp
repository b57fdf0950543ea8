// nets/data IDX reader and two-class image subsets: synthetic gzip files written
// here with zlib (exact reads; wrong magic, truncation, missing files, trailing
// bytes, corrupt streams each named with the file and byte), the 2 x 2 downscale
// against an exact bilinear resize with half-pixel centres (rationals), and the
// installed Fashion-MNIST (Debian package dataset-fashion-mnist).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "nets/data/fashion_mnist.hpp"
#include "nets/data/idx_reader.hpp"
#include "tests/nets/data/data_file_error.hpp"
#include "tests/support/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
namespace nd = ov::nets::data;
using Bytes = std::vector<std::uint8_t>;
using ov::rational;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

fs::path scratch() {
  static const ov::testing::ScratchDir dir("ov_nets_data_test_");
  return dir.path();
}

void put_be32(Bytes& b, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<std::uint8_t>(v >> s));
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

Bytes images_file(std::uint32_t count, std::uint32_t rows, std::uint32_t cols, const Bytes& pixels) {
  Bytes b;
  put_be32(b, nd::kIdxImagesMagic);
  put_be32(b, count);
  put_be32(b, rows);
  put_be32(b, cols);
  b.insert(b.end(), pixels.begin(), pixels.end());
  return b;
}

Bytes labels_file(std::uint32_t count, const Bytes& labels) {
  Bytes b;
  put_be32(b, nd::kIdxLabelsMagic);
  put_be32(b, count);
  b.insert(b.end(), labels.begin(), labels.end());
  return b;
}

Bytes pattern(std::size_t n, unsigned salt) {
  Bytes b(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>((i * 37 + salt * 101 + (i >> 3)) & 0xff);
  return b;
}

using ov::nets::data::test_support::file_error;

// ---------------------------------------------------------------- IDX reader

TEST(NetsDataIdx, GoodFilesAreReadExactly) {
  const Bytes pixels = pattern(3 * 4 * 5, 1);
  const auto path = write_gz("good-images.gz", images_file(3, 4, 5, pixels));
  const nd::IdxImages im = nd::read_idx_images(path);
  EXPECT_EQ(im.count, 3u);
  EXPECT_EQ(im.rows, 4u);
  EXPECT_EQ(im.cols, 5u);
  EXPECT_EQ(im.pixels, pixels);
  EXPECT_EQ(im.at(2, 3, 4), pixels.back());
  EXPECT_EQ(im.at(1, 0, 0), pixels[20]);
  const Bytes labels = {9, 0, 0, 3, 0, 2, 7};
  EXPECT_EQ(nd::read_idx_labels(write_gz("good-labels.gz", labels_file(7, labels))), labels);
  EXPECT_TRUE(nd::read_idx_labels(write_gz("empty-labels.gz", labels_file(0, {}))).empty());
  // A large file crosses the reader's 1 MiB / 4 MiB chunks.
  const Bytes big = pattern(600 * 28 * 28, 2);
  EXPECT_EQ(nd::read_idx_images(write_gz("big-images.gz", images_file(600, 28, 28, big))).pixels, big);
}

TEST(NetsDataIdx, WrongMagicNamesFileAndByte0) {
  const auto path = write_gz("labels-as-images.gz", labels_file(2, {1, 2}));
  const auto e = file_error([&] { nd::read_idx_images(path); });
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.byte(), 0);
  EXPECT_TRUE(contains(e.what(), path + ": byte 0: magic number 0x00000801, expected 0x00000803")) << e.what();
  // A header written little-endian is caught the same way.
  Bytes le = {0x03, 0x08, 0x00, 0x00, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 7};
  const auto e2 = file_error([&] { nd::read_idx_images(write_gz("little-endian.gz", le)); });
  EXPECT_TRUE(contains(e2.what(), "magic number 0x03080000")) << e2.what();
}

TEST(NetsDataIdx, TruncatedDataNamesTheByteAndTheCount) {
  const auto path = write_gz("train-labels-idx1-ubyte.gz", labels_file(60000, pattern(1200, 3)));
  const auto e = file_error([&] { nd::read_idx_labels(path); });
  EXPECT_EQ(e.byte(), 8 + 1200);
  EXPECT_TRUE(contains(e.what(), path + ": byte 1208: file ends after 1200 of 60000 labels")) << e.what();
  const auto e2 = file_error([&] { nd::read_idx_images(write_gz("short-images.gz", images_file(3, 2, 2, pattern(9, 4)))); });
  EXPECT_EQ(e2.byte(), 16 + 9);
  EXPECT_TRUE(contains(e2.what(), "file ends after 2 of 3 images (and 1 bytes)")) << e2.what();
  Bytes header = images_file(3, 2, 2, {});
  header.resize(6);
  const auto e3 = file_error([&] { nd::read_idx_images(write_gz("short-header.gz", header)); });
  EXPECT_EQ(e3.byte(), 6);
  EXPECT_TRUE(contains(e3.what(), "file ends inside the header (reading the image count")) << e3.what();
  const auto e4 = file_error([&] { nd::read_idx_labels(write_gz("empty.gz", {})); });
  EXPECT_EQ(e4.byte(), 0);
}

TEST(NetsDataIdx, TrailingBytesZeroSizesAndHugeHeadersAreRejected) {
  Bytes extra = labels_file(2, {1, 2});
  extra.push_back(5);
  const auto e = file_error([&] { nd::read_idx_labels(write_gz("extra.gz", extra)); });
  EXPECT_EQ(e.byte(), 10);
  EXPECT_TRUE(contains(e.what(), "unexpected data after the 2 labels")) << e.what();
  const auto e2 = file_error([&] { nd::read_idx_images(write_gz("zero-rows.gz", images_file(1, 0, 4, {}))); });
  EXPECT_EQ(e2.byte(), 8);
  const auto e3 = file_error([&] { nd::read_idx_images(write_gz("huge.gz", images_file(0xffffffffu, 28, 28, {}))); });
  EXPECT_EQ(e3.byte(), 4);
  EXPECT_TRUE(contains(e3.what(), "exceed the limit")) << e3.what();
}

TEST(NetsDataIdx, MissingFileNamesTheFileAndThePackage) {
  const std::string path = (scratch() / "no-such-file.gz").string();
  const auto e = file_error([&] { nd::read_idx_images(path); });
  EXPECT_EQ(e.file(), path);
  EXPECT_LT(e.byte(), 0);
  EXPECT_TRUE(contains(e.what(), path + ": cannot open")) << e.what();
  EXPECT_TRUE(contains(e.what(), "apt-get install dataset-fashion-mnist")) << e.what();
}

TEST(NetsDataIdx, CorruptOrTruncatedGzipStreamIsReported) {
  const auto path = write_gz("whole.gz", images_file(50, 28, 28, pattern(50 * 784, 5)));
  std::ifstream in(path, std::ios::binary);
  std::string compressed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string cut = (scratch() / "cut.gz").string();
  std::ofstream(cut, std::ios::binary).write(compressed.data(), static_cast<std::streamsize>(compressed.size() / 2));
  const auto e = file_error([&] { nd::read_idx_images(cut); });
  EXPECT_GE(e.byte(), 16);
  EXPECT_TRUE(contains(e.what(), cut + ": byte ")) << e.what();
  std::string flipped = compressed;
  for (std::size_t i = 20; i < 60 && i < flipped.size(); ++i) flipped[i] = static_cast<char>(flipped[i] ^ 0x5a);
  const std::string bad = (scratch() / "flipped.gz").string();
  std::ofstream(bad, std::ios::binary).write(flipped.data(), static_cast<std::streamsize>(flipped.size()));
  const auto e2 = file_error([&] { nd::read_idx_images(bad); });
  EXPECT_GE(e2.byte(), 0);
  EXPECT_TRUE(contains(e2.what(), bad + ": byte ")) << e2.what();
}

// ---------------------------------------------------------------- downscale

// Exact bilinear resize with half-pixel centres (the tf.image.resize rule, written
// from its definition): output pixel (i, j) samples the input at
// ((i + 1/2) in/out - 1/2, (j + 1/2) in/out - 1/2), clamped to [0, in - 1], and
// interpolates the four neighbours linearly; values / 255, in rationals.
std::vector<rational> bilinear_reference(const Bytes& img, int rows, int cols, int out_rows, int out_cols) {
  auto coord = [](int i, int in, int out, int& lo, int& hi, rational& w) {
    rational x = (rational(2 * i + 1) * in / out - 1) / 2;
    if (x < 0) x = 0;
    if (x > in - 1) x = in - 1;
    lo = static_cast<int>(static_cast<double>(x));  // floor: x >= 0 and exact halves/quarters here
    while (rational(lo) > x) --lo;
    while (rational(lo + 1) <= x && lo + 1 <= in - 1) ++lo;
    hi = std::min(lo + 1, in - 1);
    w = x - lo;
  };
  std::vector<rational> out;
  for (int i = 0; i < out_rows; ++i) {
    int r0, r1;
    rational wr;
    coord(i, rows, out_rows, r0, r1, wr);
    for (int j = 0; j < out_cols; ++j) {
      int c0, c1;
      rational wc;
      coord(j, cols, out_cols, c0, c1, wc);
      auto p = [&](int r, int c) { return rational(img[static_cast<std::size_t>(r * cols + c)]); };
      const rational top = p(r0, c0) * (1 - wc) + p(r0, c1) * wc;
      const rational bottom = p(r1, c0) * (1 - wc) + p(r1, c1) * wc;
      out.push_back((top * (1 - wr) + bottom * wr) / 255);
    }
  }
  return out;
}

// Every value must be the double nearest to the exact reference: |d - q| <= ulp(d)/2.
bool correctly_rounded(const std::vector<double>& got, const std::vector<rational>& want) {
  if (got.size() != want.size()) return false;
  for (std::size_t k = 0; k < got.size(); ++k) {
    const double d = got[k];
    const double ulp = std::nextafter(d, 2.0) - d;
    if (abs(rational(d) - want[k]) > rational(ulp) / 2) return false;
  }
  return true;
}

TEST(NetsDataImages, DownscaleIsTheBilinearHalfPixelResize) {
  const Bytes img = pattern(28 * 28, 7);
  EXPECT_TRUE(correctly_rounded(nd::downscale_half(img.data(), 28, 28), bilinear_reference(img, 28, 28, 14, 14)));
  // The reference is a bilinear resize: identity at scale 1, constants stay constant.
  const auto same = bilinear_reference(img, 28, 28, 28, 28);
  for (std::size_t k = 0; k < img.size(); ++k) ASSERT_EQ(same[k], rational(img[k]) / 255);
  // Mutant: the top-left pixel of each block instead of the mean.
  std::vector<double> top_left;
  for (int i = 0; i < 14; ++i)
    for (int j = 0; j < 14; ++j) top_left.push_back(img[static_cast<std::size_t>(2 * i * 28 + 2 * j)] / 255.0);
  EXPECT_FALSE(correctly_rounded(top_left, bilinear_reference(img, 28, 28, 14, 14)));
  // Mutant: align-corners sampling (TF1's align_corners = True, x = i (in-1)/(out-1)).
  std::vector<rational> corners;
  for (int i = 0; i < 14; ++i) {
    for (int j = 0; j < 14; ++j) {
      const rational x = rational(i * 27) / 13, y = rational(j * 27) / 13;
      const int r0 = static_cast<int>(static_cast<double>(x)), c0 = static_cast<int>(static_cast<double>(y));
      const int r1 = std::min(r0 + 1, 27), c1 = std::min(c0 + 1, 27);
      const rational wr = x - r0, wc = y - c0;
      auto p = [&](int r, int c) { return rational(img[static_cast<std::size_t>(r * 28 + c)]); };
      corners.push_back(((p(r0, c0) * (1 - wc) + p(r0, c1) * wc) * (1 - wr) + (p(r1, c0) * (1 - wc) + p(r1, c1) * wc) * wr) /
                        255);
    }
  }
  EXPECT_FALSE(correctly_rounded(nd::downscale_half(img.data(), 28, 28), corners));
}

RC_GTEST_PROP(NetsDataImages, DownscaleEqualsBilinearForAnyEvenImage, ()) {
  const int rows = 2 * *rc::gen::inRange(1, 8), cols = 2 * *rc::gen::inRange(1, 8);
  const auto img = *rc::gen::container<Bytes>(static_cast<std::size_t>(rows * cols), rc::gen::arbitrary<std::uint8_t>());
  RC_ASSERT(correctly_rounded(nd::downscale_half(img.data(), static_cast<std::size_t>(rows), static_cast<std::size_t>(cols)),
                              bilinear_reference(img, rows, cols, rows / 2, cols / 2)));
}

TEST(NetsDataImages, DownscaleRejectsOddSizes) {
  const Bytes img(27 * 28);
  try {
    nd::downscale_half(img.data(), 27, 28);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_TRUE(contains(e.what(), "rows = 27")) << e.what();
  }
}

// ---------------------------------------------------------------- two-class subsets (synthetic files)

struct FakeSet {
  std::string dir;
  Bytes labels;
  Bytes pixels;
};

FakeSet fake_set(const std::string& name, const Bytes& labels, const std::string& prefix = "train",
                 std::uint32_t rows = 28) {
  FakeSet f;
  f.dir = (scratch() / name).string();
  fs::create_directories(f.dir);
  f.labels = labels;
  const auto n = static_cast<std::uint32_t>(labels.size());
  f.pixels = pattern(n * rows * 28, n);
  write_gz(name + "/" + prefix + "-labels-idx1-ubyte.gz", labels_file(n, labels));
  write_gz(name + "/" + prefix + "-images-idx3-ubyte.gz", images_file(n, rows, 28, f.pixels));
  return f;
}

TEST(NetsDataImages, TwoClassSubsetOfSyntheticFiles) {
  const FakeSet f = fake_set("fake", {3, 6, 1, 3, 6, 9, 6});
  nd::ImageSubsetOptions o;
  o.directory = f.dir;
  const ov::nets::Dataset d = nd::two_class_images(3, 6, o);
  ASSERT_EQ(d.size(), 5);
  EXPECT_EQ(d.input_dim(), 196);
  EXPECT_EQ(d.output_dim(), 1);
  const std::size_t source[] = {0, 1, 3, 4, 6};
  const double target[] = {0, 1, 0, 1, 1};
  for (int r = 0; r < 5; ++r) {
    EXPECT_EQ(d.targets(r, 0), target[r]);
    const auto small = nd::downscale_half(f.pixels.data() + source[r] * 784, 28, 28);
    for (int k = 0; k < 196; ++k) ASSERT_EQ(d.inputs(r, k), small[static_cast<std::size_t>(k)]);
  }
  EXPECT_EQ(d.name, "fashion_mnist_3_vs_6");
  EXPECT_TRUE(contains(d.description, "SUBSTITUTE")) << d.description;
  EXPECT_TRUE(contains(d.description, "Dress") && contains(d.description, "Shirt")) << d.description;
  // Reversed classes swap the targets; a cap keeps the first samples in file order.
  const ov::nets::Dataset rev = nd::two_class_images(6, 3, o);
  EXPECT_TRUE(rev.targets == (1 - d.targets.array()).matrix());
  o.max_samples = 2;
  EXPECT_TRUE(nd::two_class_images(3, 6, o).inputs == d.inputs.topRows(2));
  // The test split reads the t10k files.
  const FakeSet t = fake_set("fake-test", {6, 6, 3}, "t10k");
  nd::ImageSubsetOptions ot;
  ot.directory = t.dir;
  ot.test_split = true;
  EXPECT_EQ(nd::two_class_images(3, 6, ot).targets.sum(), 2.0);
  // The directory from the environment when no argument is given (the caller's
  // setting is restored afterwards).
  const char* before = std::getenv(nd::kFashionMnistDirEnv);
  const std::string saved = before != nullptr ? before : "";
  ::setenv(nd::kFashionMnistDirEnv, t.dir.c_str(), 1);
  EXPECT_EQ(nd::fashion_mnist_directory(), t.dir);
  nd::ImageSubsetOptions from_env;
  from_env.test_split = true;
  EXPECT_EQ(nd::two_class_images(3, 6, from_env).size(), 3);
  EXPECT_EQ(nd::fashion_mnist_directory("/explicit"), "/explicit");  // the argument wins
  ::unsetenv(nd::kFashionMnistDirEnv);
  EXPECT_EQ(nd::fashion_mnist_directory(), nd::kFashionMnistDefaultDir);
  if (before != nullptr) ::setenv(nd::kFashionMnistDirEnv, saved.c_str(), 1);
}

// The file index of each row of d (matching the downscaled images exactly), or -1.
std::vector<long> source_rows(const ov::nets::Dataset& d, const FakeSet& f) {
  std::vector<long> rows;
  for (Eigen::Index r = 0; r < d.size(); ++r) {
    long found = -1;
    for (std::size_t i = 0; i < f.labels.size() && found < 0; ++i) {
      const auto small = nd::downscale_half(f.pixels.data() + i * 784, 28, 28);
      if (Eigen::Map<const Eigen::RowVectorXd>(small.data(), 196) == d.inputs.row(r)) found = static_cast<long>(i);
    }
    rows.push_back(found);
  }
  return rows;
}

TEST(NetsDataImages, SeededRandomSubsetIsDistinctInFileOrderAndReproducible) {
  const FakeSet f = fake_set("subset", {3, 0, 6, 6, 3, 1, 3, 6, 9, 3, 6, 3, 2, 6});
  nd::ImageSubsetOptions o;
  o.directory = f.dir;
  o.max_samples = 4;
  o.subset_seed = 5;
  const ov::nets::Dataset a = nd::two_class_images(3, 6, o);
  ASSERT_EQ(a.size(), 4);
  EXPECT_EQ(a.seed, 5u);
  const std::vector<long> rows = source_rows(a, f);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    ASSERT_GE(rows[k], 0);
    const int label = f.labels[static_cast<std::size_t>(rows[k])];
    EXPECT_TRUE(label == 3 || label == 6);
    EXPECT_EQ(a.targets(static_cast<Eigen::Index>(k), 0), label == 6 ? 1.0 : 0.0);
    if (k > 0) {
      EXPECT_LT(rows[k - 1], rows[k]);  // distinct, in file order
    }
  }
  EXPECT_TRUE(nd::two_class_images(3, 6, o).inputs == a.inputs);
  // Different seeds give different subsets for these fixed seeds (10 images, C(10,4) = 210 subsets).
  o.subset_seed = 6;
  const std::vector<long> other = source_rows(nd::two_class_images(3, 6, o), f);
  EXPECT_NE(other, rows);
  // Not simply the first four (the unseeded cap).
  o.subset_seed.reset();
  EXPECT_EQ(source_rows(nd::two_class_images(3, 6, o), f), (std::vector<long>{0, 2, 3, 4}));
  // A cap larger than the set keeps everything.
  o.max_samples = 100;
  o.subset_seed = 5;
  EXPECT_EQ(nd::two_class_images(3, 6, o).size(), 10);
}

TEST(NetsDataImages, TwoClassErrorsNameParameterFileAndByte) {
  auto invalid = [](int a, int b, long cap) {
    try {
      nd::ImageSubsetOptions o;
      o.max_samples = cap;
      o.directory = "/nonexistent";
      nd::two_class_images(a, b, o);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    } catch (...) {
    }
    return std::string();
  };
  EXPECT_TRUE(contains(invalid(10, 6, 0), "class_a = 10") && contains(invalid(10, 6, 0), "0..9"));
  EXPECT_TRUE(contains(invalid(3, -1, 0), "class_b = -1"));
  EXPECT_TRUE(contains(invalid(3, 3, 0), "class_a = class_b = 3"));
  EXPECT_TRUE(contains(invalid(3, 6, -5), "max_samples = -5"));
  try {
    nd::ImageSubsetOptions bad_seed;
    bad_seed.subset_seed = 1;
    nd::two_class_images(3, 6, bad_seed);
    ADD_FAILURE() << "subset_seed without max_samples accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_TRUE(contains(e.what(), "subset_seed is set but max_samples = 0")) << e.what();
  }
  nd::ImageSubsetOptions o;
  o.directory = (scratch() / "missing-dir").string();
  const auto missing = file_error([&] { nd::two_class_images(3, 6, o); });
  EXPECT_TRUE(contains(missing.what(), "train-labels-idx1-ubyte.gz: cannot open")) << missing.what();
  EXPECT_TRUE(contains(missing.what(), "apt-get install dataset-fashion-mnist")) << missing.what();
  o.directory = fake_set("bad-label", {3, 12, 6}).dir;
  const auto bad = file_error([&] { nd::two_class_images(3, 6, o); });
  EXPECT_EQ(bad.byte(), 9);
  EXPECT_TRUE(contains(bad.what(), "label 12 of sample 1 is invalid (valid: 0..9)")) << bad.what();
  o.directory = fake_set("small-images", {3, 6}, "train", 20).dir;
  const auto small = file_error([&] { nd::two_class_images(3, 6, o); });
  EXPECT_EQ(small.byte(), 8);
  EXPECT_TRUE(contains(small.what(), "images are 20 x 28 (valid: 28 x 28")) << small.what();
  const FakeSet mismatch = fake_set("mismatch", {3, 6, 6});
  write_gz("mismatch/train-labels-idx1-ubyte.gz", labels_file(2, {3, 6}));
  o.directory = mismatch.dir;
  const auto count = file_error([&] { nd::two_class_images(3, 6, o); });
  EXPECT_TRUE(contains(count.what(), "3 images, but")) << count.what();
  EXPECT_TRUE(contains(count.what(), "holds 2 labels")) << count.what();
}

// ---------------------------------------------------------------- the installed Fashion-MNIST

// Fashion-MNIST (Xiao, Rasul & Vollgraf 2017 [EXT]): 60000 training and 10000 test
// images, 6000 / 1000 per class. Installed by ./test.sh (scripts/install-deps.sh).
TEST(NetsDataFashionMnist, InstalledDressVsShirtHas12000Samples) {
  const std::string dir = nd::fashion_mnist_directory();
  const ov::nets::Dataset d = nd::two_class_images();  // 3 (Dress) vs 6 (Shirt), train
  ASSERT_EQ(d.size(), 12000) << "from " << dir;
  EXPECT_EQ(d.input_dim(), 196);
  EXPECT_EQ(d.targets.sum(), 6000.0);
  EXPECT_GE(d.inputs.minCoeff(), 0.0);
  EXPECT_LE(d.inputs.maxCoeff(), 1.0);
  EXPECT_GT(d.inputs.maxCoeff(), 0.9);  // images are not blank
  // Every value is the double nearest to s / 1020 for an integer 0 <= s <= 1020.
  for (Eigen::Index k = 0; k < d.inputs.size(); k += 97) {
    const double s = std::nearbyint(d.inputs.data()[k] * 1020);
    ASSERT_EQ(d.inputs.data()[k], s / 1020) << k;
  }
  const auto labels = nd::read_idx_labels(dir + "/train-labels-idx1-ubyte.gz");
  ASSERT_EQ(labels.size(), 60000u);
  std::vector<int> per_class(10, 0);
  for (auto l : labels) ++per_class[l];
  for (int c = 0; c < 10; ++c) EXPECT_EQ(per_class[c], 6000) << "class " << c;
  // A seeded random subset of 1000 of the 12000: hypergeometric class count, mean 500,
  // sd sqrt(1000 * 1/4 * 11000/11999) = 15.1; bound 5 sd = 76.
  nd::ImageSubsetOptions sub;
  sub.max_samples = 1000;
  sub.subset_seed = 1;
  const ov::nets::Dataset s = nd::two_class_images(3, 6, sub);
  EXPECT_EQ(s.size(), 1000);
  EXPECT_NEAR(s.targets.sum(), 500.0, 76.0);
  std::printf("random subset of 1000 (seed 1): %.0f Shirt, %.0f Dress\n", s.targets.sum(), 1000 - s.targets.sum());
  nd::ImageSubsetOptions test;
  test.test_split = true;
  const ov::nets::Dataset t = nd::two_class_images(3, 6, test);
  EXPECT_EQ(t.size(), 2000);
  EXPECT_EQ(t.targets.sum(), 1000.0);
}

}  // namespace
