#pragma once
// The hostile TLS peers of tls_hostile_test.cpp, one StreamPeer handler each: silence, a drip
// of one byte at a time, garbage, a close in the middle of the ServerHello, hand-written TLS 1.2
// with a Certificate message that is not a certificate, and an XMPP 5269 front that offers
// STARTTLS and hands the connection to one of them after <proceed/>.
#include <cerrno>
#include <chrono>
#include <string>

#include "tests/hostile/tls_records.h"

namespace edgeplan::hostile_test {

using Handler = StreamPeer::Handler;
using std::chrono::milliseconds;

// Sleeps `duration` in small steps; false when the client closed or the peer stops.
inline bool nap(int fd, const StreamPeer& peer, milliseconds duration) {
    const auto end = Clock::now() + duration;
    char buffer[4096];
    while (!peer.stopping() && Clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0) continue;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) return false;
    }
    return !peer.stopping();
}

// Reads the ClientHello and never answers.
inline void silent(int fd, const StreamPeer& peer) { hold(fd, peer, std::chrono::seconds(20)); }

// A handshake record announcing 16 KiB, then one byte every `interval`, forever: each byte is
// progress, so only one deadline for the whole handshake ends it.
inline Handler drip(milliseconds interval) {
    return [interval](int fd, const StreamPeer& peer) {
        read_client_hello(fd, peer);
        const std::string start("\x16\x03\x03\x40\x00\x02\x00\x3f\xfc\x03\x03", 11);
        for (std::size_t i = 0; i < 1000 && !peer.stopping(); ++i) {
            const char byte = i < start.size() ? start[i] : static_cast<char>('a' + i % 26);
            if (::send(fd, &byte, 1, MSG_NOSIGNAL) != 1) return;
            if (!nap(fd, peer, interval)) return;
        }
    };
}

// `text` instead of a ServerHello, then the connection stays open.
inline Handler answer_with(std::string text) {
    return [text](int fd, const StreamPeer& peer) {
        read_client_hello(fd, peer);
        send_text(fd, text);
        hold(fd, peer);
    };
}

// 4 KiB from a fixed linear congruential sequence (reproducible "random" bytes).
inline std::string noise(std::size_t size) {
    std::string out;
    std::uint32_t state = 0x2545F491u;
    for (std::size_t i = 0; i < size; ++i) {
        state = state * 1664525u + 1013904223u;
        out += static_cast<char>(state >> 24);
    }
    return out;
}

// Plain XMPP stanzas, forever, on a port where TLS is expected.
inline void endless_xmpp(int fd, const StreamPeer& peer) {
    if (!send_text(fd,
                   "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                   "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")) {
        return;
    }
    for (int i = 0; i < 2000 && !peer.stopping(); ++i) {
        if (!send_text(fd, "<presence from='x@contoso.com'/>")) return;
        if (!nap(fd, peer, milliseconds(5))) return;
    }
}

inline void close_on_accept(int, const StreamPeer&) {}

// Half a ServerHello, then close.
inline void half_server_hello(int fd, const StreamPeer& peer) {
    const std::string hello = server_hello(read_client_hello(fd, peer));
    send_text(fd, hello.substr(0, hello.size() / 2));
}

// A ServerHello, then a Certificate message carrying `blobs` (see certificate_message).
inline Handler bad_certificate(std::vector<std::string> blobs, std::size_t list_length_extra = 0) {
    return [blobs, list_length_extra](int fd, const StreamPeer& peer) {
        const std::string hello = server_hello(read_client_hello(fd, peer));
        if (hello.empty()) return;
        send_text(fd, hello + certificate_message(blobs, list_length_extra));
        hold(fd, peer);
    };
}

// An XMPP server-to-server front (RFC 6120 5.4): features with STARTTLS required, <proceed/>,
// then `tls` takes over the connection.
inline Handler after_starttls(Handler tls) {
    return [tls](int fd, const StreamPeer& peer) {
        if (!read_until(fd, peer, "version='1.0'>")) return;
        send_text(fd,
                  "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                  "xmlns:stream='http://etherx.jabber.org/streams' from='contoso.com' id='h1' "
                  "version='1.0'><stream:features><starttls "
                  "xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
                  "</stream:features>");
        if (!read_until(fd, peer, "<starttls")) return;
        send_text(fd, "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        tls(fd, peer);
    };
}

}  // namespace edgeplan::hostile_test
