// Seeded data augmentations on one image in CHW order (channel after channel, each
// row-major), uint8 pixels or float values after normalisation: the torchvision
// transforms of the CIFAR training pipelines (RandomCrop(32, padding=4),
// RandomHorizontalFlip(), Normalize(mean, std), RandomRotation(deg)), written from
// their definitions, torch-free (the LibTorch layer, issue 9, wraps them).
//
// Each transform has a deterministic form (explicit offsets / angle) and a random
// form that draws its parameters from an ov::optim::SplitMix64 (optim/core/random.hpp)
// and advances it by exactly the draws listed; the output is a pure function of
// (image, rng state), so the same seed gives the same output on every platform. For one
// stream per image use SplitMix64(derive_seed(seed, image index)) (sampling.hpp).
// Invalid parameters throw std::invalid_argument naming the parameter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "optim/core/random.hpp"

namespace ov::nets::data {

struct ImageSet;

template <class T>
struct ChwImage {
  int channels = 0, rows = 0, cols = 0;
  std::vector<T> data;  // channels * rows * cols

  ChwImage() = default;
  ChwImage(int c, int r, int x, std::vector<T> values) : channels(c), rows(r), cols(x), data(std::move(values)) {}
  std::size_t size() const {
    return static_cast<std::size_t>(channels) * static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
  }
  T& at(int c, int r, int x) { return data[(static_cast<std::size_t>(c) * rows + r) * cols + x]; }
  const T& at(int c, int r, int x) const { return data[(static_cast<std::size_t>(c) * rows + r) * cols + x]; }
  bool operator==(const ChwImage& o) const {
    return channels == o.channels && rows == o.rows && cols == o.cols && data == o.data;
  }
  bool operator!=(const ChwImage& o) const { return !(*this == o); }
};

using ImageU8 = ChwImage<std::uint8_t>;
using ImageF = ChwImage<float>;

// Image i of a set (throws std::out_of_range for i >= count()).
ImageU8 image_of(const ImageSet& set, std::size_t i);

// Every function below checks the image (channels, rows, cols >= 1 and
// data.size() = channels * rows * cols; std::invalid_argument otherwise) and is
// instantiated for T = std::uint8_t and T = float.

// Zero-pad by `pad` on every side, then take the rows x cols window whose top-left
// corner is (top, left) in the padded image: out(c, r, x) = in(c, r + top - pad,
// x + left - pad), 0 outside. pad >= 0, 0 <= top, left <= 2 pad. pad = 0 is the identity.
template <class T>
ChwImage<T> crop_padded(const ChwImage<T>& image, int pad, int top, int left);
// torchvision RandomCrop(size = (rows, cols), padding = pad): top = below(2 pad + 1),
// then left = below(2 pad + 1) (two bounded draws: Lemire's unbiased integers, each
// one 64-bit draw except on a rare rejection).
template <class T>
ChwImage<T> random_crop(const ChwImage<T>& image, int pad, ov::optim::SplitMix64& rng);

// Mirror every row: out(c, r, x) = in(c, r, cols - 1 - x).
template <class T>
ChwImage<T> horizontal_flip(const ChwImage<T>& image);
// Flip when rng.uniform() < p (one draw, also when p is 0 or 1); 0 <= p <= 1.
template <class T>
ChwImage<T> random_horizontal_flip(const ChwImage<T>& image, ov::optim::SplitMix64& rng, double p = 0.5);

// Rotate counter-clockwise by `degrees` about the centre ((rows-1)/2, (cols-1)/2),
// same size, nearest-neighbour, zero fill: output pixel (r, x), with u = x - cx,
// v = cy - r (y up), takes the input at column cx + u cos t + v sin t, row
// cy - (-u sin t + v cos t), each rounded to the nearest integer (ties to even),
// 0 if outside. Multiples of 90 degrees use exact cos and sin (0, +-1), so 0 is the
// identity and 90 / 180 / 270 are exact permutations on square images. degrees finite.
template <class T>
ChwImage<T> rotate(const ChwImage<T>& image, double degrees);
// Angle = degrees * (2 rng.uniform() - 1), uniform in [-degrees, degrees) (one draw);
// degrees finite and >= 0.
template <class T>
ChwImage<T> random_rotation(const ChwImage<T>& image, double degrees, ov::optim::SplitMix64& rng);

// The angle random_rotation would use, drawn from rng the same way.
double draw_rotation_angle(double degrees, ov::optim::SplitMix64& rng);

// torchvision ToTensor + Normalize: out(c, r, x) = (in / 255 - mean[c]) / sd[c] in
// float arithmetic (mean and sd rounded to float first). mean and sd have one entry per
// channel, finite, sd > 0 (the message names the channel).
ImageF normalize(const ImageU8& image, const std::vector<double>& mean, const std::vector<double>& sd);
// Normalize alone on float values: (in - mean[c]) / sd[c].
ImageF normalize(const ImageF& image, const std::vector<double>& mean, const std::vector<double>& sd);

// The first two steps of the MBT code's CIFAR training augmentation (000/001 guide):
// RandomCrop(size, padding = pad) then RandomHorizontalFlip(), drawing top, left, then
// the flip; pad = 4 for CIFAR. (Its RandomAffine(10) and ColorJitter are not provided.)
template <class T>
ChwImage<T> random_crop_flip(const ChwImage<T>& image, int pad, ov::optim::SplitMix64& rng);

}  // namespace ov::nets::data
