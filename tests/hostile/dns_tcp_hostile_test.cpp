// The resolver's TCP retry (after TC=1) against servers that hold the stream open: an endless
// trickle and a length prefix promising 65535 bytes that never come. The deadline must hold.
#include <vector>

#include "tests/hostile/dns_case.h"
#include "tests/hostile/dns_wire.h"

namespace edgeplan::hostile_test {
namespace {

void truncate_every_answer(int fd, const sockaddr_in& from, const Bytes& query) {
    if (query.size() > kDnsHeader) send_to(fd, response_to(query, 0x0200), from);
}

// Reads the length-prefixed query (bounded), so the resolver is waiting for the answer.
Bytes read_query(int fd) {
    Bytes query(2 + 512);
    const auto n = ::recv(fd, query.data(), query.size(), 0);
    query.resize(n > 2 ? static_cast<std::size_t>(n) : 2);
    return Bytes(query.begin() + 2, query.end());
}

void trickle(int fd, const HostilePeer& peer) {
    Bytes answer = response_to(read_query(fd), 0, 1);
    const std::uint8_t address[4] = {192, 0, 2, 1};
    add_a_record(answer, address);
    Bytes framed;
    put16(framed, static_cast<unsigned>(answer.size()));
    framed.insert(framed.end(), answer.begin(), answer.end());
    for (std::size_t i = 0; !peer.stopping(); i = (i + 1) % framed.size()) {
        if (::send(fd, &framed[i], 1, MSG_NOSIGNAL) != 1) return;
        pause(peer, std::chrono::seconds(1));
    }
}

void promise_65535_then_silence(int fd, const HostilePeer& peer) {
    read_query(fd);
    const std::uint8_t prefix[] = {0xff, 0xff, 0x12};
    ::send(fd, prefix, sizeof prefix, MSG_NOSIGNAL);
    pause(peer, std::chrono::seconds(30));
}

TEST(HostileDns, TcpStreamsThatNeverFinishEndAtTheDeadline) {
    const std::vector<DnsCase> rows = {
        {"timeout - TCP answer trickles one byte per second", truncate_every_answer, trickle,
         DnsOutcome::timeout, true, std::chrono::milliseconds(2500)},
        {"timeout - TCP length 65535 then silence", truncate_every_answer,
         promise_65535_then_silence, DnsOutcome::timeout, true},
    };
    for (const auto& row : rows) run_dns_case(row, "127.0.0.82");
}

}  // namespace
}  // namespace edgeplan::hostile_test
