// Crash-safe files of the training runner (docs/benchmarks.md "Output files"): a file is
// written to a temporary name in its own directory, flushed to the disk (fsync), renamed over
// its final name, and the directory is flushed, so a reader sees either the old or the new
// file, never a part of one. Torch-free.
#pragma once

#include <cstdint>
#include <string>

namespace ov::gpu::train {

// Writes `bytes` to `path` atomically (above). std::runtime_error naming the file and the
// system's reason on failure (the temporary file is removed).
void write_file_atomically(const std::string& path, const std::string& bytes);
// A temporary name next to path, unique to this process: "<path>.tmp-<pid>".
std::string temporary_path(const std::string& path);
// Flushes the finished file `temporary` and renames it to `path` (then flushes the directory).
void commit_temporary_file(const std::string& temporary, const std::string& path);
// The whole file; std::runtime_error naming it when it cannot be read.
std::string read_whole_file(const std::string& path);
// FNV-1a, 64 bits, as 16 lower-case hex digits (detects truncation and corruption; not a
// cryptographic hash).
std::string fnv1a64_hex(const std::string& bytes);

}  // namespace ov::gpu::train
