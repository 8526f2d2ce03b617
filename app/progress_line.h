#pragma once
// The one-line probe progress `edgeplan check` draws on stderr when stderr is a terminal and
// --quiet is not given: "probing 12/40 tcp:192.0.2.1:5061", redrawn in place.
#include <ostream>
#include <string>

#include "checks/probe_runner.h"

namespace edgeplan::app {

// The line's text, without the carriage return and erase sequence; target cleaned of control
// characters and cut to `width` columns overall.
std::string progress_text(const checks::ProbeProgress& progress, std::size_t width = 79);

class ProgressLine {
  public:
    explicit ProgressLine(std::ostream& out) : out_(out) {}
    ~ProgressLine() { clear(); }
    void update(const checks::ProbeProgress& progress);
    void clear();  // erases the line, so the report starts on a clean one

  private:
    std::ostream& out_;
    bool drawn_ = false;
};

}  // namespace edgeplan::app
