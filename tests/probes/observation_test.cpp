// Recorded observations (--record / --replay) and the small parsers the probes rely on.
#include "checks/probes/observation.h"

#include <gtest/gtest.h>

#include <sstream>

#include "checks/probes/resolver.h"
#include "checks/probes/socket_util.h"

namespace edgeplan::checks::probes {
namespace {

Observations sample() {
    Observations observations;
    DnsAnswer srv;
    srv.query = {"_sipfederationtls._tcp.contoso.com", DnsType::SRV, "127.0.0.53:5300"};
    srv.outcome = DnsOutcome::ok;
    srv.srv = {{0, 0, 5061, "sip.contoso.com"}};
    srv.elapsed_ms = 3;
    DnsAnswer chain;
    chain.query = {"sip.contoso.com", DnsType::A, "::1"};
    chain.outcome = DnsOutcome::nxdomain;
    chain.cname_chain = {"edge.contoso.com"};
    chain.truncated_retry_over_tcp = true;
    chain.detail = "NXDOMAIN";
    observations.dns = {srv, chain};
    observations.tcp = {{{"192.0.2.10", 5061, std::nullopt}, TcpOutcome::open, 12, ""},
                        {{"192.0.2.10", 50000, "192.0.2.99"}, TcpOutcome::filtered, 3000, "x"}};
    StunObservation stun;
    stun.probe = {"192.0.2.20", 3478};
    stun.outcome.msturn_allocate_answered = true;
    stun.outcome.error_code = 401;
    stun.outcome.silence = false;
    stun.outcome.mapped_address = "198.51.100.1:40000";
    observations.stun = {stun};
    return observations;
}

TEST(Observations, RoundTripThroughJsonKeepsEveryField) {
    const Observations original = sample();
    const std::string text = observations_to_json_text(original);
    EXPECT_NE(text.find("\"outcome\": \"nxdomain\""), std::string::npos) << text;
    EXPECT_EQ(observations_from_json_text(text), original);
}

struct BadRow {
    std::string name;
    std::string text;
};

TEST(Observations, MalformedRecordingsThrowOwnError) {
    const std::vector<BadRow> rows = {
        {"error - not JSON", "{"},
        {"error - not an object", "[]"},
        {"error - unknown DNS outcome",
         R"({"dns":[{"query":{"name":"a","type":"A","server":"::1"},"outcome":"maybe"}]})"},
        {"error - unknown TCP outcome",
         R"({"tcp":[{"probe":{"address":"::1","port":1},"outcome":"ajar"}]})"},
        {"error - port out of range",
         R"({"tcp":[{"probe":{"address":"::1","port":70000},"outcome":"open"}]})"},
        {"error - missing query", R"({"dns":[{"outcome":"ok"}]})"},
        {"error - count is a float beyond int (fuzz: undefined cast)",
         R"({"stun":[{"probe":{"address":"::1","port":1},"outcome":{"binding_answered":true,)"
         R"("msturn_allocate_answered":false,"silence":false,"malformed_responses":1e300}}]})"},
        {"error - elapsed_ms beyond int64",
         R"({"tcp":[{"probe":{"address":"::1","port":1},"outcome":"open",)"
         R"("elapsed_ms":18446744073709551615}]})"},
        {"error - error_code wider than int",
         R"({"stun":[{"probe":{"address":"::1","port":1},"outcome":{"binding_answered":true,)"
         R"("msturn_allocate_answered":true,"silence":false,"error_code":4294967696}}]})"},
    };
    for (const auto& row : rows) {
        EXPECT_THROW(observations_from_json_text(row.text), ObservationFormatError) << row.name;
    }
}

TEST(ResolvConf, ReadsNameserversInOrderAndIgnoresComments) {
    std::istringstream input(
        "# generated\nsearch contoso.com\nnameserver 127.0.0.53\n ; nameserver 10.0.0.1\n"
        "nameserver ::1 # local\noptions edns0\nnameserver\n");
    EXPECT_EQ(parse_resolv_conf(input), (std::vector<std::string>{"127.0.0.53", "::1"}));
}

TEST(ResolvConf, NoUsableServerSaysWhy) {
    const SystemResolvers missing = read_system_resolvers("/nonexistent/resolv.conf");
    EXPECT_TRUE(missing.servers.empty());
    EXPECT_NE(missing.problem.find("cannot open"), std::string::npos) << missing.problem;
}

struct EndpointRow {
    std::string name;
    std::string text;
    std::optional<std::string> expected;
};

TEST(Endpoint, ParsesAddrAndOptionalPort) {
    const std::vector<EndpointRow> rows = {
        {"ok - IPv4 with default port", "127.0.0.53", "127.0.0.53:53"},
        {"ok - IPv4 with port", "127.0.0.53:5300", "127.0.0.53:5300"},
        {"ok - bare IPv6", "::1", "[::1]:53"},
        {"ok - bracketed IPv6 with port", "[::1]:5300", "[::1]:5300"},
        {"invalid - host name", "dns.contoso.com", std::nullopt},
        {"invalid - port zero", "127.0.0.1:0", std::nullopt},
        {"invalid - port too large", "127.0.0.1:65536", std::nullopt},
        {"invalid - bracket not closed", "[::1:53", std::nullopt},
        {"invalid - empty", "", std::nullopt},
    };
    for (const auto& row : rows) {
        const auto parsed = parse_endpoint(row.text, 53);
        ASSERT_EQ(parsed.has_value(), row.expected.has_value()) << row.name;
        if (parsed) {
            EXPECT_EQ(format_endpoint(parsed->get()), *row.expected) << row.name;
        }
    }
}

}  // namespace
}  // namespace edgeplan::checks::probes
