#pragma once
// The walk CERT-XMPP-01 and CERT-XMPP-03 share (docs/checks/CERT-XMPP-01.md, -03.md): the
// external certificate of every Edge pool that carries XMPP federation, as the topology states
// it. Without such a pool the check does not apply; without the certificate or an XMPP domain
// the pool gets an unknown_input skip; a certificate file is left to the certificate probe.
#include <functional>
#include <string>
#include <vector>

#include "checks/check.h"

namespace edgeplan::checks {

// Makes the finding of one pool's stated SAN list.
using XmppCertificateJudge =
    std::function<Finding(const topology::CertificateSpec& spec, const std::string& subject)>;

std::vector<Finding> for_each_xmpp_external_certificate(const CheckInfo& info,
                                                        const topology::Model& model,
                                                        const XmppCertificateJudge& judge);

}  // namespace edgeplan::checks
