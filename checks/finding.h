#pragma once
// What a check says about one subject. Renderers see only findings and the catalogue.
#include <string>
#include <utility>
#include <vector>

#include "checks/interned_text.h"
#include "topology/source_location.h"

namespace edgeplan::checks {

enum class Status { pass, warn, fail, skip, error };
const char* to_string(Status status);

// Ordered key/value pairs from the documented vocabulary (docs/evidence.md): fqdn, ip, port,
// transport, srv_target, expected, observed, cert_san, cert_not_after, ...
// Keys are shared (checks/interned_text.h): a run at the input limits holds 500,000 pairs.
using Evidence = std::vector<std::pair<InternedText, std::string>>;

// What a check reads: the topology alone (offline) or a probe of that kind. Offline and live
// checks may share a catalogue ID, so a finding keeps the kind of the check that made it.
enum class CheckKind { offline, dns, tcp, udp, tls, xmpp };

// Field order keeps the two enums together (no padding between strings), and the texts that
// findings repeat are shared (checks/interned_text.h): a run at the input limits holds 300,000
// findings (docs/performance.md).
struct Finding {
    InternedText check_id;
    Status status = Status::pass;
    CheckKind kind = CheckKind::offline;  // of the check that produced it
    // Canonical subject (docs/subjects.md), e.g. "pool:edgepool.contoso.net",
    // "domain:contoso.com", "dns:_sip._tls.contoso.com/SRV". (check_id, subject) is unique in a
    // run and stable across runs.
    std::string subject;
    std::string message;
    Evidence evidence;
    InternedText skip_reason;  // set when status == skip: "not_applicable", "unknown_input", ...
    topology::SourceLocation where;
    // This finding's own fix, where the evidence makes it more precise than the check's
    // remediation (a closed port needs the service started, a filtered one the firewall opened).
    InternedText remediation;
};

// Deterministic report order: check ID, then subject.
bool finding_order(const Finding& a, const Finding& b);

}  // namespace edgeplan::checks
