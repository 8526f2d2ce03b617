// The bounded XMPP stream reader, one row per outcome, fed in small pieces to exercise the
// incremental path.
#include <gtest/gtest.h>

#include "checks/probes/xmpp_stream.h"

namespace edgeplan::checks::probes {
namespace {

const std::string kHeader =
    "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
    "xmlns:stream='http://etherx.jabber.org/streams' from='contoso.com' id='abc' version='1.0'>";

struct Row {
    const char* name;
    std::string bytes;
    bool failed;
    bool limit;
    const char* first_element;  // local name of the first complete element, "" for none
};

class XmppStreamTest : public ::testing::TestWithParam<Row> {};

TEST_P(XmppStreamTest, Reads) {
    const Row& row = GetParam();
    XmppStreamLimits limits;
    limits.max_bytes = 4096;
    limits.max_depth = 8;
    XmppStreamReader reader(limits);
    for (std::size_t i = 0; i < row.bytes.size(); i += 7) reader.feed(row.bytes.substr(i, 7));
    EXPECT_EQ(reader.state() == XmppStreamReader::State::failed, row.failed) << reader.error();
    EXPECT_EQ(reader.limit_exceeded(), row.limit) << reader.error();
    const auto element = reader.pop_element();
    EXPECT_EQ(element ? element->name : std::string(), row.first_element);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, XmppStreamTest,
    ::testing::Values(
        Row{"pass_features",
            kHeader +
                "<stream:features><starttls "
                "xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>",
            false, false, "features"},
        Row{"pass_header_only_waits", kHeader, false, false, ""},
        Row{"fail_not_xml", "HTTP/1.1 400 Bad Request\r\n\r\n", true, false, ""},
        Row{"fail_wrong_root", "<?xml version='1.0'?><html>", true, false, ""},
        Row{"fail_comment_in_stream", kHeader + "<!-- hi -->", true, false, ""},
        Row{"fail_mismatched_end_tag", kHeader + "<stream:features></features>", true, false, ""},
        Row{"limit_endless_whitespace", kHeader + std::string(8000, ' '), true, true, ""},
        Row{"limit_endless_nesting",
            kHeader +
                [] {
                    std::string s;
                    for (int i = 0; i < 20; ++i) s += "<a>";
                    return s;
                }(),
            true, true, ""},
        Row{"limit_endless_text", kHeader + "<stream:features>" + std::string(8000, 'x'), true,
            true, ""}),
    [](const auto& row_info) { return std::string(row_info.param.name); });

TEST(XmppStream, FeaturesNamespacesAndMechanisms) {
    XmppStreamReader reader;
    reader.feed(
        kHeader +
        "<stream:features><dialback xmlns='urn:xmpp:features:dialback'/>"
        "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>EXTERNAL</mechanism>"
        "<mechanism>PLAIN</mechanism></mechanisms></stream:features>");
    ASSERT_TRUE(reader.header_seen());
    EXPECT_EQ(reader.header().attribute("from"), "contoso.com");
    const auto features = reader.pop_element();
    ASSERT_TRUE(features);
    EXPECT_EQ(features->ns, kNsStreams);
    EXPECT_NE(features->child(kNsDialbackFeature, "dialback"), nullptr);
    const XmlElement* mechanisms = features->child(kNsSasl, "mechanisms");
    ASSERT_NE(mechanisms, nullptr);
    ASSERT_EQ(mechanisms->children.size(), 2u);
    EXPECT_EQ(mechanisms->children[0].text, "EXTERNAL");
    EXPECT_EQ(features->child(kNsTls, "starttls"), nullptr);
}

}  // namespace
}  // namespace edgeplan::checks::probes
