# Cost of forward-mode autodiff (chunked Jets) and mp100 finite differences.
optverify_add_bench(NAME autodiff_bench SOURCES autodiff_bench.cpp)
