#include "topology/subjects.h"

namespace edgeplan::subjects {

std::string site_subject(const std::string& id) { return "site:" + id; }
std::string pool_subject(const std::string& id) { return "pool:" + id; }
std::string member_subject(const std::string& internal_fqdn) { return "member:" + internal_fqdn; }
std::string member_subject(const std::string& pool_id, std::size_t index) {
    return "member:" + pool_id + "#" + std::to_string(index);
}
std::string domain_subject(const std::string& domain) { return "domain:" + domain; }
std::string xmpp_domain_subject(const std::string& domain) { return "xmpp-domain:" + domain; }
std::string partner_subject(const std::string& domain) { return "partner:" + domain; }
std::string xmpp_partner_subject(const std::string& domain) { return "xmpp-partner:" + domain; }
std::string provider_subject(const std::string& name) { return "provider:" + name; }
std::string policy_subject(const std::string& name) { return "policy:" + name; }

std::string cert_subject(const std::string& pool_id, topology::CertificateUse use) {
    return "cert:" + pool_id + "/" + topology::to_string(use);
}

std::string dns_subject(const std::string& name, std::string_view type) {
    return "dns:" + name + "/" + std::string(type);
}

std::string endpoint_subject(std::string_view transport, const std::string& address, int port) {
    const bool v6 = address.find(':') != std::string::npos;
    return std::string(transport) + ":" + (v6 ? "[" + address + "]" : address) + ":" +
           std::to_string(port);
}

std::string tls_pool_subject(const std::string& pool_id, const std::string& role) {
    return "tls-pool:" + pool_id + "/" + role;
}

std::string file_subject(const std::string& path) { return "file:" + path; }

std::string plan_address_subject(const std::string& name, std::string_view type,
                                 const std::string& address) {
    return "plan:" + name + "/" + std::string(type) + "=" + address;
}

std::string waiver_subject(const std::string& check_id, const std::string& subject) {
    return "waiver:" + check_id + "/" + subject;
}

}  // namespace edgeplan::subjects
