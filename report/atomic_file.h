#pragma once
// Output files are written to a temporary file in the same directory, then renamed, so a
// reader never sees a partial file (STYLE.md "Errors, exit codes, output").
#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>

namespace edgeplan::report {

class OutputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Throws OutputError when the file cannot be written; nothing is left behind then.
void write_file_atomically(const std::string& path, const std::string& content);
// The same for a file rendered by `write` straight into the temporary file: an export of tens of
// megabytes is not held as a string first (docs/performance.md "Input limits").
void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write);

// Creates `dir` (and parents) if needed; throws OutputError on failure.
void ensure_directory(const std::string& dir);

}  // namespace edgeplan::report
