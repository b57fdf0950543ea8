#include "nets/data/augmentation.hpp"

#include <algorithm>
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

// tan of degrees, exact (0) for multiples of 180; |degrees| < 90 is checked by the caller.
double tan_degrees(double degrees) {
  double c = 1, s = 0;
  cos_sin_degrees(degrees, c, s);
  return s / c;
}

// A (lo, hi) range with lo_bound < lo <= hi < hi_bound (open bounds).
void check_range_pair(const std::optional<std::pair<double, double>>& range, const char* field, double lo_bound,
                      double hi_bound, const char* valid) {
  if (!range) return;
  const double lo = range->first, hi = range->second;
  const bool inside = lo > lo_bound && hi < hi_bound;
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo <= hi) || !inside) {
    throw std::invalid_argument(std::string("RandomAffineOptions: ") + field + " = (" + num(lo) + ", " + num(hi) +
                                ") is invalid (valid: " + valid + ")");
  }
}

// The colour functions' input check: 1 or 3 channels, every value in [0, 1].
void check_unit_image(const ImageF& image, const char* fn) {
  check_image(image, fn);
  if (image.channels != 1 && image.channels != 3) {
    throw std::invalid_argument(std::string(fn) + ": image has " + std::to_string(image.channels) +
                                " channels (valid: 1 or 3)");
  }
  for (std::size_t k = 0; k < image.data.size(); ++k) {
    const float v = image.data[k];
    if (!(v >= 0.0f && v <= 1.0f)) {
      const std::size_t plane = static_cast<std::size_t>(image.rows) * static_cast<std::size_t>(image.cols);
      const std::size_t c = k / plane, r = (k % plane) / static_cast<std::size_t>(image.cols),
                        x = k % static_cast<std::size_t>(image.cols);
      throw std::invalid_argument(std::string(fn) + ": value " + num(v) + " at channel " + std::to_string(c) +
                                  ", row " + std::to_string(r) + ", column " + std::to_string(x) +
                                  " is outside [0, 1] (valid: ToTensor's scale; apply colour jitter before "
                                  "normalize)");
    }
  }
}

void check_factor(double f, const char* fn, double lo, double hi, const char* valid) {
  if (!std::isfinite(f) || f < lo || f > hi) {
    throw std::invalid_argument(std::string(fn) + ": factor = " + num(f) + " is invalid (valid: " + valid + ")");
  }
}

float unit_clamped(double v) { return static_cast<float>(std::min(1.0, std::max(0.0, v))); }

double gray_of(double r, double g, double b) { return 0.2989 * r + 0.587 * g + 0.114 * b; }

// Per pixel: out = f * in + (1 - f) * other(pixel), clamped, for every channel.
template <class Other>
ImageF blend_with(const ImageF& image, double f, Other other) {
  ImageF out = image;
  for (int r = 0; r < image.rows; ++r)
    for (int x = 0; x < image.cols; ++x) {
      const double o = other(r, x);
      for (int c = 0; c < image.channels; ++c) out.at(c, r, x) = unit_clamped(f * image.at(c, r, x) + (1 - f) * o);
    }
  return out;
}

