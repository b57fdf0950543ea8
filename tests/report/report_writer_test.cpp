// The report writers: JSON round trip, CSV quoting, HTML escaping and
// self-containment, atomic writes, figures drawn by gnuplot (and the note when it
// is missing).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "analysis/report/atomic_file.hpp"
#include "analysis/report/gnuplot_runner.hpp"
#include "analysis/report/report_csv.hpp"
#include "analysis/report/report_writer.hpp"
#include "analysis/report/text_escaping.hpp"
#include "tests/report/report_test_support.hpp"
#include "tests/report/sample_report.hpp"

namespace {

using namespace ov::report;
using namespace ov::report::test_support;
namespace fs = std::filesystem;

TEST(ReportDocument, FreshDocumentHasEveryArrayAndProvenance) {
  const auto d = new_report_document();
  EXPECT_EQ(d["schema"], "optverify-report/1");
  for (const char* k : {"claims", "rate_studies", "spectra", "monte_carlo", "benchmarks"}) {
    ASSERT_TRUE(d[k].is_array()) << k;
    EXPECT_TRUE(d[k].empty()) << k;
  }
  EXPECT_TRUE(d["provenance"].contains("git_commit"));
  EXPECT_TRUE(d["provenance"].contains("host"));
  const std::string t = d["provenance"]["time_utc"];
  ASSERT_EQ(t.size(), 20u) << t;  // YYYY-MM-DDTHH:MM:SSZ
  EXPECT_EQ(t[10], 'T');
  EXPECT_EQ(t.back(), 'Z');
}

TEST(ReportWriter, WritesFourFilesAndJsonReadsBackEqual) {
  ScratchDir tmp;
  const auto doc = sample_document();
  const fs::path dir = tmp.path() / "nested" / "report";  // created if missing
  const auto out = write_report_directory_detailed(doc, dir);
  EXPECT_EQ(out.html, dir / "index.html");
  for (const char* f : {"report.json", "claims.csv", "report.md", "index.html"}) {
    EXPECT_TRUE(fs::is_regular_file(dir / f)) << f;
  }
  EXPECT_EQ(nlohmann::json::parse(read_file(dir / "report.json")), doc);
  // No temporary file is left behind.
  for (const auto& e : fs::directory_iterator(dir)) {
    EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << e.path();
  }
  EXPECT_EQ(write_report_directory(doc, dir), dir / "index.html");
}

TEST(ReportWriter, RefusesAnInvalidDocumentNamingTheField) {
  ScratchDir tmp;
  auto doc = sample_document();
  doc["claims"][1]["verdict"] = "probably";
  try {
    write_report_directory(doc, tmp.path() / "r");
    FAIL() << "an invalid document was written";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("claims[1] (id \"castera.inna.det\").verdict"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(tmp.path() / "r" / "index.html"));
}

TEST(Csv, QuotesFieldsWithCommasQuotesAndNewlines) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field(" padded"), "\" padded\"");
  EXPECT_EQ(csv_field(""), "");
}

TEST(Csv, OneRowPerClaimWithCitation) {
  auto doc = sample_document();
  doc["claims"][0]["id"] = "with,comma";
  const std::string csv = claims_csv(doc);
  EXPECT_EQ(csv.rfind("id,verdict,precision,time_s,source,title\r\n", 0), 0u) << csv;
  EXPECT_EQ(count_occurrences(csv, "\r\n"), 1 + doc["claims"].size());
  EXPECT_NE(csv.find("\"with,comma\",holds,mp50,0.25,\"003_sample.txt, §2.2, (2.2.19), L10-L20\""), std::string::npos)
      << csv;
}

