// checks/probes/token_echo_protocol: only an exact probe line is a request, replies never grow
// past request + 64 bytes, and only a well-formed echo parses.
#include "checks/probes/token_echo_protocol.h"

#include <gtest/gtest.h>

#include "app/duration_option.h"

namespace edgeplan::checks::probes {
namespace {

struct RequestRow {
    const char* name;
    std::string bytes;
    bool is_request;
};

TEST(TokenEchoProtocolTest, AcceptsOnlyTheExactRequestLine) {
    const std::string token = "0123456789abcdef";
    const RequestRow rows[] = {
        {"request - the probe line", "EDGEPLAN-PROBE 0123456789abcdef\n", true},
        {"ignored - no newline", "EDGEPLAN-PROBE 0123456789abcdef", false},
        {"ignored - CRLF", "EDGEPLAN-PROBE 0123456789abcdef\r\n", false},
        {"ignored - upper-case hex", "EDGEPLAN-PROBE 0123456789ABCDEF\n", false},
        {"ignored - short token", "EDGEPLAN-PROBE 0123456789abcde\n", false},
        {"ignored - a second line", "EDGEPLAN-PROBE 0123456789abcdef\nX\n", false},
        {"ignored - an HTTP request", "GET / HTTP/1.0\r\n\r\n", false},
        {"ignored - the reply itself",
         format_reply(token, "partner", 443, topology::Transport::tcp), false},
        {"ignored - empty", "", false},
    };
    for (const RequestRow& row : rows) {
        EXPECT_EQ(parse_request(row.bytes).has_value(), row.is_request) << row.name;
    }
    EXPECT_EQ(format_request(token), rows[0].bytes);
    EXPECT_EQ(*parse_request(rows[0].bytes), token);
}

TEST(TokenEchoProtocolTest, ReplyNeverLongerThanRequestPlus64) {
    const std::string longest_role(max_role_length, 'r');
    ASSERT_TRUE(is_valid_role(longest_role));
    EXPECT_FALSE(is_valid_role(longest_role + "r"));
    const std::string reply =
        format_reply(make_token(), longest_role, 65535, topology::Transport::tcp);
    EXPECT_LE(reply.size(), request_length + max_reply_growth);
}

TEST(TokenEchoProtocolTest, ParsesItsOwnReplyAndRefusesOthers) {
    const std::string token = make_token();
    ASSERT_TRUE(is_valid_token(token));
    EXPECT_NE(token, make_token()) << "tokens are random per run";
    const std::optional<ParsedReply> reply =
        parse_reply(format_reply(token, "edge-external", 3478, topology::Transport::udp));
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->token, token);
    EXPECT_EQ(reply->role, "edge-external");
    EXPECT_EQ(reply->port, 3478);
    EXPECT_EQ(reply->transport, topology::Transport::udp);

    const char* foreign[] = {
        "SSH-2.0-OpenSSH_9.2\r\n",
        "EDGEPLAN-ECHO 0123456789abcdef edge-external 3478/sctp\n",
        "EDGEPLAN-ECHO 0123456789abcdef edge-external 70000/udp\n",
        "EDGEPLAN-ECHO 0123456789abcdef edge-external 3478/udp",
        "EDGEPLAN-ECHO 0123456789abcdef Edge 3478/udp\n",
        "EDGEPLAN-ECHO 0123456789abcdeg edge-external 3478/udp\n",
    };
    for (const char* bytes : foreign) EXPECT_FALSE(parse_reply(bytes)) << bytes;
}

TEST(DurationOptionTest, ParsesUnitsAndRefusesTheRest) {
    using std::chrono::milliseconds;
    EXPECT_EQ(app::parse_duration("10m"), milliseconds(600000));
    EXPECT_EQ(app::parse_duration("3s"), milliseconds(3000));
    EXPECT_EQ(app::parse_duration("3"), milliseconds(3000));
    EXPECT_EQ(app::parse_duration("250ms"), milliseconds(250));
    EXPECT_EQ(app::parse_duration("1h"), milliseconds(3600000));
    for (const char* bad : {"", "0s", "25h", "-1s", "1d", "m", "1.5s", "99999999999h"}) {
        EXPECT_FALSE(app::parse_duration(bad)) << bad;
    }
}

}  // namespace
}  // namespace edgeplan::checks::probes
