#include "app/progress_line.h"

#include "report/text_table.h"

namespace edgeplan::app {

std::string progress_text(const checks::ProbeProgress& p, std::size_t width) {
    std::string line = "probing " + std::to_string(p.done) + "/" + std::to_string(p.total);
    if (!p.current.empty()) line += " " + report::text::clean(p.current);
    if (line.size() > width) line.resize(width);
    return line;
}

void ProgressLine::update(const checks::ProbeProgress& progress) {
    // \r back to column 1, ESC[K erase to the end of the line: no scrolling, one line.
    out_ << "\r\x1b[K" << progress_text(progress) << std::flush;
    drawn_ = true;
}

void ProgressLine::clear() {
    if (!drawn_) return;
    out_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

}  // namespace edgeplan::app
