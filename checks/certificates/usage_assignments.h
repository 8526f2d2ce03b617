#pragma once
// The external certificate usages of an Edge pool as Get-CsCertificate states them per server
// (or a settings <Certificate usages="...">), read by CERT-EXT-14 and CERT-EXT-15.
#include <map>
#include <string>

#include "topology/model.h"

namespace edgeplan::checks::certificates {

// The three usages the external certificate must carry (PLAN-CERT, SETUP-EXTCERT).
inline constexpr const char* kAccessEdgeExternal = "AccessEdgeExternal";
inline constexpr const char* kDataEdgeExternal = "DataEdgeExternal";
inline constexpr const char* kAudioVideoAuthentication = "AudioVideoAuthentication";

struct UsageAssignment {
    const topology::CertificateSpec* certificate = nullptr;
    topology::SourceLocation where;  // the export record (file and line) that states it
};

// server ("" = every server of the pool) -> usage -> the certificate assigned to it. Empty
// when the inputs state no usage for the pool's external certificates.
using PoolAssignments = std::map<std::string, std::map<std::string, UsageAssignment>>;
PoolAssignments external_assignments(const topology::EdgePool& pool);

// "edge01.contoso.net" or "every Edge Server" for a pool-wide assignment.
std::string server_label(const std::string& server);

}  // namespace edgeplan::checks::certificates
