list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  report/provenance.cpp
  report/atomic_file.cpp
  report/text_escaping.cpp
  report/report_schema.cpp
  report/report_csv.cpp
  report/report_markdown.cpp
  report/gnuplot_runner.cpp
  report/report_figures.cpp
  report/figure_renderer.cpp
  report/report_html.cpp
  report/report_writer.cpp
  report/report_merge.cpp
)
