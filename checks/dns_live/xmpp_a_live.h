#pragma once
// DNS-A-XMPP-02 (live): External DNS resolves xmpp.<domain> to the Access Edge of the XMPP route
// pool. Doc: docs/checks/DNS-A-XMPP-02.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::dns_live {

std::unique_ptr<Check> make_xmpp_a_live_check();

}  // namespace edgeplan::checks::dns_live
