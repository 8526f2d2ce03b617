#include "app/cli.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <boost/algorithm/string/case_conv.hpp>
#include <boost/program_options.hpp>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "app/certificate_options.h"
#include "app/check_command.h"
#include "app/commands.h"
#include "app/count_option.h"
#include "app/diff_command.h"
#include "app/exit_codes.h"
#include "app/listen_command.h"
#include "app/partners_command.h"
#include "app/render_command.h"
#include "checks/registry.h"
#include "checks/selection.h"

namespace po = boost::program_options;

namespace edgeplan::app {
namespace {

const char* const usage_text =
    "usage: edgeplan <command> [options]\n"
    "\n"
    "commands:\n"
    "  plan [TOPOLOGY]   derive the DNS records, firewall rules and certificates the topology\n"
    "                    needs and run the offline checks (default: the embedded sample)\n"
    "  check TOPOLOGY    run the offline checks and the probe checks (DNS, TCP, UDP STUN,\n"
    "                    TLS with SIP OPTIONS, XMPP STARTTLS)\n"
    "                    against the network, toward the addresses of the plan only\n"
    "  diff OLD NEW      what a topology change adds to and removes from the plan (DNS,\n"
    "                    firewall, certificates) and the offline findings\n"
    "  render REPORT     render a saved JSON report of plan or check again, in any format,\n"
    "                    as the run did\n"
    "  checks            list the check catalogue\n"
    "  listen TOPOLOGY   answer token-echo probes on the ports the plan expects on this host\n"
    "  partners TOPOLOGY audit every federation partner of --settings / --partners FILE: SRV,\n"
    "                    addresses, TCP 5061 (XMPP 5269), TLS and certificate; probes the\n"
    "                    partners' public servers\n"
    "\n"
    "exit codes: 0 no failure, 1 a finding failed (or warned with --fail-on warn),\n"
    "            2 usage or input error (nothing was checked), 3 the tool could not decide\n"
    "\n"
    "Run 'edgeplan <command> --help' for the options of a command.\n";

// --format of plan, check, render and diff (app/report_outputs.h).
const char* const report_formats_help = "text | json | junit | sarif | html | markdown";

// The options `plan` and `check` share, declared once so the two commands cannot drift. The
// head comes first in each command's help, the tail last; `formats` is the --format help.
void add_report_options_head(po::options_description& options, const char* formats) {
    // clang-format off
    options.add_options()
        ("help,h", "show this help")
        ("settings", po::value<std::string>(),
         "edgeplan settings file: federation policy and overrides for a Lync export; applied "
         "after --settings-from, so it overrides them")
        ("settings-from", po::value<std::vector<std::string>>(),
         "DIR, repeatable: a folder of PowerShell exports (Get-CsAccessEdgeConfiguration, "
         "Get-CsAllowedDomain, ...; docs/settings-from.md), applied in order")
        ("format", po::value<std::string>()->default_value("text"), formats)
        ("output", po::value<std::vector<std::string>>(),
         "FORMAT=FILE, repeatable: also write the report in FORMAT (text, json, junit, sarif, "
         "html, markdown) to FILE, atomically")
        ("now", po::value<std::string>(),
         "date for date-dependent rules, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default: the "
         "system clock)")
        ("only", po::value<std::vector<std::string>>(), "run only these check IDs, areas or kinds")
        ("skip", po::value<std::vector<std::string>>(), "skip these check IDs, areas or kinds")
        ("fail-on", po::value<std::string>()->default_value("fail"),
         "fail | warn: lowest status that makes the exit code 1")
        ("baseline", po::value<std::string>(),
         "REPORT.json: a previous JSON report; what failed there is known and does not fail the "
         "run")
        ("waivers", po::value<std::string>(), "FILE: accepted findings until a date (docs/waivers.md)");
    // clang-format on
}

void add_report_options_tail(po::options_description& options) {
    // clang-format off
    options.add_options()
        ("verbose,v", "show the evidence of every finding, the passes and the checks that do not "
         "apply")
        ("quiet,q", "print nothing on stdout; the exit code tells")
        ("no-plan", "text output: leave out the plan tables");
    // clang-format on
}

po::options_description plan_options() {
    po::options_description options("edgeplan plan [TOPOLOGY] options");
    add_report_options_head(options, report_formats_help);
    // clang-format off
    options.add_options()
        ("emit-zone", po::value<std::string>(), "write DNS zone fragments and PowerShell scripts to DIR")
        ("emit-csr", po::value<std::string>(),
         "write OpenSSL req configs and certreq INF files to DIR")
        ("emit-firewall", po::value<std::string>(), "write firewall rules as CSV and nftables to DIR");
    // clang-format on
    add_report_options_tail(options);
    add_certificate_options(options, false);
    return options;
}

po::options_description checks_options() {
    po::options_description options("edgeplan checks options");
    options.add_options()("help,h", "show this help")(
        "format", po::value<std::string>()->default_value("text"), "text | json | markdown");
    return options;
}

std::vector<std::string> values(const po::variables_map& vm, const char* name) {
    return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

std::string value(const po::variables_map& vm, const char* name) {
    return vm.count(name) ? vm[name].as<std::string>() : std::string{};
}

// An empty value is almost always an unset shell variable (`--settings "$SETTINGS"`): refusing
// it keeps a CI gate from silently running without the input it was given.
void refuse_empty_values(const po::variables_map& vm, const po::options_description& options) {
    for (const auto& [name, stored] : vm) {
        // Switches (--quiet) take no value and are stored as an empty string.
        const po::option_description* option = options.find_nothrow(name, false);
        if (option && option->semantic()->max_tokens() == 0) continue;
        const auto* text = boost::any_cast<std::string>(&stored.value());
        const auto* texts = boost::any_cast<std::vector<std::string>>(&stored.value());
        const bool empty = (text && text->empty()) ||
                           (texts && std::any_of(texts->begin(), texts->end(),
                                                 [](const std::string& t) { return t.empty(); }));
        if (!empty) continue;
        const bool positional = name == "topology" || name == "old" || name == "new";
        throw po::error((positional ? boost::to_upper_copy(name) : "--" + name) +
                        " is an empty string (an unset variable?)");
    }
}

// A count option (app/count_option.h); a po::error names the option and the range.
long long count_value(const po::variables_map& vm, const char* name, long long min, long long max) {
    const std::string text = vm[name].as<std::string>();
    const std::optional<long long> number = parse_count(text, min, max);
    if (!number) {
        throw po::error(std::string("--") + name + " '" + text + "' must be a whole number from " +
                        std::to_string(min) + " to " + std::to_string(max));
    }
    return *number;
}

bool colour_wanted() {
    const char* no_colour = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && (no_colour == nullptr || *no_colour == '\0');
}

// The width the text report fits (docs/report-format.md "Text layout"): COLUMNS when it is a
// number, else the terminal's width when stdout is one, else 100; never under 40 columns, where
// no table stays readable.
std::size_t text_width() {
    constexpr std::size_t narrowest = 40;
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
        const std::optional<long long> n = parse_count(columns, 1, 100000);
        if (n) return std::max<std::size_t>(narrowest, static_cast<std::size_t>(*n));
    }
    winsize size{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return std::max<std::size_t>(narrowest, size.ws_col);
    }
    return 100;
}

// Parses `args` with one positional TOPOLOGY; nullopt when --help was printed instead.
std::optional<po::variables_map> parse_with_topology(const std::vector<std::string>& args,
                                                     const po::options_description& options) {
    po::options_description hidden;
    hidden.add_options()("topology", po::value<std::string>());
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("topology", 1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << options;
        return std::nullopt;
    }
    refuse_empty_values(vm, all);
    return vm;
}

// The fields of the shared options; PlanArguments and CheckArguments name them alike.
template <typename Arguments>
void read_report_options(const po::variables_map& vm, const std::vector<std::string>& args,
                         Arguments& a) {
    a.topology = value(vm, "topology");
    a.settings = value(vm, "settings");
    a.settings_dirs = values(vm, "settings-from");
    a.format = value(vm, "format");
    a.outputs = values(vm, "output");
    a.now = value(vm, "now");
    a.selection.only = values(vm, "only");
    a.selection.skip = values(vm, "skip");
    a.fail_on = value(vm, "fail-on");
    a.baseline = value(vm, "baseline");
    a.waivers = value(vm, "waivers");
    a.text.verbose = vm.count("verbose") > 0;
    a.text.show_plan = vm.count("no-plan") == 0;
    a.text.colour = colour_wanted();
    a.text.width = text_width();
    a.quiet = vm.count("quiet") > 0;
    a.certificates = read_certificate_options(vm);
    a.certificates.expiry_warning_days =
        static_cast<int>(count_value(vm, "expiry-warning-days", 0, 3650));
    for (std::size_t i = 0; i < args.size(); ++i) a.command_line += (i ? " " : "") + args[i];
}

// --only/--skip against the catalogue (checks/selection.h). `plan` runs the offline checks
// only, so an --only that selects none of them would run nothing: refused too.
void resolve_selection(checks::Selection& selection, bool offline_only) {
    const auto all = checks::make_all_checks();
    std::vector<checks::CheckInfo> catalogue;
    for (const auto& check : all) catalogue.push_back(check->info());
    const std::string error = checks::resolve_selection(selection, catalogue);
    if (!error.empty()) throw po::error(error);
    const bool any = std::any_of(catalogue.begin(), catalogue.end(), [&](const auto& info) {
        return (!offline_only || info.kind == checks::CheckKind::offline) &&
               selection.selects(info);
    });
    if (!any) {
        throw po::error(offline_only ? "--only/--skip leave no offline check to run (the live "
                                       "checks run with `edgeplan check`)"
                                     : "--only/--skip leave no check to run");
    }
}

int run_plan(const std::vector<std::string>& args) {
    const std::optional<po::variables_map> vm = parse_with_topology(args, plan_options());
    if (!vm) return exit_ok;
    PlanArguments a;
    read_report_options(*vm, args, a);
    resolve_selection(a.selection, true);
    a.emit_zone = value(*vm, "emit-zone");
    a.emit_csr = value(*vm, "emit-csr");
    a.emit_firewall = value(*vm, "emit-firewall");
    return plan_command(a);
}

// The network options `check` and `partners` share: where the probes leave from, how long one
// operation may take, how many run at once, and recording or replaying what they saw.
void add_network_options(po::options_description& options, const char* concurrency_help) {
    // clang-format off
    options.add_options()
        ("source-address", po::value<std::string>(), "ADDR: bind TCP probes to this source address")
        ("timeout", po::value<std::string>()->default_value("3s"),
         "deadline per network operation (500ms, 3s)")
        ("concurrency", po::value<std::string>()->default_value("8192"), concurrency_help)
        ("record", po::value<std::string>(), "FILE: save the observations of this run (JSON)")
        ("replay", po::value<std::string>(), "FILE: use recorded observations instead of the network");
    // clang-format on
}

// Reads what add_network_options declared (and the progress line, drawn on a terminal unless
// --quiet) into CheckArguments or PartnersArguments.
template <typename Arguments>
void read_network_options(const po::variables_map& vm, Arguments& a) {
    a.source_address = value(vm, "source-address");
    a.timeout = value(vm, "timeout");
    a.concurrency = static_cast<std::size_t>(count_value(vm, "concurrency", 1, 1000000));
    a.record = value(vm, "record");
    a.replay = value(vm, "replay");
    a.progress = !a.quiet && isatty(STDERR_FILENO);
}

po::options_description check_options() {
    po::options_description options("edgeplan check TOPOLOGY options");
    add_report_options_head(options, report_formats_help);
    // clang-format off
    options.add_options()
        ("dns-server", po::value<std::vector<std::string>>(),
         "ADDR[:PORT], repeatable: external DNS servers (default: /etc/resolv.conf)")
        ("internal-dns-server", po::value<std::vector<std::string>>(),
         "ADDR[:PORT], repeatable: internal/perimeter DNS for the internal-zone records")
        ("from", po::value<std::vector<std::string>>(),
         "external | internal | edge, repeatable: where the probes run from (default external)")
        ("responder", po::value<std::string>(), "ADDR: with --from edge, probe outbound rules toward it")
        ("sample", po::value<std::string>()->default_value("16"),
         "N: with --from edge, ports probed per outbound port range (as `listen --sample`)")
        ("target", po::value<std::vector<std::string>>(), "ADDR, repeatable: also allow this probe target");
    // clang-format on
    add_network_options(options, "network operations in flight (1 to 1000000)");
    add_report_options_tail(options);
    add_certificate_options(options, true);
    return options;
}

int run_check(const std::vector<std::string>& args) {
    const std::optional<po::variables_map> parsed = parse_with_topology(args, check_options());
    if (!parsed) return exit_ok;
    const po::variables_map& vm = *parsed;
    CheckArguments a;
    read_report_options(vm, args, a);
    resolve_selection(a.selection, false);
    a.dns_servers = values(vm, "dns-server");
    a.internal_dns_servers = values(vm, "internal-dns-server");
    a.from = values(vm, "from");
    a.responder = value(vm, "responder");
    a.targets = values(vm, "target");
    a.sample = static_cast<int>(count_value(vm, "sample", 1, 10000));
    read_network_options(vm, a);
    return check_command(a);
}

po::options_description diff_options() {
    po::options_description options("edgeplan diff OLD NEW options");
    // clang-format off
    options.add_options()
        ("help,h", "show this help")
        ("settings", po::value<std::string>(), "edgeplan settings file for NEW (and OLD)")
        ("old-settings", po::value<std::string>(), "edgeplan settings file for OLD")
        ("settings-from", po::value<std::vector<std::string>>(),
         "DIR, repeatable: a folder of PowerShell exports (docs/settings-from.md) for NEW (and "
         "OLD), applied in order before --settings")
        ("old-settings-from", po::value<std::vector<std::string>>(),
         "DIR, repeatable: a folder of PowerShell exports for OLD")
        ("format", po::value<std::string>()->default_value("text"), report_formats_help)
        ("output", po::value<std::vector<std::string>>(),
         "FORMAT=FILE, repeatable: also write the diff in FORMAT (text, json, junit, sarif, "
         "html, markdown) to FILE, atomically")
        ("now", po::value<std::string>(), "date for date-dependent rules, YYYY-MM-DD")
        ("fail-on", po::value<std::string>()->default_value("fail"),
         "fail | warn: a new finding of this status or worse makes the exit code 1")
        ("quiet,q", "print nothing on stdout; the exit code tells");
    // clang-format on
    return options;
}

int run_diff(const std::vector<std::string>& args) {
    po::options_description options = diff_options();
    po::options_description all;
    all.add(options).add_options()("old", po::value<std::string>())("new",
                                                                    po::value<std::string>());
    po::positional_options_description positional;
    positional.add("old", 1).add("new", 1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << options;
        return exit_ok;
    }
    refuse_empty_values(vm, all);
    DiffArguments a;
    a.old_topology = value(vm, "old");
    a.new_topology = value(vm, "new");
    a.settings = value(vm, "settings");
    a.old_settings = value(vm, "old-settings");
    a.settings_dirs = values(vm, "settings-from");
    a.old_settings_dirs = values(vm, "old-settings-from");
    a.format = value(vm, "format");
    a.outputs = values(vm, "output");
    a.now = value(vm, "now");
    a.fail_on = value(vm, "fail-on");
    a.quiet = vm.count("quiet") > 0;
    for (std::size_t i = 0; i < args.size(); ++i) a.command_line += (i ? " " : "") + args[i];
    return diff_command(a);
}

po::options_description render_options() {
    po::options_description options("edgeplan render REPORT.json options");
    // clang-format off
    options.add_options()
        ("help,h", "show this help")
        ("format", po::value<std::string>()->default_value("text"), report_formats_help)
        ("output", po::value<std::vector<std::string>>(),
         "FORMAT=FILE, repeatable: also write the report in FORMAT (text, json, junit, sarif, "
         "html, markdown) to FILE, atomically")
        ("fail-on", po::value<std::string>(),
         "fail | warn: lowest status that makes the exit code 1 (default: the run's)")
        ("verbose,v", "show the evidence of every finding")
        ("quiet,q", "print nothing on stdout; the exit code tells")
        ("no-plan", "text output: leave out the plan tables");
    // clang-format on
    return options;
}

int run_render(const std::vector<std::string>& args) {
    const std::optional<po::variables_map> parsed = parse_with_topology(args, render_options());
    if (!parsed) return exit_ok;
    const po::variables_map& vm = *parsed;
    RenderArguments a;
    a.report = value(vm, "topology");  // the one positional argument
    a.format = value(vm, "format");
    a.outputs = values(vm, "output");
    a.fail_on = value(vm, "fail-on");
    a.text.verbose = vm.count("verbose") > 0;
    a.text.show_plan = vm.count("no-plan") == 0;
    a.text.colour = colour_wanted();
    a.quiet = vm.count("quiet") > 0;
    return render_command(a);
}

int run_checks_list(const std::vector<std::string>& args) {
    po::options_description options = checks_options();
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << options;
        return exit_ok;
    }
    refuse_empty_values(vm, options);
    return checks_command(value(vm, "format"));
}

int run_listen(const std::vector<std::string>& args) {
    po::options_description options("edgeplan listen TOPOLOGY options");
    options.add_options()("help,h", "show this help")("settings", po::value<std::string>(),
                                                      "edgeplan settings file")(
        "settings-from", po::value<std::vector<std::string>>(),
        "DIR, repeatable: a folder of PowerShell exports (docs/settings-from.md), applied in "
        "order before --settings")("role", po::value<std::string>(),
                                   "edge-external | edge-internal | partner")(
        "sample", po::value<std::string>(), "bind N ports spread evenly over each port range")(
        "duration", po::value<std::string>()->default_value("10m"), "stop after (30s, 10m, 1h)")(
        "bind", po::value<std::string>()->default_value("0.0.0.0"), "local address to bind")(
        "format", po::value<std::string>()->default_value("text"), "text | json (on stdout)");
    const std::optional<po::variables_map> parsed = parse_with_topology(args, options);
    if (!parsed) return exit_ok;
    const po::variables_map& vm = *parsed;
    if (!vm.count("topology") || !vm.count("role")) {
        std::cerr << "edgeplan listen: TOPOLOGY and --role are required\n" << options;
        return exit_input_error;
    }
    ListenArguments a;
    a.topology = value(vm, "topology");
    a.settings = value(vm, "settings");
    a.settings_dirs = values(vm, "settings-from");
    a.role = value(vm, "role");
    if (vm.count("sample")) a.sample = static_cast<int>(count_value(vm, "sample", 1, 10000));
    a.duration = value(vm, "duration");
    a.bind = value(vm, "bind");
    a.format = value(vm, "format");
    return listen_command(a);
}

po::options_description partners_options() {
    po::options_description options("edgeplan partners TOPOLOGY options");
    // clang-format off
    options.add_options()
        ("help,h", "show this help")
        ("settings", po::value<std::string>(),
         "edgeplan settings file: allowed and blocked domains, hosting providers, XMPP "
         "partners; applied after --settings-from, so it overrides them")
        ("settings-from", po::value<std::vector<std::string>>(),
         "DIR, repeatable: a folder of PowerShell exports (Get-CsAllowedDomain, "
         "Get-CsBlockedDomain, Get-CsHostingProvider, Get-CsXmppAllowedPartner, ...; "
         "docs/settings-from.md), applied in order")
        ("partners", po::value<std::string>(),
         "FILE: more partners, one domain per line or Get-CsAllowedDomain CSV "
         "(Domain,ProxyFqdn,Comment)")
        ("format", po::value<std::string>()->default_value("text"), report_formats_help)
        ("output", po::value<std::vector<std::string>>(),
         "FORMAT=FILE, repeatable: also write the report in FORMAT (text, json, junit, sarif, "
         "html, markdown) to FILE, atomically")
        ("now", po::value<std::string>(),
         "date for date-dependent rules, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default: the "
         "system clock)")
        ("fail-on", po::value<std::string>()->default_value("fail"),
         "fail | warn: lowest status that makes the exit code 1")
        ("dns-server", po::value<std::vector<std::string>>(),
         "ADDR[:PORT]: the DNS server every lookup goes to (default: /etc/resolv.conf)");
    // clang-format on
    add_network_options(options,
                        "network operations in flight (1 to 1000000; at most 256 TLS handshakes "
                        "under way, XMPP sessions on at most 128 threads)");
    add_report_options_tail(options);
    add_certificate_options(options, true);
    return options;
}

int run_partners(const std::vector<std::string>& args) {
    const std::optional<po::variables_map> parsed = parse_with_topology(args, partners_options());
    if (!parsed) return exit_ok;
    const po::variables_map& vm = *parsed;
    PartnersArguments a;
    a.topology = value(vm, "topology");
    a.settings = value(vm, "settings");
    a.settings_dirs = values(vm, "settings-from");
    a.partners_file = value(vm, "partners");
    a.format = value(vm, "format");
    a.outputs = values(vm, "output");
    a.now = value(vm, "now");
    a.fail_on = value(vm, "fail-on");
    a.text.verbose = vm.count("verbose") > 0;
    a.text.colour = colour_wanted();
    a.text.width = text_width();
    a.quiet = vm.count("quiet") > 0;
    a.certificates = read_certificate_options(vm);
    a.certificates.expiry_warning_days =
        static_cast<int>(count_value(vm, "expiry-warning-days", 0, 3650));
    for (std::size_t i = 0; i < args.size(); ++i) a.command_line += (i ? " " : "") + args[i];
    a.dns_servers = values(vm, "dns-server");
    read_network_options(vm, a);
    return partners_command(a);
}

}  // namespace

