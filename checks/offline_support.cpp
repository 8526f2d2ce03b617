#include "checks/offline_support.h"

#include <algorithm>
#include <cctype>

namespace edgeplan::checks {

using namespace topology;

Finding not_applicable(const CheckInfo& info, std::string why) {
    return make_skip(info, kTopologySubject, "not_applicable", std::move(why));
}

Finding unknown_input(const CheckInfo& info, std::string subject, std::string what_is_missing,
                      SourceLocation where) {
    return make_skip(info, std::move(subject), "unknown_input", std::move(what_is_missing),
                     std::move(where));
}

Finding unknown_setting(const CheckInfo& info, std::string subject, const std::string& what,
                        Setting setting, SourceLocation where, const SnippetNames& names) {
    Finding finding = unknown_input(info, std::move(subject),
                                    what + ": " + how_to_state(setting, names), std::move(where));
    finding.evidence.push_back({"cmdlet", setting_source(setting).cmdlet});
    finding.evidence.push_back({"settings_xml", settings_snippet(setting, names)});
    return finding;
}

Finding unknown_stated_by_hand(const CheckInfo& info, std::string subject, const std::string& what,
                               const std::string& how, const std::string& xml,
                               SourceLocation where) {
    Finding finding = unknown_input(info, std::move(subject), what + ": " + how, std::move(where));
    finding.evidence.push_back({"settings_xml", xml});
    return finding;
}

Finding unknown_key_fact(const CheckInfo& info, std::string subject, const std::string& what,
                         const topology::EdgePool& pool, const topology::CertificateSpec& spec) {
    return unknown_setting(info, std::move(subject), what, Setting::certificate_key_facts,
                           spec.where, certificate_names(pool.id, topology::to_string(spec.use)));
}

Finding needs_certificate_probe(const CheckInfo& info, std::string subject,
                                const CertificateSpec& spec) {
    return make_skip(info, std::move(subject), "needs_certificate_probe",
                     "certificate file " + spec.file + " is read by the certificate probe",
                     spec.where);
}

std::vector<Finding> or_not_applicable(const CheckInfo& info, std::vector<Finding> findings,
                                       std::string why) {
    if (findings.empty()) findings.push_back(not_applicable(info, std::move(why)));
    return findings;
}

bool is_pool(const EdgePool& pool) { return pool.load_balancing != LoadBalancing::single; }

namespace {

std::vector<const EdgePool*> routed_or_flagged(const Model& model, std::string Site::*route,
                                               bool EdgePool::*flag) {
    std::vector<const EdgePool*> pools;
    for (const auto& site : model.sites) {
        const EdgePool* pool = model.find_edge_pool(site.*route);
        if (pool != nullptr && std::find(pools.begin(), pools.end(), pool) == pools.end()) {
            pools.push_back(pool);
        }
    }
    if (!pools.empty()) return pools;
    for (const auto& pool : model.edge_pools) {
        if (pool.*flag) pools.push_back(&pool);
    }
    return pools;
}

}  // namespace

std::vector<const EdgePool*> federation_pools(const Model& model) {
    return routed_or_flagged(model, &Site::federation_route, &EdgePool::federation);
}

std::vector<const EdgePool*> xmpp_pools(const Model& model) {
    return routed_or_flagged(model, &Site::xmpp_federation_route, &EdgePool::xmpp);
}

const PublicProvider* enabled_provider(const Model& model, PublicProviderKind kind) {
    for (const auto& provider : model.federation.public_providers) {
        if (provider.kind == kind && provider.enabled) return &provider;
    }
    return nullptr;
}

Clock::time_point utc_date(int year, int month, int day) { return utc_midnight(year, month, day); }

bool is_wildcard(const std::string& name) { return name.find('*') != std::string::npos; }

bool is_standard_fqdn(const std::string& name) {
    if (name.empty() || name.size() > 253) return false;
    std::size_t labels = 0;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find('.', start);
        if (end == std::string::npos) end = name.size();
        const std::string label = name.substr(start, end - start);
        if (label.empty() || label.size() > 63) return false;
        if (label.front() == '-' || label.back() == '-') return false;
        for (unsigned char c : label) {
            if (!(std::isalnum(c) && c < 128) && c != '-') return false;
        }
        ++labels;
        start = end + 1;
    }
    return labels >= 2;
}

bool contains_name(const std::vector<std::string>& names, const std::string& name) {
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& n) { return iequals(n, name); });
}

NameSet::NameSet(const std::vector<std::string>& names) {
    lowered_.reserve(names.size());
    for (const std::string& name : names) insert(name);
}

bool is_google_xmpp_domain(const std::string& domain) {
    const std::string d = lower(domain);
    return d == "gmail.com" || d == "googlemail.com" || d == "google.com";
}

const CertificateSpec* find_certificate(const EdgePool& pool, CertificateUse use) {
    for (const auto& spec : pool.certificates) {
        if (spec.use == use) return &spec;
    }
    return nullptr;
}

}  // namespace edgeplan::checks
