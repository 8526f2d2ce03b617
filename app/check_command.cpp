// `edgeplan check`: load, plan, ask the probe checks what to observe, run the probes (live,
// recorded with --record, or replayed with --replay), then evaluate every selected check.
#include "app/check_command.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "app/clock.h"
#include "app/exit_codes.h"
#include "app/gate.h"
#include "app/progress_line.h"
#include "app/report_inputs.h"
#include "app/report_outputs.h"
#include "checks/certificate_settings.h"
#include "checks/probe_runner.h"
#include "checks/probe_settings.h"
#include "checks/probes/recorded_probes.h"
#include "checks/registry.h"
#include "report/atomic_file.h"
#include "report/sha256.h"
#include "topology/input_error.h"
#include "topology/input_file.h"
#include "topology/ip_address.h"
#include "topology/loader.h"
#include "topology/strings.h"

namespace edgeplan::app {
namespace {

using checks::ProbeSide;

int usage(const std::string& message) {
    std::cerr << "edgeplan check: " << message << "\n";
    return exit_input_error;
}

// The probe backends of one run: live (optionally recording) or replayed.
class Backends {
  public:
    Backends(const CheckArguments& a, std::chrono::milliseconds timeout,
             const checks::probes::Observations* replay) {
        namespace p = checks::probes;
        if (replay) {
            resolver_ = std::make_unique<p::ReplayResolver>(*replay);
            ports_ = std::make_unique<p::ReplayPortProber>(*replay);
            stun_ = std::make_unique<p::ReplayStunProber>(*replay);
            tls_ = std::make_unique<p::ReplayTlsProber>(*replay);
            xmpp_ = std::make_unique<p::ReplayXmppProber>(*replay);
            echo_ = std::make_unique<p::ReplayTokenEchoProber>(*replay);
            return;
        }
        p::ResolverOptions ro;
        ro.timeout = timeout;
        ro.max_in_flight = a.concurrency;
        resolver_ = p::make_ldns_resolver(ro);
        p::PortProberOptions po;
        po.timeout = timeout;
        po.max_in_flight = a.concurrency;
        ports_ = p::make_epoll_port_prober(po);
        p::StunProberOptions so;
        so.timeout = timeout;
        so.max_in_flight = a.concurrency;
        stun_ = p::make_stun_prober(so);
        // Throws std::runtime_error when --client-cert cannot be loaded (a usage error).
        p::TlsProberOptions to;
        to.client_cert_file = a.certificates.client_cert;
        to.client_key_file = a.certificates.client_key;
        to.timeout = timeout;
        tls_ = p::make_openssl_tls_prober(to);
        p::XmppProberOptions xo;
        xo.timeout = timeout;
        xmpp_ = p::make_xmpp_starttls_prober(xo);
        p::TokenEchoOptions eo;  // --from edge toward --responder (docs/responder.md)
        eo.deadline = timeout;
        eo.max_in_flight = std::max<std::size_t>(1, std::min<std::size_t>(a.concurrency, 1024));
        eo.source_address = checks::source_address_for(topology::canonical_ip(a.responder),
                                                       topology::canonical_ip(a.source_address));
        echo_ = p::make_token_echo_prober(eo);
        if (!a.record.empty()) {
            live_echo_ = std::move(echo_);
            echo_ = std::make_unique<p::RecordingTokenEchoProber>(*live_echo_, echo_sink_);
            // One sink per backend: the runner drives them from different threads.
            live_resolver_ = std::move(resolver_);
            live_ports_ = std::move(ports_);
            live_stun_ = std::move(stun_);
            resolver_ = std::make_unique<p::RecordingResolver>(*live_resolver_, dns_sink_);
            ports_ = std::make_unique<p::RecordingPortProber>(*live_ports_, tcp_sink_);
            stun_ = std::make_unique<p::RecordingStunProber>(*live_stun_, stun_sink_);
            live_tls_ = std::move(tls_);
            live_xmpp_ = std::move(xmpp_);
            tls_ = std::make_unique<p::RecordingTlsProber>(*live_tls_, tls_sink_);
            xmpp_ = std::make_unique<p::RecordingXmppProber>(*live_xmpp_, xmpp_sink_);
        }
    }

    checks::ProbeBackends get() {
        return {*resolver_, *ports_, *stun_, tls_.get(), xmpp_.get(), echo_.get()};
    }

