#include "checks/waiver.h"

namespace edgeplan::checks {

bool waiver_active(const Waiver& waiver, Clock::time_point now) { return now < waiver.expires_at; }

}  // namespace edgeplan::checks
