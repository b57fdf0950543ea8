// Renders the report page in headless Chromium (Debian's `chromium`) and fails on
// console errors or missing plots. The screenshot is kept as a test artifact in
// the build tree (OPTVERIFY_REPORT_ARTIFACTS/report.png) and its path is printed.
// Without chromium the tests are skipped: run ./scripts/install-deps.sh --with-test-tools.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "analysis/report/atomic_file.hpp"
#include "analysis/report/gnuplot_runner.hpp"
#include "analysis/report/report_writer.hpp"
#include "tests/report/report_test_support.hpp"
#include "tests/report/sample_report.hpp"

#ifndef OPTVERIFY_REPORT_ARTIFACTS
#define OPTVERIFY_REPORT_ARTIFACTS "report-artifacts"
#endif

namespace {

using namespace ov::report;
using namespace ov::report::test_support;
namespace fs = std::filesystem;

// Chromium renders a page of this size in a few seconds; a minute means it hangs.
constexpr auto kChromiumTimeout = std::chrono::seconds(90);

std::string chromium_path() {
  for (const char* name : {"chromium", "chromium-browser"}) {
    const std::string p = find_program(name);
    if (!p.empty()) return p;
  }
  return "";
}

struct ProcessResult {
  int exit_code = -1;
  bool timed_out = false;
  std::string out, err;
};

// fork/exec with stdout and stderr captured in files (no shell involved).
ProcessResult run_process(const std::vector<std::string>& args, const fs::path& scratch) {
  ProcessResult r;
  const fs::path out_path = scratch / "stdout.txt", err_path = scratch / "stderr.txt";
  const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd < 0 || ::dup2(null_fd, 0) < 0 || ::dup2(out_fd, 1) < 0 || ::dup2(err_fd, 2) < 0) ::_exit(126);
    ::setpgid(0, 0);  // its own group: a timeout kills chromium's helper processes too
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out_fd);
  ::close(err_fd);
  if (pid < 0) return r;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + kChromiumTimeout;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      r.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

std::vector<std::string> chromium_args(const std::string& exe, const fs::path& profile) {
  return {exe, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage",
          "--user-data-dir=" + profile.string(), "--enable-logging=stderr", "--v=0"};
}

struct PageInspection {
  bool ran = false;
  std::string failure;                      // why chromium could not be used
  std::vector<std::string> console_lines;   // console messages and uncaught errors
  std::size_t svg_elements = 0;             // <svg> in the rendered DOM
  std::size_t drawn_svg_elements = 0;       // those with paths and text inside
  std::vector<std::string> forbidden;       // scripts, images, links in the DOM
};

// Loads the page in headless Chromium, dumps the DOM and collects console output.
PageInspection inspect_page(const std::string& exe, const fs::path& html, const fs::path& scratch) {
  PageInspection pi;
  const ProcessResult r = run_process(
      [&] {
        auto a = chromium_args(exe, scratch / "profile");
        a.push_back("--dump-dom");
        a.push_back("file://" + fs::absolute(html).string());
        return a;
      }(),
      scratch);
  if (r.timed_out || r.exit_code != 0 || r.out.find("<html") == std::string::npos) {
    pi.failure = "chromium --dump-dom failed (exit " + std::to_string(r.exit_code) +
                 (r.timed_out ? ", timed out" : "") + "): " + r.err.substr(0, 2000);
    return pi;
  }
  pi.ran = true;
  std::size_t start = 0;
  while (start < r.err.size()) {
    std::size_t end = r.err.find('\n', start);
    if (end == std::string::npos) end = r.err.size();
    const std::string line = r.err.substr(start, end - start);
    if (line.find(":CONSOLE") != std::string::npos || line.find("Uncaught") != std::string::npos ||
        line.find("Failed to load resource") != std::string::npos) {
      pi.console_lines.push_back(line);
    }
    start = end + 1;
  }
  const std::string& dom = r.out;
  for (std::size_t pos = dom.find("<svg"); pos != std::string::npos; pos = dom.find("<svg", pos + 1)) {
    ++pi.svg_elements;
    const std::size_t close = dom.find("</svg>", pos);
    const std::string svg = dom.substr(pos, close == std::string::npos ? std::string::npos : close - pos);
    if (svg.find("<path") != std::string::npos && svg.find("<text") != std::string::npos) ++pi.drawn_svg_elements;
  }
  for (const char* bad : {"<script", "<img", "<link", "<iframe"}) {
    if (dom.find(bad) != std::string::npos) pi.forbidden.push_back(bad);
  }
  return pi;
}

