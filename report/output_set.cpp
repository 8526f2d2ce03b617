#include "report/output_set.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <ostream>

#include "report/descriptor_sink.h"

namespace edgeplan::report {
namespace {

namespace fs = std::filesystem;

struct Identity {
    dev_t device = 0;
    ino_t inode = 0;
    std::string name;  // for a file that does not exist yet: its name in the directory
    bool operator==(const Identity& o) const {
        return device == o.device && inode == o.inode && name == o.name;
    }
};

std::string reason() { return std::strerror(errno); }

std::string parent_of(const std::string& path) {
    const std::string parent = fs::path(path).parent_path().string();
    return parent.empty() ? "." : parent;
}

// Follows a chain of symlinks that ends at a name that does not exist yet (a dangling link),
// so that the file is created where the link points rather than in place of the link.
std::string follow_dangling_link(const std::string& path, const std::string& what) {
    std::string current = path;
    for (int hop = 0; hop < 40; ++hop) {
        struct stat st {};
        if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return current;
        std::string buffer(PATH_MAX, '\0');
        const ssize_t n = ::readlink(current.c_str(), buffer.data(), buffer.size());
        if (n < 0) throw OutputError(what + " " + path + ": cannot follow the link: " + reason());
        buffer.resize(static_cast<std::size_t>(n));
        current = fs::path(buffer).is_absolute() ? buffer : parent_of(current) + "/" + buffer;
    }
    throw OutputError(what + " " + path + ": too many levels of symbolic links");
}

void refuse_kind(const struct stat& st, const std::string& what, const std::string& path) {
    if (S_ISDIR(st.st_mode)) throw OutputError(what + " " + path + " is a directory");
    if (S_ISBLK(st.st_mode)) throw OutputError(what + " " + path + " is a block device");
    if (S_ISSOCK(st.st_mode)) throw OutputError(what + " " + path + " is a socket");
}

// --- SIGINT/SIGTERM while temporaries exist: remove them, then die of the signal. -----------
// The handler reads only these, which are set before it is installed.
constexpr std::size_t kMaxTemporaries = 64;
char g_temporaries[kMaxTemporaries][PATH_MAX];
volatile std::sig_atomic_t g_created[kMaxTemporaries];
volatile std::sig_atomic_t g_count = 0;

extern "C" void remove_temporaries_and_die(int signal_number) {
    for (std::sig_atomic_t i = 0; i < g_count; ++i) {
        if (g_created[i]) ::unlink(g_temporaries[i]);
    }
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

// Installs the handler for the lifetime of one commit.
class TemporaryGuard {
  public:
    TemporaryGuard() {
        struct sigaction action {};
        action.sa_handler = remove_temporaries_and_die;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &old_int_);
        ::sigaction(SIGTERM, &action, &old_term_);
    }
    ~TemporaryGuard() {
        ::sigaction(SIGINT, &old_int_, nullptr);
        ::sigaction(SIGTERM, &old_term_, nullptr);
        remove_all();
        g_count = 0;
    }
    TemporaryGuard(const TemporaryGuard&) = delete;
    TemporaryGuard& operator=(const TemporaryGuard&) = delete;

    // A mkstemp template beside `target`; returns its slot.
    std::size_t reserve(const std::string& target) {
        const std::string text = target + ".tmp.XXXXXX";
        if (text.size() >= PATH_MAX)
            throw OutputError("cannot write " + target + ": path too long");
        const auto slot = static_cast<std::size_t>(g_count);
        std::memcpy(g_temporaries[slot], text.c_str(), text.size() + 1);
        g_created[slot] = 0;
        g_count = g_count + 1;
        return slot;
    }
    char* name(std::size_t slot) { return g_temporaries[slot]; }
    void created(std::size_t slot) { g_created[slot] = 1; }
    void renamed(std::size_t slot) { g_created[slot] = 0; }
    void remove_all() {
        for (std::sig_atomic_t i = 0; i < g_count; ++i) {
            if (g_created[i]) ::unlink(g_temporaries[i]);
            g_created[i] = 0;
        }
    }

  private:
    struct sigaction old_int_ {};
    struct sigaction old_term_ {};
};

void write_all(int fd, const std::string& content, const std::string& what,
               const std::string& path) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw OutputError("cannot write " + what + " " + path + ": " + reason());
        }
        written += static_cast<std::size_t>(n);
    }
}

// Closes on scope exit; close() reports the errors that a deferred write can still give.
class Descriptor {
  public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }
    int close() {
        const int result = ::close(fd_);
        fd_ = -1;
        return result;
    }

  private:
    int fd_;
};

void write_content(int fd, const std::string& content, const OutputSet::Writer& writer,
                   const std::string& what, const std::string& path) {
    if (!writer) {
        write_all(fd, content, what, path);
        return;
    }
    const std::string error = write_through(fd, writer);
    if (!error.empty()) throw OutputError("cannot write " + what + " " + path + ": " + error);
}

