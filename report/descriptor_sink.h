#pragma once
// An ostream's buffer that writes to a file descriptor, for outputs rendered straight into their
// file instead of into a string first (docs/performance.md "The HTML page written as it is
// built"). A failed write is kept (error()) and ends the stream, so a writer stops at a full disk
// instead of rendering the rest for nothing.
#include <functional>
#include <ostream>
#include <streambuf>
#include <string>

namespace edgeplan::report {

class DescriptorSink : public std::streambuf {
  public:
    explicit DescriptorSink(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
    const std::string& error() const { return error_; }

  protected:
    int_type overflow(int_type c) override;
    int sync() override;

  private:
    bool drain();
    int fd_;
    char buffer_[1 << 16];
    std::string error_;
};

// Runs `writer` on a stream into `fd` and flushes it; returns the error of a failed write ("" when
// none). Any other exception of the writer passes through.
std::string write_through(int fd, const std::function<void(std::ostream&)>& writer);

}  // namespace edgeplan::report
