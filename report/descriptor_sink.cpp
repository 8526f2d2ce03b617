#include "report/descriptor_sink.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace edgeplan::report {

DescriptorSink::int_type DescriptorSink::overflow(int_type c) {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

int DescriptorSink::sync() { return drain() ? 0 : -1; }

bool DescriptorSink::drain() {
    if (!error_.empty()) return false;
    const char* data = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0) {
        const ssize_t n = ::write(fd_, data, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            error_ = std::strerror(errno);
            return false;
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return true;
}

std::string write_through(int fd, const std::function<void(std::ostream&)>& writer) {
    // On the heap: the sink holds a 64 KiB buffer.
    auto sink = std::make_unique<DescriptorSink>(fd);
    std::ostream out(sink.get());
    out.exceptions(std::ios::badbit);
    try {
        writer(out);
        out.flush();
    } catch (const std::ios::failure&) {
        if (sink->error().empty()) throw;
    } catch (...) {
        // What was rendered before the writer failed still goes out, as it did through an
        // unbuffered stream (the caller reports the failure).
        sink->pubsync();
        throw;
    }
    return sink->error();
}

}  // namespace edgeplan::report
