#include "analysis/report/gnuplot_runner.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace ov::report {

namespace fs = std::filesystem;

namespace {

// gnuplot draws a figure in well under a second; a run still alive after this long
// is stuck (e.g. waiting on a terminal) and is killed.
constexpr auto kGnuplotTimeout = std::chrono::seconds(60);

bool plain_name(const std::string& s) {
  return !s.empty() && s != "." && s != ".." && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  });
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::string templ = (fs::temp_directory_path() / "optverify-plot-XXXXXX").string();
    if (::mkdtemp(templ.data()) == nullptr) {
      throw std::runtime_error("cannot create a temporary directory '" + templ + "': " + std::strerror(errno));
    }
    path_ = templ;
  }
  ~TemporaryDirectory() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_text(const fs::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary);
  out << content;
  out.close();
  if (!out) throw std::runtime_error("cannot write '" + p.string() + "'");
}

}  // namespace

std::string find_program(const std::string& program) {
  if (program.empty()) return "";
  if (program.find('/') != std::string::npos) return ::access(program.c_str(), X_OK) == 0 ? program : "";
  const char* path_env = std::getenv("PATH");
  std::string path = path_env ? path_env : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    std::string dir = path.substr(start, end - start);
    if (dir.empty()) dir = ".";
    const std::string candidate = dir + "/" + program;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    start = end + 1;
  }
  return "";
}

std::string prefix_svg_ids(const std::string& svg, const std::string& prefix) {
  std::string out;
  out.reserve(svg.size() + 1024);
  const char* patterns[] = {"id='", "id=\"", "href='#", "href=\"#", "url(#"};
  std::size_t i = 0;
  while (i < svg.size()) {
    bool matched = false;
    for (const char* pat : patterns) {
      const std::size_t n = std::strlen(pat);
      // "id=" must start an attribute (preceded by a blank), not end e.g. "gradientid=".
      if (svg.compare(i, n, pat) == 0 &&
          (pat[0] != 'i' || (i > 0 && std::isspace(static_cast<unsigned char>(svg[i - 1]))))) {
        out.append(pat, n);
        out += prefix;
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) out += svg[i++];
  }
  return out;
}

GnuplotResult run_gnuplot_svg(const std::string& program, const std::string& script,
                              const std::vector<std::pair<std::string, std::string>>& data_files,
                              const std::string& id_prefix, int width, int height) {
  for (const auto& [name, content] : data_files) {
    if (!plain_name(name) || name == "plot.gp" || name == "plot.svg" || name == "gnuplot.log") {
      throw std::invalid_argument("run_gnuplot_svg: data file name '" + name + "' is not a plain, free file name");
    }
  }
  GnuplotResult result;
  const std::string exe = find_program(program);
  if (exe.empty()) {
    result.missing = true;
    result.error = "gnuplot not found ('" + program +
                   "' is not an executable in PATH); install Debian's gnuplot-nox (./scripts/install-deps.sh)";
    return result;
  }
  try {
    TemporaryDirectory tmp;
    for (const auto& [name, content] : data_files) write_text(tmp.path() / name, content);
    const std::string full_script = "set encoding utf8\nset terminal svg noenhanced size " + std::to_string(width) +
                                    "," + std::to_string(height) +
                                    " dynamic font 'sans,12' background '#ffffff'\nset output 'plot.svg'\n" +
                                    script + "\nunset output\n";
    write_text(tmp.path() / "plot.gp", full_script);

    // Everything the child needs is prepared before fork (only async-signal-safe calls after it).
    const std::string dir = tmp.path().string();
    const std::string script_path = (tmp.path() / "plot.gp").string();
    const std::string log_path = (tmp.path() / "gnuplot.log").string();
    const int in_fd = ::open(script_path.c_str(), O_RDONLY | O_CLOEXEC);
    const int log_fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (in_fd < 0 || log_fd < 0) {
      if (in_fd >= 0) ::close(in_fd);
      if (log_fd >= 0) ::close(log_fd);
      result.error = "cannot open the gnuplot script or log in '" + dir + "'";
      return result;
    }
    char* const argv[] = {const_cast<char*>("gnuplot"), nullptr};
    const pid_t pid = ::fork();
    if (pid < 0) {
      ::close(in_fd);
      ::close(log_fd);
      result.error = std::string("fork failed: ") + std::strerror(errno);
      return result;
    }
    if (pid == 0) {
      if (::dup2(in_fd, 0) < 0 || ::dup2(log_fd, 1) < 0 || ::dup2(log_fd, 2) < 0 || ::chdir(dir.c_str()) != 0) {
        ::_exit(126);
      }
      ::execv(exe.c_str(), argv);
      ::_exit(127);
    }
    ::close(in_fd);
    ::close(log_fd);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + kGnuplotTimeout;
    bool timed_out = false;
    for (;;) {
      const pid_t r = ::waitpid(pid, &status, WNOHANG);
      if (r == pid) break;
      if (r < 0 && errno != EINTR) {
        result.error = std::string("waitpid failed: ") + std::strerror(errno);
        return result;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::string log = read_text(log_path);
    if (log.size() > 2000) log = log.substr(0, 2000) + "...";
    if (timed_out) {
      result.error = "gnuplot did not finish within 60 s and was killed";
      return result;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      result.error = "gnuplot (" + exe + ") failed" +
                     (WIFEXITED(status) ? " with exit status " + std::to_string(WEXITSTATUS(status))
                                        : std::string(" (killed by a signal)")) +
                     (log.empty() ? "" : ": " + log);
      return result;
    }
    const std::string svg = read_text(tmp.path() / "plot.svg");
    const std::size_t begin = svg.find("<svg");
    const std::size_t end = svg.rfind("</svg>");
    if (begin == std::string::npos || end == std::string::npos || end < begin) {
      result.error = "gnuplot exited normally but wrote no complete SVG" + (log.empty() ? "" : ": " + log);
      return result;
    }
    std::string body = svg.substr(begin, end + 6 - begin);
    std::string lower = body;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    // The page must stay passive and self-contained: refuse SVG with scripts or foreign content.
    if (lower.find("<script") != std::string::npos || lower.find("<foreignobject") != std::string::npos ||
        lower.find("<image") != std::string::npos) {
      result.error = "gnuplot's SVG contains a script, image or foreign object; refused";
      return result;
    }
    result.svg = prefix_svg_ids(body, id_prefix);
    result.ok = true;
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  return result;
}

}  // namespace ov::report