double pixel_gray(const ImageF& image, int r, int x) {
  if (image.channels == 1) return image.at(0, r, x);
  return gray_of(image.at(0, r, x), image.at(1, r, x), image.at(2, r, x));
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

template <class T>
ChwImage<T> affine(const ChwImage<T>& image, const AffineParams& p) {
  check_image(image, "affine");
  check_finite(p.angle, "affine", "angle");
  check_finite(p.translate_x, "affine", "translate_x");
  check_finite(p.translate_y, "affine", "translate_y");
  check_finite(p.scale, "affine", "scale");
  check_finite(p.shear_x, "affine", "shear_x");
  check_finite(p.shear_y, "affine", "shear_y");
  if (!(p.scale > 0)) {
    throw std::invalid_argument("affine: scale = " + num(p.scale) + " is invalid (valid: finite and > 0)");
  }
  if (!(std::fabs(p.shear_x) < 90) || !(std::fabs(p.shear_y) < 90)) {
    throw std::invalid_argument("affine: shear = (" + num(p.shear_x) + ", " + num(p.shear_y) +
                                ") degrees is invalid (valid: |shear| < 90)");
  }
  // torchvision's _get_inverse_affine_matrix, with exact trigonometry at multiples of 90.
  double cos_t = 1, sin_t = 0, cos_tsy = 1, sin_tsy = 0, cos_sy = 1, sin_sy = 0;
  cos_sin_degrees(p.angle, cos_t, sin_t);
  cos_sin_degrees(p.angle - p.shear_y, cos_tsy, sin_tsy);
  cos_sin_degrees(p.shear_y, cos_sy, sin_sy);
  const double tan_sx = tan_degrees(p.shear_x);
  const double a = cos_tsy / cos_sy;
  const double b = -cos_tsy * tan_sx / cos_sy - sin_t;
  const double c = sin_tsy / cos_sy;
  const double d = -sin_tsy * tan_sx / cos_sy + cos_t;
  const double m0 = d / p.scale, m1 = -b / p.scale, m3 = -c / p.scale, m4 = a / p.scale;
  const double cx = image.cols * 0.5, cy = image.rows * 0.5;
  const double m2 = cx - m0 * (cx + p.translate_x) - m1 * (cy + p.translate_y);
  const double m5 = cy - m3 * (cx + p.translate_x) - m4 * (cy + p.translate_y);
  ChwImage<T> out(image.channels, image.rows, image.cols, std::vector<T>(image.size(), T(0)));
  for (int r = 0; r < image.rows; ++r) {
    const double py = r + 0.5;
    for (int x = 0; x < image.cols; ++x) {
      const double px = x + 0.5;
      const double u = std::floor(m0 * px + m1 * py + m2), v = std::floor(m3 * px + m4 * py + m5);
      if (!(u >= 0 && u < image.cols && v >= 0 && v < image.rows)) continue;
      const int iu = static_cast<int>(u), iv = static_cast<int>(v);
      for (int ch = 0; ch < image.channels; ++ch) out.at(ch, r, x) = image.at(ch, iv, iu);
    }
  }
  return out;
}

RandomAffineOptions RandomAffineOptions::rotation(double degrees) {
  if (!std::isfinite(degrees) || degrees < 0) {
    throw std::invalid_argument("RandomAffineOptions::rotation: degrees = " + num(degrees) +
                                " is invalid (valid: finite and >= 0)");
  }
  RandomAffineOptions o;
  o.degrees_min = -degrees;
  o.degrees_max = degrees;
  return o;
}

void RandomAffineOptions::validate() const {
  if (!std::isfinite(degrees_min) || !std::isfinite(degrees_max) || !(degrees_min <= degrees_max)) {
    throw std::invalid_argument("RandomAffineOptions: degrees = (" + num(degrees_min) + ", " + num(degrees_max) +
                                ") is invalid (valid: finite, min <= max)");
  }
  // translate = (a, b) are two independent maxima (horizontal, vertical), not a range.
  if (translate && !(translate->first >= 0 && translate->first <= 1 && translate->second >= 0 &&
                     translate->second <= 1)) {
    throw std::invalid_argument("RandomAffineOptions: translate = (" + num(translate->first) + ", " +
                                num(translate->second) + ") is invalid (valid: fractions a, b in [0, 1])");
  }
  check_range_pair(scale, "scale", 0, HUGE_VAL, "finite, 0 < lo <= hi");
  check_range_pair(shear_x, "shear_x", -90, 90, "degrees, -90 < lo <= hi < 90");
  check_range_pair(shear_y, "shear_y", -90, 90, "degrees, -90 < lo <= hi < 90");
}

AffineParams draw_affine_params(const RandomAffineOptions& options, int rows, int cols, ov::optim::SplitMix64& rng) {
  options.validate();
  if (rows < 1 || cols < 1) {
    throw std::invalid_argument("draw_affine_params: image is " + std::to_string(rows) + " x " +
                                std::to_string(cols) + " (valid: rows, cols >= 1)");
  }
  const auto in = [&rng](double lo, double hi) { return lo + (hi - lo) * rng.uniform(); };
  AffineParams p;
  p.angle = in(options.degrees_min, options.degrees_max);
  if (options.translate) {
    const double max_dx = options.translate->first * cols, max_dy = options.translate->second * rows;
    p.translate_x = std::nearbyint(in(-max_dx, max_dx));
    p.translate_y = std::nearbyint(in(-max_dy, max_dy));
  }
  if (options.scale) p.scale = in(options.scale->first, options.scale->second);
  if (options.shear_x) p.shear_x = in(options.shear_x->first, options.shear_x->second);
  if (options.shear_y) p.shear_y = in(options.shear_y->first, options.shear_y->second);
  return p;
}

template <class T>
ChwImage<T> random_affine(const ChwImage<T>& image, const RandomAffineOptions& options, ov::optim::SplitMix64& rng) {
  check_image(image, "random_affine");
  return affine(image, draw_affine_params(options, image.rows, image.cols, rng));
}

ImageF adjust_brightness(const ImageF& image, double factor) {
  check_factor(factor, "adjust_brightness", 0, HUGE_VAL, "finite and >= 0");
  check_unit_image(image, "adjust_brightness");
  return blend_with(image, factor, [](int, int) { return 0.0; });
}

ImageF adjust_contrast(const ImageF& image, double factor) {
  check_factor(factor, "adjust_contrast", 0, HUGE_VAL, "finite and >= 0");
  check_unit_image(image, "adjust_contrast");
  double sum = 0;
  for (int r = 0; r < image.rows; ++r)
    for (int x = 0; x < image.cols; ++x) sum += pixel_gray(image, r, x);
  const double mean = sum / (static_cast<double>(image.rows) * image.cols);
  return blend_with(image, factor, [mean](int, int) { return mean; });
}

ImageF adjust_saturation(const ImageF& image, double factor) {
  check_factor(factor, "adjust_saturation", 0, HUGE_VAL, "finite and >= 0");
  check_unit_image(image, "adjust_saturation");
  if (image.channels == 1) return image;
  return blend_with(image, factor, [&image](int r, int x) { return pixel_gray(image, r, x); });
}

ImageF adjust_hue(const ImageF& image, double factor) {
  check_factor(factor, "adjust_hue", -0.5, 0.5, "-0.5 <= factor <= 0.5");
  check_unit_image(image, "adjust_hue");
  if (image.channels == 1) return image;
  ImageF out = image;
  for (int r = 0; r < image.rows; ++r)
    for (int x = 0; x < image.cols; ++x) {
      const double red = image.at(0, r, x), green = image.at(1, r, x), blue = image.at(2, r, x);
      const double maxc = std::max(red, std::max(green, blue)), minc = std::min(red, std::min(green, blue));
      if (maxc == minc) continue;  // grey: hue undefined (torchvision: h = s = 0, unchanged)
      // RGB -> HSV (torchvision _rgb2hsv).
      const double range = maxc - minc, s = range / maxc, v = maxc;
      const double rc = (maxc - red) / range, gc = (maxc - green) / range, bc = (maxc - blue) / range;
      double h6;  // hue in sixths of a turn
      if (maxc == red) {
        h6 = bc - gc;
      } else if (maxc == green) {
        h6 = 2.0 + rc - bc;
      } else {
        h6 = 4.0 + gc - rc;
      }
      double h = std::fmod(h6 / 6.0 + 1.0, 1.0) + factor;
      h -= std::floor(h);
      // HSV -> RGB (torchvision _hsv2rgb).
      const double i_raw = std::floor(h * 6.0), f = h * 6.0 - i_raw;
      const int i = static_cast<int>(i_raw) % 6;
      const double pv = std::min(1.0, std::max(0.0, v * (1 - s)));
      const double qv = std::min(1.0, std::max(0.0, v * (1 - s * f)));
      const double tv = std::min(1.0, std::max(0.0, v * (1 - s * (1 - f))));
      static constexpr int kPick[6][3] = {{0, 3, 1}, {2, 0, 1}, {1, 0, 3}, {1, 2, 0}, {3, 1, 0}, {0, 1, 2}};
      const double values[4] = {v, pv, qv, tv};  // 0 v, 1 p, 2 q, 3 t
      for (int c = 0; c < 3; ++c) out.at(c, r, x) = unit_clamped(values[kPick[i][c]]);
    }
  return out;
}

void ColorJitterOptions::validate() const {
  const auto check = [](double v, const char* field, double hi, const char* valid) {
    if (!std::isfinite(v) || v < 0 || v > hi) {
      throw std::invalid_argument(std::string("ColorJitterOptions: ") + field + " = " + num(v) +
                                  " is invalid (valid: " + valid + ")");
    }
  };
  check(brightness, "brightness", HUGE_VAL, "finite and >= 0");
  check(contrast, "contrast", HUGE_VAL, "finite and >= 0");
  check(saturation, "saturation", HUGE_VAL, "finite and >= 0");
  check(hue, "hue", 0.5, "0 <= hue <= 0.5");
}

ColorJitterParams draw_color_jitter(const ColorJitterOptions& options, ov::optim::SplitMix64& rng) {
  options.validate();
  ColorJitterParams p;
  std::vector<int> order{0, 1, 2, 3};
  rng.shuffle(order);
  std::copy(order.begin(), order.end(), p.order.begin());
  const auto factor = [&rng](double spread) {
    const double lo = std::max(0.0, 1 - spread), hi = 1 + spread;
    return lo + (hi - lo) * rng.uniform();
  };
  p.enabled = {options.brightness > 0, options.contrast > 0, options.saturation > 0, options.hue > 0};
  if (p.enabled[0]) p.brightness = factor(options.brightness);
  if (p.enabled[1]) p.contrast = factor(options.contrast);
  if (p.enabled[2]) p.saturation = factor(options.saturation);
  if (p.enabled[3]) p.hue = -options.hue + 2 * options.hue * rng.uniform();
  return p;
}

ImageF color_jitter(const ImageF& image, const ColorJitterParams& params) {
  std::array<int, 4> sorted = params.order;
  std::sort(sorted.begin(), sorted.end());
  if (sorted != std::array<int, 4>{{0, 1, 2, 3}}) {
    throw std::invalid_argument("color_jitter: order = (" + std::to_string(params.order[0]) + ", " +
                                std::to_string(params.order[1]) + ", " + std::to_string(params.order[2]) + ", " +
                                std::to_string(params.order[3]) + ") is invalid (valid: a permutation of 0..3)");
  }
  ImageF out = image;
  check_unit_image(out, "color_jitter");
  for (const int op : params.order) {
    if (!params.enabled[static_cast<std::size_t>(op)]) continue;
    switch (op) {
      case 0: out = adjust_brightness(out, params.brightness); break;
      case 1: out = adjust_contrast(out, params.contrast); break;
      case 2: out = adjust_saturation(out, params.saturation); break;
      default: out = adjust_hue(out, params.hue); break;
    }
  }
  return out;
}

ImageF random_color_jitter(const ImageF& image, const ColorJitterOptions& options, ov::optim::SplitMix64& rng) {
  check_unit_image(image, "random_color_jitter");
  return color_jitter(image, draw_color_jitter(options, rng));
}

ImageF to_unit_float(const ImageU8& image) {
  check_image(image, "to_unit_float");
  ImageF out(image.channels, image.rows, image.cols, std::vector<float>(image.size()));
  for (std::size_t k = 0; k < image.data.size(); ++k) out.data[k] = static_cast<float>(image.data[k]) / 255.0f;
  return out;
}

#define OV_AUGMENTATION_INSTANTIATE(T)                                                                  \
  template ChwImage<T> crop_padded(const ChwImage<T>&, int, int, int);                                  \
  template ChwImage<T> random_crop(const ChwImage<T>&, int, ov::optim::SplitMix64&);                    \
  template ChwImage<T> horizontal_flip(const ChwImage<T>&);                                             \
  template ChwImage<T> random_horizontal_flip(const ChwImage<T>&, ov::optim::SplitMix64&, double);      \
  template ChwImage<T> rotate(const ChwImage<T>&, double);                                              \
  template ChwImage<T> random_rotation(const ChwImage<T>&, double, ov::optim::SplitMix64&);             \
  template ChwImage<T> random_crop_flip(const ChwImage<T>&, int, ov::optim::SplitMix64&);                \
  template ChwImage<T> affine(const ChwImage<T>&, const AffineParams&);                                  \
  template ChwImage<T> random_affine(const ChwImage<T>&, const RandomAffineOptions&, ov::optim::SplitMix64&);

OV_AUGMENTATION_INSTANTIATE(std::uint8_t)
OV_AUGMENTATION_INSTANTIATE(float)
#undef OV_AUGMENTATION_INSTANTIATE

}  // namespace ov::nets::data
