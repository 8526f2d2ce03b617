#pragma once
// What a check says about one subject. Renderers see only findings and the catalogue.
#include <string>
#include <string_view>
#include <vector>

#include "topology/interned_text.h"
#include "topology/source_location.h"

namespace edgeplan::checks {

using topology::InternedText;

enum class Status { pass, warn, fail, skip, error };
const char* to_string(Status status);

// One key/value pair from the documented vocabulary (docs/evidence.md): fqdn, ip, port,
// transport, srv_target, expected, observed, cert_san, cert_not_after, ...
// Keys and values are shared texts (topology/interned_text.h): a run at the input limits holds
// 800,000 pairs but only 100,000 distinct values (the same name, address, rule or expected SAN
// in many findings), 16 bytes a pair instead of 40 plus a copy of the value.
struct EvidenceItem {
    // Implicit, so that a list reads {{"fqdn", name}, {"ip", address}}.
    // NOLINTNEXTLINE(google-explicit-constructor)
    EvidenceItem(InternedText item_key, std::string_view item_value)
        : key(item_key), value(item_value) {}

    InternedText key;
    InternedText value;

    friend bool operator==(const EvidenceItem& a, const EvidenceItem& b) {
        return a.key == b.key && a.value == b.value;
    }
    friend bool operator!=(const EvidenceItem& a, const EvidenceItem& b) { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& out, const EvidenceItem& item) {
        return out << item.key << '=' << item.value;  // for test failure messages
    }
};
// In order; a key may repeat (one cert_san per name).
using Evidence = std::vector<EvidenceItem>;

// What a check reads: the topology alone (offline) or a probe of that kind. Offline and live
// checks may share a catalogue ID, so a finding keeps the kind of the check that made it.
enum class CheckKind { offline, dns, tcp, udp, tls, xmpp };

// Field order keeps the two enums together (no padding between strings), and the texts that
// findings repeat are shared (topology/interned_text.h): a run at the input limits holds 300,000
// findings (docs/performance.md).
struct Finding {
    InternedText check_id;
    Status status = Status::pass;
    CheckKind kind = CheckKind::offline;  // of the check that produced it
    // Canonical subject (docs/subjects.md), e.g. "pool:edgepool.contoso.net",
    // "domain:contoso.com", "dns:_sip._tls.contoso.com/SRV". (check_id, subject) is unique in a
    // run and stable across runs.
    std::string subject;
    // Shared: a message is often the same for every subject of a check ("valid allowed domain
    // entry" for 100,000 partners); 90,000 distinct in 300,000 findings at the input limits.
    InternedText message;
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
