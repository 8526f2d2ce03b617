#include "checks/check.h"

namespace edgeplan::checks {

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::must:
            return "must";
        case Severity::should:
            return "should";
        case Severity::info:
            return "info";
    }
    return "unknown";
}

const char* to_string(CheckKind kind) {
    switch (kind) {
        case CheckKind::offline:
            return "offline";
        case CheckKind::dns:
            return "dns";
        case CheckKind::tcp:
            return "tcp";
        case CheckKind::udp:
            return "udp";
        case CheckKind::tls:
            return "tls";
        case CheckKind::xmpp:
            return "xmpp";
    }
    return "unknown";
}

Finding make_finding(const CheckInfo& info, Status status, std::string subject, std::string message,
                     topology::SourceLocation where, Evidence evidence) {
    Finding finding;
    finding.check_id = info.id;
    finding.kind = info.kind;
    finding.status = status;
    finding.subject = std::move(subject);
    finding.message = message;
    finding.evidence = std::move(evidence);
    finding.where = std::move(where);
    // Subjects are built by concatenation, which doubles a string's capacity as it grows (a
    // text of 77 characters often holds 141 bytes). A run keeps every finding to its end
    // (300,000 at the input limits), so each keeps only what it uses (docs/performance.md).
    // The message is a shared text and holds exactly its characters.
    finding.subject.shrink_to_fit();
    finding.evidence.shrink_to_fit();  // lists built by push_back (a SAN per entry) double too
    return finding;
}

Finding make_skip(const CheckInfo& info, std::string subject, std::string reason,
                  std::string message, topology::SourceLocation where) {
    Finding finding =
        make_finding(info, Status::skip, std::move(subject), std::move(message), std::move(where));
    finding.skip_reason = std::move(reason);
    return finding;
}

Status violation_status(const CheckInfo& info) {
    switch (info.severity) {
        case Severity::must:
            return Status::fail;
        case Severity::should:
            return Status::warn;
        case Severity::info:
            return Status::pass;
    }
    return Status::fail;
}

}  // namespace edgeplan::checks
