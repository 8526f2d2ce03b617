#pragma once
// Every file a user names as input (topology, settings, certificates, CA file, baseline,
// waivers, replay, resolv.conf) is read through here, so that none of them can hang the run or
// be misread: it is opened without blocking (a FIFO would otherwise wait for a writer forever),
// refused unless it is a regular file, and read up to a size limit.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace edgeplan::topology {

// Why a named input cannot be read; the message starts with the path.
class InputFileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The whole content of `path`. Throws InputFileError: "PATH: is a directory", "PATH: is a
// FIFO", "PATH: is N bytes, over the limit of M", "PATH: cannot open (No such file ...)".
std::string read_input_file(const std::string& path, std::size_t max_bytes);

// What kind of file system object `mode` (st_mode) names, as the error messages say it: "a
// directory", "a FIFO", "a character device", ...; empty for a regular file.
std::string non_regular_kind(unsigned mode);

}  // namespace edgeplan::topology
