// Atomic file writes: the content goes to a uniquely named temporary file in the
// target's own directory, is flushed to disk (fsync), and is then renamed over the
// target. Readers therefore see either the old file or the complete new one, never
// a partial file; on any failure the temporary is removed and the target is left
// as it was.
#pragma once

#include <filesystem>
#include <string_view>

namespace ov::report {

// Writes `content` to `path` atomically. The parent directory must exist.
// Throws std::runtime_error naming the file (and the OS error) on any I/O failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace ov::report
