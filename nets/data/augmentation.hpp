// Seeded data augmentations on one image in CHW order (channel after channel, each
// row-major), uint8 pixels or float values after normalisation: the torchvision
// transforms of the CIFAR training pipelines (RandomCrop(32, padding=4),
// RandomHorizontalFlip(), RandomAffine(...), RandomRotation(deg), ColorJitter(b, c, s, h),
// Normalize(mean, std)), written from their definitions, torch-free (the LibTorch layer,
// issue 9, gpu/data/, composes them into seeded per-sample pipelines). docs/data.md
// states each definition and where it differs from torchvision.
//
// Each transform has a deterministic form (explicit offsets / angle) and a random
// form that draws its parameters from an ov::optim::SplitMix64 (optim/core/random.hpp)
// and advances it by exactly the draws listed; the output is a pure function of
// (image, rng state), so the same seed gives the same output on every platform. For one
// stream per image use SplitMix64(derive_seed(seed, image index)) (sampling.hpp).
// Invalid parameters throw std::invalid_argument naming the parameter.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
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
// the flip; pad = 4 for CIFAR. (The whole MBT pipeline: gpu/data/transform_pipeline.hpp.)
template <class T>
ChwImage<T> random_crop_flip(const ChwImage<T>& image, int pad, ov::optim::SplitMix64& rng);

// ---- Affine (torchvision F.affine / RandomAffine on PIL images) -------------------------

// torchvision's affine parameters. Image coordinates: x to the right, y DOWN, pixel (r, x)
// covers [x, x+1) x [r, r+1), centre C = (cols / 2, rows / 2). The forward map is
//   M = T(translate) * C * R(angle) * S(scale) * SHy(shear_y) * SHx(shear_x) * C^-1,
//   R(a) = [[cos a, -sin a], [sin a, cos a]] (with y down: CLOCKWISE on screen for a > 0,
//   as torchvision's F.affine; rotate() above turns counter-clockwise, as F.rotate),
//   SHx(s) = [[1, -tan s], [0, 1]], SHy(s) = [[1, 0], [-tan s, 1]],
// i.e. the 2 x 2 part scale * [[a, b], [c, d]] with a = cos(t - sy) / cos(sy),
// b = -cos(t - sy) tan(sx) / cos(sy) - sin t, c = sin(t - sy) / cos(sy),
// d = -sin(t - sy) tan(sx) / cos(sy) + cos t (torchvision's _get_inverse_affine_matrix).
struct AffineParams {
  double angle = 0;                         // degrees
  double translate_x = 0, translate_y = 0;  // pixels (right, down)
  double scale = 1;                         // > 0
  double shear_x = 0, shear_y = 0;          // degrees, |.| < 90
};

// Nearest-neighbour resampling with zero fill, as PIL's Image.transform(AFFINE, NEAREST)
// that torchvision uses for PIL images: output pixel (r, x) takes the input pixel that
// contains M^-1 (x + 1/2, r + 1/2), i.e. column floor(u), row floor(v) of the continuous
// source point (u, v); 0 when it falls outside [0, cols) x [0, rows). cos, sin and tan of
// multiples of 90 degrees are exact (so angle 0 with integer translations is an exact shift,
// and 90 / 180 / 270 are exact permutations of square images). Throws
// std::invalid_argument naming the parameter: a non-finite value, scale <= 0, a shear
// with |shear| >= 90 degrees (tan undefined), or an image as check_image refuses.
template <class T>
ChwImage<T> affine(const ChwImage<T>& image, const AffineParams& params);

// torchvision RandomAffine(degrees, translate, scale, shear). Ranges are closed-open as
// torch's uniform_: a value is lo + (hi - lo) * uniform().
struct RandomAffineOptions {
  double degrees_min = 0, degrees_max = 0;                 // angle range
  std::optional<std::pair<double, double>> translate;      // max fractions (a, b), each in [0, 1]
  std::optional<std::pair<double, double>> scale;          // (lo, hi), 0 < lo <= hi
  std::optional<std::pair<double, double>> shear_x;        // degrees (lo, hi), |.| < 90
  std::optional<std::pair<double, double>> shear_y;        // degrees (lo, hi), |.| < 90

  // RandomAffine(degrees = d): angle in [-d, d), nothing else (d finite, >= 0).
  static RandomAffineOptions rotation(double degrees);
  // Throws std::invalid_argument naming the first invalid field and its valid range.
  void validate() const;
};