// The verdict of the render check: empty when the page is fine.
std::string render_problems(const PageInspection& pi, std::size_t expected_plots) {
  std::string p;
  if (!pi.ran) return pi.failure;
  for (const auto& l : pi.console_lines) p += "console: " + l + "\n";
  if (pi.svg_elements != expected_plots) {
    p += "missing plots: " + std::to_string(pi.svg_elements) + " <svg> element(s) in the DOM, expected " +
         std::to_string(expected_plots) + "\n";
  }
  if (pi.drawn_svg_elements != pi.svg_elements) p += "empty plot(s): an <svg> without paths or text\n";
  for (const auto& f : pi.forbidden) p += "forbidden element in the DOM: " + f + "\n";
  return p;
}

class ReportRender : public ::testing::Test {
 protected:
  void SetUp() override {
    exe_ = chromium_path();
    if (exe_.empty()) {
      GTEST_SKIP() << "chromium is not installed; run ./scripts/install-deps.sh --with-test-tools "
                      "(installs Debian's chromium) to run the headless rendering test";
    }
    ASSERT_FALSE(find_program("gnuplot").empty()) << "gnuplot is not installed: run ./scripts/install-deps.sh";
  }
  std::string exe_;
};

TEST_F(ReportRender, PageRendersWithoutConsoleErrorsAndWithEveryPlot) {
  const fs::path artifacts = OPTVERIFY_REPORT_ARTIFACTS;
  const fs::path dir = artifacts / "report";
  const auto out = write_report_directory_detailed(sample_document(), dir);
  // Sample figures: convergence (claim), convergence (rate study), spectrum, proportion.
  ASSERT_EQ(out.plots_rendered, 4);
  ASSERT_EQ(out.plots_missing, 0);
  ScratchDir scratch;
  const PageInspection pi = inspect_page(exe_, out.html, scratch.path());
  EXPECT_EQ(render_problems(pi, 4), "");
  const std::string html = read_file(out.html);
  EXPECT_NE(html.find("unit circle"), std::string::npos);        // spectrum plot
  EXPECT_NE(html.find("(bound)"), std::string::npos);            // bound overlaid
  EXPECT_NE(html.find("with Wilson interval"), std::string::npos);  // proportions with intervals

  const fs::path png = artifacts / "report.png";
  std::error_code ec;
  fs::remove(png, ec);
  auto args = chromium_args(exe_, scratch.path() / "profile");
  args.push_back("--screenshot=" + png.string());
  args.push_back("--window-size=1200,2000");
  args.push_back("file://" + fs::absolute(out.html).string());
  const ProcessResult shot = run_process(args, scratch.path());
  ASSERT_EQ(shot.exit_code, 0) << shot.err.substr(0, 2000);
  ASSERT_TRUE(fs::is_regular_file(png)) << shot.err.substr(0, 2000);
  const std::string bytes = read_file(png);
  ASSERT_GT(bytes.size(), 10000u) << "screenshot suspiciously small";
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  std::cout << "report page:       " << fs::absolute(out.html).string() << "\n"
            << "report screenshot: " << fs::absolute(png).string() << "\n";
}

// Mutants: the same check must fail on a page with console errors, and on a page
// whose plots are missing (gnuplot unavailable).
TEST_F(ReportRender, DetectsConsoleErrors) {
  ScratchDir scratch;
  const fs::path page = scratch.path() / "broken.html";
  write_file_atomically(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><svg><path d='M0 0'/>"
                              "<text>t</text></svg><script>console.error('boom'); no_such_function();</script>"
                              "</body></html>");
  const PageInspection pi = inspect_page(exe_, page, scratch.path());
  ASSERT_TRUE(pi.ran) << pi.failure;
  EXPECT_GE(pi.console_lines.size(), 2u);
  const std::string problems = render_problems(pi, 1);
  EXPECT_NE(problems.find("boom"), std::string::npos) << problems;
  EXPECT_NE(problems.find("no_such_function"), std::string::npos) << problems;
  EXPECT_NE(problems.find("forbidden element in the DOM: <script"), std::string::npos) << problems;
}

TEST_F(ReportRender, DetectsMissingPlots) {
  ScratchDir scratch;
  ReportOptions opt;
  opt.gnuplot_program = (scratch.path() / "no-gnuplot").string();
  const auto out = write_report_directory_detailed(sample_document(), scratch.path() / "r", opt);
  const PageInspection pi = inspect_page(exe_, out.html, scratch.path());
  ASSERT_TRUE(pi.ran) << pi.failure;
  EXPECT_TRUE(pi.console_lines.empty());
  EXPECT_NE(render_problems(pi, 4).find("missing plots: 0 <svg> element(s) in the DOM, expected 4"), std::string::npos);
}

}  // namespace
