// gpu/data: image sets as tensors, channel statistics, seeded epoch batches, the seeded
// per-sample transform pipeline (the MBT CIFAR preset) and the MNIST / Fashion-MNIST /
// CIFAR-10 / CIFAR-100 loaders, on small IDX and CIFAR files written here into a scratch
// directory. Every property is also shown to reject a mutated input (a changed pixel,
// another seed, a swapped step, a corrupted byte).
#include <gtest/gtest.h>
#include <stdlib.h>
#include <torch/torch.h>
#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gpu/data/epoch_batches.hpp"
#include "gpu/data/image_batch_loader.hpp"
#include "gpu/data/image_dataset_files.hpp"
#include "gpu/data/image_tensors.hpp"
#include "gpu/data/transform_pipeline.hpp"
#include "nets/data/augmentation.hpp"
#include "nets/data/cifar_reader.hpp"
#include "nets/data/fashion_mnist.hpp"
#include "nets/data/sampling.hpp"
#include "optim/core/random.hpp"
#include "tests/nets/data/data_file_error.hpp"
#include "tests/support/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
namespace nd = ov::nets::data;
namespace gd = ov::gpu::data;
using Bytes = std::vector<std::uint8_t>;
using ov::nets::data::test_support::file_error;
using ov::optim::SplitMix64;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

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

// A fresh subdirectory of the scratch directory.
fs::path fresh_dir(const std::string& name) {
  static const ov::testing::ScratchDir dir("ov_gpu_data_test_");
  const fs::path p = dir.path() / name;
  fs::create_directories(p);
  return p;
}

void write_raw(const fs::path& path, const Bytes& bytes) {
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void write_gz(const fs::path& path, const Bytes& bytes) {
  gzFile f = gzopen(path.string().c_str(), "wb");
  ASSERT_NE(f, nullptr);
  if (!bytes.empty()) {
    ASSERT_EQ(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())), static_cast<int>(bytes.size()));
  }
  gzclose(f);
}

void be32(Bytes& b, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<std::uint8_t>(v >> s));
}

// Pixel k of image i (a pattern that differs between images, channels, rows, columns).
std::uint8_t pixel(std::size_t i, std::size_t k) { return static_cast<std::uint8_t>((k * 37 + i * 101 + (k >> 5)) & 0xff); }

Bytes idx_images(std::size_t n, std::uint32_t rows, std::uint32_t cols) {
  Bytes b;
  be32(b, 0x00000803);
  be32(b, static_cast<std::uint32_t>(n));
  be32(b, rows);
  be32(b, cols);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < std::size_t{rows} * cols; ++k) b.push_back(pixel(i, k));
  return b;
}

Bytes idx_labels(const Bytes& labels) {
  Bytes b;
  be32(b, 0x00000801);
  be32(b, static_cast<std::uint32_t>(labels.size()));
  b.insert(b.end(), labels.begin(), labels.end());
  return b;
}

// CIFAR records for images first, first + 1, ... (pixel pattern of those image numbers).
Bytes cifar10_records(const Bytes& labels, std::size_t first) {
  Bytes b;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    b.push_back(labels[i]);
    for (std::size_t k = 0; k < 3072; ++k) b.push_back(pixel(first + i, k));
  }
  return b;
}

Bytes cifar100_records(const Bytes& coarse, const Bytes& fine) {
  Bytes b;
  for (std::size_t i = 0; i < fine.size(); ++i) {
    b.push_back(coarse[i]);
    b.push_back(fine[i]);
    for (std::size_t k = 0; k < 3072; ++k) b.push_back(pixel(i, k));
  }
  return b;
}

// An MNIST-style directory: train (5 images) and t10k (3), gzip or raw.
fs::path mnist_dir(const std::string& name, bool gzip) {
  const fs::path d = fresh_dir(name);
  const auto put = [&](const std::string& base, const Bytes& bytes) {
    if (gzip) {
      write_gz(d / (base + ".gz"), bytes);
    } else {
      write_raw(d / base, bytes);
    }
  };
  put("train-images-idx3-ubyte", idx_images(5, 28, 28));
  put("train-labels-idx1-ubyte", idx_labels({3, 1, 4, 1, 5}));
  put("t10k-images-idx3-ubyte", idx_images(3, 28, 28));
  put("t10k-labels-idx1-ubyte", idx_labels({9, 2, 6}));
  return d;
}

// A CIFAR-10 directory: data_batch_k.bin holds 2 images (numbers 2(k-1), 2(k-1)+1),
// test_batch.bin 3 images.
fs::path cifar10_dir(const std::string& name) {
  const fs::path d = fresh_dir(name);
  for (int k = 1; k <= 5; ++k) {
    write_raw(d / ("data_batch_" + std::to_string(k) + ".bin"),
              cifar10_records({static_cast<std::uint8_t>(k), static_cast<std::uint8_t>(9 - k)},
                              static_cast<std::size_t>(2 * (k - 1))));
  }
  write_raw(d / "test_batch.bin", cifar10_records({0, 5, 9}, 100));
  return d;
}