// The parameters RandomAffine draws for a rows x cols image, in torchvision's order,
// one uniform() each: angle; if translate: dx then dy, each round-half-even(uniform in
// [-a cols, a cols)) (resp. b rows), integers as torchvision's int(round(.)); if scale:
// the scale; if shear_x: shear_x; if shear_y: shear_y. Fields not drawn keep their
// AffineParams default. Validates options (and rows, cols >= 1).
AffineParams draw_affine_params(const RandomAffineOptions& options, int rows, int cols, ov::optim::SplitMix64& rng);
template <class T>
ChwImage<T> random_affine(const ChwImage<T>& image, const RandomAffineOptions& options, ov::optim::SplitMix64& rng);

// ---- Colour (torchvision ColorJitter, tensor definitions) --------------------------------
// On float images with values in [0, 1] (ToTensor's scale; 1 or 3 channels). Each
// adjustment computes in double and rounds the result to float once, then clamps to
// [0, 1]. gray(p) = 0.2989 r + 0.587 g + 0.114 b (torchvision rgb_to_grayscale; the value
// itself for one channel). Throws std::invalid_argument for a factor out of range, an
// image with other than 1 or 3 channels, or a value outside [0, 1] / NaN (naming the
// first such value's channel, row and column: apply colour jitter before normalize).

// out = clamp(f * in); f >= 0 (0 gives black, 1 the identity).
ImageF adjust_brightness(const ImageF& image, double factor);
// out = clamp(f * in + (1 - f) * m), m = the mean of gray over the whole image (one
// number); f >= 0 (0 gives the uniform mean grey, 1 the identity).
ImageF adjust_contrast(const ImageF& image, double factor);
// out = clamp(f * in + (1 - f) * gray(pixel)); f >= 0 (0 gives the grey image); a
// one-channel image is returned unchanged (as torchvision).
ImageF adjust_saturation(const ImageF& image, double factor);
// RGB -> HSV (torchvision's _rgb2hsv), hue h -> (h + f) - floor(h + f), HSV -> RGB;
// -0.5 <= f <= 0.5 (a turn of 360 f degrees: 1/3 takes pure red to pure green, 1/2 to
// cyan); grey pixels (max = min) are unchanged; a one-channel image is returned unchanged.
ImageF adjust_hue(const ImageF& image, double factor);

// torchvision ColorJitter(brightness, contrast, saturation, hue), scalar form: factors
// uniform in [max(0, 1 - b), 1 + b), [max(0, 1 - c), 1 + c), [max(0, 1 - s), 1 + s) and
// hue in [-h, h); a zero parameter disables its adjustment (no draw, as torchvision's None).
// b, c, s finite and >= 0; 0 <= h <= 0.5.
struct ColorJitterOptions {
  double brightness = 0, contrast = 0, saturation = 0, hue = 0;
  void validate() const;  // throws std::invalid_argument naming the field and its range
};

// The drawn jitter: `order` is a permutation of {0 brightness, 1 contrast, 2 saturation,
// 3 hue} (torchvision's torch.randperm(4)); disabled adjustments have enabled[k] = false.
struct ColorJitterParams {
  std::array<int, 4> order{{0, 1, 2, 3}};
  std::array<bool, 4> enabled{{false, false, false, false}};
  double brightness = 1, contrast = 1, saturation = 1, hue = 0;
};

// Draws, in this order: the order (Fisher-Yates on {0, 1, 2, 3} with SplitMix64::shuffle:
// below(4), below(3), below(2)), then one uniform() for each enabled factor in the order
// brightness, contrast, saturation, hue (torchvision's get_params order).
ColorJitterParams draw_color_jitter(const ColorJitterOptions& options, ov::optim::SplitMix64& rng);
// Applies the enabled adjustments in params.order (order must be a permutation; factors
// as the adjust_* functions require).
ImageF color_jitter(const ImageF& image, const ColorJitterParams& params);
ImageF random_color_jitter(const ImageF& image, const ColorJitterOptions& options, ov::optim::SplitMix64& rng);

// ToTensor without Normalize: in / 255 in float (values in [0, 1]).
ImageF to_unit_float(const ImageU8& image);

}  // namespace ov::nets::data
