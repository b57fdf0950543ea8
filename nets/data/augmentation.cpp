#include "nets/data/augmentation.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

#include "nets/data/cifar_reader.hpp"

namespace ov::nets::data {

namespace {

// A double as %g would write it (0, 1e-50, -3, nan, inf, 0.2023).
std::string num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

template <class T>
void check_image(const ChwImage<T>& image, const char* fn) {
  if (image.channels < 1 || image.rows < 1 || image.cols < 1) {
    throw std::invalid_argument(std::string(fn) + ": image is " + std::to_string(image.channels) + " x " +
                                std::to_string(image.rows) + " x " + std::to_string(image.cols) +
                                " (valid: channels, rows, cols >= 1)");
  }
  if (image.data.size() != image.size()) {
    throw std::invalid_argument(std::string(fn) + ": image holds " + std::to_string(image.data.size()) +
                                " values, but " + std::to_string(image.channels) + " x " +
                                std::to_string(image.rows) + " x " + std::to_string(image.cols) + " = " +
                                std::to_string(image.size()));
  }
}

void check_pad(int pad, const char* fn) {
  if (pad < 0 || pad > (1 << 20)) {
    throw std::invalid_argument(std::string(fn) + ": pad = " + std::to_string(pad) + " is invalid (valid: 0..2^20)");
  }
}

void check_finite(double v, const char* fn, const char* what) {
  if (!std::isfinite(v)) {
    throw std::invalid_argument(std::string(fn) + ": " + what + " = " + num(v) +
                                " is invalid (valid: finite)");
  }
}

// Exact cos and sin for multiples of 90 degrees, else std::cos / std::sin of the radians.
void cos_sin_degrees(double degrees, double& c, double& s) {
  const double turns = std::fmod(degrees, 360.0);
  const double q = turns / 90.0;
  if (q == std::floor(q)) {
    const int k = static_cast<int>((static_cast<long>(q) % 4 + 4) % 4);
    static constexpr double kCos[4] = {1, 0, -1, 0};
    static constexpr double kSin[4] = {0, 1, 0, -1};
    c = kCos[k];
    s = kSin[k];
    return;
  }
  const double radians = turns * (3.14159265358979323846 / 180.0);
  c = std::cos(radians);
  s = std::sin(radians);
}

template <class T>
ImageF normalized(const ChwImage<T>& image, const std::vector<double>& mean, const std::vector<double>& sd,
                       float scale) {
  check_image(image, "normalize");
  const auto channels = static_cast<std::size_t>(image.channels);
  if (mean.size() != channels || sd.size() != channels) {
    throw std::invalid_argument("normalize: mean has " + std::to_string(mean.size()) + " and sd " +
                                std::to_string(sd.size()) + " entries, the image " + std::to_string(channels) +
                                " channels (valid: one each per channel)");
  }
  for (std::size_t c = 0; c < channels; ++c) {
    if (!std::isfinite(mean[c])) {
      throw std::invalid_argument("normalize: mean of channel " + std::to_string(c) + " = " +
                                  num(mean[c]) + " is invalid (valid: finite)");
    }
    if (!(sd[c] > 0) || !std::isfinite(sd[c]) || !(static_cast<float>(sd[c]) > 0)) {
      throw std::invalid_argument("normalize: sd of channel " + std::to_string(c) + " = " + num(sd[c]) +
                                  " is invalid (valid: finite and > 0, also in float)");
    }
  }
  ImageF out(image.channels, image.rows, image.cols, std::vector<float>(image.size()));
  const std::size_t plane = static_cast<std::size_t>(image.rows) * static_cast<std::size_t>(image.cols);
  for (std::size_t c = 0; c < channels; ++c) {
    const float m = static_cast<float>(mean[c]), d = static_cast<float>(sd[c]);
    for (std::size_t k = c * plane; k < (c + 1) * plane; ++k) {
      out.data[k] = (static_cast<float>(image.data[k]) / scale - m) / d;
    }
  }
  return out;
}

}  // namespace

ImageU8 image_of(const ImageSet& set, std::size_t i) {
  if (i >= set.count()) {
    throw std::out_of_range("image_of: image " + std::to_string(i) + " of a set of " + std::to_string(set.count()));
  }
  const std::uint8_t* p = set.image(i);
  return ImageU8(set.channels, set.rows, set.cols, std::vector<std::uint8_t>(p, p + set.image_size()));
}

template <class T>
ChwImage<T> crop_padded(const ChwImage<T>& image, int pad, int top, int left) {
  check_image(image, "crop_padded");
  check_pad(pad, "crop_padded");
  if (top < 0 || top > 2 * pad || left < 0 || left > 2 * pad) {
    throw std::invalid_argument("crop_padded: top = " + std::to_string(top) + ", left = " + std::to_string(left) +
                                " are invalid (valid: 0..2 pad = 0.." + std::to_string(2 * pad) + ")");
  }
  ChwImage<T> out(image.channels, image.rows, image.cols, std::vector<T>(image.size(), T(0)));
  const int dr = top - pad, dx = left - pad;
  for (int c = 0; c < image.channels; ++c) {
    for (int r = 0; r < image.rows; ++r) {
      const int sr = r + dr;
      if (sr < 0 || sr >= image.rows) continue;
      for (int x = 0; x < image.cols; ++x) {
        const int sx = x + dx;
        if (sx >= 0 && sx < image.cols) out.at(c, r, x) = image.at(c, sr, sx);
      }
    }
  }
  return out;
}

template <class T>
ChwImage<T> random_crop(const ChwImage<T>& image, int pad, ov::optim::SplitMix64& rng) {
  check_pad(pad, "random_crop");
  const auto positions = static_cast<std::uint64_t>(2 * pad + 1);
  const int top = static_cast<int>(rng.below(positions));
  const int left = static_cast<int>(rng.below(positions));
  return crop_padded(image, pad, top, left);
}

template <class T>
ChwImage<T> horizontal_flip(const ChwImage<T>& image) {
  check_image(image, "horizontal_flip");
  ChwImage<T> out = image;
  for (int c = 0; c < image.channels; ++c)
    for (int r = 0; r < image.rows; ++r)
      for (int x = 0; x < image.cols; ++x) out.at(c, r, x) = image.at(c, r, image.cols - 1 - x);
  return out;
}

template <class T>
ChwImage<T> random_horizontal_flip(const ChwImage<T>& image, ov::optim::SplitMix64& rng, double p) {
  if (!(p >= 0 && p <= 1)) {
    throw std::invalid_argument("random_horizontal_flip: p = " + num(p) + " is invalid (valid: 0 <= p <= 1)");
  }
  check_image(image, "random_horizontal_flip");
  return rng.uniform() < p ? horizontal_flip(image) : image;
}

template <class T>
ChwImage<T> rotate(const ChwImage<T>& image, double degrees) {
  check_image(image, "rotate");
  check_finite(degrees, "rotate", "degrees");
  double c = 1, s = 0;
  cos_sin_degrees(degrees, c, s);
  ChwImage<T> out(image.channels, image.rows, image.cols, std::vector<T>(image.size(), T(0)));
  const double cy = (image.rows - 1) / 2.0, cx = (image.cols - 1) / 2.0;
  for (int r = 0; r < image.rows; ++r) {
    const double v = cy - r;
    for (int x = 0; x < image.cols; ++x) {
      const double u = x - cx;
      const double sx = std::nearbyint(cx + (u * c + v * s));
      const double sr = std::nearbyint(cy - (v * c - u * s));
      if (sx < 0 || sx > image.cols - 1 || sr < 0 || sr > image.rows - 1) continue;
      const int ix = static_cast<int>(sx), ir = static_cast<int>(sr);
      for (int ch = 0; ch < image.channels; ++ch) out.at(ch, r, x) = image.at(ch, ir, ix);
    }
  }
  return out;
}

double draw_rotation_angle(double degrees, ov::optim::SplitMix64& rng) {
  check_finite(degrees, "random_rotation", "degrees");
  if (degrees < 0) {
    throw std::invalid_argument("random_rotation: degrees = " + num(degrees) +
                                " is invalid (valid: finite and >= 0)");
  }
  return degrees * (2 * rng.uniform() - 1);
}

template <class T>
ChwImage<T> random_rotation(const ChwImage<T>& image, double degrees, ov::optim::SplitMix64& rng) {
  check_image(image, "random_rotation");
  return rotate(image, draw_rotation_angle(degrees, rng));
}

template <class T>
ChwImage<T> random_crop_flip(const ChwImage<T>& image, int pad, ov::optim::SplitMix64& rng) {
  return random_horizontal_flip(random_crop(image, pad, rng), rng);
}

ImageF normalize(const ImageU8& image, const std::vector<double>& mean, const std::vector<double>& sd) {
  return normalized(image, mean, sd, 255.0f);
}

ImageF normalize(const ImageF& image, const std::vector<double>& mean, const std::vector<double>& sd) {
  return normalized(image, mean, sd, 1.0f);
}

#define OV_AUGMENTATION_INSTANTIATE(T)                                                                  \
  template ChwImage<T> crop_padded(const ChwImage<T>&, int, int, int);                                  \
  template ChwImage<T> random_crop(const ChwImage<T>&, int, ov::optim::SplitMix64&);                    \
  template ChwImage<T> horizontal_flip(const ChwImage<T>&);                                             \
  template ChwImage<T> random_horizontal_flip(const ChwImage<T>&, ov::optim::SplitMix64&, double);      \
  template ChwImage<T> rotate(const ChwImage<T>&, double);                                              \
  template ChwImage<T> random_rotation(const ChwImage<T>&, double, ov::optim::SplitMix64&);             \
  template ChwImage<T> random_crop_flip(const ChwImage<T>&, int, ov::optim::SplitMix64&);

OV_AUGMENTATION_INSTANTIATE(std::uint8_t)
OV_AUGMENTATION_INSTANTIATE(float)
#undef OV_AUGMENTATION_INSTANTIATE

}  // namespace ov::nets::data
