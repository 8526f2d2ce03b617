#pragma once
// Shared fixtures for the TLS probe tests: a test CA with a server and a client certificate
// written to a temp dir, `openssl s_server` started on 127.0.0.1 (stopped by PID), and a small
// TLS server thread that answers a SIP request in a chosen way.
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>

#include <atomic>
#include <thread>

#include "../certificates/test_pki.h"
#include "../probes/test_support.h"

namespace edgeplan::tls_test {

namespace fs = std::filesystem;

struct TestPki {
    probes_test::TempDir dir;
    pki_test::Issued ca;
    pki_test::Issued server;
    pki_test::Issued client;

    explicit TestPki(const std::string& server_name = "sip.contoso.com") {
        pki_test::CertSpec ca_spec;
        ca_spec.cn = "tls test root";
        ca_spec.ca = true;
        ca = pki_test::issue(ca_spec);
        pki_test::CertSpec server_spec;
        server_spec.cn = server_name;
        server_spec.sans = {server_name};
        server = pki_test::issue(server_spec, &ca);
        pki_test::CertSpec client_spec;
        client_spec.cn = "edge.partner.example";
        client_spec.server_auth = false;
        client_spec.client_auth = true;
        client = pki_test::issue(client_spec, &ca);
        pki_test::write_text(path("ca.pem"), pki_test::pem_of(ca.cert));
        pki_test::write_text(path("server.pem"),
                             pki_test::pem_of(server.cert) + pki_test::pem_of(ca.cert));
        pki_test::write_text(path("server.key"), pki_test::key_pem_of(server.key));
        pki_test::write_text(path("client.pem"), pki_test::pem_of(client.cert));
        pki_test::write_text(path("client.key"), pki_test::key_pem_of(client.key));
    }
    std::string path(const std::string& name) const { return (dir.path() / name).string(); }
};

// `openssl s_server` on 127.0.0.1:port with extra arguments; running() once it accepts.
class SServer {
  public:
    SServer(const TestPki& pki, std::uint16_t port, std::vector<std::string> extra)
        : port_(port),
          child_(arguments(pki, port, std::move(extra)),
                 pki.dir.path() / ("s_server-" + std::to_string(port) + ".log")) {}
    bool ready() {
        // A plain TCP connect counts as one (failed) TLS session for s_server; it keeps going.
        return child_.started() &&
               probes_test::wait_until([&] { return probes_test::tcp_accepts("127.0.0.1", port_); },
                                       std::chrono::seconds(5));
    }

  private:
    static std::vector<std::string> arguments(const TestPki& pki, std::uint16_t port,
                                              std::vector<std::string> extra) {
        std::vector<std::string> argv{"openssl", "s_server",
                                      "-accept", "127.0.0.1:" + std::to_string(port),
                                      "-cert",   pki.path("server.pem"),
                                      "-key",    pki.path("server.key"),
                                      "-CAfile", pki.path("ca.pem"),
                                      "-quiet"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return argv;
    }
    std::uint16_t port_;
    probes_test::ChildProcess child_;
};

// A one-connection TLS server thread: reads the request head, then answers as told.
enum class Answer { sip_200, http, silence, close };

class SipResponder {
  public:
    SipResponder(const TestPki& pki, Answer answer) : answer_(answer) {
        port_ = probes_test::free_port("127.0.0.1");
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        const int one = 1;
        ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        auto where = probes_test::ipv4("127.0.0.1", port_);
        ok_ = ::bind(listener_, reinterpret_cast<sockaddr*>(&where), sizeof where) == 0 &&
              ::listen(listener_, 4) == 0;
        ctx_ = SSL_CTX_new(TLS_server_method());
        ok_ = ok_ &&
              SSL_CTX_use_certificate_chain_file(ctx_, pki.path("server.pem").c_str()) == 1 &&
              SSL_CTX_use_PrivateKey_file(ctx_, pki.path("server.key").c_str(), SSL_FILETYPE_PEM) ==
                  1;
        if (ok_) thread_ = std::thread([this] { serve(); });
    }
    ~SipResponder() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
        ::close(listener_);
        SSL_CTX_free(ctx_);
    }
    bool ok() const { return ok_; }
    std::uint16_t port() const { return port_; }
    std::string request() const { return request_; }

  private:
    void serve() {
        pollfd entry{listener_, POLLIN, 0};
        if (::poll(&entry, 1, 5000) <= 0) return;
        const int fd = ::accept(listener_, nullptr, nullptr);
        if (fd < 0) return;
        timeval limit{3, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
        SSL* ssl = SSL_new(ctx_);
        SSL_set_fd(ssl, fd);
        if (SSL_accept(ssl) == 1) {
            char buffer[4096];
            std::string got;
            for (int round = 0; round < 64 && got.find("\r\n\r\n") == std::string::npos; ++round) {
                const int n = SSL_read(ssl, buffer, sizeof buffer);
                if (n <= 0) break;
                got.append(buffer, static_cast<std::size_t>(n));
            }
            request_ = got;
            std::string reply;
            if (answer_ == Answer::sip_200) {
                reply =
                    "SIP/2.0 200 OK\r\nVia: SIP/2.0/TLS 127.0.0.1\r\nCSeq: 1 OPTIONS\r\n"
                    "Content-Length: 0\r\n\r\n";
            } else if (answer_ == Answer::http) {
                reply = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
            }
            if (!reply.empty()) SSL_write(ssl, reply.data(), static_cast<int>(reply.size()));
            if (answer_ == Answer::silence) {
                // Hold the connection until the prober gives up (bounded by SO_RCVTIMEO).
                for (int round = 0; round < 3 && !stop_; ++round) {
                    if (SSL_read(ssl, buffer, sizeof buffer) <= 0) break;
                }
            }
            if (answer_ != Answer::close) SSL_shutdown(ssl);
        }
        SSL_free(ssl);
        ::close(fd);
    }

    Answer answer_;
    std::uint16_t port_ = 0;
    int listener_ = -1;
    SSL_CTX* ctx_ = nullptr;
    bool ok_ = false;
    std::atomic<bool> stop_{false};
    std::string request_;
    std::thread thread_;
};

}  // namespace edgeplan::tls_test