TEST(Escaping, HtmlMarkdownAndGnuplot) {
  EXPECT_EQ(html_escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  EXPECT_EQ(markdown_cell("a|b <i>"), "a\\|b \\<i\\>");
  // A title cannot close the gnuplot literal nor start a new line (a new command).
  EXPECT_EQ(gnuplot_string("it's\nsystem 'rm -rf /'"), "'it''s system ''rm -rf /'''");
}

TEST(ReportHtml, EscapesTitlesAndIsSelfContained) {
  ScratchDir tmp;
  const auto out = write_report_directory_detailed(sample_document(), tmp.path());
  const std::string html = read_file(out.html);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos) << "unescaped title";
  EXPECT_NE(html.find("A false claim &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; friends"), std::string::npos);
  // Nothing is fetched: no scripts, links, external sources or imports.
  for (const char* bad : {"<script", "<link", "src=", "@import", "url(http", "<iframe", "<img"}) {
    EXPECT_EQ(html.find(bad), std::string::npos) << bad;
  }
  EXPECT_NE(html.find("v-refuted"), std::string::npos);
  EXPECT_NE(html.find("v-holds-certified"), std::string::npos);
}

TEST(ReportHtml, DrawsEveryFigureAsInlineSvgWithUniqueIds) {
  if (find_program("gnuplot").empty()) GTEST_SKIP() << "gnuplot not installed: run ./scripts/install-deps.sh";
  ScratchDir tmp;
  const auto out = write_report_directory_detailed(sample_document(), tmp.path());
  // Figures: claim 1 (convergence), rate study (convergence), spectrum, Monte-Carlo (from outcomes).
  EXPECT_EQ(out.plots_rendered, 4);
  EXPECT_EQ(out.plots_missing, 0);
  EXPECT_TRUE(out.notes.empty());
  const std::string html = read_file(out.html);
  EXPECT_EQ(count_occurrences(html, "<svg"), 4u);
  EXPECT_EQ(count_occurrences(html, "id='ovfig0-gpPt0'"), 1u);
  EXPECT_EQ(count_occurrences(html, "id='ovfig3-gpPt0'"), 1u);
  EXPECT_EQ(html.find("id='gpPt0'"), std::string::npos) << "an SVG id was not made unique";
  EXPECT_NE(html.find("unit circle"), std::string::npos);
  EXPECT_NE(html.find("4/k^2 (bound)"), std::string::npos);
}

TEST(ReportHtml, MissingGnuplotGivesNotesNotFailure) {
  ScratchDir tmp;
  ReportOptions opt;
  opt.gnuplot_program = (tmp.path() / "no-such-gnuplot").string();
  const auto out = write_report_directory_detailed(sample_document(), tmp.path() / "r", opt);
  EXPECT_EQ(out.plots_rendered, 0);
  EXPECT_EQ(out.plots_missing, 4);
  ASSERT_EQ(out.notes.size(), 1u);  // said once, not once per figure
  EXPECT_NE(out.notes[0].find("gnuplot not found"), std::string::npos) << out.notes[0];
  const std::string html = read_file(out.html);
  EXPECT_EQ(count_occurrences(html, "<svg"), 0u);
  EXPECT_EQ(count_occurrences(html, "gnuplot is not installed"), 4u);
}

TEST(ReportHtml, FailingGnuplotIsReportedWithItsExitStatus) {
  ScratchDir tmp;
  // A stand-in "gnuplot" that fails: the exit status must be checked, not ignored.
  const fs::path fake = tmp.path() / "failing-gnuplot";
  write_file_atomically(fake, "#!/bin/sh\necho 'broken plotter' >&2\nexit 3\n");
  fs::permissions(fake, fs::perms::owner_all);
  ReportOptions opt;
  opt.gnuplot_program = fake.string();
  const auto out = write_report_directory_detailed(sample_document(), tmp.path() / "r", opt);
  EXPECT_EQ(out.plots_rendered, 0);
  EXPECT_EQ(out.plots_missing, 4);
  ASSERT_FALSE(out.notes.empty());
  EXPECT_NE(out.notes[0].find("exit status 3"), std::string::npos) << out.notes[0];
  EXPECT_NE(out.notes[0].find("broken plotter"), std::string::npos) << out.notes[0];
}