// A small ImageSet (count images of c x r x x) with the pixel pattern and labels i % 10.
nd::ImageSet small_set(std::size_t count, int c, int r, int x) {
  nd::ImageSet s;
  s.file = "memory";
  s.channels = c;
  s.rows = r;
  s.cols = x;
  for (std::size_t i = 0; i < count; ++i) {
    for (std::size_t k = 0; k < static_cast<std::size_t>(c * r * x); ++k) s.pixels.push_back(pixel(i, k));
    s.labels.push_back(static_cast<std::uint8_t>(i % 10));
  }
  return s;
}

// True when the tensors hold exactly the set: shape, dtypes, pixel / 255, labels.
bool tensors_hold(const gd::ImageTensors& t, const nd::ImageSet& set) {
  if (t.images.sizes() != at::IntArrayRef({static_cast<std::int64_t>(set.count()), set.channels, set.rows, set.cols}))
    return false;
  if (t.images.scalar_type() != at::kFloat || t.labels.scalar_type() != at::kLong) return false;
  const float* p = t.images.data_ptr<float>();
  for (std::size_t k = 0; k < set.pixels.size(); ++k)
    if (p[k] != static_cast<float>(set.pixels[k]) / 255.0f) return false;
  const std::int64_t* l = t.labels.data_ptr<std::int64_t>();
  for (std::size_t i = 0; i < set.count(); ++i)
    if (l[i] != set.labels[i]) return false;
  return true;
}

// ---------------------------------------------------------------- tensors

TEST(GpuDataTensors, ImageSetBecomesFloatImagesAndInt64Labels) {
  const fs::path dir = cifar10_dir("tensors");
  const nd::ImageSet set = gd::load_image_dataset(gd::ImageDataset::cifar10, gd::Split::test, dir.string());
  const gd::ImageTensors t = gd::image_tensors(set);
  EXPECT_EQ(t.images.sizes(), at::IntArrayRef({3, 3, 32, 32}));
  EXPECT_EQ(t.labels.sizes(), at::IntArrayRef({3}));
  EXPECT_EQ(t.images.scalar_type(), at::kFloat);
  EXPECT_EQ(t.labels.scalar_type(), at::kLong);
  EXPECT_TRUE(t.images.is_contiguous());
  EXPECT_TRUE(tensors_hold(t, set));
  // CHW: [i][c][r][x] = pixel byte (c * 1024 + r * 32 + x) of record i.
  EXPECT_EQ(t.images[2][1][3][4].item<float>(), static_cast<float>(pixel(102, 1024 + 3 * 32 + 4)) / 255.0f);
  EXPECT_EQ(t.labels[1].item<std::int64_t>(), 5);
  // Mutants: one changed pixel or label is caught by the same check.
  nd::ImageSet changed = set;
  changed.pixels[5000] ^= 1;
  EXPECT_FALSE(tensors_hold(t, changed));
  changed = set;
  changed.labels[0] = 7;
  EXPECT_FALSE(tensors_hold(t, changed));
}

TEST(GpuDataTensors, NormalizationIsTheFloatFormulaPerChannel) {
  const nd::ImageSet set = small_set(4, 3, 5, 6);
  const std::vector<double> mean = gd::cifar10_mean(), sd = gd::cifar10_sd();
  const gd::ImageTensors t = gd::image_tensors(set, mean, sd);
  const float* p = t.images.data_ptr<float>();
  std::size_t k = 0;
  for (std::size_t i = 0; i < 4; ++i)
    for (int c = 0; c < 3; ++c)
      for (int q = 0; q < 30; ++q, ++k) {
        const float want = (static_cast<float>(set.pixels[k]) / 255.0f - static_cast<float>(mean[c])) /
                           static_cast<float>(sd[c]);
        ASSERT_EQ(p[k], want) << k;
      }
  // Same values as nets/data's per-image normalize.
  const nd::ImageF one = nd::normalize(nd::image_of(set, 2), mean, sd);
  EXPECT_TRUE(std::equal(one.data.begin(), one.data.end(), p + 2 * 90));
  // Mutant: swapped channel constants give other values.
  const gd::ImageTensors swapped = gd::image_tensors(set, {mean[1], mean[0], mean[2]}, sd);
  EXPECT_FALSE(at::equal(swapped.images, t.images));
  // Errors name the problem.
  EXPECT_TRUE(contains(invalid_argument([&] { gd::image_tensors(set, {0.5}, {0.5}); }),
                       "mean has 1 and sd 1 entries, the images 3 channels"));
  EXPECT_TRUE(contains(invalid_argument([&] { gd::image_tensors(set, mean, {0.2, 0.0, 0.2}); }),
                       "sd of channel 1 = 0 is invalid"));
  at::Tensor doubles = at::zeros({1, 1, 2, 2}, at::kDouble);
  EXPECT_TRUE(contains(invalid_argument([&] { gd::normalize_images(doubles, {0.5}, {0.5}); }),
                       "must be float32, contiguous, on the CPU (got Double"));
  EXPECT_TRUE(contains(invalid_argument([&] { gd::image_tensors(nd::ImageSet{}); }), "is empty"));
  nd::ImageSet short_set = set;
  short_set.pixels.pop_back();
  EXPECT_TRUE(contains(invalid_argument([&] { gd::image_tensors(short_set); }), "holds 359 pixel bytes for 4 labels"));
}

