// The partner lab's TLS endpoints for the benchmark (tests/bench/partners.sh), in C++: one
// process, one thread, an epoll loop driving non-blocking accepts and handshakes on every
// listener. samples/lab/partners/partner_tls_server.py serves the same endpoints (and the hostile
// modes) with a thread per connection under Python's GIL; on a 2-core machine that server took
// as much CPU as edgeplan itself, so the benchmark measured the lab as much as the tool.
//
//   partner_tls_server --ready FILE ENDPOINTS.json
//
// ENDPOINTS.json is make_partner_lab.py's: {"client_ca", "endpoints": [{"address", "port",
// "mode", "chain", "key"}]}. Serves the modes "tls" (TLS 1.2+) and "tls10" (TLS 1.0 only), each
// address with its own certificate (a partner's Access Edge); any other mode is a usage error
// (the hostile ones stay with the Python server). After the handshake a session is held until
// the client leaves or 10 s pass. Writes "PID COUNT" to FILE once every socket listens, runs
// until SIGTERM/SIGINT.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kSessionLimit = std::chrono::seconds(10);

volatile sig_atomic_t g_running = 1;
void stop(int) { g_running = 0; }

struct Listener {
    int fd = -1;
    SSL_CTX* ctx = nullptr;
};

struct Session {
    int fd = -1;
    SSL* ssl = nullptr;
    Clock::time_point deadline;
};

int fail(const std::string& why) {
    std::fprintf(stderr, "partner_tls_server: %s\n", why.c_str());
    ERR_print_errors_fp(stderr);
    return 1;
}

SSL_CTX* make_context(const nlohmann::json& endpoint) {
    SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx) return nullptr;
    // Security level 0 like the Python server: the SHA-1 and TLS 1.0 cases must still be served.
    SSL_CTX_set_cipher_list(ctx, "DEFAULT:@SECLEVEL=0");
    if (endpoint.at("mode") == "tls10") {
        SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
        SSL_CTX_set_max_proto_version(ctx, TLS1_VERSION);
    } else {
        SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    }
    const std::string chain = endpoint.at("chain");
    const std::string key = endpoint.at("key");
    if (SSL_CTX_use_certificate_chain_file(ctx, chain.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, key.c_str(), SSL_FILETYPE_PEM) != 1) {
        SSL_CTX_free(ctx);
        return nullptr;
    }
    return ctx;
}

int open_listener(const std::string& address, int port) {
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family = AF_INET;
    if (address.find(':') != std::string::npos) {
        family = AF_INET6;
        auto* six = reinterpret_cast<sockaddr_in6*>(&storage);
        six->sin6_family = AF_INET6;
        six->sin6_port = htons(static_cast<std::uint16_t>(port));
        if (inet_pton(AF_INET6, address.c_str(), &six->sin6_addr) != 1) return -1;
        length = sizeof *six;
    } else {
        auto* four = reinterpret_cast<sockaddr_in*>(&storage);
        four->sin_family = AF_INET;
        four->sin_port = htons(static_cast<std::uint16_t>(port));
        if (inet_pton(AF_INET, address.c_str(), &four->sin_addr) != 1) return -1;
        length = sizeof *four;
    }
    const int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&storage), length) != 0 || ::listen(fd, 1024) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

