#pragma once
// Fixtures for the live check tests: a model and plan from topology text, hand-built
// observations (what a recording would hold), and a way to run one registered check.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/probe_runner.h"
#include "checks/probe_settings.h"
#include "checks/probes/observation.h"
#include "checks/probes/probe_requests.h"
#include "checks/registry.h"
#include "topology/loader.h"

namespace edgeplan::checks::live_test {

using probes::DnsAnswer;
using probes::DnsOutcome;
using probes::DnsType;
using probes::Observations;
using probes::SrvRecord;

constexpr const char* kExternal = "192.0.2.53";  // names only: nothing is sent in these tests
constexpr const char* kInternal = "10.0.0.53";

// DNS load balanced pool, federation with discovery, XMPP, two allowed partners.
inline const char* dnslb_topology() {
    return R"(<?xml version="1.0" encoding="utf-8"?>
<Topology xmlns="urn:edgeplan:topology:1" name="live">
  <SipDomains><SipDomain name="contoso.com" default="true"/></SipDomains>
  <XmppDomains><XmppDomain name="contoso.com"/></XmppDomains>
  <Sites>
    <Site id="hq" name="HQ" federationRoute="edgepool" xmppRoute="edgepool">
      <FrontEndPool id="pool01" fqdn="pool01.contoso.net" edgePool="edgepool" cms="true"
                    xmppGateway="true">
        <Server fqdn="fe01.contoso.net" ip="10.0.30.21"/>
      </FrontEndPool>
      <EdgePool id="edgepool" internalFqdn="edgepool.contoso.net" loadBalancing="dns"
                federation="true" xmpp="true" nextHop="pool01">
        <External>
          <Access fqdn="sip.contoso.com"/>
          <WebConferencing fqdn="webcon.contoso.com"/>
          <AudioVideo fqdn="av.contoso.com"/>
        </External>
        <Member internalFqdn="edge01.contoso.net" internalIp="10.0.30.11">
          <Address service="access" ip="203.0.113.11"/>
          <Address service="webconf" ip="203.0.113.21"/>
          <Address service="av" ip="203.0.113.31"/>
        </Member>
        <Member internalFqdn="edge02.contoso.net" internalIp="10.0.30.12">
          <Address service="access" ip="203.0.113.12"/>
          <Address service="webconf" ip="203.0.113.22"/>
          <Address service="av" ip="203.0.113.32"/>
        </Member>
      </EdgePool>
    </Site>
  </Sites>
  <Federation enabled="true" partnerDiscovery="true" routing="dnsSrv">
    <AllowedDomain domain="fabrikam.com"/>
    <AllowedDomain domain="litware.com" proxyFqdn="sip.litware.com"/>
  </Federation>
  <ExternalAccessPolicies>
    <Policy name="Global" federation="true" outside="true" xmpp="true"/>
  </ExternalAccessPolicies>
</Topology>
)";
}

struct World {
    topology::Model model;
    topology::Plan plan;
    ProbeSettings settings;
    Observations observations;
    std::vector<std::unique_ptr<Check>> checks = make_all_checks();

    CheckContext context(bool live = true) const {
        CheckContext c{model, plan, Clock::now()};
        if (live) {
            c.observations = &observations;
            c.probe = &settings;
        }
        return c;
    }
    const Check& check(const std::string& id) const {
        for (const auto& c : checks) {
            if (c->info().id == id && c->info().kind != CheckKind::offline) return *c;
        }
        throw std::runtime_error("no live check " + id);
    }
    std::vector<Finding> run(const std::string& id) const { return check(id).evaluate(context()); }
};

inline World load_world(const std::string& text, const std::string& path = "live.xml") {
    World w;
    topology::LoadRequest request;
    request.topology_path = path;
    request.topology_text = text;
    w.model = topology::load_model(request);
    w.plan = topology::derive_plan(w.model);
    w.settings.external_dns_servers = {kExternal};
    w.settings.internal_dns_servers = {kInternal};
    return w;
}

inline World load_world_file(const std::string& path) {
    World w;
    topology::LoadRequest request;
    request.topology_path = path;
    w.model = topology::load_model(request);
    w.plan = topology::derive_plan(w.model);
    w.settings.external_dns_servers = {kExternal};
    w.settings.internal_dns_servers = {kInternal};
    return w;
}

// Sets (or replaces) the answer for name/type at server.
inline void answer(Observations& o, const std::string& name, DnsType type,
                   const std::string& server, DnsOutcome outcome,
                   std::vector<std::string> addresses = {}, std::vector<SrvRecord> srv = {}) {
    o.dns.erase(std::remove_if(o.dns.begin(), o.dns.end(),
                               [&](const DnsAnswer& a) {
                                   return a.query.name == name && a.query.type == type &&
                                          a.query.server == server;
                               }),
                o.dns.end());
    DnsAnswer a;
    a.query = {name, type, server};
    a.outcome = outcome;
    a.addresses = std::move(addresses);
    a.srv = std::move(srv);
    o.dns.push_back(std::move(a));
}

inline void ok_a(Observations& o, const std::string& name, std::vector<std::string> addresses,
                 const std::string& server = kExternal) {
    answer(o, name, DnsType::A, server, DnsOutcome::ok, std::move(addresses));
    answer(o, name, DnsType::AAAA, server, DnsOutcome::nodata);
}

inline void ok_srv(Observations& o, const std::string& name, std::vector<SrvRecord> srv) {
    answer(o, name, DnsType::SRV, kExternal, DnsOutcome::ok, {}, std::move(srv));
}

// What a correct deployment of dnslb_topology() answers.
inline Observations healthy_dns() {
    Observations o;
    ok_a(o, "sip.contoso.com", {"203.0.113.11", "203.0.113.12"});
    ok_a(o, "webcon.contoso.com", {"203.0.113.21", "203.0.113.22"});
    ok_a(o, "av.contoso.com", {"203.0.113.31", "203.0.113.32"});
    ok_a(o, "xmpp.contoso.com", {"203.0.113.11", "203.0.113.12"});
    ok_srv(o, "_sip._tls.contoso.com", {{0, 0, 443, "sip.contoso.com"}});
    ok_srv(o, "_sipfederationtls._tcp.contoso.com", {{0, 0, 5061, "sip.contoso.com"}});
    ok_srv(o, "_xmpp-server._tcp.contoso.com", {{0, 0, 5269, "xmpp.contoso.com"}});
    ok_srv(o, "_sipfederationtls._tcp.fabrikam.com", {{0, 0, 5061, "sip.fabrikam.com"}});
    ok_a(o, "sip.fabrikam.com", {"198.51.100.5"});
    ok_a(o, "sip.litware.com", {"198.51.100.6"});
    ok_a(o, "edge01.contoso.net", {"10.0.30.11"}, kInternal);
    ok_a(o, "edge02.contoso.net", {"10.0.30.12"}, kInternal);
    ok_a(o, "edgepool.contoso.net", {"10.0.30.11", "10.0.30.12"}, kInternal);
    ok_a(o, "pool01.contoso.net", {"10.0.30.21"}, kInternal);
    return o;
}

inline const Finding* find(const std::vector<Finding>& findings, const std::string& subject) {
    for (const Finding& f : findings) {
        if (f.subject == subject) return &f;
    }
    return nullptr;
}

inline bool has_evidence(const Finding& f, const std::string& key, const std::string& value) {
    return std::any_of(f.evidence.begin(), f.evidence.end(),
                       [&](const auto& kv) { return kv.key == key && kv.value == value; });
}

}  // namespace edgeplan::checks::live_test
