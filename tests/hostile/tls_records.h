#pragma once
// Hand-written TLS 1.2 server messages for the hostile TLS peers (RFC 5246 sections 6.2 and
// 7.4): read the client's ClientHello record, answer with a ServerHello that picks a suite the
// client offered, then a Certificate message with whatever bytes the test wants (not DER,
// truncated DER, lengths that lie). No cryptography: the client must reject the Certificate
// message before any key exchange.
#include <cstdint>
#include <string>
#include <vector>

#include "tests/hostile/stream_peer.h"

namespace edgeplan::hostile_test {

inline void put8(std::string& out, unsigned v) { out += static_cast<char>(v & 0xff); }
inline void put16be(std::string& out, unsigned v) {
    put8(out, v >> 8);
    put8(out, v);
}
inline void put24be(std::string& out, std::size_t v) {
    put8(out, static_cast<unsigned>(v >> 16));
    put8(out, static_cast<unsigned>(v >> 8));
    put8(out, static_cast<unsigned>(v));
}

// One TLS record: content type 22 (handshake), 21 (alert); version TLS 1.2.
inline std::string tls_record(unsigned type, const std::string& payload) {
    std::string out;
    put8(out, type);
    put16be(out, 0x0303);
    put16be(out, static_cast<unsigned>(payload.size()));
    return out + payload;
}

inline std::string handshake_message(unsigned type, const std::string& body) {
    std::string out;
    put8(out, type);
    put24be(out, body.size());
    return out + body;
}

// Reads the first record (the ClientHello); empty when the client sent no record in time.
inline std::string read_client_hello(int fd, const StreamPeer& peer) {
    std::string got;
    if (!read_bytes(fd, peer, got, 5)) return {};
    const std::size_t length =
        (static_cast<unsigned char>(got[3]) << 8) | static_cast<unsigned char>(got[4]);
    if (!read_bytes(fd, peer, got, 5 + length)) return {};
    return got.substr(0, 5 + length);
}

// The cipher suites of a ClientHello record (RFC 5246 7.4.1.2), in the client's order.
inline std::vector<unsigned> offered_suites(const std::string& hello) {
    auto byte = [&](std::size_t i) -> unsigned {
        return i < hello.size() ? static_cast<unsigned char>(hello[i]) : 0u;
    };
    // record header 5, handshake header 4, client_version 2, random 32, then session_id.
    std::size_t at = 5 + 4 + 2 + 32;
    at += 1 + byte(at);
    const std::size_t length = (byte(at) << 8) | byte(at + 1);
    at += 2;
    std::vector<unsigned> suites;
    for (std::size_t i = 0; i + 1 < length && at + i + 1 < hello.size(); i += 2) {
        suites.push_back((byte(at + i) << 8) | byte(at + i + 1));
    }
    return suites;
}

// A TLS 1.2 ServerHello (no session ID, null compression) choosing the first RSA or ECDSA
// ECDHE-GCM suite the client offered, with an empty renegotiation_info extension (RFC 5746:
// OpenSSL 3 clients refuse servers without it). 0 when nothing fits.
inline std::string server_hello(const std::string& client_hello) {
    const std::vector<unsigned> wanted{0xc02f, 0xc030, 0xc02b, 0xc02c, 0x009c};
    unsigned chosen = 0;
    for (unsigned suite : offered_suites(client_hello)) {
        for (unsigned w : wanted) {
            if (suite == w && chosen == 0) chosen = suite;
        }
    }
    if (chosen == 0) return {};
    std::string body;
    put16be(body, 0x0303);
    for (int i = 0; i < 32; ++i) put8(body, static_cast<unsigned>(0x40 + i));  // no downgrade mark
    put8(body, 0);                                                             // session_id
    put16be(body, chosen);
    put8(body, 0);  // compression: null
    put16be(body, 5);
    put16be(body, 0xff01);  // renegotiation_info, empty
    put16be(body, 1);
    put8(body, 0);
    return tls_record(22, handshake_message(2, body));
}

// A Certificate handshake message carrying `blobs` as the certificate_list (RFC 5246 7.4.2);
// `list_length_extra` makes the list length claim more bytes than follow.
inline std::string certificate_message(const std::vector<std::string>& blobs,
                                       std::size_t list_length_extra = 0) {
    std::string list;
    for (const std::string& blob : blobs) {
        put24be(list, blob.size());
        list += blob;
    }
    std::string body;
    put24be(body, list.size() + list_length_extra);
    body += list;
    return tls_record(22, handshake_message(11, body));
}

}  // namespace edgeplan::hostile_test
