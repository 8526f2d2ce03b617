#include "report/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace edgeplan::report {

void write_file_atomically(const std::string& path, const std::string& content) {
    std::vector<char> temp(path.begin(), path.end());
    const std::string suffix = ".tmp.XXXXXX";
    temp.insert(temp.end(), suffix.begin(), suffix.end());
    temp.push_back('\0');
    const int fd = mkstemp(temp.data());
    if (fd < 0) throw OutputError("cannot create " + path + ": " + std::strerror(errno));
    const std::string temp_path(temp.data());
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string reason = std::strerror(errno);
            ::close(fd);
            ::unlink(temp_path.c_str());
            throw OutputError("cannot write " + path + ": " + reason);
        }
        written += static_cast<std::size_t>(n);
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
