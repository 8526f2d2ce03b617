#include "topology/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>

namespace edgeplan::topology {
namespace {

// Closes the descriptor on every path out of read_input_file.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

  private:
    int fd_;
};

}  // namespace

std::string non_regular_kind(unsigned mode) {
    if (S_ISREG(mode)) return "";
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

std::string read_input_file(const std::string& path, std::size_t max_bytes) {
    if (path.empty()) throw InputFileError("an input file name is empty");
    // O_NONBLOCK: opening a FIFO for reading would block until a writer appears.
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        throw InputFileError(path + ": cannot open (" + std::strerror(errno) + ")");
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) {
        throw InputFileError(path + ": cannot read (" + std::strerror(errno) + ")");
    }
    const std::string kind = non_regular_kind(st.st_mode);
    if (!kind.empty()) throw InputFileError(path + ": is " + kind + ", not a regular file");
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > max_bytes) {
        throw InputFileError(path + ": is " + std::to_string(size) + " bytes, over the limit of " +
                             std::to_string(max_bytes));
    }
    // Read to end of file rather than st_size bytes: a file that grows while it is read is
    // still bounded by max_bytes (one byte more tells that it went over).
    std::string bytes;
    bytes.resize(std::min(size, max_bytes) + 1);
    std::size_t filled = 0;
    for (;;) {
        if (filled == bytes.size()) {
            if (bytes.size() > max_bytes) {
                throw InputFileError(path + ": grew over the limit of " +
                                     std::to_string(max_bytes) + " bytes while it was read");
            }
            bytes.resize(std::min(bytes.size() * 2, max_bytes + 1));
        }
        const ssize_t n = ::read(fd.get(), bytes.data() + filled, bytes.size() - filled);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw InputFileError(path + ": cannot read (" + std::strerror(errno) + ")");
        }
        if (n == 0) break;
        filled += static_cast<std::size_t>(n);
    }
    bytes.resize(filled);
    return bytes;
}

}  // namespace edgeplan::topology
