#pragma once
// XMPP-17 (live): 5269 of the XMPP route pool opens a jabber:server stream, offers STARTTLS and
// negotiates it; dialback and SASL EXTERNAL offers are reported. Doc: docs/checks/XMPP-17.md.
#include <memory>

#include "checks/check.h"

namespace edgeplan::checks::certificates_live {

std::unique_ptr<Check> make_xmpp_starttls_live_check();

}  // namespace edgeplan::checks::certificates_live