TEST(ReportHtml, NonPositiveValuesOnLogAxesAreDroppedAndSaid) {
  if (find_program("gnuplot").empty()) GTEST_SKIP() << "gnuplot not installed";
  ScratchDir tmp;
  auto doc = sample_document();
  doc["claims"][0]["evidence"]["series"][0]["y"][0] = 0;  // exact convergence: 0 on a log axis
  const auto out = write_report_directory_detailed(doc, tmp.path());
  EXPECT_EQ(out.plots_rendered, 4);
  EXPECT_NE(read_file(out.html).find("1 point(s) not drawn"), std::string::npos);
}

TEST(AtomicFile, ReplacesContentAndLeavesNoTemporary) {
  ScratchDir tmp;
  const fs::path p = tmp.path() / "f.txt";
  write_file_atomically(p, "old");
  write_file_atomically(p, "new content");
  EXPECT_EQ(read_file(p), "new content");
  int files = 0;
  for (const auto& e : fs::directory_iterator(tmp.path())) files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 1);
}

TEST(AtomicFile, FailedWriteKeepsTheOldContent) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions; cannot simulate a failed write";
  ScratchDir tmp;
  const fs::path dir = tmp.path() / "ro";
  fs::create_directory(dir);
  const fs::path p = dir / "report.json";
  write_file_atomically(p, "old");
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);  // no new files in it
  try {
    write_file_atomically(p, "new");
    FAIL() << "writing into a read-only directory succeeded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos) << e.what();
  }
  fs::permissions(dir, fs::perms::owner_all);
  EXPECT_EQ(read_file(p), "old");
}

TEST(AtomicFile, WriteFailingMidwayKeepsTheOldContent) {
  // Works as root too: a file-size limit makes write(2) fail with EFBIG after the
  // first bytes, i.e. a partial temporary file exists when the failure happens.
  ScratchDir tmp;
  const fs::path p = tmp.path() / "report.json";
  write_file_atomically(p, "old");
  struct rlimit saved {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  auto old_handler = ::signal(SIGXFSZ, SIG_IGN);  // get EFBIG instead of a signal
  struct rlimit small = saved;
  small.rlim_cur = 16;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string error;
  try {
    write_file_atomically(p, std::string(4096, 'x'));
  } catch (const std::runtime_error& e) {
    error = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &saved);
  ::signal(SIGXFSZ, old_handler);
  EXPECT_NE(error.find(p.string()), std::string::npos) << "no error naming the file: " << error;
  EXPECT_EQ(read_file(p), "old");
  int files = 0;
  for (const auto& e : fs::directory_iterator(tmp.path())) files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 1) << "the partial temporary file was left behind";
}

TEST(AtomicFile, FailedRenameKeepsTheOldContentAndRemovesTheTemporary) {
  // Works as root too: the target is a non-empty directory, so rename(2) fails after
  // the temporary file has been written completely.
  ScratchDir tmp;
  const fs::path target = tmp.path() / "target";
  fs::create_directories(target / "keep");
  EXPECT_THROW(write_file_atomically(target, "content"), std::runtime_error);
  EXPECT_TRUE(fs::is_directory(target / "keep"));
  int entries = 0;
  for (const auto& e : fs::directory_iterator(tmp.path())) {
    ++entries;
    EXPECT_EQ(e.path().filename(), "target");
  }
  EXPECT_EQ(entries, 1);
}

TEST(ReportWriter, UnwritableDirectoryNamesTheFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  ScratchDir tmp;
  const fs::path dir = tmp.path() / "r";
  write_report_directory(sample_document(), dir);
  const std::string before = read_file(dir / "report.json");
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  auto doc = sample_document();
  doc["claims"] = nlohmann::json::array();
  try {
    write_report_directory(doc, dir);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("report.json"), std::string::npos) << e.what();
  }
  fs::permissions(dir, fs::perms::owner_all);
  EXPECT_EQ(read_file(dir / "report.json"), before);
}

}  // namespace
