#include "report/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "report/descriptor_sink.h"

namespace edgeplan::report {

void write_file_atomically(const std::string& path, const std::string& content) {
    write_file_atomically(path, [&](std::ostream& out) { out << content; });
}

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write) {
    std::vector<char> temp(path.begin(), path.end());
    const std::string suffix = ".tmp.XXXXXX";
    temp.insert(temp.end(), suffix.begin(), suffix.end());
    temp.push_back('\0');
    const int fd = mkstemp(temp.data());
    if (fd < 0) throw OutputError("cannot create " + path + ": " + std::strerror(errno));
    const std::string temp_path(temp.data());
    std::string error;
    try {
        error = write_through(fd, write);
    } catch (...) {
        ::close(fd);
        ::unlink(temp_path.c_str());
        throw;
    }
    if (!error.empty()) {
        ::close(fd);
        ::unlink(temp_path.c_str());
        throw OutputError("cannot write " + path + ": " + error);
    }
    // mkstemp creates 0600; output files are ordinary documents.
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(temp_path.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        ::unlink(temp_path.c_str());
        throw OutputError("cannot write " + path + ": " + reason);
    }
}

void ensure_directory(const std::string& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) throw OutputError("cannot create directory " + dir + ": " + error.message());
}

}  // namespace edgeplan::report