    checks::probes::Observations recorded() const {
        checks::probes::Observations all;
        all.dns = dns_sink_.dns;
        all.tcp = tcp_sink_.tcp;
        all.stun = stun_sink_.stun;
        all.tls = tls_sink_.tls;
        all.xmpp = xmpp_sink_.xmpp;
        all.token_echo = echo_sink_.token_echo;
        return all;
    }

  private:
    std::unique_ptr<checks::probes::Resolver> live_resolver_, resolver_;
    std::unique_ptr<checks::probes::PortProber> live_ports_, ports_;
    std::unique_ptr<checks::probes::StunProber> live_stun_, stun_;
    std::unique_ptr<checks::probes::TlsProber> live_tls_, tls_;
    std::unique_ptr<checks::probes::XmppProber> live_xmpp_, xmpp_;
    checks::probes::Observations dns_sink_, tcp_sink_, stun_sink_, tls_sink_, xmpp_sink_;
    std::unique_ptr<checks::probes::TokenEchoProber> live_echo_, echo_;
    checks::probes::Observations echo_sink_;
};

// A recording of a large run: 10,000 ports with their details take a few MB.
constexpr std::size_t kMaxReplayBytes = 256 * 1024 * 1024;

std::optional<checks::probes::Observations> read_replay(const std::string& path,
                                                        std::string& error) {
    try {
        return checks::probes::observations_from_json_text(
            topology::read_input_file(path, kMaxReplayBytes));
    } catch (const topology::InputFileError& e) {
        error = std::string("--replay: ") + e.what();
    } catch (const std::exception& e) {
        error = path + ": " + e.what();
    }
    return std::nullopt;
}

// The report header's account of the probes (report.h ProbeContext): vantage point, timeout,
// and for each DNS server how many of the queries sent to it got an answer.
report::ProbeContext probe_context(const CheckArguments& a, const checks::ProbeSettings& settings,
                                   std::chrono::milliseconds timeout,
                                   const checks::probes::Observations& observations) {
    report::ProbeContext p;
    for (ProbeSide side : settings.sides) p.from.push_back(checks::to_string(side));
    p.source_address = topology::canonical_ip(a.source_address);
    p.responder = settings.responder;
    p.timeout_ms = timeout.count();
    p.replay = a.replay;
    std::vector<report::DnsServerUse> servers;
    const auto use_of = [&](const std::string& server, const char* view) -> report::DnsServerUse& {
        for (report::DnsServerUse& d : servers) {
            if (d.server == server) return d;
        }
        servers.push_back({server, view, 0, 0});
        return servers.back();
    };
    for (const std::string& s : settings.external_dns_servers) use_of(s, "external");
    for (const std::string& s : settings.internal_dns_servers) use_of(s, "internal");
    for (const checks::probes::DnsAnswer& answer : observations.dns) {
        report::DnsServerUse& d = use_of(answer.query.server, "external");
        ++d.asked;
        // As probes::silent_dns_servers: a timeout or a send failure is no answer.
        if (answer.outcome != checks::probes::DnsOutcome::timeout &&
            answer.outcome != checks::probes::DnsOutcome::network_error) {
            ++d.answered;
        }
    }
    p.dns_servers = std::move(servers);
    return p;
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_timeout(const std::string& text) {
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
        ++digits;
    }
    if (digits == 0 || digits > 7) return std::nullopt;
    const long long number = std::stoll(text.substr(0, digits));
    const std::string unit = text.substr(digits);
    long long ms = 0;
    if (unit == "ms") {
        ms = number;
    } else if (unit == "s" || unit.empty()) {
        ms = number * 1000;
    } else {
        return std::nullopt;
    }
    if (ms <= 0 || ms > 3600 * 1000) return std::nullopt;
    return std::chrono::milliseconds(ms);
}

int check_command(const CheckArguments& a) {
    std::optional<TimePoint> now = checks::UtcClock::now();
    if (!a.now.empty() && !(now = parse_iso_date(a.now))) {
        return usage("--now '" + a.now + "' is not a date YYYY-MM-DD[THH:MM:SSZ] from 1970 to " +
                     std::to_string(kLastYear));
    }
    if (a.topology.empty()) return usage("a TOPOLOGY file is required");
    if (!is_report_format(a.format)) return usage("--format must be " + report_format_list());
    if (a.fail_on != "fail" && a.fail_on != "warn") return usage("--fail-on must be fail or warn");
    const auto timeout = parse_timeout(a.timeout);
    if (!timeout) return usage("--timeout '" + a.timeout + "' is not like 500ms, 3s or 3");
    if (a.concurrency == 0) return usage("--concurrency must be at least 1");
    if (!a.record.empty() && !a.replay.empty()) {
        return usage("--record and --replay exclude each other");
    }

    checks::ProbeSettings settings;
    settings.sides.clear();
    for (const std::string& side : a.from.empty() ? std::vector<std::string>{"external"} : a.from) {
        if (side == "external") {
            settings.sides.push_back(ProbeSide::external);
        } else if (side == "internal") {
            settings.sides.push_back(ProbeSide::internal);
        } else if (side == "edge") {
            settings.sides.push_back(ProbeSide::edge);
        } else {
            return usage("--from '" + side + "' is not external, internal or edge");
        }
    }
    if (settings.probes_from(ProbeSide::edge) && a.responder.empty()) {
        return usage("--from edge needs --responder ADDR");
    }
    if (!a.responder.empty() && topology::canonical_ip(a.responder).empty()) {
        return usage("--responder '" + a.responder + "' is not an IP address");
    }
    for (const std::string& t : a.targets) {
        if (topology::canonical_ip(t).empty())
            return usage("--target '" + t + "' is not an IP address");
    }
    if (!a.source_address.empty() && topology::canonical_ip(a.source_address).empty()) {
        return usage("--source-address '" + a.source_address + "' is not an IP address");
    }
    settings.responder = topology::canonical_ip(a.responder);
    if (a.sample < 1 || a.sample > 10000) return usage("--sample must be between 1 and 10000");
    settings.sample = a.sample;
    for (const auto& [option, servers] :
         {std::pair{"--dns-server", &a.dns_servers},
          std::pair{"--internal-dns-server", &a.internal_dns_servers}}) {
        for (const std::string& server : *servers) {
            if (!checks::probes::is_dns_server_address(server)) {
                return usage(std::string(option) + " '" + server +
                             "' is not ADDR, ADDR:PORT or [ADDR6]:PORT (an IP address, port "
                             "1-65535)");
            }
        }
    }
    // The system resolver is read only when no --dns-server is given, and named as an input
    // then, so that no output can overwrite it. Whether the run needs it is known once the
    // checks have said what they will ask (below).
    std::string resolver_problem;
    std::string resolv_conf_input;
    if (a.dns_servers.empty() && a.replay.empty()) {
        const checks::probes::SystemResolvers system =
            checks::probes::read_system_resolvers(a.resolv_conf);
        settings.external_dns_servers = system.servers;
        resolver_problem = system.problem;
        resolv_conf_input = a.resolv_conf;
    } else {
        settings.external_dns_servers = a.dns_servers;
    }
    settings.internal_dns_servers = a.internal_dns_servers;

    std::vector<ReportOutput> outputs;
    std::string error;
    if (!parse_report_outputs(a.outputs, outputs, error)) return usage(error);
    std::optional<checks::probes::Observations> replay;
    if (!a.replay.empty() && !(replay = read_replay(a.replay, error))) return usage(error);

    GateInputs gate;
    try {
        gate = GateInputs::read(a.baseline, a.waivers);
    } catch (const GateInputError& e) {
        return usage(e.what());
    }

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
    topology::Plan plan = topology::derive_plan(model);
    checks::CertificateSettings certificates;
    if (!load_certificate_settings(a.certificates, model, *now, certificates, error)) {
        return usage(error);
    }

    const auto all = checks::make_all_checks();
    std::vector<const checks::Check*> selected;
    for (const auto& check : all) selected.push_back(check.get());
    checks::CheckContext context{model, plan, *now};
    context.probe = &settings;
    context.waivers = gate.waiver_list();
    context.certificates = &certificates;

    // Requests come from the plan only; the runner refuses anything else.
    const checks::probes::ProbeRequests requests =
        checks::collect_requests(selected, context, a.selection);
    const bool needs_external_dns = std::any_of(
        requests.dns.begin(), requests.dns.end(),
        [](const auto& lookup) { return lookup.view == checks::probes::DnsView::external; });
    if (needs_external_dns && settings.external_dns_servers.empty()) {
        return usage("no usable DNS resolver (" + resolver_problem +
                     "): give one with --dns-server ADDR[:PORT]");
    }

    // Every output is checked now, before any probe: a run never ends unable to save its work.
    report::OutputSet files;
    add_report_outputs(outputs, files);
    if (!a.record.empty()) files.add(a.record, "--record");
    try {
        std::vector<std::string> inputs = run_inputs(a.topology, a.settings, a.baseline, a.waivers,
                                                     a.certificates, certificates, model);
        inputs.push_back(a.replay);
        inputs.push_back(resolv_conf_input);
        files.prepare(inputs);
    } catch (const report::OutputError& e) {
        return usage(e.what());
    }
    std::unique_ptr<Backends> live;
    try {
        live = std::make_unique<Backends>(a, *timeout, replay ? &*replay : nullptr);
    } catch (const std::runtime_error& e) {
        return usage(std::string("--client-cert: ") + e.what());
    }
    Backends& backends = *live;
    checks::ProbeRunOptions run_options;
    run_options.concurrency = a.concurrency;
    run_options.extra_targets = a.targets;
    run_options.source_address = topology::canonical_ip(a.source_address);
    checks::ProbeBackends wired = backends.get();
    ProgressLine progress_line(std::cerr);
    if (a.progress) {
        run_options.progress = [&](const checks::ProbeProgress& p) { progress_line.update(p); };
    }
    const checks::ProbeRunResult run =
        checks::run_probes(requests, plan, settings, run_options, wired);
    progress_line.clear();
    for (const std::string& refused : run.refused) {
        std::cerr << "edgeplan check: refused probe target " << refused
                  << " (not in the plan; add it with --target)\n";
    }
    for (const std::string& e : run.backend_errors) std::cerr << "edgeplan check: " << e << "\n";

    context.observations = &run.observations;
    const std::set<std::string> silent_servers =
        checks::probes::silent_dns_servers(run.observations);
    context.silent_dns_servers = &silent_servers;
    for (const std::string& server : silent_servers) {
        std::cerr << "edgeplan check: DNS server " << server
                  << " answered no query; the DNS findings that depend on it are errors\n";
    }
    report::Report r;
    r.tool_version = EDGEPLAN_VERSION;
    r.command = "check";
    r.fail_on_warn = a.fail_on == "warn";
    r.started_at = format_iso_utc(checks::UtcClock::now());
    r.now = format_iso_utc(*now);
    r.inputs = model_inputs(model, a.topology, a.settings);
    r.options.emplace_back("command_line", a.command_line);
    std::vector<std::string> sides;
    for (ProbeSide side : settings.sides) sides.push_back(checks::to_string(side));
    r.options.emplace_back("from", strings::join(sides, ","));
    r.options.emplace_back("dns_server", strings::join(settings.external_dns_servers, ","));
    r.options.emplace_back("internal_dns_server",
                           strings::join(settings.internal_dns_servers, ","));
    if (!settings.responder.empty()) r.options.emplace_back("responder", settings.responder);
    if (!settings.responder.empty()) r.options.emplace_back("sample", std::to_string(a.sample));
    if (!a.targets.empty()) r.options.emplace_back("target", strings::join(a.targets, ","));
    if (!a.source_address.empty()) r.options.emplace_back("source_address", a.source_address);
    r.options.emplace_back("timeout_ms", std::to_string(timeout->count()));
    r.options.emplace_back("concurrency", std::to_string(a.concurrency));
    if (!a.replay.empty()) r.options.emplace_back("replay", a.replay);
    if (!a.record.empty()) r.options.emplace_back("record", a.record);
    if (!a.certificates.ca_file.empty()) r.options.emplace_back("ca_file", a.certificates.ca_file);
    if (!a.certificates.client_cert.empty()) {
        r.options.emplace_back("client_cert", a.certificates.client_cert);
    }
    r.options.emplace_back("expiry_warning_days", std::to_string(certificates.expiry_warning_days));
    r.probe = probe_context(a, settings, *timeout, run.observations);
    r.findings = checks::run_checks(selected, context, a.selection);
    for (const checks::Check* check : selected) {
        if (a.selection.selects(check->info()))
            r.catalogue[report::catalogue_key(check->info())] = check->info();
    }
    r.plan = std::move(plan);
    gate.apply(r, *now);

    try {
        render_report_outputs(r, outputs, a.text, files);
        if (!a.record.empty()) {
            files.set_content(outputs.size(),
                              checks::probes::observations_to_json_text(backends.recorded()));
        }
        files.commit();
    } catch (const report::OutputError& e) {
        std::cerr << "edgeplan check: " << e.what() << "\n";
        return exit_tool_error;
    }
    if (!a.quiet && !print_report(r, a.format, a.text)) {
        std::cerr << "edgeplan check: cannot write the report to standard output\n";
        return exit_tool_error;
    }
    return exit_code_for(r, a.fail_on == "warn");
}

}  // namespace edgeplan::app
