#include "topology/features.h"

#include <algorithm>

#include "topology/plan_derivation.h"

namespace edgeplan::topology {

Features derive_features(const Model& model) {
    Features f;
    f.federation_allowed = plan_detail::federation_allowed(model);
    const auto& providers = model.federation.public_providers;
    f.public_im = std::any_of(providers.begin(), providers.end(),
                              [](const PublicProvider& p) { return p.enabled; });
    f.federation = model.federation.enabled.value_or(false) || f.public_im ||
                   std::any_of(model.edge_pools.begin(), model.edge_pools.end(),
                               [](const EdgePool& pool) { return pool.federation; }) ||
                   std::any_of(model.sites.begin(), model.sites.end(),
                               [](const Site& site) { return !site.federation_route.empty(); });
    f.xmpp = !model.federation.xmpp_partners.empty() ||
             std::any_of(model.edge_pools.begin(), model.edge_pools.end(),
                         [](const EdgePool& pool) { return pool.xmpp; }) ||
             std::any_of(model.sites.begin(), model.sites.end(),
                         [](const Site& site) { return !site.xmpp_federation_route.empty(); });
    f.push = std::any_of(model.sip_domains.begin(), model.sip_domains.end(),
                         [](const SipDomain& d) { return d.mobile_push.value_or(false); });
    return f;
}

}  // namespace edgeplan::topology