TEST(GpuDataTensors, ChannelStatisticsArePopulationMeanAndSd) {
  // Channel 0: values 0 and 255 half each -> mean 1/2, sd 1/2. Channel 1: all 51 -> 0.2, 0.
  nd::ImageSet s;
  s.channels = 2;
  s.rows = 1;
  s.cols = 2;
  s.pixels = {0, 255, 51, 51, 255, 0, 51, 51};
  s.labels = {0, 1};
  const gd::ChannelStatistics st = gd::channel_statistics(s);
  EXPECT_EQ(st.mean, (std::vector<double>{0.5, 51.0 / 255.0}));
  EXPECT_EQ(st.sd, (std::vector<double>{0.5, 0.0}));
  // Values 0, 1, 2 (bytes): mean 1/255, population sd sqrt(2/3)/255; the sample sd
  // sqrt(1)/255 (ddof = 1, the mutant) is another number.
  nd::ImageSet t;
  t.channels = 1;
  t.rows = 1;
  t.cols = 3;
  t.pixels = {0, 1, 2};
  t.labels = {0};
  const gd::ChannelStatistics tt = gd::channel_statistics(t);
  EXPECT_DOUBLE_EQ(tt.mean[0], 1.0 / 255);
  EXPECT_DOUBLE_EQ(tt.sd[0], std::sqrt(2.0 / 3) / 255);
  EXPECT_NE(tt.sd[0], 1.0 / 255);
}

// ---------------------------------------------------------------- epoch batches

// True when the batches partition 0..n-1 (each index exactly once).
bool partition(const std::vector<std::vector<std::size_t>>& batches, std::size_t n) {
  std::vector<int> seen(n, 0);
  for (const auto& b : batches)
    for (std::size_t i : b) {
      if (i >= n || seen[i]++ != 0) return false;
    }
  for (int s : seen)
    if (s != 1) return false;
  return true;
}

