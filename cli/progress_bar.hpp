// A one-line text progress bar on a terminal stream (stderr): "[#####-----]  42%  <text>  ETA 1m05s",
// redrawn in place with a carriage return at most every `min_interval_seconds` (and always at
// 100 %). The ETA extrapolates the progress made since the first update (so a resumed run that
// starts at 60 % is not credited with time it did not spend); progress going backwards (the
// next of several runs) starts a new baseline. Disabled bars print nothing.
#pragma once

#include <chrono>
#include <ostream>
#include <string>

namespace ov::cli {

class ProgressBar {
 public:
  ProgressBar(std::ostream& out, bool enabled, int width = 24, double min_interval_seconds = 0.1);
  ~ProgressBar();  // finish()
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  bool enabled() const { return enabled_; }
  // fraction in [0, 1] (clamped; NaN counts as 0); text: what is being done (seed, epoch, loss).
  void update(double fraction, const std::string& text);
  // Ends the line (a newline after the last drawn bar); later updates start a new line.
  void finish();
  // Clears the bar's line so that other output (a note) can be written; the next update redraws.
  void clear();

  // The line drawn for these values (no carriage return): for tests and the documentation.
  static std::string render(double fraction, const std::string& text, double eta_seconds, int width);
  // "42s", "3m05s", "2h07m"; "?" when negative or not finite.
  static std::string duration_text(double seconds);

 private:
  std::ostream& out_;
  bool enabled_;
  int width_;
  double min_interval_;
  bool started_ = false, drawn_ = false;
  double first_fraction_ = 0, last_fraction_ = 0;
  std::chrono::steady_clock::time_point first_time_, last_draw_;
  std::size_t last_length_ = 0;
};

// Whether stderr is a terminal (progress bars are on by default only then).
bool stderr_is_terminal();

}  // namespace ov::cli
