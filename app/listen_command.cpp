#include "app/listen_command.h"

#include <csignal>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/duration_option.h"
#include "app/exit_codes.h"
#include "checks/probes/responder.h"
#include "checks/responder_ports.h"
#include "topology/input_error.h"
#include "topology/loader.h"

namespace edgeplan::app {
namespace {

using checks::ResponderPort;
using checks::probes::BindFailure;
using checks::probes::BindReport;
using checks::probes::Responder;
using checks::probes::ResponderEndpoint;
using checks::probes::ResponderStats;

constexpr int max_sample = 10000;
// Descriptors beyond the listening sockets: TCP connections being answered, epoll, stdio.
constexpr std::size_t connection_budget = 1024;
constexpr std::size_t spare_descriptors = 64;
constexpr std::size_t min_connections = 64;

// SIGINT/SIGTERM stop the responder through its eventfd (async-signal-safe).
std::atomic<const Responder*> running_responder{nullptr};
extern "C" void stop_on_signal(int) {
    if (const Responder* r = running_responder.load()) r->request_stop();
}

class SignalStop {
  public:
    explicit SignalStop(const Responder& responder) {
        running_responder.store(&responder);
        struct sigaction action {};
        action.sa_handler = stop_on_signal;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &old_int_);
        sigaction(SIGTERM, &action, &old_term_);
    }
    SignalStop(const SignalStop&) = delete;
    SignalStop& operator=(const SignalStop&) = delete;
    ~SignalStop() {
        sigaction(SIGINT, &old_int_, nullptr);
        sigaction(SIGTERM, &old_term_, nullptr);
        running_responder.store(nullptr);
    }

  private:
    struct sigaction old_int_ {};
    struct sigaction old_term_ {};
};

// "443, 5061, 50000-59999": consecutive ports folded into ranges.
std::string port_list(const std::vector<int>& ports) {
    std::ostringstream out;
    for (std::size_t i = 0; i < ports.size();) {
        std::size_t j = i;
        while (j + 1 < ports.size() && ports[j + 1] == ports[j] + 1) ++j;
        out << (i ? ", " : "") << ports[i];
        if (j > i) out << "-" << ports[j];
        i = j + 1;
    }
    return out.str();
}

void print_bound(const BindReport& report, std::ostream& err) {
    for (topology::Transport transport : {topology::Transport::tcp, topology::Transport::udp}) {
        std::vector<int> ports;
        for (const ResponderEndpoint& e : report.bound) {
            if (e.transport == transport) ports.push_back(e.port);
        }
        if (!ports.empty()) {
            err << "bound " << ports.size() << " " << topology::to_string(transport)
                << " port(s): " << port_list(ports) << "\n";
        }
    }
    // One line per transport and problem: a descriptor shortage can fail thousands of ports.
    std::map<std::pair<topology::Transport, checks::probes::BindProblem>,
             std::pair<std::vector<int>, std::string>>
        failures;
    for (const BindFailure& f : report.failures) {
        auto& [ports, message] = failures[{f.endpoint.transport, f.problem}];
        ports.push_back(f.endpoint.port);
        message = f.message;
    }
    for (const auto& [key, failure] : failures) {
        err << "cannot bind " << failure.first.size() << " " << topology::to_string(key.first)
            << " port(s): " << port_list(failure.first) << ": "
            << checks::probes::to_string(key.second) << " (" << failure.second << ")";
        if (key.second == checks::probes::BindProblem::permission) {
            err << "; ports below 1024 need root or CAP_NET_BIND_SERVICE";
        }
        err << "\n";
    }
}

const std::vector<std::string>& rules_of(const std::vector<ResponderPort>& ports,
                                         const ResponderEndpoint& e) {
    static const std::vector<std::string> none;
    for (const ResponderPort& p : ports) {
        if (p.transport == e.transport && p.port == e.port) return p.rules;
    }
    return none;
}

nlohmann::json summary_json(const ListenArguments& a, std::chrono::milliseconds duration,
                            const std::vector<ResponderPort>& ports, const BindReport& report,
                            const ResponderStats& stats) {
    nlohmann::json j;
    j["command"] = "listen";
    j["role"] = a.role;
    j["bind"] = a.bind;
    if (a.sample) j["sample"] = *a.sample;
    j["duration_ms"] = duration.count();
    j["ran_ms"] = stats.ran_for.count();
    j["stopped"] = stats.stopped;
    j["bound"] = nlohmann::json::array();
    for (std::size_t i = 0; i < report.bound.size(); ++i) {
        const ResponderEndpoint& e = report.bound[i];
        j["bound"].push_back(
            {{"transport", topology::to_string(e.transport)},
             {"port", e.port},
             {"rules", rules_of(ports, e)},
             {"replies",
              i < stats.replies_per_endpoint.size() ? stats.replies_per_endpoint[i] : 0}});
    }
    j["not_bound"] = nlohmann::json::array();
    for (const BindFailure& f : report.failures) {
        j["not_bound"].push_back({{"transport", topology::to_string(f.endpoint.transport)},
                                  {"port", f.endpoint.port},
                                  {"rules", rules_of(ports, f.endpoint)},
                                  {"problem", checks::probes::to_string(f.problem)},
                                  {"message", f.message}});
    }
    j["counts"] = {{"tcp_connections", stats.tcp_connections},
                   {"tcp_replies", stats.tcp_replies},
                   {"udp_replies", stats.udp_replies},
                   {"invalid_requests", stats.invalid_requests},
                   {"rate_limited", stats.rate_limited},
                   {"connections_refused", stats.connections_refused},
                   {"connections_timed_out", stats.connections_timed_out}};
    if (!stats.error.empty()) j["error"] = stats.error;
    return j;
}

}  // namespace

