// The strict SIP response head parser, one row per outcome.
#include <gtest/gtest.h>

#include "checks/probes/sip_response.h"

namespace edgeplan::checks::probes {
namespace {

struct Row {
    const char* name;
    std::string bytes;
    SipParse state;
    int code;
};

class SipResponseTest : public ::testing::TestWithParam<Row> {};

TEST_P(SipResponseTest, Parses) {
    const auto r = parse_sip_response(GetParam().bytes);
    EXPECT_EQ(static_cast<int>(r.state), static_cast<int>(GetParam().state)) << r.error;
    EXPECT_EQ(r.head.status_code, GetParam().code);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, SipResponseTest,
    ::testing::Values(
        Row{"complete_200", "SIP/2.0 200 OK\r\nVia: SIP/2.0/TLS x\r\nContent-Length: 0\r\n\r\n",
            SipParse::complete, 200},
        Row{"complete_403_folded_header",
            "SIP/2.0 403 Forbidden\r\nWarning: 399 x\r\n  \"more\"\r\n\r\n", SipParse::complete,
            403},
        Row{"incomplete_prefix", "SIP/2.", SipParse::incomplete, 0},
        Row{"incomplete_headers", "SIP/2.0 200 OK\r\nVia: x\r\n", SipParse::incomplete, 200},
        Row{"not_sip_http", "HTTP/1.1 400 Bad Request\r\n\r\n", SipParse::not_sip, 0},
        Row{"not_sip_code_letters", "SIP/2.0 2x0 OK\r\n\r\n", SipParse::not_sip, 0},
        Row{"not_sip_code_range", "SIP/2.0 700 Odd\r\n\r\n", SipParse::not_sip, 0},
        Row{"not_sip_control_in_reason", std::string("SIP/2.0 200 O\x01K\r\n\r\n"),
            SipParse::not_sip, 0},
        Row{"not_sip_header_without_colon", "SIP/2.0 200 OK\r\nbroken\r\n\r\n", SipParse::not_sip,
            0},
        Row{"not_sip_oversized_line", "SIP/2.0 " + std::string(2000, 'a'), SipParse::not_sip, 0}),
    [](const auto& row_info) { return std::string(row_info.param.name); });

TEST(SipOptions, RequestIsWellFormed) {
    const std::string request =
        build_sip_options("sip.contoso.com", 5061, "127.0.0.1:40000", "abc123");
    EXPECT_EQ(request.rfind("OPTIONS sip:sip.contoso.com:5061;transport=tls SIP/2.0\r\n", 0), 0u);
    for (const char* header :
         {"\r\nVia: SIP/2.0/TLS 127.0.0.1:40000;branch=z9hG4bKabc123", "\r\nMax-Forwards: 70\r\n",
          "\r\nFrom: <sip:", "\r\nTo: <sip:sip.contoso.com>\r\n", "\r\nCall-ID: abc123@",
          "\r\nCSeq: 1 OPTIONS\r\n", "\r\nContent-Length: 0\r\n\r\n"}) {
        EXPECT_NE(request.find(header), std::string::npos) << header;
    }
}

}  // namespace
}  // namespace edgeplan::checks::probes
