#include "topology/model.h"

namespace edgeplan::topology {

const char* to_string(TopologyFormat format) {
    switch (format) {
        case TopologyFormat::edgeplan:
            return "edgeplan";
        case TopologyFormat::lync_published:
            return "lync-published";
        case TopologyFormat::lync_builder:
            return "lync-tbxml";
    }
    return "unknown";
}

const char* to_string(InternalPoolKind kind) {
    switch (kind) {
        case InternalPoolKind::front_end:
            return "front-end";
        case InternalPoolKind::standard_edition:
            return "standard-edition";
        case InternalPoolKind::director:
            return "director";
    }
    return "unknown";
}

const char* to_string(LoadBalancing lb) {
    switch (lb) {
        case LoadBalancing::single:
            return "single";
        case LoadBalancing::dns:
            return "dns";
        case LoadBalancing::hardware:
            return "hardware";
    }
    return "unknown";
}

const char* to_string(EdgeService service) {
    switch (service) {
        case EdgeService::access:
            return "access";
        case EdgeService::webconf:
            return "webconf";
        case EdgeService::av:
            return "av";
    }
    return "unknown";
}

const char* to_string(CertificateUse use) {
    return use == CertificateUse::external ? "external" : "internal";
}

const char* to_string(PartnerVersion version) {
    switch (version) {
        case PartnerVersion::unknown:
            return "unknown";
        case PartnerVersion::skype_for_business:
            return "sfb";
        case PartnerVersion::lync2013:
            return "lync2013";
        case PartnerVersion::lync2010:
            return "lync2010";
        case PartnerVersion::ocs2007r2:
            return "ocs2007r2";
        case PartnerVersion::ocs2007:
            return "ocs2007";
    }
    return "unknown";
}

const char* to_string(PublicProviderKind kind) {
    switch (kind) {
        case PublicProviderKind::windows_live:
            return "windowsLive";
        case PublicProviderKind::skype:
            return "skype";
        case PublicProviderKind::aol:
            return "aol";
        case PublicProviderKind::yahoo:
            return "yahoo";
    }
    return "unknown";
}

const char* to_string(Negotiation n) {
    switch (n) {
        case Negotiation::required:
            return "required";
        case Negotiation::optional:
            return "optional";
        case Negotiation::not_supported:
            return "notSupported";
    }
    return "unknown";
}

const char* to_string(EncryptionLevel level) {
    switch (level) {
        case EncryptionLevel::require:
            return "requireEncryption";
        case EncryptionLevel::support:
            return "supportEncryption";
        case EncryptionLevel::do_not_support:
            return "doNotSupportEncryption";
    }
    return "unknown";
}

const EdgePool* Model::find_edge_pool(const std::string& id) const {
    for (const EdgePool& pool : edge_pools) {
        if (pool.id == id) return &pool;
    }
    return nullptr;
}

const InternalPool* Model::find_internal_pool(const std::string& id) const {
    for (const InternalPool& pool : internal_pools) {
        if (pool.id == id) return &pool;
    }
    return nullptr;
}

const SipDomain* Model::default_sip_domain() const {
    for (const SipDomain& domain : sip_domains) {
        if (domain.is_default) return &domain;
    }
    return sip_domains.empty() ? nullptr : &sip_domains.front();
}

}  // namespace edgeplan::topology
