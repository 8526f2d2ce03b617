#include "checks/pic/public_provider_entry.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& PublicProviderEntryCheck::info() const {
    static const CheckInfo kInfo{
        "PIC-01",
        "A public IM provider in use has its provider entry enabled with the provider's own "
        "Access Edge FQDN (Skype/Windows Live: federation.messenger.msn.com)",
        "pic",
        CheckKind::offline,
        Severity::must,
        {"PIC"},
        {cite("PUBPROV"), cite("SKYPE")},
        "Set-CsPublicProvider <name> -Enabled $True -ProxyFqdn <provider FQDN> "
        "(federation.messenger.msn.com for Skype)"};
    return kInfo;
}

// PUBPROV: providers exist by default but are disabled; SKYPE gives the Messenger FQDN. AOL and
// Yahoo! FQDNs are not documented, so only their presence is checked.
std::vector<Finding> PublicProviderEntryCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    std::vector<Finding> findings;
    for (const PublicProvider& p : model.federation.public_providers) {
        if (!p.enabled) continue;
        const std::string subject = provider_subject(to_string(p.kind));
        const bool messenger =
            p.kind == PublicProviderKind::skype || p.kind == PublicProviderKind::windows_live;
        const std::string expected = messenger ? "federation.messenger.msn.com" : "";
        if (p.proxy_fqdn.empty()) {
            findings.push_back(make_finding(info(), Status::fail, subject,
                                            "enabled provider has no ProxyFqdn", p.where,
                                            {{"expected", messenger ? expected : "a ProxyFqdn"}}));
        } else if (messenger && !iequals(p.proxy_fqdn, expected)) {
            findings.push_back(make_finding(
                info(), Status::fail, subject, "ProxyFqdn " + p.proxy_fqdn + " is not " + expected,
                p.where, {{"expected", expected}, {"observed", p.proxy_fqdn}}));
        } else {
            findings.push_back(make_finding(info(), Status::pass, subject,
                                            "enabled with ProxyFqdn " + p.proxy_fqdn, p.where,
                                            {{"fqdn", p.proxy_fqdn}}));
        }
    }
    if (findings.empty()) {
        const auto wanting =
            assigned_policies(model, [](const ExternalAccessPolicy& p) { return p.public_im; });
        if (!wanting.empty()) {
            return {make_finding(info(), Status::fail, kTopologySubject,
                                 "policy " + wanting.front()->name +
                                     " allows public IM but no public provider is enabled",
                                 wanting.front()->where)};
        }
    }
    return or_not_applicable(info(), std::move(findings), "public IM connectivity is not used");
}

}  // namespace edgeplan::checks