TEST(GpuDataBatches, EpochsPartitionTheDataAndAreSeeded) {
  const gd::EpochBatches b(10, 4, 7);
  EXPECT_EQ(b.batches_per_epoch(), 3u);
  const auto e0 = b.batches(0);
  ASSERT_EQ(e0.size(), 3u);
  EXPECT_EQ(e0[0].size(), 4u);
  EXPECT_EQ(e0[2].size(), 2u);
  EXPECT_TRUE(partition(e0, 10));
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(b.batch(0, k), e0[k]);
  // Same seed, same batches (a second object); another epoch or seed, another order.
  EXPECT_EQ(gd::EpochBatches(10, 4, 7).batches(0), e0);
  EXPECT_NE(b.batches(1), e0);
  EXPECT_NE(gd::EpochBatches(10, 4, 8).batches(0), e0);
  // The order is a SplitMix64 Fisher-Yates shuffle with the documented seed.
  std::vector<std::size_t> order{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  SplitMix64 rng(nd::derive_seed(nd::derive_seed(7, 1), 0));
  rng.shuffle(order);
  EXPECT_EQ(b.order(0), order);
  // Mutant: a batch list with a repeated index is not a partition.
  auto broken = e0;
  broken[2][0] = broken[0][0];
  EXPECT_FALSE(partition(broken, 10));
  // drop_last: the short batch goes; no shuffle: 0..n-1 in order.
  const gd::EpochBatches dropped(10, 4, 7, true, true);
  EXPECT_EQ(dropped.batches_per_epoch(), 2u);
  EXPECT_EQ(dropped.batches(0), (std::vector<std::vector<std::size_t>>{e0[0], e0[1]}));
  EXPECT_EQ(gd::EpochBatches(5, 2, 7, false).batches(3), (std::vector<std::vector<std::size_t>>{{0, 1}, {2, 3}, {4}}));
  // Uniformity: over 3000 epochs the first position holds each of 6 indices 500 times
  // in expectation (binomial sd 20.4; bound 5 sd).
  const gd::EpochBatches u(6, 6, 11);
  std::vector<int> first(6, 0);
  for (std::uint64_t e = 0; e < 3000; ++e) ++first[u.order(e)[0]];
  for (int f : first) EXPECT_NEAR(f, 500, 5 * std::sqrt(3000.0 / 6 * 5 / 6));
}

TEST(GpuDataBatches, InvalidSizesAreRefused) {
  EXPECT_TRUE(contains(invalid_argument([] { gd::EpochBatches(10, 0, 1); }), "batch_size = 0 is invalid (valid: >= 1)"));
  EXPECT_TRUE(contains(invalid_argument([] { gd::EpochBatches(10, -3, 1); }), "batch_size = -3"));
  EXPECT_TRUE(contains(invalid_argument([] { gd::EpochBatches(0, 2, 1); }), "count = 0"));
  EXPECT_TRUE(contains(invalid_argument([] { gd::EpochBatches(3, 4, 1, true, true); }),
                       "batch_size = 4 with drop_last and 3 samples leaves no batch"));
  // Without drop_last a batch larger than the set is one short batch (as torch's DataLoader).
  EXPECT_EQ(gd::EpochBatches(3, 4, 1).batches_per_epoch(), 1u);
  EXPECT_THROW(gd::EpochBatches(3, 2, 1).batch(0, 2), std::out_of_range);
}

// ---------------------------------------------------------------- transform pipeline

TEST(GpuDataPipeline, MbtPresetIsTheCompositionOfTheSeededTransforms) {
  const gd::TransformPipeline mbt = gd::mbt_cifar_train_pipeline();
  EXPECT_EQ(mbt.steps().size(), 6u);
  EXPECT_TRUE(contains(mbt.describe(), "ToTensor -> RandomCrop(pad 4) -> RandomHorizontalFlip(p 0.5) -> "
                                       "RandomAffine(degrees (-10, 10), translate none"));
  EXPECT_TRUE(contains(mbt.describe(), "-> RandomRotation(20) -> ColorJitter(0.2, 0.2, 0.1, 0.1) -> "
                                       "Normalize(mean (0.4914, 0.4822, 0.4465), sd (0.2023, 0.1994, 0.201))"));
  const nd::ImageSet set = small_set(3, 3, 32, 32);
  nd::ColorJitterOptions jitter;
  jitter.brightness = 0.2;
  jitter.contrast = 0.2;
  jitter.saturation = 0.1;
  jitter.hue = 0.1;
  for (std::size_t i = 0; i < 3; ++i) {
    const nd::ImageU8 img = nd::image_of(set, i);
    // By hand, from the documented stream: sample_seed(seed 5, epoch 2, index i).
    SplitMix64 rng(gd::sample_seed(5, 2, i));
    nd::ImageF x = nd::to_unit_float(img);
    x = nd::random_crop(x, 4, rng);
    x = nd::random_horizontal_flip(x, rng);
    x = nd::random_affine(x, nd::RandomAffineOptions::rotation(10), rng);
    x = nd::random_rotation(x, 20.0, rng);
    x = nd::random_color_jitter(x, jitter, rng);
    x = nd::normalize(x, gd::cifar10_mean(), gd::cifar10_sd());
    const nd::ImageF out = mbt.apply(img, 5, 2, i);
    EXPECT_EQ(out, x) << i;
    // Mutant: rotation before the affine step (same draws, other order) changes the image.
    SplitMix64 r2(gd::sample_seed(5, 2, i));
    nd::ImageF y = nd::to_unit_float(img);
    y = nd::random_crop(y, 4, r2);
    y = nd::random_horizontal_flip(y, r2);
    const nd::AffineParams affine = nd::draw_affine_params(nd::RandomAffineOptions::rotation(10), 32, 32, r2);
    y = nd::random_rotation(y, 20.0, r2);
    y = nd::affine(y, affine);
    y = nd::normalize(nd::random_color_jitter(y, jitter, r2), gd::cifar10_mean(), gd::cifar10_sd());
    EXPECT_NE(out, y) << i;
  }
}

TEST(GpuDataPipeline, DrawsDependOnlyOnSeedEpochAndIndex) {
  const gd::TransformPipeline mbt = gd::mbt_cifar_train_pipeline();
  const nd::ImageU8 img = nd::image_of(small_set(1, 3, 32, 32), 0);
  const nd::ImageF a = mbt.apply(img, 1, 0, 4);
  EXPECT_EQ(mbt.apply(img, 1, 0, 4), a);  // same (seed, epoch, index)
  EXPECT_NE(mbt.apply(img, 2, 0, 4), a);  // another seed
  EXPECT_NE(mbt.apply(img, 1, 1, 4), a);  // another epoch
  EXPECT_NE(mbt.apply(img, 1, 0, 5), a);  // another index
  // The plain pipeline draws nothing: equal for every seed, = image_tensors' normalization.
  const gd::TransformPipeline plain = gd::plain_test_pipeline(gd::cifar10_mean(), gd::cifar10_sd());
  EXPECT_EQ(plain.apply(img, 1, 0, 4), plain.apply(img, 99, 7, 1));
  EXPECT_EQ(plain.apply(img, 1, 0, 4), nd::normalize(img, gd::cifar10_mean(), gd::cifar10_sd()));
  EXPECT_EQ(plain.describe(), "ToTensor -> Normalize(mean (0.4914, 0.4822, 0.4465), sd (0.2023, 0.1994, 0.201))");
  // Builder checks name the parameter.
  gd::TransformPipeline p;
  EXPECT_TRUE(contains(invalid_argument([&] { p.random_crop(-1); }), "pad = -1 is invalid"));
  EXPECT_TRUE(contains(invalid_argument([&] { p.random_horizontal_flip(2); }), "p = 2 is invalid"));
  EXPECT_TRUE(contains(invalid_argument([&] { p.random_rotation(-5); }), "degrees = -5 is invalid"));
  nd::ColorJitterOptions bad;
  bad.hue = 0.9;
  EXPECT_TRUE(contains(invalid_argument([&] { p.color_jitter(bad); }), "hue = 0.9 is invalid"));
  EXPECT_TRUE(contains(invalid_argument([&] { p.normalize({0.5, 0.5}, {0.5}); }), "mean has 2 and sd 1 entries"));
  EXPECT_TRUE(contains(invalid_argument([&] { p.normalize({0.5}, {-1}); }), "sd of channel 0 = -1 is invalid"));
  EXPECT_TRUE(p.steps().empty());  // nothing appended by the refused calls
  // Colour jitter after normalize: values leave [0, 1], refused with the position.
  gd::TransformPipeline wrong;
  nd::ColorJitterOptions c;
  c.brightness = 0.2;
  wrong.normalize({0.5, 0.5, 0.5}, {0.1, 0.1, 0.1}).color_jitter(c);
  EXPECT_TRUE(contains(invalid_argument([&] { wrong.apply(img, 1, 0, 0); }), "apply colour jitter before normalize"));
}

// ---------------------------------------------------------------- batch loader

TEST(GpuDataLoader, BatchesAreTheTransformedSamplesOfTheSeededOrder) {
  const nd::ImageSet set = small_set(11, 3, 32, 32);
  gd::BatchOptions o;
  o.batch_size = 4;
  o.seed = 3;
  const gd::ImageBatchLoader loader(set, gd::mbt_cifar_train_pipeline(), o);
  EXPECT_EQ(loader.batches_per_epoch(), 3u);
  const gd::EpochBatches order(11, 4, 3);
  std::vector<std::vector<std::size_t>> seen;
  loader.for_each_batch(1, [&](const gd::ImageBatch& b) {
    seen.push_back(b.indices);
    ASSERT_EQ(b.images.dim(), 4);
    ASSERT_EQ(b.images.size(0), static_cast<std::int64_t>(b.indices.size()));
    ASSERT_EQ(b.images.size(1), 3);
    ASSERT_EQ(b.images.scalar_type(), at::kFloat);
    ASSERT_EQ(b.labels.scalar_type(), at::kLong);
    for (std::size_t k = 0; k < b.indices.size(); ++k) {
      const std::size_t i = b.indices[k];
      ASSERT_EQ(b.labels[static_cast<std::int64_t>(k)].item<std::int64_t>(), set.labels[i]);
      const nd::ImageF want = loader.pipeline().apply(nd::image_of(set, i), 3, 1, i);
      const float* row = b.images.data_ptr<float>() + k * 3072;
      ASSERT_TRUE(std::equal(want.data.begin(), want.data.end(), row)) << "sample " << i;
    }
  });
  EXPECT_EQ(seen, order.batches(1));
  EXPECT_EQ(seen.back().size(), 3u);
}

TEST(GpuDataLoader, SamplesDoNotDependOnBatchSizeOrThreads) {
  const nd::ImageSet set = small_set(12, 3, 32, 32);
  gd::BatchOptions small, large;
  small.batch_size = 3;
  large.batch_size = 12;
  small.seed = large.seed = 9;
  const gd::ImageBatchLoader a(set, gd::mbt_cifar_train_pipeline(), small);
  const gd::ImageBatchLoader b(set, gd::mbt_cifar_train_pipeline(), large);
  // Each sample's image, keyed by dataset index.
  const auto by_index = [](const gd::ImageBatchLoader& l, std::uint64_t epoch) {
    std::map<std::size_t, at::Tensor> out;
    l.for_each_batch(epoch, [&](const gd::ImageBatch& batch) {
      for (std::size_t k = 0; k < batch.indices.size(); ++k) out[batch.indices[k]] = batch.images[static_cast<std::int64_t>(k)].clone();
    });
    return out;
  };
  const int threads = at::get_num_threads();
  at::set_num_threads(1);
  const auto one = by_index(a, 2);
  at::set_num_threads(4);
  const auto four = by_index(b, 2);
  at::set_num_threads(threads);
  ASSERT_EQ(one.size(), 12u);
  ASSERT_EQ(four.size(), 12u);
  for (std::size_t i = 0; i < 12; ++i) EXPECT_TRUE(at::equal(one.at(i), four.at(i))) << i;
  // Mutant: another seed changes the samples.
  gd::BatchOptions other = small;
  other.seed = 10;
  const auto moved = by_index(gd::ImageBatchLoader(set, gd::mbt_cifar_train_pipeline(), other), 2);
  int differ = 0;
  for (std::size_t i = 0; i < 12; ++i) differ += at::equal(one.at(i), moved.at(i)) ? 0 : 1;
  EXPECT_EQ(differ, 12);
  // gather checks its indices; the loader checks its set and batch size.
  EXPECT_THROW(a.gather(0, {12}), std::out_of_range);
  gd::BatchOptions zero;
  EXPECT_TRUE(contains(invalid_argument([&] { gd::ImageBatchLoader(set, gd::TransformPipeline(), zero); }),
                       "batch_size = 0 is invalid"));
  nd::ImageSet empty;
  empty.file = "nothing.bin";
  EXPECT_TRUE(contains(invalid_argument([&] { gd::ImageBatchLoader(empty, gd::TransformPipeline(), small); }),
                       "the image set nothing.bin is empty"));
}

// ---------------------------------------------------------------- loaders

TEST(GpuDataFiles, MnistAndFashionMnistFromGzipOrRawFiles) {
  for (const bool gzip : {true, false}) {
    const fs::path dir = mnist_dir(gzip ? "mnist_gz" : "mnist_raw", gzip);
    const nd::ImageSet train = gd::load_image_dataset(gd::ImageDataset::mnist, gd::Split::train, dir.string());
    EXPECT_EQ(train.count(), 5u);
    EXPECT_EQ(train.channels, 1);
    EXPECT_EQ(train.rows, 28);
    EXPECT_EQ(train.labels, (Bytes{3, 1, 4, 1, 5}));
    for (std::size_t i = 0; i < 5; ++i)
      for (std::size_t k = 0; k < 784; k += 97) ASSERT_EQ(train.image(i)[k], pixel(i, k));
    const nd::ImageSet test = gd::load_image_dataset(gd::ImageDataset::fashion_mnist, gd::Split::test, dir.string());
    EXPECT_EQ(test.labels, (Bytes{9, 2, 6}));
    EXPECT_EQ(gd::image_tensors(test).images.sizes(), at::IntArrayRef({3, 1, 28, 28}));
    EXPECT_EQ(fs::path(gd::image_dataset_files(gd::ImageDataset::mnist, gd::Split::test, dir.string())[1]).filename().string(),
              gzip ? "t10k-labels-idx1-ubyte.gz" : "t10k-labels-idx1-ubyte");
  }
}

TEST(GpuDataFiles, CifarTenAndHundredFromTheirDirectories) {
  const fs::path dir = cifar10_dir("cifar10");
  const nd::ImageSet train = gd::load_image_dataset(gd::ImageDataset::cifar10, gd::Split::train, dir.string());
  // The five batches in order: labels k, 9 - k; images 0..9.
  EXPECT_EQ(train.labels, (Bytes{1, 8, 2, 7, 3, 6, 4, 5, 5, 4}));
  ASSERT_EQ(train.count(), 10u);
  for (std::size_t i = 0; i < 10; ++i) ASSERT_EQ(train.image(i)[777], pixel(i, 777)) << i;
  EXPECT_EQ(train.file, dir.string());
  // The archive layout: files in cifar-100-binary/ below the directory.
  const fs::path top = fresh_dir("cifar100");
  fs::create_directories(top / "cifar-100-binary");
  write_raw(top / "cifar-100-binary" / "train.bin", cifar100_records({19, 0}, {99, 42}));
  write_raw(top / "cifar-100-binary" / "test.bin", cifar100_records({3}, {7}));
  const nd::ImageSet c100 = gd::load_image_dataset(gd::ImageDataset::cifar100, gd::Split::train, top.string());
  EXPECT_EQ(c100.labels, (Bytes{99, 42}));
  EXPECT_EQ(c100.coarse_labels, (Bytes{19, 0}));
  EXPECT_EQ(gd::image_tensors(c100).labels[0].item<std::int64_t>(), 99);
  EXPECT_EQ(gd::image_dataset_classes(gd::ImageDataset::cifar100), 100);
}

TEST(GpuDataFiles, MissingFilesAreNamed) {
  const fs::path dir = cifar10_dir("cifar10_missing");
  fs::remove(dir / "data_batch_3.bin");
  nd::DataFileError e = file_error([&] { gd::load_image_dataset(gd::ImageDataset::cifar10, gd::Split::train, dir.string()); });
  EXPECT_EQ(e.file(), (dir / "data_batch_3.bin").string());
  EXPECT_EQ(e.byte(), -1);
  EXPECT_TRUE(contains(e.what(), "missing; CIFAR-10 (binary version) expects data_batch_1.bin .. data_batch_5.bin"));
  // The test split does not need the training files (control: the same directory loads).
  EXPECT_EQ(gd::load_image_dataset(gd::ImageDataset::cifar10, gd::Split::test, dir.string()).count(), 3u);
  const fs::path m = mnist_dir("mnist_missing", true);
  fs::remove(m / "t10k-labels-idx1-ubyte.gz");
  e = file_error([&] { gd::load_image_dataset(gd::ImageDataset::mnist, gd::Split::test, m.string()); });
  EXPECT_EQ(e.file(), (m / "t10k-labels-idx1-ubyte.gz").string());
  EXPECT_TRUE(contains(e.what(), "neither " + (m / "t10k-labels-idx1-ubyte.gz").string() + " nor " +
                                     (m / "t10k-labels-idx1-ubyte").string() + " exists"));
  e = file_error([&] { gd::load_image_dataset(gd::ImageDataset::fashion_mnist, gd::Split::test, m.string()); });
  EXPECT_TRUE(contains(e.what(), "apt-get install dataset-fashion-mnist"));
  // No directory and no environment variable for MNIST: the variable is named.
  ::unsetenv("OPTVERIFY_MNIST_DIR");
  EXPECT_TRUE(contains(invalid_argument([] { gd::image_dataset_directory(gd::ImageDataset::mnist); }),
                       "no directory for MNIST (pass one, or set OPTVERIFY_MNIST_DIR"));
  ::setenv("OPTVERIFY_CIFAR10_DIR", dir.string().c_str(), 1);
  EXPECT_EQ(gd::image_dataset_directory(gd::ImageDataset::cifar10), dir.string());
  ::unsetenv("OPTVERIFY_CIFAR10_DIR");
}

TEST(GpuDataFiles, CorruptTruncatedAndMislabelledFilesNameFileAndByte) {
  // Each case: a good directory loads (control), the same with one defect fails at its byte.
  const fs::path m = mnist_dir("mnist_bad", false);
  ASSERT_EQ(gd::load_image_dataset(gd::ImageDataset::mnist, gd::Split::train, m.string()).count(), 5u);
  // Mislabelled: label 10 of sample 2 (byte 8 + 2).
  write_raw(m / "train-labels-idx1-ubyte", idx_labels({3, 1, 10, 1, 5}));
  nd::DataFileError e = file_error([&] { gd::load_image_dataset(gd::ImageDataset::mnist, gd::Split::train, m.string()); });
  EXPECT_EQ(e.file(), (m / "train-labels-idx1-ubyte").string());
  EXPECT_EQ(e.byte(), 10);
  EXPECT_TRUE(contains(e.what(), "label 10 of sample 2 is invalid (valid: 0..9)"));
  // Counts differ: 4 labels for 5 images (byte 4 of the images file, naming both).
  write_raw(m / "train-labels-idx1-ubyte", idx_labels({3, 1, 4, 1}));
  e = file_error([&] { gd::load_image_dataset(gd::ImageDataset::mnist, gd::Split::train, m.string()); });
  EXPECT_EQ(e.file(), (m / "train-images-idx3-ubyte").string());
  EXPECT_EQ(e.byte(), 4);
  EXPECT_TRUE(contains(e.what(), "5 images, but " + (m / "train-labels-idx1-ubyte").string() + " holds 4 labels"));
  // Truncated images: the reader names the byte where the data stop.
  write_raw(m / "train-labels-idx1-ubyte", idx_labels({3, 1, 4, 1, 5}));
  Bytes images = idx_images(5, 28, 28);
  images.resize(16 + 3 * 784 + 100);
  write_raw(m / "train-images-idx3-ubyte", images);
  e = file_error([&] { gd::load_image_dataset(gd::ImageDataset::mnist, gd::Split::train, m.string()); });
  EXPECT_EQ(e.file(), (m / "train-images-idx3-ubyte").string());
  EXPECT_EQ(e.byte(), static_cast<std::int64_t>(images.size()));
  // Not 28 x 28: byte 8.
  write_raw(m / "train-images-idx3-ubyte", idx_images(5, 14, 14));
  e = file_error([&] { gd::load_image_dataset(gd::ImageDataset::mnist, gd::Split::train, m.string()); });
  EXPECT_EQ(e.byte(), 8);
  EXPECT_TRUE(contains(e.what(), "images are 14 x 14 (valid: 28 x 28, the MNIST size)"));
  // ... which idx_image_set alone accepts (no size rule).
  EXPECT_EQ(gd::idx_image_set((m / "train-images-idx3-ubyte").string(), (m / "train-labels-idx1-ubyte").string(), 10).rows,
            14);

  // CIFAR-10: a truncated batch names the start of the cut record; a bad label its byte.
  const fs::path c = cifar10_dir("cifar10_bad");
  Bytes batch = cifar10_records({1, 2}, 0);
  batch.resize(3073 + 50);
  write_raw(c / "data_batch_4.bin", batch);
  e = file_error([&] { gd::load_image_dataset(gd::ImageDataset::cifar10, gd::Split::train, c.string()); });
  EXPECT_EQ(e.file(), (c / "data_batch_4.bin").string());
  EXPECT_EQ(e.byte(), 3073);
  batch = cifar10_records({1, 12}, 0);
  write_raw(c / "data_batch_4.bin", batch);
  e = file_error([&] { gd::load_image_dataset(gd::ImageDataset::cifar10, gd::Split::train, c.string()); });
  EXPECT_EQ(e.byte(), 3073);
  EXPECT_TRUE(contains(e.what(), "label 12 of image 1 is invalid (valid: 0..9)"));
  // A CIFAR-100 file where CIFAR-10 is expected: the record size does not fit.
  write_raw(c / "test_batch.bin", cifar100_records({1, 2, 3}, {4, 5, 6}));
  e = file_error([&] { gd::load_image_dataset(gd::ImageDataset::cifar10, gd::Split::test, c.string()); });
  EXPECT_EQ(e.file(), (c / "test_batch.bin").string());
  EXPECT_TRUE(contains(e.what(), "a CIFAR-100 file?"));
  // Corrupt gzip stream under an IDX name: the reader's error with its offset.
  const fs::path g = mnist_dir("mnist_gz_bad", true);
  const fs::path labels = g / "t10k-labels-idx1-ubyte.gz";
  std::ifstream in(labels, std::ios::binary);
  Bytes gz((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  gz.resize(gz.size() - 6);  // cut the stream
  write_raw(labels, gz);
  e = file_error([&] { gd::load_image_dataset(gd::ImageDataset::mnist, gd::Split::test, g.string()); });
  EXPECT_EQ(e.file(), labels.string());
  EXPECT_GE(e.byte(), 0);
}

TEST(GpuDataFiles, InstalledFashionMnistHasTheKnownStatistics) {
  const std::string dir = nd::fashion_mnist_directory();
  if (!fs::exists(fs::path(dir) / "t10k-images-idx3-ubyte.gz")) {
    GTEST_SKIP() << "Fashion-MNIST not installed in " << dir << " (Debian package dataset-fashion-mnist)";
  }
  const nd::ImageSet test = gd::load_image_dataset(gd::ImageDataset::fashion_mnist, gd::Split::test);
  EXPECT_EQ(test.count(), 10000u);
  std::vector<int> per_class(10, 0);
  for (std::uint8_t l : test.labels) ++per_class[l];
  for (int n : per_class) EXPECT_EQ(n, 1000);
  // The test split's byte statistics computed independently (a Python script over the
  // decompressed bytes, exact integer sums): mean 0.28684928071, population sd
  // 0.35244415325 (the training split gives 0.28604 / 0.35302, the usual [EXT] constants
  // 0.2860 / 0.3530). Bound 1e-9: both are exact sums with a few double roundings.
  const gd::ChannelStatistics st = gd::channel_statistics(test);
  EXPECT_NEAR(st.mean[0], 0.28684928071, 1e-9);
  EXPECT_NEAR(st.sd[0], 0.35244415325, 1e-9);
  const gd::ImageTensors t = gd::image_tensors(test, st.mean, st.sd);
  EXPECT_EQ(t.images.sizes(), at::IntArrayRef({10000, 1, 28, 28}));
  // After normalising with its own statistics the set has mean 0 and sd 1 (float sums
  // over 7.8e6 values in double: 1e-6).
  EXPECT_NEAR(t.images.to(at::kDouble).mean().item<double>(), 0.0, 1e-6);
  EXPECT_NEAR(t.images.to(at::kDouble).std(false).item<double>(), 1.0, 1e-6);
}

}  // namespace
