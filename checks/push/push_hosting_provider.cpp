#include "checks/push/push_hosting_provider.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& PushHostingProviderCheck::info() const {
    static const CheckInfo kInfo{
        "PUSH-02",
        "For mobile push, an enabled Lync Online hosting provider (ProxyFqdn "
        "sipfed.online.lync.com) and the allowed domain push.lync.com are configured",
        "push",
        CheckKind::offline,
        Severity::must,
        {"PUSH"},
        {cite("PUSH")},
        "New-CsHostingProvider -Identity LyncOnline -Enabled $True -ProxyFqdn "
        "sipfed.online.lync.com -VerificationLevel UseSourceVerification; New-CsAllowedDomain "
        "-Identity push.lync.com"};
    return kInfo;
}

// PUSH: the clearing house is reached through the Lync Online hosting provider.
std::vector<Finding> PushHostingProviderCheck::evaluate(const CheckContext& context) const {
    const Model& model = context.model;
    const std::string subject = partner_subject("push.lync.com");
    if (!context.plan.features.push) {
        for (const SipDomain& d : model.sip_domains) {
            if (!d.mobile_push) {
                return {unknown_setting(info(), subject,
                                        "whether " + d.name + " uses mobile push is not stated",
                                        Setting::mobile_push, d.where, domain_names(d.name))};
            }
        }
        return {not_applicable(info(), "no SIP domain uses mobile push")};
    }
    const FederationSettings& fed = model.federation;
    if (!fed.stated) {
        return {unknown_setting(info(), subject, "the hosting providers are not stated",
                                Setting::hosting_providers, model.where)};
    }
    std::vector<std::string> missing;
    bool provider = false;
    for (const HostingProvider& p : fed.hosting_providers) {
        if (p.enabled && iequals(p.proxy_fqdn, "sipfed.online.lync.com")) provider = true;
    }
    if (!provider) missing.push_back("no enabled hosting provider for sipfed.online.lync.com");
    bool allowed = false;
    for (const AllowedDomain& d : fed.allowed) {
        if (iequals(d.domain, "push.lync.com")) allowed = true;
    }
    if (!allowed) missing.push_back("push.lync.com is not an allowed domain");
    return {make_finding(info(), missing.empty() ? Status::pass : Status::fail, subject,
                         missing.empty() ? "Lync Online hosting provider and push.lync.com are "
                                           "configured"
                                         : join(missing, "; "),
                         fed.where, {{"expected", "sipfed.online.lync.com + push.lync.com"}})};
}

}  // namespace edgeplan::checks
