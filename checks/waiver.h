#pragma once
// An accepted finding (docs/waivers.md): `--waivers FILE` lists (check ID, subject) pairs a
// team has decided to live with until a date. The app reads the file; WAIVER-01 reports each
// waiver (checks/gate/waiver_expiry.h) and the gate (app/gate.h) stops counting what it covers.
#include <string>

#include "checks/check.h"
#include "topology/source_location.h"

namespace edgeplan::checks {

struct Waiver {
    std::string check_id;
    std::string subject;
    std::string reason;
    std::string expires;           // YYYY-MM-DD as written
    Clock::time_point expires_at;  // 00:00 UTC of the day after `expires`: it holds all that day
    topology::SourceLocation where;
};

// Whether the waiver still holds at `now` (the --now clock).
bool waiver_active(const Waiver& waiver, Clock::time_point now);

}  // namespace edgeplan::checks
