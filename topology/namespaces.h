#pragma once
// Root namespaces that decide the input format (issue 2, 2c: detected from the root element).
namespace edgeplan::topology::ns {

inline constexpr const char* edgeplan = "urn:edgeplan:topology:1";
inline constexpr const char* lync_topology =
    "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008";
inline constexpr const char* lync_builder =
    "urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008";
inline constexpr const char* lync_writable =
    "urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008";
inline constexpr const char* lync_service_roles =
    "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008";

}  // namespace edgeplan::topology::ns
