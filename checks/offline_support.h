#pragma once
// Shared vocabulary of the offline checks: canonical subjects (docs/subjects.md), the
// "does this feature apply" predicates every check reads the same way, and name helpers.
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "checks/check.h"

namespace edgeplan::checks {

// --- Canonical subjects ---------------------------------------------------------------------
std::string pool_subject(const std::string& id);              // pool:<id>
std::string member_subject(const std::string& fqdn);          // member:<internal fqdn>
std::string domain_subject(const std::string& domain);        // domain:<sip domain>
std::string xmpp_domain_subject(const std::string& domain);   // xmpp-domain:<d>
std::string partner_subject(const std::string& domain);       // partner:<domain>
std::string xmpp_partner_subject(const std::string& domain);  // xmpp-partner:<d>
std::string provider_subject(const std::string& name);        // provider:<name>
std::string policy_subject(const std::string& name);          // policy:<name>
std::string cert_subject(const std::string& pool_id, topology::CertificateUse use);
std::string site_subject(const std::string& id);  // site:<id>
inline constexpr const char* kTopologySubject = "topology";

// --- Skips ----------------------------------------------------------------------------------
// The one skip a check gives when its rule does not apply to this topology at all.
Finding not_applicable(const CheckInfo& info, std::string why);
Finding unknown_input(const CheckInfo& info, std::string subject, std::string what_is_missing,
                      topology::SourceLocation where);
// A certificate the topology names by file: the certificate probe reads it, not this check.
Finding needs_certificate_probe(const CheckInfo& info, std::string subject,
                                const topology::CertificateSpec& spec);
// Returns `findings`, or the single not-applicable skip when no subject qualified.
std::vector<Finding> or_not_applicable(const CheckInfo& info, std::vector<Finding> findings,
                                       std::string why);

// --- What the organisation wants (one reading for every check) -------------------------------
bool is_pool(const topology::EdgePool& pool);  // DNS or hardware load balancing (S3-S5)
// SIP federation or public IM is wanted: an Edge pool enables federation, a site names a
// federation route, AllowFederatedUsers is true, or a public provider is enabled.
bool federation_wanted(const topology::Model& model);
bool pic_wanted(const topology::Model& model);  // a public IM provider entry is enabled
// XMPP federation is wanted: a pool enables it, a site routes it or a partner is configured.
bool xmpp_wanted(const topology::Model& model);
bool push_wanted(const topology::Model& model);  // a SIP domain uses mobile push
// The Edge pools carrying SIP federation / XMPP: named by a site route, else flagged.
std::vector<const topology::EdgePool*> federation_pools(const topology::Model& model);
std::vector<const topology::EdgePool*> xmpp_pools(const topology::Model& model);
const topology::PublicProvider* enabled_provider(const topology::Model& model,
                                                 topology::PublicProviderKind kind);
// Assigned External Access Policies that satisfy `wanted`.
template <typename Pred>
std::vector<const topology::ExternalAccessPolicy*> assigned_policies(const topology::Model& model,
                                                                     Pred wanted) {
    std::vector<const topology::ExternalAccessPolicy*> out;
    for (const auto& policy : model.policies) {
        if (policy.assigned && wanted(policy)) out.push_back(&policy);
    }
    return out;
}

// Midnight UTC of a calendar date, for the date-dependent rules that compare context.now.
Clock::time_point utc_date(int year, int month, int day);

// --- Names ----------------------------------------------------------------------------------
std::string lower(std::string text);
bool iequals(const std::string& a, const std::string& b);
bool is_wildcard(const std::string& name);  // "*" anywhere (CERT-EXT-08, WILDCARD)
// DNS-NAME-01 / CERT-EXT-18: labels of A-Z, a-z, 0-9 and hyphen, 1..63 characters, no leading
// or trailing hyphen, at least two labels, at most 253 characters.
bool is_standard_fqdn(const std::string& name);
bool contains_name(const std::vector<std::string>& names, const std::string& name);
// Case-insensitive set of names (the same comparison as iequals), for checks that test many
// names against a long list: contains_name over a vector is linear, and looking up every
// planned name in every SAN list made those checks quadratic (docs/performance.md, "Input
// limits").
class NameSet {
  public:
    NameSet() = default;
    explicit NameSet(const std::vector<std::string>& names);
    bool contains(const std::string& name) const { return lowered_.count(lower(name)) != 0; }
    bool insert(const std::string& name) { return lowered_.insert(lower(name)).second; }

  private:
    std::unordered_set<std::string> lowered_;
};
std::string join(const std::vector<std::string>& parts, const std::string& separator = ", ");
// Google Talk / Gmail XMPP domains (XMPP-01, XMPP-11).
bool is_google_xmpp_domain(const std::string& domain);

// --- Certificates ---------------------------------------------------------------------------
// The pool's certificate of this use, or nullptr when the topology describes none.
const topology::CertificateSpec* find_certificate(const topology::EdgePool& pool,
                                                  topology::CertificateUse use);
// Runs `judge` on the planned certificate of `use` of every Edge pool. A pool without one
// gets an unknown_input skip; a certificate given as a file needs the certificate probe.
template <typename Judge>
std::vector<Finding> for_each_planned_certificate(const CheckInfo& info,
                                                  const topology::Model& model,
                                                  topology::CertificateUse use, Judge judge) {
    std::vector<Finding> findings;
    for (const auto& pool : model.edge_pools) {
        const std::string subject = cert_subject(pool.id, use);
        const topology::CertificateSpec* spec = find_certificate(pool, use);
        if (spec == nullptr) {
            findings.push_back(unknown_input(info, subject,
                                             std::string("the topology describes no ") +
                                                 topology::to_string(use) +
                                                 " certificate for this pool",
                                             pool.where));
        } else if (!spec->file.empty()) {
            findings.push_back(needs_certificate_probe(info, subject, *spec));
        } else {
            judge(pool, *spec, subject, findings);
        }
    }
    return or_not_applicable(info, std::move(findings), "the topology has no Edge pool");
}

}  // namespace edgeplan::checks
