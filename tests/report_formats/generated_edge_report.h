#pragma once
// Reports for the Edge diagram tests: a topology generated with `pools` Edge pools of `members`
// members each (odd pools behind NAT), planned by the real derivation, plus recorded findings
// about some of its ports, as a live run would report them.
#include <string>

#include "report/report.h"
#include "topology/loader.h"

namespace edgeplan::report::testing {

struct GeneratedEdge {
    int pools = 1;
    int members = 1;
    // Member 1 of pool 1 has no A/V address and, behind NAT, no public Web Conferencing
    // address; the last pool names no next hop.
    bool unknown_addresses = false;
    // Added to every pool and member FQDN: markup, quotes, ampersands, long names.
    std::string name_suffix;
};

inline std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '<') {
            out += "&lt;";
        } else if (c == '&') {
            out += "&amp;";
        } else if (c == '"') {
            out += "&quot;";
        } else {
            out += c;
        }
    }
    return out;
}

inline std::string member_ip(int pool, int member, int service) {
    return "198.18." + std::to_string(pool) + "." + std::to_string(10 + service * 30 + member);
}

inline std::string generated_topology(const GeneratedEdge& g) {
    std::string x = R"(<?xml version="1.0" encoding="utf-8"?>
<Topology xmlns="urn:edgeplan:topology:1" name="generated">
  <SipDomains><SipDomain name="contoso.com" default="true"/></SipDomains>
  <Sites>
    <Site id="hq" name="Head office" federationRoute="edge1">
)";
    const std::string suffix = xml_escape(g.name_suffix);
    for (int p = 1; p <= g.pools; ++p) {
        const std::string n = std::to_string(p);
        x += "      <FrontEndPool id=\"fe" + n + "\" fqdn=\"fe" + n +
             ".contoso.net\" edgePool=\"edge" + n + "\"" + (p == 1 ? " cms=\"true\"" : "") +
             ">\n        <Server fqdn=\"fe" + n + ".contoso.net\" ip=\"10.2." + n +
             ".5\"/>\n      </FrontEndPool>\n";
    }
    for (int p = 1; p <= g.pools; ++p) {
        const std::string n = std::to_string(p);
        const bool nat = p % 2 == 0;
        const bool hop = !(g.unknown_addresses && p == g.pools && g.pools > 1);
        x += "      <EdgePool id=\"edge" + n + "\" internalFqdn=\"edgepool" + n + suffix +
             ".contoso.net\" loadBalancing=\"" + (g.members > 1 ? "dns" : "single") + "\"" +
             (nat ? " nat=\"true\"" : "") + (p == 1 ? " federation=\"true\"" : "") +
             (hop ? " nextHop=\"fe" + n + "\"" : "") + ">\n        <External>\n" +
             "          <Access fqdn=\"sip" + n + ".contoso.com\"/>\n" +
             "          <WebConferencing fqdn=\"webcon" + n + ".contoso.com\"/>\n" +
             "          <AudioVideo fqdn=\"av" + n + ".contoso.com\"/>\n        </External>\n";
        for (int m = 1; m <= g.members; ++m) {
            const std::string mn = std::to_string(m);
            x += "        <Member internalFqdn=\"edge" + n + "-" + mn + suffix +
                 ".contoso.net\" internalIp=\"10.1." + n + "." + std::to_string(10 + m) + "\">\n";
            const char* services[] = {"access", "webconf", "av"};
            for (int s = 0; s < 3; ++s) {
                const bool unknown = g.unknown_addresses && p == 1 && m == 1;
                if (unknown && s == 2) continue;  // no A/V address at all
                std::string ip = member_ip(p, m, s);
                if (nat) {
                    const std::string priv = "172.16." + n + "." + std::to_string(10 + s * 30 + m);
                    x += "          <Address service=\"" + std::string(services[s]) + "\" ip=\"" +
                         priv + "\"" + (unknown && s == 1 ? "" : " public=\"" + ip + "\"") + "/>\n";
                } else {
                    x += "          <Address service=\"" + std::string(services[s]) + "\" ip=\"" +
                         ip + "\"/>\n";
                }
            }
            x += "        </Member>\n";
        }
        x += "      </EdgePool>\n";
    }
    x += R"(    </Site>
  </Sites>
  <Federation enabled="true" partnerDiscovery="true" routing="dnsSrv"/>
  <ExternalAccessPolicies><Policy name="Global" federation="true" outside="true"/></ExternalAccessPolicies>
</Topology>
)";
    return x;
}

inline checks::Finding port_finding(const std::string& id, checks::Status status,
                                    const std::string& subject) {
    checks::Finding f;
    f.check_id = id;
    f.status = status;
    f.subject = subject;
    f.message = "recorded observation";
    return f;
}

// The plan of the generated topology and, as a `check` run: PORT-EXT-05 (TCP 443 to the Access
// Edge) fails on pool 1, member 1; PORT-EXT-08 (Web Conferencing 443) passes there; PORT-EXT-13
// (A/V TCP 443) warns on pool 1, member 2 when there is one.
inline Report generated_edge_report(const GeneratedEdge& g) {
    topology::LoadRequest request;
    request.topology_path = "generated.xml";
    request.topology_text = generated_topology(g);
    Report r;
    r.tool_version = "0.1.0";
    r.command = "check";
    r.plan = topology::derive_plan(topology::load_model(request));
    using checks::Status;
    r.findings.push_back(
        port_finding("PORT-EXT-05", Status::fail, "tcp:" + member_ip(1, 1, 0) + ":443"));
    r.findings.push_back(
        port_finding("PORT-EXT-08", Status::pass, "tcp:" + member_ip(1, 1, 1) + ":443"));
    if (g.members > 1) {
        r.findings.push_back(
            port_finding("PORT-EXT-13", Status::warn, "tcp:" + member_ip(1, 2, 2) + ":443"));
    }
    return r;
}

}  // namespace edgeplan::report::testing
