#pragma once
#include <string>

namespace edgeplan::app {

// SHA-256 of a file as lower-case hex; empty when the file cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace edgeplan::app