void write_direct(const std::string& path, const std::string& content,
                  const OutputSet::Writer& writer, const std::string& what) {
    // O_NONBLOCK: a FIFO without a reader fails with ENXIO here instead of blocking forever.
    Descriptor fd(::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        if (errno == ENXIO) throw OutputError(what + " " + path + ": the FIFO has no reader");
        throw OutputError("cannot open " + what + " " + path + ": " + reason());
    }
    const int flags = ::fcntl(fd.get(), F_GETFL);
    if (flags >= 0) ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
    write_content(fd.get(), content, writer, what, path);
    if (fd.close() != 0) throw OutputError("cannot write " + what + " " + path + ": " + reason());
}

}  // namespace

void OutputSet::add(const std::string& path, const std::string& what) {
    outputs_.push_back(Output{path, what, path, false, {}, {}});
    prepared_ = false;
}

void OutputSet::prepare(const std::vector<std::string>& inputs) {
    if (outputs_.size() > kMaxTemporaries) {
        throw OutputError("at most " + std::to_string(kMaxTemporaries) + " output files per run");
    }
    std::vector<std::pair<Identity, std::string>> inputs_seen;
    for (const std::string& input : inputs) {
        struct stat st {};
        if (!input.empty() && ::stat(input.c_str(), &st) == 0) {
            inputs_seen.push_back({Identity{st.st_dev, st.st_ino, {}}, input});
        }
    }
    std::vector<std::pair<Identity, std::string>> outputs_seen;
    for (Output& o : outputs_) {
        if (o.given.empty()) throw OutputError(o.what + ": the file name is empty");
        struct stat st {};
        Identity identity;
        if (::stat(o.given.c_str(), &st) == 0) {
            refuse_kind(st, o.what, o.given);
            o.direct = S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode);
            if (o.direct) {
                o.target = o.given;
            } else {
                // A regular file, perhaps through symlinks: replace the file they point at.
                std::unique_ptr<char, decltype(&std::free)> real(
                    ::realpath(o.given.c_str(), nullptr), &std::free);
                if (!real) throw OutputError("cannot write " + o.given + ": " + reason());
                o.target = real.get();
            }
            identity = Identity{st.st_dev, st.st_ino, {}};
        } else if (errno == ENOENT) {
            o.target = follow_dangling_link(o.given, o.what);
            const std::string parent = parent_of(o.target);
            struct stat dir {};
            if (::stat(parent.c_str(), &dir) != 0 || !S_ISDIR(dir.st_mode)) {
                throw OutputError(o.what + " " + o.given + ": the directory " + parent +
                                  " does not exist");
            }
            identity = Identity{dir.st_dev, dir.st_ino, fs::path(o.target).filename().string()};
        } else {
            throw OutputError("cannot write " + o.what + " " + o.given + ": " + reason());
        }
        if (!o.direct && ::access(parent_of(o.target).c_str(), W_OK) != 0) {
            throw OutputError(o.what + " " + o.given + ": cannot write in " + parent_of(o.target) +
                              ": " + reason());
        }
        for (const auto& [seen, name] : inputs_seen) {
            if (seen == identity) {
                throw OutputError(o.what + " " + o.given + " is the input " + name +
                                  ": refusing to overwrite it");
            }
        }
        for (const auto& [seen, what] : outputs_seen) {
            if (seen == identity) {
                throw OutputError(o.what + " " + o.given + " is also written by " + what);
            }
        }
        outputs_seen.push_back({identity, o.what});
    }
    prepared_ = true;
}

void OutputSet::set_content(std::size_t index, std::string content) {
    outputs_.at(index).content = std::move(content);
    outputs_.at(index).writer = nullptr;
}

void OutputSet::set_writer(std::size_t index, Writer writer) {
    outputs_.at(index).content.clear();
    outputs_.at(index).writer = std::move(writer);
}

void OutputSet::commit() {
    if (!prepared_) throw OutputError("internal: outputs committed before they were prepared");
    TemporaryGuard temporaries;
    std::vector<std::pair<std::size_t, const Output*>> staged;
    for (const Output& o : outputs_) {
        if (o.direct) continue;
        const std::size_t slot = temporaries.reserve(o.target);
        const Descriptor fd(::mkstemp(temporaries.name(slot)));
        if (fd.get() < 0) throw OutputError("cannot create " + o.given + ": " + reason());
        temporaries.created(slot);
        write_content(fd.get(), o.content, o.writer, o.what, o.given);
        // mkstemp creates 0600; an existing file keeps its mode, a new one is a plain document.
        struct stat existing {};
        const mode_t mode =
            ::stat(o.target.c_str(), &existing) == 0 ? existing.st_mode & 07777 : 0644;
        ::fchmod(fd.get(), mode);
        if (::fsync(fd.get()) != 0) {
            throw OutputError("cannot write " + o.what + " " + o.given + ": " + reason());
        }
        staged.push_back({slot, &o});
    }
    for (const Output& o : outputs_) {
        if (o.direct) write_direct(o.target, o.content, o.writer, o.what);
    }
    for (const auto& [slot, o] : staged) {
        if (std::rename(temporaries.name(slot), o->target.c_str()) != 0) {
            throw OutputError("cannot write " + o->what + " " + o->given + ": " + reason());
        }
        temporaries.renamed(slot);
    }
}

}  // namespace edgeplan::report
