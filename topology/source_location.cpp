#include "topology/source_location.h"

#include <ostream>

namespace edgeplan::topology {

SourcePath::SourcePath(std::string path) : path_(path) {}

SourcePath::SourcePath(const char* path) : path_(path) {}

const std::string& SourcePath::str() const { return path_.str(); }

bool operator==(const SourcePath& a, const SourcePath& b) { return a.path_ == b.path_; }
bool operator==(const SourcePath& a, const std::string& b) { return a.str() == b; }
bool operator==(const std::string& a, const SourcePath& b) { return a == b.str(); }
bool operator==(const SourcePath& a, const char* b) { return a.str() == b; }
bool operator==(const char* a, const SourcePath& b) { return a == b.str(); }

std::ostream& operator<<(std::ostream& out, const SourcePath& path) { return out << path.str(); }

std::string SourceLocation::to_string() const {
    if (!known()) return file;
    return file.str() + ":" + std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace edgeplan::topology
