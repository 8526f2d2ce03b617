#include "checks/certificates/client_eku_sunset.h"

#include "checks/citations.h"
#include "checks/offline_support.h"

namespace edgeplan::checks {

using namespace topology;

const CheckInfo& ClientEkuSunsetCheck::info() const {
    static const CheckInfo kInfo{
        "CERT-EXT-19",
        "A certificate the plan needs with the Client Authentication EKU can still be obtained "
        "from a public CA at renewal",
        "certificates",
        CheckKind::offline,
        Severity::should,
        {"PIC-AOL", "FED"},
        {Citation{"CHROME-ROOT",
                  "https://googlechrome.github.io/chromerootprogram/ (policy v1.6, Dedicated TLS "
                  "Server Authentication PKI Hierarchies)"}},
        "Plan for renewal without clientAuth: obtain it while still issued, or drop the dependency "
        "(AOL PIC ended in 2014)"};
    return kInfo;
}

// Not a catalogue row. Chrome Root Program Policy (v1.6, 2025): public TLS hierarchies must serve
// server authentication only; CAs stopped putting clientAuth in server certificates between
// September 2025 and mid-2026 (dates vary by CA), so a renewal will likely lose the EKU. Reads
// context.now only.
std::vector<Finding> ClientEkuSunsetCheck::evaluate(const CheckContext& context) const {
    // First CA phase-outs (Sectigo 15 September 2025) and the Chrome deadline (15 June 2026).
    const bool phasing_out = context.now >= utc_date(2025, 9, 15);
    const bool ended = context.now >= utc_date(2026, 6, 15);
    std::vector<Finding> findings;
    for (const EdgePool& pool : context.model.edge_pools) {
        const CertificateSpec* spec = find_certificate(pool, CertificateUse::external);
        bool needs = spec != nullptr && spec->client_eku.value_or(false);
        const SourceLocation where = spec != nullptr ? spec->where : pool.where;
        for (const CertificateRequest& request : context.plan.certificates) {
            if (request.pool_id != pool.id || request.use != CertificateUse::external) continue;
            for (ExtendedKeyUsage eku : request.ekus) {
                needs = needs || eku == ExtendedKeyUsage::client_auth;
            }
        }
        if (!needs) continue;
        const std::string subject = cert_subject(pool.id, CertificateUse::external);
        const Evidence evidence{{"expected", "clientAuth from a public CA"}};
        if (ended) {
            findings.push_back(
                make_finding(info(), Status::warn, subject,
                             "public CAs no longer issue server certificates with "
                             "clientAuth (Chrome root program, June 2026): a renewal "
                             "will lose the client EKU",
                             where, evidence));
        } else if (phasing_out) {
            findings.push_back(
                make_finding(info(), Status::warn, subject,
                             "public CAs are removing clientAuth from server "
                             "certificates by June 2026 (dates vary by CA): the next "
                             "renewal will likely lose it",
                             where, evidence));
        } else {
            findings.push_back(make_finding(info(), Status::pass, subject,
                                            "public CAs still issue server certificates with "
                                            "clientAuth on this date",
                                            where, evidence));
        }
    }
    return or_not_applicable(info(), std::move(findings),
                             "no external certificate needs the client EKU");
}

}  // namespace edgeplan::checks
