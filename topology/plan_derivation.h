#pragma once
// Internal to the plan derivation: the facts derive_plan's three parts (DNS, firewall,
// certificates) share. Not part of the Plan contract; checks use topology/plan.h.
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "topology/model.h"
#include "topology/plan.h"

namespace edgeplan::topology::plan_detail {

void derive_dns(const Model& model, Plan& plan);
void derive_firewall(const Model& model, Plan& plan);
void derive_certificates(const Model& model, Plan& plan);
void derive_addressing(const Model& model, Plan& plan);  // edge_addressing_plan.cpp

// "Access Edge", "Web Conferencing Edge", "A/V Edge".
const char* service_label(EdgeService service);
const ExternalServiceSettings& service_settings(const EdgePool& pool, EdgeService service);

// Addresses configured on the Edge's external interfaces for one service, every member (or the
// service VIPs of a hardware load balanced pool). With "single FQDN and IP" a service without
// its own address uses the Access Edge address (DEFTOPO). Unusable entries (0.0.0.0, not an
// address) are dropped.
std::vector<std::string> interface_addresses(const EdgePool& pool, EdgeService service);
// The same on the members only, also for a hardware load balanced pool (its "node" rows).
std::vector<std::string> member_interface_addresses(const EdgePool& pool, EdgeService service);

// The addresses the Internet uses for a service: the service VIPs for hardware load balancing
// (DNS-LB-03), else per member the NAT public addresses under NAT (DNS-A-EXT-04), else the
// interface addresses. A member whose address is missing or unusable adds an Unknown under
// `rule` when `unknowns` is given.
std::vector<std::string> published_addresses(const EdgePool& pool, EdgeService service,
                                             const std::string& rule,
                                             std::vector<Unknown>* unknowns);

// Edge internal interface addresses of every member, and the internal VIPs (hardware LB).
std::vector<std::string> member_internal_addresses(const EdgePool& pool);
std::vector<std::string> internal_vip_addresses(const EdgePool& pool);

// Canonical address text, or empty when the text is not a usable address (unspecified or not
// an address at all).
std::string usable_address(const std::string& text);
bool is_ipv6(const std::string& address);

// The Edge pool carrying SIP federation (the sites' federation route, else the only pool with
// federation enabled) and the XMPP route pool; nullptr when the model names none (FED-01,
// XMPP-04).
const EdgePool* federation_route_pool(const Model& model);
const EdgePool* xmpp_route_pool(const Model& model);
// The pool whose Access Edge answers for sip.<domain>: the federation route, else the first
// Edge pool in model order (remote user access still needs one).
const EdgePool* access_pool(const Model& model);

// Feature facts (section 0.3 tags) the plan narrows on.
bool federation_allowed(const Model& model);  // AllowFederatedUsers is not stated false
bool sip_federation_on_pool(const Model& model, const EdgePool& pool);  // FED, PIC or PUSH
bool public_provider_enabled(const Model& model, PublicProviderKind kind);
bool partner_version_present(const Model& model, PartnerVersion version);

std::string pool_subject(const EdgePool& pool);
std::string member_subject(const EdgePool& pool, const EdgeMember& member, std::size_t index);

// Appends `value` unless it is already present (keeps first-seen order). Linear: for short
// lists only; long ones (addresses of every member, SANs for every SIP domain) use UniqueList.
void append_unique(std::vector<std::string>& values, const std::string& value);

// Values in first-seen order without duplicates, each addition O(1). append_unique over the
// whole list made pools of thousands of members and certificates for thousands of SIP domains
// quadratic (docs/performance.md, "Input limits").
class UniqueList {
  public:
    void add(const std::string& value) {
        if (seen_.insert(value).second) values_.push_back(value);
    }
    const std::vector<std::string>& values() const { return values_; }
    std::vector<std::string> take() {
        seen_.clear();
        return std::move(values_);
    }

  private:
    std::vector<std::string> values_;
    std::unordered_set<std::string> seen_;
};

}  // namespace edgeplan::topology::plan_detail
