#pragma once
// Expected import of a Lync file, written in the text form of lync_test_support.h, and the
// assertion that compares a Model with it field group by field group.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "lync_test_support.h"

namespace edgeplan::topology::lync_test {

struct ExpectedEdgePool {
    std::string id;
    std::string flags;
    std::string fqdns;
    std::string ports;
    std::vector<std::string> members;
};

struct ExpectedModel {
    TopologyFormat format = TopologyFormat::lync_published;
    std::string service_version;
    std::string domains;
    std::string sites;
    std::vector<std::string> internal_pools;
    std::vector<ExpectedEdgePool> edge_pools;
};

inline void expect_model(const Model& model, const ExpectedModel& expected) {
    EXPECT_EQ(to_string(model.format), std::string(to_string(expected.format)));
    EXPECT_EQ(model.service_version, expected.service_version);
    EXPECT_EQ(describe_domains(model), expected.domains);
    EXPECT_EQ(describe_sites(model), expected.sites);
    std::vector<std::string> pools;
    for (const InternalPool& pool : model.internal_pools) {
        pools.push_back(describe_internal_pool(pool));
    }
    EXPECT_EQ(pools, expected.internal_pools);
    ASSERT_EQ(model.edge_pools.size(), expected.edge_pools.size());
    for (std::size_t i = 0; i < expected.edge_pools.size(); ++i) {
        const EdgePool& pool = model.edge_pools[i];
        const ExpectedEdgePool& want = expected.edge_pools[i];
        SCOPED_TRACE("edge pool " + want.id);
        EXPECT_EQ(pool.id, want.id);
        EXPECT_EQ(describe_edge_flags(pool), want.flags);
        EXPECT_EQ(describe_fqdns(pool), want.fqdns);
        EXPECT_EQ(describe_edge_ports(pool.ports), want.ports);
        std::vector<std::string> members;
        for (const EdgeMember& member : pool.members) members.push_back(describe_member(member));
        EXPECT_EQ(members, want.members);
    }
    // Every element keeps the position it came from.
    EXPECT_TRUE(model.where.known());
    for (const SipDomain& d : model.sip_domains) EXPECT_TRUE(d.where.known()) << d.name;
    for (const Site& s : model.sites) EXPECT_TRUE(s.where.known()) << s.id;
    for (const InternalPool& p : model.internal_pools) {
        EXPECT_TRUE(p.where.known()) << p.id;
        for (const Server& s : p.servers) EXPECT_TRUE(s.where.known()) << s.fqdn;
    }
    for (const EdgePool& p : model.edge_pools) {
        EXPECT_TRUE(p.where.known() && p.access.where.known() && p.webconf.where.known() &&
                    p.av.where.known())
            << p.id;
        for (const EdgeMember& m : p.members) {
            EXPECT_TRUE(m.where.known() && m.access.where.known() && m.webconf.where.known() &&
                        m.av.where.known())
                << m.internal_fqdn;
        }
    }
}

// Line of the first occurrence of `needle` in `text` (1-based), to check positions without
// hard-coding them.
inline int line_of(const std::string& text, const std::string& needle) {
    const auto offset = text.find(needle);
    if (offset == std::string::npos) return 0;
    int line = 1;
    for (std::size_t i = 0; i < offset; ++i) line += text[i] == '\n';
    return line;
}

}  // namespace edgeplan::topology::lync_test