int listen_on_plan(const topology::Plan& plan, const ListenArguments& a, std::ostream& out,
                   std::ostream& err, const std::function<void()>& ready) {
    const std::optional<checks::ResponderRole> role = checks::parse_responder_role(a.role);
    if (!role) {
        err << "edgeplan listen: --role must be edge-external, edge-internal or partner\n";
        return exit_input_error;
    }
    if (a.sample && (*a.sample < 1 || *a.sample > max_sample)) {
        err << "edgeplan listen: --sample must be between 1 and " << max_sample << "\n";
        return exit_input_error;
    }
    const std::optional<std::chrono::milliseconds> duration = parse_duration(a.duration);
    if (!duration) {
        err << "edgeplan listen: --duration '" << a.duration
            << "' is not a duration up to 24h (10m, 30s, 1h)\n";
        return exit_input_error;
    }
    if (a.format != "text" && a.format != "json") {
        err << "edgeplan listen: --format must be text or json\n";
        return exit_input_error;
    }
    const std::vector<ResponderPort> ports =
        checks::responder_ports(plan, *role, a.sample.value_or(0));
    if (ports.empty()) {
        err << "edgeplan listen: the plan expects no port for role " << a.role << "\n";
        return exit_input_error;
    }
    std::vector<ResponderEndpoint> endpoints;
    for (const ResponderPort& p : ports) endpoints.push_back({p.transport, p.port});

    // One descriptor per port, plus room for the connections being answered; when the hard
    // limit is lower, the ports at the end of the list stay unbound rather than leaving no
    // descriptor for accept().
    const std::size_t wanted = endpoints.size() + connection_budget + spare_descriptors;
    const std::size_t limit = checks::probes::raise_descriptor_limit(wanted);
    std::size_t connections = connection_budget;
    std::vector<ResponderEndpoint> unbindable;
    if (limit < wanted) {
        connections =
            std::max(min_connections,
                     std::min(connection_budget, limit > endpoints.size() + spare_descriptors
                                                     ? limit - endpoints.size() - spare_descriptors
                                                     : 0));
        const std::size_t room =
            limit > spare_descriptors + connections ? limit - spare_descriptors - connections : 0;
        if (room < endpoints.size()) {
            err << "edgeplan listen: RLIMIT_NOFILE allows " << limit << " descriptors, too few for "
                << endpoints.size() << " ports; use --sample\n";
            unbindable.assign(endpoints.begin() + static_cast<std::ptrdiff_t>(room),
                              endpoints.end());
            endpoints.resize(room);
        }
    }

    checks::probes::ResponderOptions options;
    options.bind_address = a.bind;
    options.role = a.role;
    options.duration = *duration;
    options.max_connections = connections;
    Responder responder(options);
    BindReport report = responder.bind(endpoints);
    if (!report.error.empty()) {
        err << "edgeplan listen: " << report.error << "\n";
        return exit_input_error;
    }
    for (const ResponderEndpoint& e : unbindable) {
        report.failures.push_back({e, checks::probes::BindProblem::no_descriptors,
                                   "RLIMIT_NOFILE " + std::to_string(limit) + " reached"});
    }
    err << "edgeplan listen: role " << a.role << " on " << a.bind << ", " << endpoints.size()
        << " port(s) from the plan\n";
    print_bound(report, err);

    ResponderStats stats;
    if (!report.bound.empty()) {
        err << "answering token-echo probes for " << a.duration << " (Ctrl-C stops)\n";
        const SignalStop signals(responder);
        if (ready) ready();
        stats = responder.run();
        err << "stopped after " << stats.ran_for.count() / 1000 << "s: " << stats.tcp_replies
            << " TCP and " << stats.udp_replies << " UDP probe(s) answered, "
            << stats.invalid_requests << " other request(s) ignored, " << stats.rate_limited
            << " rate-limited\n";
    } else {
        err << "edgeplan listen: no port could be bound\n";
    }
    if (a.format == "json") out << summary_json(a, *duration, ports, report, stats).dump(2) << "\n";
    if (!stats.error.empty()) err << "edgeplan listen: " << stats.error << "\n";
    // A port that could not be bound cannot be tested from outside: the run decided less than
    // the plan asks, which is exit code 3 (docs/exit-codes.md).
    return report.failures.empty() && stats.error.empty() ? exit_ok : exit_tool_error;
}

int listen_command(const ListenArguments& a) {
    topology::LoadRequest request;
    request.topology_path = a.topology;
    request.settings_path = a.settings;
    request.settings_dirs = a.settings_dirs;
    topology::Model model;
    try {
        model = topology::load_model(request);
    } catch (const topology::InputError& e) {
        std::cerr << "edgeplan: " << e.what() << "\n";
        return exit_input_error;
    }
    return listen_on_plan(topology::derive_plan(model), a, std::cout, std::cerr);
}

}  // namespace edgeplan::app