class Server {
  public:
    int run(const nlohmann::json& config, const std::string& ready) {
        epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
        if (epoll_ < 0) return fail("epoll_create1");
        for (const auto& endpoint : config.at("endpoints")) {
            const std::string mode = endpoint.at("mode");
            if (mode != "tls" && mode != "tls10") {
                return fail("mode " + mode + " is served by partner_tls_server.py only");
            }
            Listener listener;
            listener.ctx = make_context(endpoint);
            if (!listener.ctx) return fail("certificate of " + endpoint.dump());
            listener.fd = open_listener(endpoint.at("address"), endpoint.at("port"));
            if (listener.fd < 0) {
                return fail("cannot listen on " + endpoint.at("address").get<std::string>() + ": " +
                            std::strerror(errno));
            }
            watch(listener.fd, EPOLLIN);
            listeners_.emplace(listener.fd, listener);
        }
        if (!ready.empty()) {
            const std::string temporary = ready + ".tmp";
            std::ofstream(temporary) << ::getpid() << ' ' << listeners_.size() << '\n';
            if (std::rename(temporary.c_str(), ready.c_str()) != 0) return fail("ready file");
        }
        std::vector<epoll_event> events(512);
        while (g_running) {
            const int count =
                ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 500);
            for (int i = 0; i < count; ++i) {
                const int fd = events[i].data.fd;
                if (auto listener = listeners_.find(fd); listener != listeners_.end()) {
                    accept_all(listener->second);
                } else if (auto session = sessions_.find(fd); session != sessions_.end()) {
                    advance(session->second);
                }
            }
            expire();
        }
        return 0;
    }

  private:
    void watch(int fd, std::uint32_t events, int op = EPOLL_CTL_ADD) {
        epoll_event event{};
        event.events = events;
        event.data.fd = fd;
        ::epoll_ctl(epoll_, op, fd, &event);
    }

    void accept_all(const Listener& listener) {
        for (;;) {
            const int fd = ::accept4(listener.fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) return;
            Session session{fd, SSL_new(listener.ctx), Clock::now() + kSessionLimit};
            SSL_set_fd(session.ssl, fd);
            SSL_set_accept_state(session.ssl);
            watch(fd, EPOLLIN);
            auto [where, _] = sessions_.emplace(fd, session);
            order_.push_back({fd, session.deadline});
            advance(where->second);
        }
    }

    // Handshake, then hold the session reading until the client closes.
    void advance(Session& session) {
        char buffer[1024];
        for (;;) {
            const int code = SSL_is_init_finished(session.ssl)
                                 ? SSL_read(session.ssl, buffer, sizeof buffer)
                                 : SSL_do_handshake(session.ssl);
            if (code > 0) continue;
            const int error = SSL_get_error(session.ssl, code);
            ERR_clear_error();
            if (error == SSL_ERROR_WANT_READ) return watch(session.fd, EPOLLIN, EPOLL_CTL_MOD);
            if (error == SSL_ERROR_WANT_WRITE) return watch(session.fd, EPOLLOUT, EPOLL_CTL_MOD);
            return close(session.fd);
        }
    }

    void close(int fd) {
        auto session = sessions_.find(fd);
        if (session == sessions_.end()) return;
        SSL_free(session->second.ssl);
        ::close(fd);  // also leaves the epoll set
        sessions_.erase(session);
    }

    // Sessions start in deadline order: expiry walks from the oldest.
    void expire() {
        const auto now = Clock::now();
        while (!order_.empty() && order_.front().second <= now) {
            auto session = sessions_.find(order_.front().first);
            if (session != sessions_.end() && session->second.deadline == order_.front().second) {
                close(order_.front().first);
            }
            order_.pop_front();
        }
    }

    int epoll_ = -1;
    std::unordered_map<int, Listener> listeners_;
    std::unordered_map<int, Session> sessions_;
    std::deque<std::pair<int, Clock::time_point>> order_;
};

}  // namespace

int main(int argc, char** argv) {
    std::string ready;
    std::string spec;
    if (argc == 4 && std::string(argv[1]) == "--ready") {
        ready = argv[2];
        spec = argv[3];
    } else if (argc == 2) {
        spec = argv[1];
    } else {
        std::fprintf(stderr, "usage: partner_tls_server [--ready FILE] ENDPOINTS.json\n");
        return 2;
    }
    std::ifstream in(spec);
    if (!in) return fail("cannot read " + spec);
    nlohmann::json config;
    try {
        config = nlohmann::json::parse(in);
    } catch (const std::exception& e) {
        return fail(spec + ": " + e.what());
    }
    // Thousands of listeners and sessions: lift the descriptor limit to its hard ceiling.
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    ::signal(SIGPIPE, SIG_IGN);
    struct sigaction action {};
    action.sa_handler = stop;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    try {
        return Server().run(config, ready);
    } catch (const std::exception& e) {
        return fail(spec + ": " + e.what());
    }
}
