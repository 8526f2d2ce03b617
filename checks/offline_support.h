#pragma once
// Shared vocabulary of the offline checks: canonical subjects (docs/subjects.md), the
// "does this feature apply" predicates every check reads the same way, and name helpers.
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "checks/check.h"
#include "checks/setting_sources.h"
#include "topology/strings.h"
#include "topology/subjects.h"

namespace edgeplan::checks {

// --- Canonical subjects: the grammar is topology/subjects.h (docs/subjects.md) ---------------
using subjects::cert_subject;
using subjects::domain_subject;
using subjects::kTopologySubject;
using subjects::member_subject;
using subjects::partner_subject;
using subjects::policy_subject;
using subjects::pool_subject;
using subjects::provider_subject;
using subjects::site_subject;
using subjects::xmpp_domain_subject;
using subjects::xmpp_partner_subject;

// --- Skips ----------------------------------------------------------------------------------
// The one skip a check gives when its rule does not apply to this topology at all.
Finding not_applicable(const CheckInfo& info, std::string why);
Finding unknown_input(const CheckInfo& info, std::string subject, std::string what_is_missing,
                      topology::SourceLocation where);
// An unknown because a setting is missing: the message ends with the cmdlet that states it and
// the --settings snippet (checks/setting_sources.h), and the evidence carries both.
Finding unknown_setting(const CheckInfo& info, std::string subject, const std::string& what,
                        Setting setting, topology::SourceLocation where,
                        const SnippetNames& names = {});
// An unknown topology or partner fact that no Get-Cs cmdlet exports: the message ends with where
// it is stated (`how`, naming the XML), and the evidence carries the XML as settings_xml.
Finding unknown_stated_by_hand(const CheckInfo& info, std::string subject, const std::string& what,
                               const std::string& how, const std::string& xml,
                               topology::SourceLocation where);
// A certificate the topology names by file: the certificate probe reads it, not this check.
Finding needs_certificate_probe(const CheckInfo& info, std::string subject,
                                const topology::CertificateSpec& spec);
// Returns `findings`, or the single not-applicable skip when no subject qualified.
std::vector<Finding> or_not_applicable(const CheckInfo& info, std::vector<Finding> findings,
                                       std::string why);

// --- What the organisation wants (one reading for every check) -------------------------------
bool is_pool(const topology::EdgePool& pool);  // DNS or hardware load balancing (S3-S5)
// Whether federation, public IM, XMPP or push is wanted: context.plan.features
// (topology/features.h), derived once with the plan.
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
using strings::iequals;
using strings::lower;
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
using strings::join;
// Google Talk / Gmail XMPP domains (XMPP-01, XMPP-11).
bool is_google_xmpp_domain(const std::string& domain);

// --- Certificates ---------------------------------------------------------------------------
// The pool's certificate of this use, or nullptr when the topology describes none.
const topology::CertificateSpec* find_certificate(const topology::EdgePool& pool,
                                                  topology::CertificateUse use);
// Where a certificate's EKUs and key exportability were stated: the Edge's certificate store
// export or a <Certificate> that completes them, else the certificate itself.
inline const topology::SourceLocation& key_facts_where(const topology::CertificateSpec& spec) {
    return spec.store_where.file.empty() ? spec.where : spec.store_where;
}
// An unknown EKU or key exportability: the certificate store export and the snippet say how.
Finding unknown_key_fact(const CheckInfo& info, std::string subject, const std::string& what,
                         const topology::EdgePool& pool, const topology::CertificateSpec& spec);
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
            findings.push_back(
                unknown_setting(info, subject,
                                std::string("the topology describes no ") +
                                    topology::to_string(use) + " certificate for this pool",
                                Setting::edge_certificates, pool.where,
                                certificate_names(pool.id, topology::to_string(use))));
        } else if (!spec->file.empty()) {
            findings.push_back(needs_certificate_probe(info, subject, *spec));
        } else {
            judge(pool, *spec, subject, findings);
        }
    }
    return or_not_applicable(info, std::move(findings), "the topology has no Edge pool");
}

}  // namespace edgeplan::checks