int run_cli(int argc, char** argv) {
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.empty()) {
        // A bare `edgeplan` is a mistake more often than a request for the sample plan, which
        // `edgeplan plan` (no TOPOLOGY) still gives.
        std::cerr << usage_text;
        return exit_input_error;
    }
    const std::string command = all.front();
    const std::vector<std::string> rest(all.begin() + 1, all.end());
    try {
        if (command == "--help" || command == "-h" || command == "help") {
            std::cout << usage_text;
            return exit_ok;
        }
        if (command == "--version") {
            std::cout << "edgeplan " << EDGEPLAN_VERSION << "\n";
            return exit_ok;
        }
        if (command == "plan") return run_plan(rest);
        if (command == "check") return run_check(rest);
        if (command == "checks") return run_checks_list(rest);
        if (command == "render") return run_render(rest);
        if (command == "diff") return run_diff(rest);
        if (command == "listen") return run_listen(rest);
        if (command == "partners") return run_partners(rest);
        std::cerr << "edgeplan: unknown command '" << command << "'\n" << usage_text;
        return exit_input_error;
    } catch (const po::error& e) {
        std::cerr << "edgeplan " << command << ": " << e.what() << "\n";
        return exit_input_error;
    } catch (const std::exception& e) {
        std::cerr << "edgeplan: internal error: " << e.what() << "\n";
        return exit_tool_error;
    }
}

}  // namespace edgeplan::app
