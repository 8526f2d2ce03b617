#include "checks/finding.h"

#include <tuple>

namespace edgeplan::checks {

const char* to_string(Status status) {
    switch (status) {
        case Status::pass:
            return "pass";
        case Status::warn:
            return "warn";
        case Status::fail:
            return "fail";
        case Status::skip:
            return "skip";
        case Status::error:
            return "error";
    }
    return "unknown";
}

bool finding_order(const Finding& a, const Finding& b) {
    return std::tie(a.check_id, a.subject) < std::tie(b.check_id, b.subject);
}

}  // namespace edgeplan::checks
