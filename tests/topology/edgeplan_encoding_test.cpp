// UTF-16LE with BOM (Windows PowerShell's default) and UTF-8 with BOM and CRLF load like the
// plain UTF-8 file, with the same line:column for every element.
#include <gtest/gtest.h>

#include <string>

#include "topology/loader.h"

namespace {

using namespace edgeplan::topology;

Model load(const std::string& name) {
    LoadRequest request;
    request.topology_path = EDGEPLAN_SOURCE_DIR "/tests/topology/valid/" + name;
    return load_model(request);
}

class EncodedTopology : public testing::TestWithParam<const char*> {};

TEST_P(EncodedTopology, LoadsLikeThePlainFile) {
    const Model plain = load("plain.xml");
    const Model encoded = load(GetParam());
    ASSERT_EQ(encoded.edge_pools.size(), 1u);
    const EdgeMember& a = plain.edge_pools[0].members.at(0);
    const EdgeMember& b = encoded.edge_pools[0].members.at(0);
    EXPECT_EQ(b.internal_ips, a.internal_ips);
    EXPECT_EQ(b.access.ips, a.access.ips);
    EXPECT_EQ(encoded.sip_domains.at(0).name, "contoso.com");
    EXPECT_EQ(b.where.line, a.where.line);
    EXPECT_EQ(b.where.column, a.where.column);
    EXPECT_EQ(b.access.where.line, a.access.where.line);
    EXPECT_EQ(b.access.where.column, a.access.where.column);
    EXPECT_EQ(encoded.edge_pools[0].where.line, 9);
}

INSTANTIATE_TEST_SUITE_P(Files, EncodedTopology,
                         testing::Values("utf16le-bom.xml", "utf8-bom-crlf.xml"),
                         [](const testing::TestParamInfo<const char*>& row_info) {
                             return row_info.index == 0 ? "ok_utf16le_bom" : "ok_utf8_bom_crlf";
                         });

}  // namespace
