// `edgeplan partners`: load the settings model, build the partner list (settings and
// --partners FILE), probe every partner (live, recorded with --record, or replayed with
// --replay), judge, and report with the partner table.
#include "app/partners_command.h"

#include <iostream>
#include <memory>
#include <optional>

#include "app/check_command.h"
#include "app/clock.h"
#include "app/exit_codes.h"
#include "app/progress_line.h"
#include "app/report_inputs.h"
#include "app/report_outputs.h"
#include "checks/certificate_settings.h"
#include "checks/partners/partner_list.h"
#include "checks/partners/partner_probes.h"
#include "checks/partners/partner_rules.h"
#include "checks/probe_runner.h"
#include "checks/probes/recorded_probes.h"
#include "checks/utc_clock.h"
#include "report/atomic_file.h"
#include "report/sha256.h"
#include "topology/input_error.h"
#include "topology/input_file.h"
#include "topology/ip_address.h"
#include "topology/loader.h"

namespace edgeplan::app {
namespace {

namespace p = checks::probes;

// A partner list of 100,000 lines with ProxyFqdn and comments stays far below this.
constexpr std::size_t kMaxPartnerFileBytes = 32 * 1024 * 1024;
constexpr std::size_t kMaxReplayBytes = 256 * 1024 * 1024;

int usage(const std::string& message) {
    std::cerr << "edgeplan partners: " << message << "\n";
    return exit_input_error;
}

// Live (optionally recording) or replayed probe backends.
class PartnerBackends {
  public:
    PartnerBackends(const PartnersArguments& a, std::chrono::milliseconds timeout,
                    const p::Observations* replay) {
        if (replay) {
            resolver_ = std::make_unique<p::ReplayResolver>(*replay);
            ports_ = std::make_unique<p::ReplayPortProber>(*replay);
            tls_ = std::make_unique<p::ReplayTlsProber>(*replay);
            xmpp_ = std::make_unique<p::ReplayXmppProber>(*replay);
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
        p::TlsProberOptions to;  // throws std::runtime_error for an unreadable --client-cert
        to.client_cert_file = a.certificates.client_cert;
        to.client_key_file = a.certificates.client_key;
        to.timeout = timeout;
        // Every handshake in flight on one thread (one SSL_CTX), not one thread per session.
        tls_ = p::make_epoll_tls_prober(to, a.concurrency);
        p::XmppProberOptions xo;
        xo.timeout = timeout;
        xmpp_ = p::make_xmpp_starttls_prober(xo);
        // --record needs no recording wrappers: probe_partners returns every observation.
    }

    checks::partners::PartnerProbeBackends get() { return {*resolver_, *ports_, *tls_, *xmpp_}; }

  private:
    std::unique_ptr<p::Resolver> resolver_;
    std::unique_ptr<p::PortProber> ports_;
    std::unique_ptr<p::TlsProber> tls_;
    std::unique_ptr<p::XmppProber> xmpp_;
};

}  // namespace

int partners_command(const PartnersArguments& a) {
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
    if (!a.record.empty() && !a.replay.empty()) {
        return usage("--record and --replay exclude each other");
    }
    for (const std::string& server : a.dns_servers) {
        if (!p::is_dns_server_address(server)) {
            return usage("--dns-server '" + server +
                         "' is not ADDR, ADDR:PORT or [ADDR6]:PORT (an IP address, port 1-65535)");
        }
    }
    if (!a.source_address.empty() && topology::canonical_ip(a.source_address).empty()) {
        return usage("--source-address '" + a.source_address + "' is not an IP address");
    }
    std::vector<ReportOutput> outputs;
    std::string error;
    if (!parse_report_outputs(a.outputs, outputs, error)) return usage(error);

    topology::LoadRequest request;
    request.topology_path = a.topology;
    request.settings_path = a.settings;
    request.settings_dirs = a.settings_dirs;
    topology::Model model;
    checks::partners::PartnerList list;
    try {
        model = topology::load_model(request);
        // The list takes the settings model, whichever input produced it.
        list = checks::partners::partners_from_settings(model.federation);
        if (!a.partners_file.empty()) {
            checks::partners::add_partner_file(
                list, a.partners_file,
                topology::read_input_file(a.partners_file, kMaxPartnerFileBytes));
        }
    } catch (const topology::InputError& e) {
        std::cerr << "edgeplan: " << e.what() << "\n";
        return exit_input_error;
    } catch (const topology::InputFileError& e) {
        return usage(std::string("--partners: ") + e.what());
    }
    if (list.partners.empty() && list.allowed_and_blocked.empty()) {
        return usage(
            "no federation partner to audit: give --settings with allowed domains or "
            "XMPP partners, or --partners FILE");
    }
    checks::CertificateSettings certificates;
    if (!load_certificate_settings(a.certificates, model, *now, certificates, error)) {
        return usage(error);
    }

    std::optional<p::Observations> replay;
    std::string dns_server;
    std::string resolv_conf_input;
    if (!a.replay.empty()) {
        try {
            replay = p::observations_from_json_text(
                topology::read_input_file(a.replay, kMaxReplayBytes));
        } catch (const topology::InputFileError& e) {
            return usage(std::string("--replay: ") + e.what());
        } catch (const std::exception& e) {
            return usage(a.replay + ": " + e.what());
        }
        // The recording names the server each query went to; ask the same one.
        if (!replay->dns.empty()) dns_server = replay->dns.front().query.server;
    } else if (!a.dns_servers.empty()) {
        dns_server = a.dns_servers.front();
    } else {
        const p::SystemResolvers system = p::read_system_resolvers(a.resolv_conf);
        if (system.servers.empty()) {
            return usage("no usable DNS resolver (" + system.problem +
                         "): give one with --dns-server ADDR[:PORT]");
        }
        dns_server = system.servers.front();
        resolv_conf_input = a.resolv_conf;
    }

    report::OutputSet files;
    add_report_outputs(outputs, files);
    if (!a.record.empty()) files.add(a.record, "--record");
    try {
        std::vector<std::string> inputs =
            run_inputs(a.topology, a.settings, "", "", a.certificates, certificates, model);
        inputs.push_back(a.partners_file);
        inputs.push_back(a.replay);
        inputs.push_back(resolv_conf_input);
        files.prepare(inputs);
    } catch (const report::OutputError& e) {
        return usage(e.what());
    }
    std::unique_ptr<PartnerBackends> backends;
    try {
        backends = std::make_unique<PartnerBackends>(a, *timeout, replay ? &*replay : nullptr);
    } catch (const std::runtime_error& e) {
        return usage(std::string("--client-cert: ") + e.what());
    }

    checks::partners::PartnerProbeOptions options;
    options.dns_server = dns_server;
    options.concurrency = a.concurrency;
    options.overlap_tls_with_tcp = !replay;  // a replay has no handshake for a closed endpoint
    options.source_address = topology::canonical_ip(a.source_address);
    ProgressLine progress_line(std::cerr);
    if (a.progress) {
        options.progress = [&](const std::string& phase, std::size_t done, std::size_t total) {
            progress_line.update({done, total, phase});
        };
    }
    std::vector<std::string> errors;
    checks::partners::PartnerProbeBackends wired = backends->get();
    const p::Observations observations =
        checks::partners::probe_partners(list, options, wired, errors);
    progress_line.clear();
    for (const std::string& e : errors) std::cerr << "edgeplan partners: " << e << "\n";

    checks::partners::JudgeSettings judge;
    judge.now = *now;
    judge.expiry_warning_days = certificates.expiry_warning_days;
    judge.ca_file = certificates.ca_file;
    checks::partners::PartnerJudgement judgement =
        checks::partners::judge_partners(list, observations, judge);

    report::Report r;
    r.tool_version = EDGEPLAN_VERSION;
    r.command = "partners";
    r.fail_on_warn = a.fail_on == "warn";
    r.started_at = format_iso_utc(checks::UtcClock::now());
    r.now = format_iso_utc(*now);
    r.inputs = model_inputs(model, a.topology, a.settings);
    if (!a.partners_file.empty()) {
        r.inputs.push_back({"partners", a.partners_file, report::sha256_file_hex(a.partners_file),
                            "partner-list"});
    }
    r.options.emplace_back("command_line", a.command_line);
    r.options.emplace_back("dns_server", dns_server);
    if (!a.source_address.empty()) r.options.emplace_back("source_address", a.source_address);
    r.options.emplace_back("timeout_ms", std::to_string(timeout->count()));
    r.options.emplace_back("concurrency", std::to_string(a.concurrency));
    if (!a.replay.empty()) r.options.emplace_back("replay", a.replay);
    if (!a.record.empty()) r.options.emplace_back("record", a.record);
    if (!a.certificates.ca_file.empty()) r.options.emplace_back("ca_file", a.certificates.ca_file);
    r.options.emplace_back("expiry_warning_days", std::to_string(certificates.expiry_warning_days));
    r.options.emplace_back("partners", std::to_string(list.partners.size()));
    r.findings = std::move(judgement.findings);
    r.partners = std::move(judgement.rows);
    for (const checks::CheckInfo& info : checks::partners::partner_rule_catalogue()) {
        r.catalogue[report::catalogue_key(info)] = info;
    }
    report::TextOptions text = a.text;
    text.show_plan = false;  // the partner table takes the plan's place

    try {
        render_report_outputs(r, outputs, text, files);
        if (!a.record.empty()) {
            files.set_content(outputs.size(), p::observations_to_json_text(observations));
        }
        files.commit();
    } catch (const report::OutputError& e) {
        std::cerr << "edgeplan partners: " << e.what() << "\n";
        return exit_tool_error;
    }
    if (!a.quiet && !print_report(r, a.format, text)) {
        std::cerr << "edgeplan partners: cannot write the report to standard output\n";
        return exit_tool_error;
    }
    const int code = exit_code_for(r.summary(), a.fail_on == "warn");
    // A backend failure leaves partners undecided: never a clean exit.
    return code == exit_ok && !errors.empty() ? exit_tool_error : code;
}

}  // namespace edgeplan::app
