#pragma once
// The one applicability vocabulary: which feature tags of the requirement catalogue
// (docs/requirements.md, "Scenario and feature codes") a topology uses. Derived once from the
// model together with the plan (Plan::features), so the plan's derivation and every check that
// asks "does this rule apply?" read the same answer.
#include "topology/model.h"

namespace edgeplan::topology {

struct Features {
    // AllowFederatedUsers is not stated false: federation, PIC and push may leave the Edge.
    bool federation_allowed = true;
    // FED: SIP federation or public IM is wanted (an Edge pool enables federation, a site names
    // a federation route, AllowFederatedUsers is true, or a public provider is enabled).
    bool federation = false;
    bool public_im = false;  // PIC: a public IM provider entry is enabled
    // XMPP: a pool enables XMPP federation, a site routes it or a partner is configured.
    bool xmpp = false;
    bool push = false;  // PUSH: a SIP domain uses mobile push notifications
};

Features derive_features(const Model& model);

}  // namespace edgeplan::topology
