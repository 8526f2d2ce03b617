// The admit step of the probe runner (checks/probe_admission.h): every request kind is
// canonicalised and filtered against the plan the same way; a request outside the plan is
// refused and never reaches a backend.
#include "checks/probe_admission.h"

#include <gtest/gtest.h>

namespace edgeplan::checks {
namespace {

const std::set<std::string> kAllowed = {"203.0.113.11", "2001:db8::11", "127.0.0.1"};

TEST(ProbeAdmission, EveryKindOutsideThePlanIsRefused) {
    probes::ProbeRequests requests;
    requests.tcp = {{"192.0.2.99", 443, std::nullopt}, {"203.0.113.11", 443, std::nullopt}};
    requests.stun = {{"192.0.2.98", 3478}, {"203.0.113.11", 3478}};
    requests.tls = {{"192.0.2.97", 5061, "sip.contoso.com", true, false},
                    {"203.0.113.11", 5061, "sip.contoso.com", true, false}};
    requests.xmpp = {{"192.0.2.96", 5269, "contoso.com"}, {"203.0.113.11", 5269, "contoso.com"}};
    requests.token_echo = {{"2001:db8::99", 443, topology::Transport::tcp},
                           {"2001:db8::11", 443, topology::Transport::udp}};
    const Admission a = admit_requests(requests, kAllowed, "");
    EXPECT_EQ(a.refused, (std::vector<std::string>{"tcp:192.0.2.99:443", "udp:192.0.2.98:3478",
                                                   "tls:192.0.2.97:5061", "xmpp:192.0.2.96:5269",
                                                   "echo:[2001:db8::99]:443"}));
    ASSERT_EQ(a.admitted.tcp.size(), 1u);
    ASSERT_EQ(a.admitted.stun.size(), 1u);
    ASSERT_EQ(a.admitted.tls.size(), 1u);
    ASSERT_EQ(a.admitted.xmpp.size(), 1u);
    ASSERT_EQ(a.admitted.token_echo.size(), 1u);
    for (const std::string& address : {a.admitted.tcp[0].address, a.admitted.stun[0].address,
                                       a.admitted.tls[0].address, a.admitted.xmpp[0].address}) {
        EXPECT_EQ(address, "203.0.113.11");
    }
}

TEST(ProbeAdmission, CanonicalisesThenDeduplicates) {
    probes::ProbeRequests requests;
    // Two spellings of one IPv6 address are one target; a name is never a target.
    requests.tcp = {{"2001:DB8:0::11", 443, std::nullopt},
                    {"2001:db8::11", 443, std::nullopt},
                    {"sip.contoso.com", 443, std::nullopt}};
    requests.dns = {{"sip.contoso.com", probes::DnsType::A, probes::DnsView::external, false}};
    const Admission a = admit_requests(requests, kAllowed, "");
    ASSERT_EQ(a.admitted.tcp.size(), 1u);
    EXPECT_EQ(a.admitted.tcp[0].address, "2001:db8::11");
    EXPECT_EQ(a.refused, (std::vector<std::string>{"tcp:sip.contoso.com:443"}));
    EXPECT_EQ(a.admitted.dns.size(), 1u) << "DNS lookups name no target and pass";
}

TEST(ProbeAdmission, TcpProbesGetTheirSourceAddress) {
    probes::ProbeRequests requests;
    requests.tcp = {{"127.0.0.1", 5061, std::nullopt}, {"203.0.113.11", 5061, std::nullopt}};
    Admission a = admit_requests(requests, kAllowed, "");
    ASSERT_EQ(a.admitted.tcp.size(), 2u);
    EXPECT_EQ(a.admitted.tcp[0].source_address, "127.0.0.2") << "never connect to itself";
    EXPECT_FALSE(a.admitted.tcp[1].source_address);
    a = admit_requests(requests, kAllowed, "198.51.100.7");
    EXPECT_EQ(a.admitted.tcp[1].source_address, "198.51.100.7");
}

TEST(ProbeAdmission, NothingIsAdmittedWithoutAPlan) {
    probes::ProbeRequests requests;
    requests.tcp = {{"203.0.113.11", 443, std::nullopt}};
    requests.stun = {{"203.0.113.11", 3478}};
    const Admission a = admit_requests(requests, {}, "");
    EXPECT_TRUE(a.admitted.tcp.empty());
    EXPECT_TRUE(a.admitted.stun.empty());
    EXPECT_EQ(a.refused.size(), 2u);
}

}  // namespace
}  // namespace edgeplan::checks
