// Runs gnuplot (Debian's gnuplot-nox) safely to make one SVG figure: the script and
// its data files go to a fresh temporary directory, gnuplot is started by
// fork/exec (no shell) with that directory as working directory and the script on
// stdin, its exit status is checked, and the SVG it wrote is read back.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ov::report {

struct GnuplotResult {
  bool ok = false;          // svg holds a complete <svg>...</svg> element
  bool missing = false;     // the gnuplot program was not found
  std::string svg;          // the SVG element (XML prologue removed), when ok
  std::string error;        // why not, when !ok (gnuplot's own messages included)
};

// Where `program` resolves to (PATH search when it has no '/'), or "" if not executable.
std::string find_program(const std::string& program);

// Runs `program` on `script` (commands only: the terminal and output are set here:
// `set terminal svg`, output file "plot.svg"). `data_files` are (name, content) pairs
// written next to the script; names must be plain ([A-Za-z0-9_.-]+). Element ids in
// the SVG are prefixed with `id_prefix` so several figures can be inlined in one page.
// Never throws for gnuplot failures (they are reported in the result); throws
// std::invalid_argument for a bad data file name.
GnuplotResult run_gnuplot_svg(const std::string& program, const std::string& script,
                              const std::vector<std::pair<std::string, std::string>>& data_files,
                              const std::string& id_prefix, int width = 760, int height = 460);

// Prefixes every id defined in an SVG fragment, and every reference to it
// (href="#id", url(#id)), with `prefix`.
std::string prefix_svg_ids(const std::string& svg, const std::string& prefix);

}  // namespace ov::report
