#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ov::cli {

ProgressBar::ProgressBar(std::ostream& out, bool enabled, int width, double min_interval_seconds)
    : out_(out), enabled_(enabled), width_(std::max(1, width)), min_interval_(min_interval_seconds) {}

ProgressBar::~ProgressBar() { finish(); }

std::string ProgressBar::duration_text(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long s = std::lround(seconds);
  char buf[32];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%lds", s);
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  }
  return buf;
}

std::string ProgressBar::render(double fraction, const std::string& text, double eta_seconds, int width) {
  if (!(fraction >= 0)) fraction = 0;  // NaN too
  fraction = std::min(fraction, 1.0);
  width = std::max(1, width);
  const int filled = static_cast<int>(std::floor(fraction * width));
  char percent[8];
  std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(std::floor(fraction * 100)));
  return "[" + std::string(static_cast<std::size_t>(filled), '#') +
         std::string(static_cast<std::size_t>(width - filled), '-') + "] " + percent + "  " + text + "  ETA " +
         duration_text(eta_seconds);
}

void ProgressBar::update(double fraction, const std::string& text) {
  if (!enabled_) return;
  if (!(fraction >= 0)) fraction = 0;
  fraction = std::min(fraction, 1.0);
  const auto now = std::chrono::steady_clock::now();
  if (!started_ || fraction < last_fraction_) {  // a new run (protocols train several): new ETA baseline
    started_ = true;
    first_fraction_ = fraction;
    first_time_ = now;
  } else if (drawn_ && fraction < 1.0 &&
             std::chrono::duration<double>(now - last_draw_).count() < min_interval_) {
    return;
  }
  last_fraction_ = fraction;
  const double elapsed = std::chrono::duration<double>(now - first_time_).count();
  const double done = fraction - first_fraction_;
  const double eta = done > 0 ? elapsed * (1.0 - fraction) / done : -1.0;
  const std::string line = render(fraction, text, eta, width_);
  out_ << '\r' << line;
  if (line.size() < last_length_) out_ << std::string(last_length_ - line.size(), ' ');
  out_ << std::flush;
  last_length_ = line.size();
  last_draw_ = now;
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!enabled_ || !drawn_) return;
  out_ << '\r' << std::string(last_length_, ' ') << '\r' << std::flush;
  drawn_ = false;
  last_length_ = 0;
}

void ProgressBar::finish() {
  if (!enabled_ || !drawn_) return;
  out_ << '\n' << std::flush;
  drawn_ = false;
  started_ = false;
  last_fraction_ = 0;
  last_length_ = 0;
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace ov::cli
