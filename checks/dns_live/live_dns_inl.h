#pragma once
// Template part of live_dns.h.
#include <algorithm>

namespace edgeplan::checks::dns_live {

template <typename Predicate>
std::vector<ExpectedSet> expected_sets(const topology::Plan& plan, Predicate selects) {
    std::vector<ExpectedSet> sets;
    for (const topology::DnsRecord& record : plan.dns) {
        if ((record.type != topology::DnsRecordType::a &&
             record.type != topology::DnsRecordType::aaaa) ||
            !selects(record)) {
            continue;
        }
        const DnsType type = to_dns_type(record.type);
        const DnsView view = to_view(record.zone_kind);
        auto it = std::find_if(sets.begin(), sets.end(), [&](const ExpectedSet& s) {
            return s.name == record.name && s.type == type && s.view == view;
        });
        if (it == sets.end()) {
            sets.push_back({record.name, type, view, {}, record.pool_id, record.where});
            it = sets.end() - 1;
        }
        if (std::find(it->addresses.begin(), it->addresses.end(), record.value) ==
            it->addresses.end()) {
            it->addresses.push_back(record.value);
        }
    }
    return sets;
}

}  // namespace edgeplan::checks::dns_live
